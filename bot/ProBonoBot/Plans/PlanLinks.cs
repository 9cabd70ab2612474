using System.Globalization;
using Microsoft.Extensions.Options;
using ProBonoBot.Hosting;

namespace ProBonoBot.Plans;

/// <summary>
/// Calendar links: signed for one milestone and one person, valid until <see cref="PlanOptions.InviteGrace"/> after the
/// milestone ends (so a calendar can still fetch a late change), at least an hour.
/// </summary>
public sealed class PlanLinks(LinkSigner links, IOptions<BotHostOptions> host, IOptions<PlanOptions> options, TimeProvider time)
{
    /// <summary>The host name in every invite's UID (<c>milestone-12@host</c>): stable, so a calendar updates the event it has.</summary>
    public string Host => Uri.TryCreate(host.Value.PublicBaseUrl, UriKind.Absolute, out var uri) ? uri.Host : "probonobot";

    /// <summary>The link to the milestone's invite for <paramref name="aad"/>; null when the milestone has no date.</summary>
    public async Task<string?> UrlAsync(Milestone milestone, string aad, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        if (milestone.EndsAt is not { } ends)
        {
            return null;
        }

        var lifetime = ends + options.Value.InviteGrace - time.GetUtcNow();
        var (expires, sig) = await links.SignAsync(Subject(milestone.Id, aad), lifetime < TimeSpan.FromHours(1) ? TimeSpan.FromHours(1) : lifetime, ct);
        return string.Create(CultureInfo.InvariantCulture,
            $"{host.Value.PublicBaseUrl.TrimEnd('/')}/plans/milestones/{milestone.Id}.ics?user={Uri.EscapeDataString(aad)}&expires={expires}&sig={sig}");
    }

    /// <summary>
    /// Reads (or creates) the signing key now, so signing inside a write transaction never needs the database: on SQLite
    /// the writer gate is held there, and creating the key would wait for it.
    /// </summary>
    public Task WarmAsync(CancellationToken ct) => links.SignAsync("warm", TimeSpan.FromMinutes(1), ct);

    public Task<bool> VerifyAsync(long milestoneId, string? aad, long expires, string? signature, CancellationToken ct) =>
        aad is null ? Task.FromResult(false) : links.VerifyAsync(Subject(milestoneId, aad), expires, signature, ct);

    private static string Subject(long milestoneId, string aad) => string.Create(CultureInfo.InvariantCulture, $"milestone-ics:{milestoneId}:{aad}");
}
