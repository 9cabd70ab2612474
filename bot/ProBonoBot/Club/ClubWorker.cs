using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.Options;
using ProBonoBot.Cards;
using ProBonoBot.Cards.Json;
using ProBonoBot.Cards.Projects;
using ProBonoBot.Outbox;
using ProBonoBot.People;
using ProBonoBot.Projects;
using ProBonoBot.Protocol.Activities;
using ProBonoBot.Protocol.Connector;
using ProBonoBot.SignUps;
using ProBonoBot.Storage;
using static ProBonoBot.Hosting.TurnExtensions;

namespace ProBonoBot.Club;

/// <summary>
/// The club's clockwork: brings posted announcement cards up to date (one PUT per copy per interval, however
/// many clicks happened), passes on expired offers, sends leaders their digest, forgets abandoned sign-ups.
/// Everything it acts on is in the database, so a restart loses nothing.
/// </summary>
public sealed class ClubWorker(
    ProjectStore projects,
    ChannelPosts channelPosts,
    SignUpStore signUps,
    SignUpSessionStore sessions,
    OutboxStore outbox,
    LanguageResolver languages,
    IConnectorClient connector,
    Outbox.DeliveryRate rate,
    Db db,
    IOptions<ClubOptions> options,
    TimeProvider time,
    ILogger<ClubWorker> logger) : BackgroundService
{
    private DateTimeOffset _nextDigest = DateTimeOffset.MinValue;
    private DateTimeOffset _nextHousekeeping = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CardUpdateInterval, time);
        try
        {
            do
            {
                await StepAsync("cards", UpdatePostedCardsAsync, stoppingToken).ConfigureAwait(false);
                if (time.GetUtcNow() >= _nextHousekeeping)
                {
                    _nextHousekeeping = time.GetUtcNow() + TimeSpan.FromSeconds(30);
                    await StepAsync("offers", async ct => await signUps.ExpireOffersAsync(ct).ConfigureAwait(false), stoppingToken).ConfigureAwait(false);
                    await StepAsync("sessions", async ct => await sessions.PurgeExpiredAsync(ct).ConfigureAwait(false), stoppingToken).ConfigureAwait(false);
                }

                if (time.GetUtcNow() >= _nextDigest)
                {
                    _nextDigest = time.GetUtcNow() + options.Value.LeaderDigestInterval;
                    await StepAsync("digest", SendDigestsAsync, stoppingToken).ConfigureAwait(false);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task StepAsync(string name, Func<CancellationToken, Task> step, CancellationToken ct)
    {
        try
        {
            await step(ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            Log.ClubStepFailed(logger, name, ex.GetType().Name);
        }
    }

    /// <summary>PUTs the current card to every posted copy whose project changed since it was rendered.</summary>
    internal async Task UpdatePostedCardsAsync(CancellationToken ct)
    {
        var stale = await projects.StalePostedCardsAsync(100, ct).ConfigureAwait(false);
        foreach (var group in stale.GroupBy(s => s.ProjectNumber))
        {
            var project = await projects.GetAsync(group.Key, ct).ConfigureAwait(false);
            if (project is null)
            {
                continue;
            }

            var model = project.ToCard(await projects.CountsAsync(project.Number, ct).ConfigureAwait(false));
            var refresh = (await signUps.LiveForProjectAsync(project.Number, ct).ConfigureAwait(false))
                .Where(s => s.UserTeamsId is not null).Select(s => s.UserTeamsId!).ToList();
            var card = AnnouncementCard.Build(project.ChannelText, model, ViewerState.Nobody, refresh);
            foreach (var copy in group)
            {
                if (await UpdateCopyAsync(copy, card, ct).ConfigureAwait(false))
                {
                    await projects.MarkRenderedAsync(copy with { Version = project.CardVersion }, ct).ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>PUTs one copy; false when it should be tried again on the next tick (or is gone).</summary>
    private async Task<bool> UpdateCopyAsync(PostedCard copy, JsonObject card, CancellationToken ct)
    {
        try
        {
            // Background work: paced under Teams' limits (7 per second into one channel, the app's share overall), and
            // yielding to answers to people.
            await rate.AcquireAsync(copy.ConversationId, ct);
            using (ProactivePacer.Proactive())
            {
                await connector.UpdateCardAsync(copy.ServiceUrl, copy.ConversationId, copy.ActivityId, card, ct);
            }

            return true;
        }
        catch (ConnectorException ex) when (ex.StatusCode == 404)
        {
            // The message was deleted: stop updating it, and the channel no longer holds the project (unless
            // another copy is there), so publishing again may post a new one.
            Log.CardCopyGone(logger, copy.ProjectNumber);
            await channelPosts.DropCopyAsync(copy, ct).ConfigureAwait(false);
            return false;
        }
        catch (ConnectorException ex) when (ex.StatusCode is 429 or >= 500)
        {
            // Still throttled or failing after the connector's retries: this copy stays stale and is tried again
            // next tick (one PUT per copy per interval), while the other copies go on.
            Log.CardUpdateFailed(logger, copy.ProjectNumber, ex.StatusCode, ex.ErrorCode ?? "-");
            return false;
        }
        catch (ConnectorException ex)
        {
            // The bot was removed or the update refused: stop trying for this version.
            Log.CardUpdateFailed(logger, copy.ProjectNumber, ex.StatusCode, ex.ErrorCode ?? "-");
            return true;
        }
        catch (HttpRequestException ex)
        {
            Log.CardUpdateFailed(logger, copy.ProjectNumber, 0, ex.GetType().Name);
            return false;
        }
    }

    /// <summary>One message per leader with the sign-up news since the last digest.</summary>
    internal async Task SendDigestsAsync(CancellationToken ct)
    {
        var events = (await db.ReadAsync(c => c.QueryAsync<(long Id, long Project, string Leader, string Kind, string? User, string? Role)>(
            "SELECT id, project_number, leader_aad, kind, user_name, role_name FROM leader_events WHERE sent = FALSE ORDER BY id LIMIT 1000"), ct)
            .ConfigureAwait(false)).ToList();
        if (events.Count == 0)
        {
            return;
        }

        var messages = new List<OutboxItem>();
        foreach (var byLeader in events.GroupBy(e => e.Leader))
        {
            var t = UiText.For(await languages.ForPersonAsync(byLeader.Key, Language.Japanese, ct).ConfigureAwait(false)).Projects;
            var lines = new List<string> { $"**{t.DigestTitle}**" };
            foreach (var byProject in byLeader.GroupBy(e => e.Project))
            {
                var project = await projects.GetAsync(byProject.Key, ct).ConfigureAwait(false);
                if (project is null or { Status: ProjectStatus.Cancelled })
                {
                    // News of a project cancelled meanwhile is no news: the events are marked sent below, unsent.
                    continue;
                }

                lines.Add(string.Empty);
                lines.Add($"**#{byProject.Key} {Markdown.Escape(project?.Title)}**");
                lines.AddRange(byProject.Select(e => "- " + F(e.Kind switch
                {
                    "signedUp" => t.DigestSignedUp,
                    "waitlisted" => t.DigestWaitlisted,
                    "withdrew" => t.DigestWithdrew,
                    "accepted" => t.DigestAccepted,
                    _ => t.DigestDeclined,
                }, Markdown.Escape(e.User ?? "?"), Markdown.Escape(e.Role ?? "?"))));
            }

            if (lines.Count > 1)
            {
                messages.Add(SignUpNotices.ToPerson(SignUpNotices.Text(string.Join("\n", lines)), byLeader.Key, null, null, null, null));
            }
        }

        await db.WriteAsync(async c =>
        {
            await using var tx = await c.BeginTransactionAsync(ct).ConfigureAwait(false);
            await outbox.EnqueueAsync(c, tx, messages).ConfigureAwait(false);
            await c.ExecuteAsync($"UPDATE leader_events SET sent = TRUE WHERE {db.In("id", "ids")}", new { ids = events.Select(e => e.Id).ToArray() }, tx).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
            return 0;
        }, ct).ConfigureAwait(false);
    }
}
