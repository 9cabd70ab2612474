using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ProBonoBot.Protocol.Auth;

/// <summary>
/// Authenticates inbound requests: Bot Connector tokens (with the <c>serviceurl</c> claim check and key
/// endorsements) and Entra ID tokens of the configured tenant from the apps listed in <c>AllowedCallers</c>.
/// In local development (no app id) only anonymous loopback requests pass.
/// </summary>
public sealed class BotAuthenticator(
    IOptions<BotFrameworkOptions> options,
    IOpenIdMetadataSource metadata,
    TimeProvider time,
    ILogger<BotAuthenticator> logger)
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    // Teams sends the same token with many activities. A token that passed full validation is remembered
    // (bounded in count and for at most ten minutes, never past its expiry) so that the signature is not
    // verified again; the per-activity checks (serviceurl, endorsements) still run every time.
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(10);
    private const int CacheLimit = 10_000;
    private readonly ConcurrentDictionary<string, (ClaimsIdentity Identity, DateTimeOffset Until)> _validated = new(StringComparer.Ordinal);
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly BotFrameworkOptions _options = options.Value;

    /// <summary>Validates the Authorization header against the activity it came with (both steps below).</summary>
    public async Task<AuthResult> AuthenticateAsync(
        string? authorizationHeader, string? serviceUrl, string? channelId, bool fromLoopback, CancellationToken cancellationToken)
    {
        var result = await AuthenticateTokenAsync(authorizationHeader, fromLoopback, cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? CheckActivity(result, serviceUrl, channelId) : result;
    }

    /// <summary>
    /// The checks that need only the request's headers: signature, issuer, audience, lifetime and, for Entra ID
    /// tokens, the allowed callers. Runs before the body is read, so a forged token costs no parsing.
    /// </summary>
    public async Task<AuthResult> AuthenticateTokenAsync(string? authorizationHeader, bool fromLoopback, CancellationToken cancellationToken)
    {
        if (_options.IsLocalDevelopment)
        {
            return fromLoopback
                ? AuthResult.AnonymousLocal
                : AuthResult.Fail("Anonymous access is accepted only from loopback (no MicrosoftAppId configured).");
        }

        if (string.IsNullOrWhiteSpace(authorizationHeader)
            || !authorizationHeader.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthResult.Fail("Missing bearer token.");
        }

        var token = authorizationHeader["Bearer ".Length..].Trim();
        if (_validated.TryGetValue(token, out var cached))
        {
            if (time.GetUtcNow() < cached.Until)
            {
                return AuthResult.Success(cached.Identity);
            }

            _validated.TryRemove(token, out _);
        }

        if (!_handler.CanReadToken(token))
        {
            return AuthResult.Fail("The bearer token is not a JWT.");
        }

        JsonWebToken unvalidated;
        try
        {
            unvalidated = new JsonWebToken(token);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenException)
        {
            return AuthResult.Fail("The bearer token is not a JWT.");
        }

        var issuer = unvalidated.Issuer;
        if (string.Equals(issuer, _options.ToBotFromChannelTokenIssuer, StringComparison.Ordinal))
        {
            return await ValidateAsync(
                token, _options.ToBotFromChannelOpenIdMetadataUrl, [_options.ToBotFromChannelTokenIssuer], [_options.MicrosoftAppId!], cancellationToken)
                .ConfigureAwait(false);
        }

        if (EntraIssuers().Contains(issuer, StringComparer.Ordinal))
        {
            // Checked before the signature: a caller that is not allowed costs no key fetch or RSA work. The
            // claim is part of the signed token, so a forged one still fails validation below.
            if (!IsAllowedCaller(unvalidated, issuer))
            {
                return AuthResult.Fail("The calling app is not in AllowedCallers.");
            }

            return await ValidateAsync(token, _options.ResolveEntraMetadataUrl(), [issuer], EntraAudiences(), cancellationToken)
                .ConfigureAwait(false);
        }

        return AuthResult.Fail("The token's issuer is not trusted.");
    }

    /// <summary>
    /// The checks that bind a channel token to this activity: the <c>serviceurl</c> claim must equal the
    /// activity's serviceUrl and the signing key must be endorsed for its channel. Entra ID tokens pass unchanged.
    /// </summary>
    public AuthResult CheckActivity(AuthResult result, string? serviceUrl, string? channelId)
    {
        ArgumentNullException.ThrowIfNull(result);
        // Fail closed: every token that is not one of the tenant's Entra ID tokens is held to the channel checks.
        return result.Succeeded && !result.Anonymous && !IsEntraToken(result.Identity!)
            ? CheckChannelActivity(result, serviceUrl, channelId)
            : result;
    }

    /// <summary>v2 tokens name the calling app in <c>azp</c>, v1 tokens (sts.windows.net) in <c>appid</c>.</summary>
    private bool IsAllowedCaller(JsonWebToken token, string issuer)
    {
        var claim = issuer.EndsWith("/v2.0", StringComparison.Ordinal) ? "azp" : "appid";
        return token.TryGetPayloadValue<string>(claim, out var caller)
            && !string.IsNullOrEmpty(caller)
            && _options.AllowedCallers.Contains(caller, StringComparer.OrdinalIgnoreCase);
    }

    private bool IsEntraToken(ClaimsIdentity identity) =>
        identity.FindFirst("iss")?.Value is { } issuer && EntraIssuers().Contains(issuer, StringComparer.Ordinal);

    private static AuthResult CheckChannelActivity(AuthResult result, string? serviceUrl, string? channelId)
    {
        var claim = result.Identity!.FindFirst("serviceurl")?.Value;
        if (string.IsNullOrEmpty(claim) || !string.Equals(claim, serviceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return AuthResult.Fail("The token's serviceurl claim does not match the activity's serviceUrl.");
        }

        return result.Identity.FindFirst(EndorsementClaim) is { } endorsements
            && !string.IsNullOrEmpty(channelId)
            && !endorsements.Value.Split(' ').Contains(channelId, StringComparer.OrdinalIgnoreCase)
            ? AuthResult.Fail("The signing key is not endorsed for this channel.")
            : result;
    }

    private const string EndorsementClaim = "probonobot:endorsements";

    private async Task<AuthResult> ValidateAsync(
        string token, string metadataUrl, string[] issuers, string[] audiences, CancellationToken ct)
    {
        var manager = metadata.GetManager(metadataUrl);
        OpenIdConnectConfiguration config;
        try
        {
            config = await manager.GetConfigurationAsync(ct).ConfigureAwait(false);
        }
        catch (InvalidOperationException ex)
        {
            Log.MetadataUnavailable(logger, metadataUrl, ex);
            return AuthResult.Fail("The signing keys could not be retrieved.");
        }

        var result = await _handler.ValidateTokenAsync(token, Parameters(config, issuers, audiences)).ConfigureAwait(false);
        if (!result.IsValid && result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // Keys roll over: fetch the metadata again once before giving up.
            manager.RequestRefresh();
            config = await manager.GetConfigurationAsync(ct).ConfigureAwait(false);
            result = await _handler.ValidateTokenAsync(token, Parameters(config, issuers, audiences)).ConfigureAwait(false);
        }

        if (!result.IsValid)
        {
            Log.TokenRejected(logger, result.Exception?.GetType().Name ?? "unknown");
            return AuthResult.Fail("The bearer token is not valid.");
        }

        var identity = result.ClaimsIdentity;
        if (result.SecurityToken is JsonWebToken jwt)
        {
            if (FindEndorsements(config, jwt.Kid) is { } endorsements)
            {
                identity.AddClaim(new Claim(EndorsementClaim, string.Join(' ', endorsements)));
            }

            Remember(token, identity, new DateTimeOffset(DateTime.SpecifyKind(jwt.ValidTo, DateTimeKind.Utc)));
        }

        return AuthResult.Success(identity);
    }

    private void Remember(string token, ClaimsIdentity identity, DateTimeOffset validTo)
    {
        if (_validated.Count >= CacheLimit)
        {
            _validated.Clear();
        }

        var limit = time.GetUtcNow() + CacheLifetime;
        _validated[token] = (identity, validTo < limit ? validTo : limit);
    }

    /// <summary>
    /// How every Entra / Bot Connector token is checked here: one of <paramref name="issuers"/> and <paramref name="audiences"/>,
    /// signed RS256 by a key of <paramref name="config"/>, unexpired (5 minutes' skew). The dashboard's sign-in uses it too.
    /// </summary>
    public static TokenValidationParameters Parameters(OpenIdConnectConfiguration config, IEnumerable<string> issuers, IEnumerable<string> audiences) => new()
    {
        ValidIssuers = issuers,
        ValidAudiences = audiences,
        IssuerSigningKeys = config.SigningKeys,
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateLifetime = true,
        ValidateIssuerSigningKey = true,
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        ClockSkew = ClockSkew,
    };

    private static List<string>? FindEndorsements(OpenIdConnectConfiguration config, string? kid)
    {
        var key = config.JsonWebKeySet?.Keys.FirstOrDefault(k => string.Equals(k.Kid, kid, StringComparison.Ordinal));
        if (key is null || !key.AdditionalData.TryGetValue("endorsements", out var value))
        {
            return null;
        }

        return value switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array => [.. array.EnumerateArray().Select(e => e.GetString() ?? string.Empty)],
            IEnumerable<object> list => [.. list.Select(o => o?.ToString() ?? string.Empty)],
            _ => null,
        };
    }

    private string[] EntraIssuers() => string.IsNullOrWhiteSpace(_options.MicrosoftAppTenantId)
        ? []
        : [$"https://sts.windows.net/{_options.MicrosoftAppTenantId}/", $"https://login.microsoftonline.com/{_options.MicrosoftAppTenantId}/v2.0"];

    private string[] EntraAudiences() =>
        [_options.MicrosoftAppId!, $"api://{_options.MicrosoftAppId}", $"api://botid-{_options.MicrosoftAppId}"];
}
