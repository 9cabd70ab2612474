using System.Text.Json;
using Microsoft.Extensions.Options;
using ProBonoBot.Broadcasts;
using ProBonoBot.Install;
using ProBonoBot.Projects;
using ProBonoBot.Protocol.Activities;
using ProBonoBot.Protocol.Connector;

namespace ProBonoBot.Outbox;

/// <summary>
/// Delivers the outbox: to a conversation, or to a person's 1:1 chat (creating it when the bot is installed
/// for them but no chat is stored). 403 → Blocked, 404 → NotFound, other failures retried with backoff, then Failed.
/// </summary>
public sealed class OutboxWorker(
    OutboxStore outbox,
    ChannelPosts channelPosts,
    OutboxSignal signal,
    ConversationStore conversations,
    IConnectorClient connector,
    DeliveryRate rate,
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
        try
        {
            var (conversationId, serviceUrl) = await ResolveAsync(row, ct).ConfigureAwait(false);
            if (conversationId is null || serviceUrl is null)
            {
                Log.OutboxNotDelivered(logger, row.Id, nameof(DeliveryStatus.NotInstalled));
                await outbox.CompleteAsync(row.Id, DeliveryStatus.NotInstalled, "no 1:1 conversation", ct).ConfigureAwait(false);
                return;
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
        }
        catch (ConnectorException ex) when (ex.StatusCode == 403)
        {
            Log.OutboxNotDelivered(logger, row.Id, nameof(DeliveryStatus.Blocked));
            if (row.ConversationId is { } blocked)
            {
                // Not messaged again until they write to the bot (every message re-activates the chat).
                await conversations.DeactivateAsync(blocked, ct).ConfigureAwait(false);
            }

            await outbox.CompleteAsync(row.Id, DeliveryStatus.Blocked, ex.ErrorCode, ct).ConfigureAwait(false);
        }
        catch (ConnectorException ex) when (ex.StatusCode == 404)
        {
            Log.OutboxNotDelivered(logger, row.Id, nameof(DeliveryStatus.NotFound));
            await outbox.CompleteAsync(row.Id, DeliveryStatus.NotFound, ex.ErrorCode, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ConnectorException or HttpRequestException or JsonException)
        {
            Log.OutboxDeliveryFailed(logger, row.Id, (int)row.Attempts + 1, ex.GetType().Name);
            if (row.Attempts + 1 >= MaxAttempts || ex is JsonException)
            {
                await outbox.CompleteAsync(row.Id, DeliveryStatus.Failed, ex.Message, ct).ConfigureAwait(false);
            }
            else
            {
                await outbox.RetryLaterAsync(row.Id, TimeSpan.FromSeconds(Math.Pow(2, row.Attempts + 1)), ex.Message, ct).ConfigureAwait(false);
            }
        }
    }

    private async Task<(string? ConversationId, string? ServiceUrl)> ResolveAsync(OutboxRow row, CancellationToken ct)
    {
        if (row.ConversationId is not null)
        {
            return (row.ConversationId, row.ServiceUrl);
        }

        if (row.UserAad is null)
        {
            return (null, null);
        }

        if (await conversations.FindPersonalAsync(row.UserAad, ct).ConfigureAwait(false) is { } personal)
        {
            return (personal.ConversationId, personal.ServiceUrl);
        }

        if (row.UserTeamsId is null || row.ServiceUrl is null || row.BotId is null)
        {
            return (null, null);
        }

        // Proactive 1:1: the app must be installed for the person; Teams answers 403/404 otherwise.
        var created = await connector.CreateConversationAsync(row.ServiceUrl, new ConversationParameters
        {
            IsGroup = false,
            Bot = new ChannelAccount { Id = row.BotId },
            Members = [new ChannelAccount { Id = row.UserTeamsId }],
            TenantId = row.TenantId,
            ChannelData = new TeamsChannelData { Tenant = new TenantInfo { Id = row.TenantId } },
        }, ct).ConfigureAwait(false);
        if (created.Id is null)
        {
            return (null, null);
        }

        await conversations.RefreshAsync(new ConversationReference(created.Id, ConversationTypes.Personal, row.ServiceUrl, "msteams",
            row.TenantId, row.BotId, row.UserTeamsId, row.UserAad, null, null, null, null, null, null), ct).ConfigureAwait(false);
        return (created.Id, row.ServiceUrl);
    }
}
