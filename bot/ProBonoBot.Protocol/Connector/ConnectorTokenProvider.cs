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
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private DateTimeOffset _refreshAt;

    public async ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        var bot = options.Value;
        if (bot.IsLocalDevelopment)
        {
            return null;
        }

        if (_token is not null && time.GetUtcNow() < _refreshAt)
        {
            return _token;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_token is not null && time.GetUtcNow() < _refreshAt)
            {
                return _token;
            }

            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = bot.MicrosoftAppId!,
                ["client_secret"] = bot.MicrosoftAppPassword ?? string.Empty,
                ["scope"] = bot.ToChannelFromBotOAuthScope,
            });
            using var response = await httpClient.PostAsync(new Uri(bot.ResolveLoginUrl()), form, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new ConnectorException((int)response.StatusCode, "TokenRequestFailed",
                    $"The token endpoint answered {(int)response.StatusCode}.");
            }

            var body = await response.Content.ReadFromJsonAsync(ProtocolJsonContext.Default.TokenResponse, cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrEmpty(body?.AccessToken))
            {
                throw new ConnectorException(502, "TokenRequestFailed", "The token endpoint returned no access_token.");
            }

            var lifetime = TimeSpan.FromSeconds(Math.Max(body.ExpiresIn, 60));
            _refreshAt = time.GetUtcNow() + (lifetime > RefreshMargin * 2 ? lifetime - RefreshMargin : lifetime / 2);
            _token = body.AccessToken;
            Log.TokenAcquired(logger, body.ExpiresIn);
            return _token;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
