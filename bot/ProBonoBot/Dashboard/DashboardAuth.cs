using System.Net;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using ProBonoBot.Hosting;
using ProBonoBot.Projects;
using ProBonoBot.Protocol.Auth;

namespace ProBonoBot.Dashboard;

/// <summary>Who is asking, as the dashboard's sign-in decided.</summary>
/// <param name="Status">200 signed in as a leader, 401 no or an invalid token, 403 not a club leader.</param>
/// <param name="Aad">The person's Entra object id (<c>oid</c>); null in anonymous local development.</param>
/// <param name="Name">The name in the token, if any.</param>
/// <param name="Local">True in anonymous local-development mode.</param>
/// <param name="Reason">Why the request was refused, for the client.</param>
public sealed record DashboardUser(int Status, string? Aad, string? Name, bool Local, string? Reason = null);

/// <summary>
/// The dashboard's sign-in: a Teams single sign-on token (Bearer) for the tab's own resource, issued by the bot's tenant
/// (v1 or v2 issuer) and signed with a key from the tenant's OpenID metadata — the same metadata source the bot's
/// <see cref="BotAuthenticator"/> uses. The <c>oid</c> claim must be a club leader (<see cref="LeaderDirectory"/>).
/// Anonymous access only in local development: no MicrosoftAppId, the Development environment, and a loopback request.
/// </summary>
public sealed class DashboardAuth(
    IOptions<BotFrameworkOptions> bot,
    IOptions<DashboardOptions> dashboard,
    IOptions<BotHostOptions> host,
    IOpenIdMetadataSource metadata,
    LeaderDirectory leaders,
    IWebHostEnvironment environment,
    ILogger<DashboardAuth> logger)
{
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    /// <summary>True when the request may be served without a token (local development on loopback).</summary>
    public bool IsLocalDevelopment(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return bot.Value.IsLocalDevelopment && environment.IsDevelopment()
            && http.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote)
            && LocalRequestGate.IsLoopbackName(http.Request.Host.Host);
    }

    /// <summary>The audiences a token may carry.</summary>
    public IReadOnlyList<string> Audiences()
    {
        var clientId = ClientId();
        if (string.IsNullOrWhiteSpace(clientId))
        {
            return [];
        }

        var list = new List<string>();
        if (!string.IsNullOrWhiteSpace(dashboard.Value.Audience))
        {
            list.Add(dashboard.Value.Audience.Trim());
        }

        if (Uri.TryCreate(host.Value.PublicBaseUrl, UriKind.Absolute, out var publicUri))
        {
            var authority = publicUri.IsDefaultPort ? publicUri.Host : publicUri.Authority;
            list.Add($"api://{authority}/botid-{clientId}");
            list.Add($"api://{authority}/{clientId}");
        }

        list.Add(clientId);
        return [.. list.Distinct(StringComparer.Ordinal)];
    }

    public async Task<DashboardUser> AuthenticateAsync(HttpContext http, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (IsLocalDevelopment(http))
        {
            return new DashboardUser(200, null, null, Local: true);
        }

        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return new DashboardUser(401, null, null, false, "Sign in through Teams: no bearer token.");
        }

        var token = header["Bearer ".Length..].Trim();
        var options = bot.Value;
        var audiences = Audiences();
        if (string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId) || audiences.Count == 0 || !_handler.CanReadToken(token))
        {
            return new DashboardUser(401, null, null, false, "The token is not valid.");
        }

        var tenant = options.MicrosoftAppTenantId;
        string[] issuers = [$"https://sts.windows.net/{tenant}/", $"https://login.microsoftonline.com/{tenant}/v2.0"];
        var metadataUrl = string.IsNullOrWhiteSpace(dashboard.Value.OpenIdMetadataUrl) ? options.ResolveEntraMetadataUrl() : dashboard.Value.OpenIdMetadataUrl;
        var manager = metadata.GetManager(metadataUrl);
        OpenIdConnectConfiguration config;
        try
        {
            config = await manager.GetConfigurationAsync(ct).ConfigureAwait(false);
        }
        catch (InvalidOperationException ex)
        {
            DashboardLog.MetadataUnavailable(logger, metadataUrl, ex);
            return new DashboardUser(401, null, null, false, "The signing keys could not be retrieved.");
        }

        var result = await _handler.ValidateTokenAsync(token, BotAuthenticator.Parameters(config, issuers, audiences)).ConfigureAwait(false);
        if (!result.IsValid && result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            manager.RequestRefresh();
            config = await manager.GetConfigurationAsync(ct).ConfigureAwait(false);
            result = await _handler.ValidateTokenAsync(token, BotAuthenticator.Parameters(config, issuers, audiences)).ConfigureAwait(false);
        }

        if (!result.IsValid)
        {
            var reason = result.Exception is null ? "unknown" : result.Exception.GetType().Name;
            DashboardLog.TokenRejected(logger, reason);
            return new DashboardUser(401, null, null, false, "The token is not valid for this app.");
        }

        var oid = result.ClaimsIdentity.FindFirst("oid")?.Value;
        var name = result.ClaimsIdentity.FindFirst("name")?.Value;
        if (string.IsNullOrWhiteSpace(oid))
        {
            return new DashboardUser(401, null, null, false, "The token names no person (oid).");
        }

        return await leaders.IsLeaderAsync(oid, ct).ConfigureAwait(false)
            ? new DashboardUser(200, oid, name, false)
            : new DashboardUser(403, oid, name, false, "The dashboard is for the club's leaders.");
    }

    private string? ClientId() => string.IsNullOrWhiteSpace(dashboard.Value.ClientId) ? bot.Value.MicrosoftAppId : dashboard.Value.ClientId.Trim();
}

internal static partial class DashboardLog
{
    [LoggerMessage(EventId = 9501, Level = LogLevel.Warning, Message = "Dashboard: the OpenID metadata at {Url} could not be read.")]
    public static partial void MetadataUnavailable(ILogger logger, string url, Exception exception);

    [LoggerMessage(EventId = 9502, Level = LogLevel.Information, Message = "Dashboard: a token was refused ({Reason}).")]
    public static partial void TokenRejected(ILogger logger, string reason);
}
