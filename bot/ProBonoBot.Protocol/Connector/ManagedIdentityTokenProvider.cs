using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProBonoBot.Protocol.Auth;

namespace ProBonoBot.Protocol.Connector;

/// <summary>
/// Tokens for <c>MicrosoftAppType=UserAssignedMSI</c>: the App Service managed-identity endpoint
/// (<c>IDENTITY_ENDPOINT</c> + <c>IDENTITY_HEADER</c>), else the instance metadata service. The client id is
/// <c>MicrosoftAppId</c>; the resource is the OAuth scope without <c>/.default</c>. Cached until five minutes
/// before expiry.
/// </summary>
public sealed class ManagedIdentityTokenProvider(
    HttpClient httpClient,
    IOptions<BotFrameworkOptions> options,
    TimeProvider time,
    ILogger<ManagedIdentityTokenProvider> logger) : IConnectorTokenProvider, IDisposable
{
    private const string ImdsEndpoint = "http://169.254.169.254/metadata/identity/oauth2/token";
    private readonly TokenCache _cache = new(time);

    /// <summary>Overrides of the environment (tests).</summary>
    public string? IdentityEndpoint { get; init; } = Environment.GetEnvironmentVariable("IDENTITY_ENDPOINT");

    public string? IdentityHeader { get; init; } = Environment.GetEnvironmentVariable("IDENTITY_HEADER");

    public async ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken) =>
        await _cache.GetAsync(FetchAsync, cancellationToken).ConfigureAwait(false);

    private async Task<(string, TimeSpan)> FetchAsync(CancellationToken ct)
    {
        using var request = CreateRequest(options.Value);
        using var response = await httpClient.SendAsync(request, ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new ConnectorException((int)response.StatusCode, "ManagedIdentityFailed",
                $"The managed identity endpoint answered {(int)response.StatusCode}.");
        }

        var body = await response.Content.ReadFromJsonAsync(ManagedIdentityJsonContext.Default.ManagedIdentityToken, ct).ConfigureAwait(false);
        if (string.IsNullOrEmpty(body?.AccessToken))
        {
            throw new ConnectorException(502, "ManagedIdentityFailed", "The managed identity endpoint returned no access_token.");
        }

        var expires = long.TryParse(body.ExpiresOn, NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch)
            ? DateTimeOffset.FromUnixTimeSeconds(epoch)
            : time.GetUtcNow().AddSeconds(long.TryParse(body.ExpiresIn, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : 600);
        var lifetime = expires - time.GetUtcNow();
        Log.TokenAcquired(logger, (int)lifetime.TotalSeconds);
        return (body.AccessToken, lifetime);
    }

    private HttpRequestMessage CreateRequest(BotFrameworkOptions bot)
    {
        var resource = Uri.EscapeDataString(bot.ToChannelFromBotOAuthScope.Replace("/.default", string.Empty, StringComparison.Ordinal));
        var clientId = Uri.EscapeDataString(bot.MicrosoftAppId ?? string.Empty);
        if (!string.IsNullOrEmpty(IdentityEndpoint) && !string.IsNullOrEmpty(IdentityHeader))
        {
            var appService = new HttpRequestMessage(HttpMethod.Get, $"{IdentityEndpoint}?api-version=2019-08-01&resource={resource}&client_id={clientId}");
            appService.Headers.Add("X-IDENTITY-HEADER", IdentityHeader);
            return appService;
        }

        var imds = new HttpRequestMessage(HttpMethod.Get, $"{ImdsEndpoint}?api-version=2018-02-01&resource={resource}&client_id={clientId}");
        imds.Headers.Add("Metadata", "true");
        return imds;
    }

    public void Dispose() => _cache.Dispose();
}

/// <summary>The managed identity endpoints' answer; they send numbers as strings.</summary>
public sealed record ManagedIdentityToken(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("expires_on")] string? ExpiresOn,
    [property: JsonPropertyName("expires_in")] string? ExpiresIn);

[JsonSerializable(typeof(ManagedIdentityToken))]
[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowReadingFromString)]
internal sealed partial class ManagedIdentityJsonContext : JsonSerializerContext;
