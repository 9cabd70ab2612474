using System.Text.Json;
using Microsoft.Extensions.Options;
using ProBonoBot.Broadcasts;
using ProBonoBot.Hosting;
using ProBonoBot.Install;
using ProBonoBot.Projects;
using ProBonoBot.Protocol.Activities;
using ProBonoBot.Protocol.Connector;

namespace ProBonoBot.Outbox;

/// <summary>
/// Delivers the outbox: to a conversation, or to a person's 1:1 chat (creating it — <c>POST v3/conversations</c>, paced
/// like a send — when they are in a roster but no chat is stored; the chat's reference is kept for next time).
/// 403 → Blocked (a refused creation is remembered, so later broadcasts do not try again), 404 → NotFound, 429 and 5xx
/// retried (by the connector client, honouring Retry-After, then here with backoff), then Failed.
/// </summary>
public sealed class OutboxWorker(
    OutboxStore outbox,
    ChannelPosts channelPosts,
    OutboxSignal signal,
    ConversationStore conversations,
    IConnectorClient connector,
    DeliveryRate rate,
    BotMetrics metrics,
    IOptions<BroadcastOptions> options,
    TimeProvider time,
    ILogger<OutboxWorker> logger) : BackgroundService
{
    private const int MaxAttempts = 5;
    private DateTimeOffset _nextTrim = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (time.GetUtcNow() >= _nextTrim)
                {
                    _nextTrim = time.GetUtcNow() + TimeSpan.FromSeconds(5);
                    rate.Trim();
                }

                // Claim about two seconds' worth at this instance's rate: small batches keep leases short.
                var batch = Math.Clamp((int)(rate.RatePerSecond * 2), 4, 200);
                var rows = await outbox.ClaimAsync(batch, o.Lease, stoppingToken).ConfigureAwait(false);
                await Parallel.ForEachAsync(rows, new ParallelOptions { MaxDegreeOfParallelism = o.Parallelism, CancellationToken = stoppingToken },
                    async (row, ct) =>
                    {
                        await rate.AcquireAsync(row.ConversationId ?? row.UserAad ?? string.Empty, ct).ConfigureAwait(false);
                        using (ProactivePacer.Proactive())
                        {
                            await DeliverAsync(row, ct).ConfigureAwait(false);
                        }
                    }).ConfigureAwait(false);
                if (rows.Count == 0)
                {
                    await signal.WaitAsync(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                Log.OutboxLoopFailed(logger, ex.GetType().Name);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(false);
            }
        }
    }

    internal async Task DeliverAsync(OutboxRow row, CancellationToken ct)
    {
        using var span = BotMetrics.Source.StartActivity("outbox.send");
        try
        {
            var result = await SendAsync(row, ct).ConfigureAwait(false);
            span?.SetTag("probonobot.result", result);
            metrics.Sent(result, row.BroadcastId);
        }
        catch (Exception ex)
        {
            BotMetrics.Fail(span, ex);
            throw;
        }
    }

    /// <summary>Sends one row and records its outcome; returns the result it is counted under (<see cref="OutboxResults"/>).</summary>
    private async Task<string> SendAsync(OutboxRow row, CancellationToken ct)
    {
        var target = new Target { ConversationId = row.ConversationId, ServiceUrl = row.ServiceUrl };
        try
        {
            await ResolveAsync(row, target, ct).ConfigureAwait(false);
            if (target.ConversationId is not { } conversationId || target.ServiceUrl is not { } serviceUrl)
            {
                Log.OutboxNotDelivered(logger, row.Id, nameof(DeliveryStatus.NotInstalled));
                await outbox.CompleteAsync(row.Id, DeliveryStatus.NotInstalled, "no 1:1 conversation", ct).ConfigureAwait(false);
                return OutboxResults.NotInstalled;
            }

            var activity = JsonSerializer.Deserialize(row.Activity, ProtocolJsonContext.Default.Activity)!;
            activity.Type ??= ActivityTypes.Message;
            activity.Conversation = new ConversationAccount { Id = conversationId };
            var sent = await connector.SendToConversationAsync(serviceUrl, conversationId, activity, ct).ConfigureAwait(false);
            if (row.UserAad is null && sent.Id is { } posted)
            {
                // A post into a conversation may be a broadcast's channel copy: its claim and live copy are
                // recorded with the outcome.
                await channelPosts.CompleteSentAsync(row, posted, ct).ConfigureAwait(false);
            }
            else
            {
                await outbox.CompleteAsync(row.Id, DeliveryStatus.Sent, sent.Id, ct).ConfigureAwait(false);
            }

            return OutboxResults.Sent;
        }
        catch (ConnectorException ex) when (ex.StatusCode == 403)
        {
            Log.OutboxNotDelivered(logger, row.Id, nameof(DeliveryStatus.Blocked));
            if (target.Creating && row.UserAad is { } person && row.ServiceUrl is { } url)
            {
                // Teams will not let the bot start a chat with them: not tried again until they open the bot themselves.
                Log.ChatRefused(logger, row.Id, ex.StatusCode);
                await conversations.MarkUnreachableAsync(person, row.UserTeamsId, url, row.TenantId, row.BotId, ct).ConfigureAwait(false);
            }
            else if (target.ConversationId is { } blocked)
            {
                // Not messaged again until they write to the bot (every message re-activates the chat).
                await conversations.DeactivateAsync(blocked, ct).ConfigureAwait(false);
            }

            await outbox.CompleteAsync(row.Id, DeliveryStatus.Blocked, ex.ErrorCode ?? "Forbidden", ct).ConfigureAwait(false);
            return OutboxResults.Blocked;
        }
        catch (ConnectorException ex) when (ex.StatusCode == 404)
        {
            Log.OutboxNotDelivered(logger, row.Id, nameof(DeliveryStatus.NotFound));
            await outbox.CompleteAsync(row.Id, DeliveryStatus.NotFound, ex.ErrorCode, ct).ConfigureAwait(false);
            return OutboxResults.NotFound;
        }
        catch (Exception ex) when (ex is ConnectorException or HttpRequestException or JsonException)
        {
            Log.OutboxDeliveryFailed(logger, row.Id, (int)row.Attempts + 1, ex.GetType().Name);
            if (row.Attempts + 1 >= MaxAttempts || ex is JsonException)
            {
                await outbox.CompleteAsync(row.Id, DeliveryStatus.Failed, ex.Message, ct).ConfigureAwait(false);
                return OutboxResults.Failed;
            }

            await outbox.RetryLaterAsync(row.Id, TimeSpan.FromSeconds(Math.Pow(2, row.Attempts + 1)), ex.Message, ct).ConfigureAwait(false);
            return OutboxResults.Retry;
        }
    }

    /// <summary>Finds (or creates) the conversation to write to; leaves <paramref name="target"/> empty when there is none.</summary>
    private async Task ResolveAsync(OutboxRow row, Target target, CancellationToken ct)
    {
        if (row.ConversationId is not null || row.UserAad is null)
        {
            return;
        }

        if (await conversations.FindPersonalAsync(row.UserAad, ct).ConfigureAwait(false) is { } personal)
        {
            // Also a chat this worker created for an earlier broadcast (or an earlier attempt of this row): never created twice.
            (target.ConversationId, target.ServiceUrl) = (personal.ConversationId, personal.ServiceUrl);
            return;
        }

        if (row.UserTeamsId is null || row.ServiceUrl is null || row.BotId is null)
        {
            return;
        }

        // Proactive 1:1 with a roster member: paced like a send (this runs inside the outbox's pacing scope).
        target.Creating = true;
        var created = await connector.CreateConversationAsync(row.ServiceUrl, new ConversationParameters
        {
            IsGroup = false,
            Bot = new ChannelAccount { Id = row.BotId },
            Members = [new ChannelAccount { Id = row.UserTeamsId }],
            TenantId = row.TenantId,
            ChannelData = new TeamsChannelData { Tenant = new TenantInfo { Id = row.TenantId } },
        }, ct).ConfigureAwait(false);
        target.Creating = false;
        if (created.Id is null)
        {
            return;
        }

        await conversations.RefreshAsync(new ConversationReference(created.Id, ConversationTypes.Personal, row.ServiceUrl, "msteams",
            row.TenantId, row.BotId, row.UserTeamsId, row.UserAad, null, null, null, null, null, null), ct).ConfigureAwait(false);
        await outbox.MarkCreatedChatAsync(row.Id, ct).ConfigureAwait(false);
        (target.ConversationId, target.ServiceUrl) = (created.Id, row.ServiceUrl);
    }

    /// <summary>Where a row goes, as far as delivery got: its conversation once known, and whether the chat was being created.</summary>
    private sealed class Target
    {
        public string? ConversationId { get; set; }
        public string? ServiceUrl { get; set; }
        public bool Creating { get; set; }
    }
}
