using System.Globalization;
using Microsoft.Extensions.Options;
using ProBonoBot.Hosting;

namespace ProBonoBot.Drafting;

/// <summary>
/// Download links for manuals: signed for one person and one manual, expiring. The download checks the
/// signature and, again, that the person is still a member or leader of the project.
/// </summary>
public sealed class ManualLinks(LinkSigner links, IOptions<BotHostOptions> host, IOptions<DraftingOptions> options)
{
    public async Task<string> UrlAsync(long manualId, string aad, CancellationToken ct)
    {
        var (expires, sig) = await links.SignAsync(Subject(manualId, aad), options.Value.LinkLifetime, ct).ConfigureAwait(false);
        return string.Create(CultureInfo.InvariantCulture,
            $"{host.Value.PublicBaseUrl.TrimEnd('/')}/manuals/{manualId}.md?user={Uri.EscapeDataString(aad)}&expires={expires}&sig={sig}");
    }

    public Task<bool> VerifyAsync(long manualId, string? aad, long expires, string? signature, CancellationToken ct) =>
        aad is null ? Task.FromResult(false) : links.VerifyAsync(Subject(manualId, aad), expires, signature, ct);

    private static string Subject(long manualId, string aad) => string.Create(CultureInfo.InvariantCulture, $"manual:{manualId}:{aad}");
}
