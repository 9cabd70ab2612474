using Microsoft.Extensions.Options;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using ProBonoBot.Protocol.Auth;
using ProBonoBot.Protocol.Connector;

namespace ProBonoBot.Install.Proactive;

/// <summary>
/// The bearer token on Graph requests: the bot's own credentials (client secret against its tenant, or its managed
/// identity) with Graph's scope, through the same token providers as the connector's. The token goes only to the
/// configured Graph origin, so a <c>@odata.nextLink</c> pointing elsewhere never receives it.
/// </summary>
internal sealed class GraphAuthentication : IAuthenticationProvider, IDisposable
{
    private readonly IConnectorTokenProvider _tokens;
    private readonly Uri _graph;

    public GraphAuthentication(IHttpClientFactory http, BotFrameworkOptions bot, ProactiveInstallOptions options, TimeProvider time, ILoggerFactory logs)
    {
        _graph = new Uri(options.GraphBaseUrl);
        var graphBot = Options.Create(new BotFrameworkOptions
        {
            MicrosoftAppType = bot.MicrosoftAppType,
            MicrosoftAppId = bot.MicrosoftAppId,
            MicrosoftAppPassword = bot.MicrosoftAppPassword,
            MicrosoftAppTenantId = bot.MicrosoftAppTenantId,
            // Graph tokens come from the bot's own tenant, never from botframework.com.
            ToChannelFromBotLoginUrl = string.IsNullOrWhiteSpace(options.TokenUrl)
                ? $"https://login.microsoftonline.com/{bot.MicrosoftAppTenantId}/oauth2/v2.0/token"
                : options.TokenUrl,
            ToChannelFromBotOAuthScope = options.Scope,
        });
        _tokens = string.Equals(bot.MicrosoftAppType, "UserAssignedMSI", StringComparison.OrdinalIgnoreCase)
            ? new ManagedIdentityTokenProvider(http.CreateClient(nameof(GraphAuthentication)), graphBot, time, logs.CreateLogger<ManagedIdentityTokenProvider>())
            : new ClientCredentialsTokenProvider(http.CreateClient(nameof(GraphAuthentication)), graphBot, time, logs.CreateLogger<ClientCredentialsTokenProvider>());
    }

    public async Task AuthenticateRequestAsync(RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!SameOrigin(request.URI, _graph))
        {
            throw new InvalidOperationException("Graph request outside the configured GraphBaseUrl refused.");
        }

        var token = await _tokens.GetTokenAsync(cancellationToken);
        request.Headers.TryAdd("Authorization", $"Bearer {token}");
    }

    public static bool SameOrigin(Uri a, Uri b) =>
        Uri.Compare(a, b, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

    public void Dispose() => (_tokens as IDisposable)?.Dispose();
}
