using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace ProBonoBot.Protocol.Connector;

/// <summary>Attaches the bot's token to requests for trusted hosts only, and speaks HTTP/1.1 to loopback.</summary>
public sealed class ConnectorAuthHandler(
    IConnectorTokenProvider tokens,
    TrustedHostPolicy policy,
    ILogger<ConnectorAuthHandler> logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        if (uri.IsLoopback)
        {
            // The Agents Playground drops HTTP/2 upgrades.
            request.Version = System.Net.HttpVersion.Version11;
            request.VersionPolicy = HttpVersionPolicy.RequestVersionExact;
        }

        request.Headers.Authorization = null;
        if (policy.IsTrusted(uri))
        {
            var token = await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }
        }
        else
        {
            Log.UntrustedHost(logger, uri.Host);
            throw new ConnectorException(0, "UntrustedServiceUrl", $"The service URL host '{uri.Host}' is not trusted; nothing was sent.");
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
