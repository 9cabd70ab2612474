using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using ProBonoBot.Broadcasts;
using ProBonoBot.Hosting;

namespace ProBonoBot.Drafting;

/// <summary>
/// Download links for manuals: signed for one person and one manual, expiring. The download checks the
/// signature and, again, that the person is still a member or leader of the project.
/// </summary>
public sealed class ManualLinks(BroadcastStore keys, IOptions<BotHostOptions> host, IOptions<DraftingOptions> options, TimeProvider time)
{
    public async Task<string> UrlAsync(long manualId, string aad, CancellationToken ct)
    {
        var expires = (time.GetUtcNow() + options.Value.LinkLifetime).ToUnixTimeSeconds();
        var sig = await SignAsync(manualId, aad, expires, ct).ConfigureAwait(false);
        return string.Create(CultureInfo.InvariantCulture,
            $"{host.Value.PublicBaseUrl.TrimEnd('/')}/manuals/{manualId}.md?user={Uri.EscapeDataString(aad)}&expires={expires}&sig={sig}");
    }

    public async Task<bool> VerifyAsync(long manualId, string? aad, long expires, string? signature, CancellationToken ct)
    {
        if (aad is null || signature is null || expires < time.GetUtcNow().ToUnixTimeSeconds())
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(await SignAsync(manualId, aad, expires, ct).ConfigureAwait(false));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature));
    }

    private async Task<string> SignAsync(long manualId, string aad, long expires, CancellationToken ct)
    {
        var key = await keys.LinkKeyAsync(ct).ConfigureAwait(false);
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"manual:{manualId}:{aad}:{expires}")));
        return Convert.ToHexString(mac).ToLowerInvariant();
    }
}
