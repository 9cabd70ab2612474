namespace ProBonoBot.Protocol.Connector;

/// <summary>
/// One cached bearer token: refreshed five minutes before it expires (or at half its life when it is short),
/// with concurrent callers sharing a single fetch.
/// </summary>
internal sealed class TokenCache(TimeProvider time) : IDisposable
{
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private DateTimeOffset _refreshAt;

    /// <summary>The cached token, or a new one from <paramref name="fetch"/> (token and lifetime).</summary>
    public async ValueTask<string> GetAsync(Func<CancellationToken, Task<(string Token, TimeSpan Lifetime)>> fetch, CancellationToken ct)
    {
        if (_token is not null && time.GetUtcNow() < _refreshAt)
        {
            return _token;
        }

        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_token is not null && time.GetUtcNow() < _refreshAt)
            {
                return _token;
            }

            var (token, lifetime) = await fetch(ct).ConfigureAwait(false);
            _refreshAt = time.GetUtcNow() + (lifetime > RefreshMargin * 2 ? lifetime - RefreshMargin : lifetime / 2);
            _token = token;
            return token;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
