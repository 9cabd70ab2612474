using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProBonoBot.Protocol.Activities;
using ProBonoBot.Protocol.Auth;

namespace ProBonoBot.Protocol.Connector;

/// <summary>Supplies the bearer token for outbound connector calls; MSAL or managed identity can plug in here.</summary>
public interface IConnectorTokenProvider
{
    /// <summary>The token, or null when the bot runs without credentials (local development).</summary>
    ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Client-credentials flow against <c>ToChannelFromBotLoginUrl</c> with scope <c>ToChannelFromBotOAuthScope</c>;
/// the token is cached until five minutes before it expires, and concurrent callers share one request.
/// </summary>
public sealed class ClientCredentialsTokenProvider(
    HttpClient httpClient,
    IOptions<BotFrameworkOptions> options,
    TimeProvider time,
    ILogger<ClientCredentialsTokenProvider> logger) : IConnectorTokenProvider, IDisposable
{
    private readonly TokenCache _cache = new(time);

    public async ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        var bot = options.Value;
        return bot.IsLocalDevelopment ? null : await _cache.GetAsync(ct => FetchAsync(bot, ct), cancellationToken).ConfigureAwait(false);
    }

    private async Task<(string, TimeSpan)> FetchAsync(BotFrameworkOptions bot, CancellationToken ct)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = bot.MicrosoftAppId!,
            ["client_secret"] = bot.MicrosoftAppPassword ?? string.Empty,
            ["scope"] = bot.ToChannelFromBotOAuthScope,
        });
        using var response = await httpClient.PostAsync(new Uri(bot.ResolveLoginUrl()), form, ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new ConnectorException((int)response.StatusCode, "TokenRequestFailed",
                $"The token endpoint answered {(int)response.StatusCode}.");
        }

        var body = await response.Content.ReadFromJsonAsync(ProtocolJsonContext.Default.TokenResponse, ct).ConfigureAwait(false);
        if (string.IsNullOrEmpty(body?.AccessToken))
        {
            throw new ConnectorException(502, "TokenRequestFailed", "The token endpoint returned no access_token.");
        }

        Log.TokenAcquired(logger, body.ExpiresIn);
        return (body.AccessToken, TimeSpan.FromSeconds(Math.Max(body.ExpiresIn, 60)));
    }

    public void Dispose() => _cache.Dispose();
}
