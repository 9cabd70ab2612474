using Microsoft.Extensions.Options;
using ProBonoBot.Protocol.Auth;

namespace ProBonoBot.Protocol.Connector;

/// <summary>
/// Decides which service URLs may receive the bot's token: a forged <c>serviceUrl</c> must never get it.
/// HTTPS is required except for loopback hosts, which are trusted automatically in local development and
/// otherwise only when configured explicitly.
/// </summary>
public sealed class TrustedHostPolicy
{
    private readonly string[] _exact;
    private readonly string[] _suffixes;
    private readonly bool _trustAnyLoopback;

    public TrustedHostPolicy(IOptions<ConnectorOptions> connector, IOptions<BotFrameworkOptions> bot)
    {
        var hosts = connector.Value.TrustedHosts.Select(h => h.Trim().ToLowerInvariant()).Where(h => h.Length > 0).ToArray();
        _exact = [.. hosts.Where(h => !h.StartsWith("*.", StringComparison.Ordinal))];
        _suffixes = [.. hosts.Where(h => h.StartsWith("*.", StringComparison.Ordinal)).Select(h => h[1..])];
        _trustAnyLoopback = bot.Value.IsLocalDevelopment;
    }

    /// <summary>True when <paramref name="uri"/> may receive the token.</summary>
    public bool IsTrusted(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var host = uri.IdnHost.ToLowerInvariant();
        var listed = _exact.Contains(host, StringComparer.Ordinal)
            || _suffixes.Any(s => host.EndsWith(s, StringComparison.Ordinal) && host.Length > s.Length);
        if (uri.IsLoopback)
        {
            return _trustAnyLoopback || listed || _exact.Contains(uri.Authority.ToLowerInvariant(), StringComparer.Ordinal);
        }

        return listed && uri.Scheme == Uri.UriSchemeHttps;
    }
}
