using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using ProBonoBot.Storage;

namespace ProBonoBot.Hosting;

/// <summary>
/// Expiring download links signed with HMAC-SHA256 (broadcast reports, manuals): only the bot can make one. The
/// key is created once, stored in <c>app_keys</c> so every instance shares it, and kept in memory after the first read.
/// </summary>
public sealed class LinkSigner(Db db, TimeProvider time)
{
    private byte[]? _key;

    /// <summary>The expiry (Unix seconds) and signature of a link to <paramref name="subject"/>, valid for <paramref name="lifetime"/>.</summary>
    public async Task<(long Expires, string Signature)> SignAsync(string subject, TimeSpan lifetime, CancellationToken ct)
    {
        var expires = (time.GetUtcNow() + lifetime).ToUnixTimeSeconds();
        return (expires, await SignatureAsync(subject, expires, ct).ConfigureAwait(false));
    }

    /// <summary>The <c>expires</c> of a link's query string; a missing or unreadable one is 0 (long expired), so the link is refused.</summary>
    public static long ParseExpiry(string? expires) =>
        long.TryParse(expires, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : 0;

    public async Task<bool> VerifyAsync(string subject, long expires, string? signature, CancellationToken ct)
    {
        if (signature is null || expires < time.GetUtcNow().ToUnixTimeSeconds())
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(await SignatureAsync(subject, expires, ct).ConfigureAwait(false));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature));
    }

    private async Task<string> SignatureAsync(string subject, long expires, CancellationToken ct)
    {
        var key = _key ??= await KeyAsync(ct).ConfigureAwait(false);
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{subject}:{expires}")));
        return Convert.ToHexString(mac).ToLowerInvariant();
    }

    private async Task<byte[]> KeyAsync(CancellationToken ct)
    {
        var key = await db.ReadAsync(c => c.QuerySingleOrDefaultAsync<string?>("SELECT value FROM app_keys WHERE name = 'report-links'"), ct).ConfigureAwait(false);
        if (key is null)
        {
            await db.WriteAsync(c => c.ExecuteAsync("INSERT INTO app_keys (name, value) VALUES ('report-links', @value) ON CONFLICT (name) DO NOTHING",
                new { value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) }), ct).ConfigureAwait(false);
            key = await db.ReadAsync(c => c.QuerySingleAsync<string>("SELECT value FROM app_keys WHERE name = 'report-links'"), ct).ConfigureAwait(false);
        }

        return Convert.FromBase64String(key);
    }
}
