using System.Globalization;
using Microsoft.Extensions.Options;
using ProBonoBot.Cards;
using ProBonoBot.Cards.Broadcasts;
using ProBonoBot.Cards.Json;
using ProBonoBot.Hosting;
using ProBonoBot.Outbox;
using ProBonoBot.People;
using ProBonoBot.Projects;
using ProBonoBot.Protocol.Activities;
using ProBonoBot.Protocol.Connector;

namespace ProBonoBot.Broadcasts;

/// <summary>
/// Keeps each running broadcast's report card current (PUT every few seconds), closes a broadcast when nothing is
/// pending, and signs the download link of its undelivered list.
/// </summary>
public sealed class BroadcastReporter(
    BroadcastStore broadcasts,
    ProjectStore projects,
    LanguageResolver languages,
    IConnectorClient connector,
    IOptions<BroadcastOptions> options,
    IOptions<BotHostOptions> host,
    LinkSigner links,
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
                    foreach (var id in await broadcasts.ActiveAsync(stoppingToken).ConfigureAwait(false))
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
        var progress = await ProgressAsync(id, language, ct).ConfigureAwait(false);
        if (progress!.Pending == 0)
        {
            await broadcasts.CompleteAsync(id, ct).ConfigureAwait(false);
            progress = await ProgressAsync(id, language, ct).ConfigureAwait(false);
        }

        if (broadcast.ReportConversationId is { } conversation && broadcast.ReportActivityId is { } activity && broadcast.ReportServiceUrl is { } serviceUrl)
        {
            await connector.UpdateCardAsync(serviceUrl, conversation, activity, BroadcastCards.Report(language, progress!), ct).ConfigureAwait(false);
        }
    }

    public async Task<BroadcastProgress?> ProgressAsync(long id, Language language, CancellationToken ct)
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
        return new BroadcastProgress(id, broadcast.ProjectNumber, project?.Title ?? "?", (int)broadcast.Total, C(DeliveryStatus.Sent), pending,
            C(DeliveryStatus.Failed) + C(DeliveryStatus.NotFound), C(DeliveryStatus.Blocked), C(DeliveryStatus.NotInstalled),
            rate, rate > 0 ? TimeSpan.FromSeconds(pending / rate) : null,
            Done: broadcast.Status != 0 || pending == 0, Cancelled: broadcast.Status == 2,
            FailuresUrl: await FailuresUrlAsync(id, ct).ConfigureAwait(false));
    }

    /// <summary>An expiring signed link to the CSV of who was not reached.</summary>
    public async Task<string> FailuresUrlAsync(long id, CancellationToken ct)
    {
        var (expires, signature) = await links.SignAsync(Subject(id), options.Value.LinkLifetime, ct).ConfigureAwait(false);
        return $"{host.Value.PublicBaseUrl.TrimEnd('/')}/broadcasts/{id}/undelivered.csv?expires={expires}&sig={signature}";
    }

    public Task<bool> VerifyAsync(long id, long expires, string? signature, CancellationToken ct) =>
        links.VerifyAsync(Subject(id), expires, signature, ct);

    private static string Subject(long id) => id.ToString(CultureInfo.InvariantCulture);
}
