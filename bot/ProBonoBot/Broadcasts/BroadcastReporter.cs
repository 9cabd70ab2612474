using System.Globalization;
using Microsoft.Extensions.Options;
using ProBonoBot.Cards;
using ProBonoBot.Cards.Broadcasts;
using ProBonoBot.Cards.Json;
using ProBonoBot.Cards.Wording;
using ProBonoBot.Hosting;
using ProBonoBot.Install;
using ProBonoBot.Outbox;
using ProBonoBot.People;
using ProBonoBot.Projects;
using ProBonoBot.Protocol.Activities;
using ProBonoBot.Protocol.Connector;

namespace ProBonoBot.Broadcasts;

/// <summary>
/// Keeps each running broadcast's report card current (PUT every few seconds), closes a broadcast when nothing is
/// pending, and signs the download link of its undelivered list — for the leader who started it, shown only on a report
/// in their 1:1 chat, and refused at download once they are no longer a club leader.
/// </summary>
public sealed class BroadcastReporter(
    BroadcastStore broadcasts,
    ProjectStore projects,
    LeaderDirectory leaders,
    ConversationStore conversations,
    LanguageResolver languages,
    PersonTimeZones zones,
    BroadcastEngagement engagement,
    IConnectorClient connector,
    IOptions<BroadcastOptions> options,
    IOptions<BotHostOptions> host,
    LinkSigner links,
    BotMetrics metrics,
    TimeProvider time,
    ILogger<BroadcastReporter> logger) : BackgroundService
{
    private static readonly TimeSpan RateWindow = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ReportInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    var active = await broadcasts.ActiveAsync(stoppingToken).ConfigureAwait(false);
                    metrics.RunningBroadcasts(active.Count);
                    foreach (var id in active)
                    {
                        await ReportAsync(id, stoppingToken).ConfigureAwait(false);
                    }
                }
                // A background loop must never stop the host: whatever a step throws (a database going away
                // surfaces as several exception types), it is logged and the loop goes on.
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    Log.ClubStepFailed(logger, "broadcast-report", ex.GetType().Name);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    internal async Task ReportAsync(long id, CancellationToken ct)
    {
        var broadcast = await broadcasts.GetAsync(id, ct).ConfigureAwait(false);
        if (broadcast is null)
        {
            return;
        }

        var language = await languages.ForPersonAsync(broadcast.CreatedBy, Language.Japanese, ct).ConfigureAwait(false);
        if ((await ProgressAsync(id, language, withLink: false, ct).ConfigureAwait(false))!.Pending == 0)
        {
            await broadcasts.CompleteAsync(id, ct).ConfigureAwait(false);

            // The report card may have been recorded meanwhile (a small broadcast finishes before its card is posted).
            broadcast = await broadcasts.GetAsync(id, ct).ConfigureAwait(false) ?? broadcast;
        }

        // Reports posted in a channel before reports went to 1:1 chats never get the link.
        var withLink = broadcast.ReportConversationId is { } reportChat
            && await conversations.GetAsync(reportChat, ct).ConfigureAwait(false) is { ConversationType: ConversationTypes.Personal };
        var progress = await ProgressAsync(id, language, withLink, ct).ConfigureAwait(false);
        if (broadcast.ReportConversationId is { } conversation && broadcast.ReportActivityId is { } activity && broadcast.ReportServiceUrl is { } serviceUrl)
        {
            using (ProactivePacer.Proactive())
            {
                await connector.UpdateCardAsync(serviceUrl, conversation, activity, BroadcastCards.Report(language, progress!), ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Where the broadcast stands; <paramref name="withLink"/> only for a report in the leader's 1:1 chat (the link lists who was not reached).</summary>
    public async Task<BroadcastProgress?> ProgressAsync(long id, Language language, bool withLink, CancellationToken ct)
    {
        var broadcast = await broadcasts.GetAsync(id, ct).ConfigureAwait(false);
        if (broadcast is null)
        {
            return null;
        }

        var (counts, recent) = await broadcasts.CountsAsync(id, RateWindow, ct).ConfigureAwait(false);
        int C(DeliveryStatus s) => counts.GetValueOrDefault(s);
        var rate = recent / RateWindow.TotalSeconds;
        var pending = C(DeliveryStatus.Pending);
        var project = await projects.GetAsync(broadcast.ProjectNumber, ct).ConfigureAwait(false);
        var scheduledFor = broadcast.Status == BroadcastStore.Scheduled && broadcast.SendAt is { } sendAt
            ? Times.DateTime(sendAt, language, await zones.ForPersonAsync(broadcast.CreatedBy, ct), time.GetUtcNow())
            : null;
        var outcome = broadcast.Status == BroadcastStore.Scheduled ? null : await engagement.FiguresAsync(id, ct);
        return new BroadcastProgress(id, broadcast.ProjectNumber, project?.Title ?? "?", (int)broadcast.Total, C(DeliveryStatus.Sent), pending,
            C(DeliveryStatus.Failed) + C(DeliveryStatus.NotFound), C(DeliveryStatus.Blocked), C(DeliveryStatus.NotInstalled),
            rate, rate > 0 ? TimeSpan.FromSeconds(pending / rate) : null,
            Done: broadcast.Status != BroadcastStore.Running || pending == 0, Cancelled: broadcast.Status == BroadcastStore.Cancelled,
            FailuresUrl: withLink ? await FailuresUrlAsync(id, broadcast.CreatedBy, ct).ConfigureAwait(false) : null,
            Outcome: outcome, ScheduledFor: scheduledFor);
    }

    /// <summary>An expiring link to the CSV of who was not reached, signed for <paramref name="leaderAad"/> (who started the broadcast).</summary>
    public async Task<string> FailuresUrlAsync(long id, string leaderAad, CancellationToken ct)
    {
        var (expires, signature) = await links.SignAsync(Subject(id, leaderAad), options.Value.LinkLifetime, ct).ConfigureAwait(false);
        return $"{host.Value.PublicBaseUrl.TrimEnd('/')}/broadcasts/{id}/undelivered.csv?user={Uri.EscapeDataString(leaderAad)}&expires={expires}&sig={signature}";
    }

    /// <summary>
    /// Whether a download link may be served: 200 when it is genuine, unexpired, and signed for the leader who started the
    /// broadcast who is still a club leader; 401 for a forged, edited or expired link; 403 for anyone else.
    /// </summary>
    public async Task<int> CheckLinkAsync(long id, string? user, long expires, string? signature, CancellationToken ct)
    {
        if (user is null || !await links.VerifyAsync(Subject(id, user), expires, signature, ct).ConfigureAwait(false))
        {
            return StatusCodes.Status401Unauthorized;
        }

        var broadcast = await broadcasts.GetAsync(id, ct).ConfigureAwait(false);
        return broadcast is not null && string.Equals(broadcast.CreatedBy, user, StringComparison.OrdinalIgnoreCase)
            && await leaders.IsLeaderAsync(user, ct).ConfigureAwait(false)
            ? StatusCodes.Status200OK
            : StatusCodes.Status403Forbidden;
    }

    private static string Subject(long id, string aad) =>
        string.Create(CultureInfo.InvariantCulture, $"broadcast-undelivered:{id}:{aad.ToUpperInvariant()}");
}
