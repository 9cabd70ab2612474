using System.Collections.Concurrent;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ProBonoBot.Protocol.Auth;

/// <summary>Supplies (cached, auto-refreshing) OpenID configuration per metadata address.</summary>
public interface IOpenIdMetadataSource
{
    IConfigurationManager<OpenIdConnectConfiguration> GetManager(string metadataUrl);
}

/// <summary>
/// Fetches OpenID metadata over HTTPS; plain HTTP only for loopback hosts (local issuers in tests and development).
/// </summary>
public sealed class HttpOpenIdMetadataSource(HttpClient httpClient) : IOpenIdMetadataSource
{
    private readonly ConcurrentDictionary<string, IConfigurationManager<OpenIdConnectConfiguration>> _managers = new(StringComparer.Ordinal);

    public IConfigurationManager<OpenIdConnectConfiguration> GetManager(string metadataUrl) =>
        _managers.GetOrAdd(metadataUrl, url =>
        {
            var uri = new Uri(url);
            var retriever = new HttpDocumentRetriever(httpClient) { RequireHttps = !uri.IsLoopback };
            return new ConfigurationManager<OpenIdConnectConfiguration>(url, new OpenIdConnectConfigurationRetriever(), retriever);
        });
}
