using System.Text.Json;
using ProBonoBot.Install;
using ProBonoBot.Outbox;
using ProBonoBot.Protocol.Activities;
using ProBonoBot.Protocol.Connector;
using ProBonoBot.Protocol.Routing;

namespace ProBonoBot.Turns;

/// <summary>
/// Sends a turn's answers so that none is lost: the connector's answers after its own retries are outcomes, not
/// crashes — 403 (the person blocked the bot) and 404 (the chat is gone) end the answer, a card that
/// can no longer be updated is sent as a new message, and 429/5xx hand the answer to the durable, paced outbox.
/// </summary>
public sealed class TurnSender(
    IConnectorClient connector,
    OutboxStore outbox,
    ConversationStore conversations,
    ILogger<TurnSender> logger) : ITurnSender
{
    public Task<ResourceResponse> SendAsync(TurnContext turn, Activity reply, CancellationToken cancellationToken) =>
        RunAsync(turn, reply, updateId: null, cancellationToken);

    public Task<ResourceResponse> UpdateAsync(TurnContext turn, string activityId, Activity replacement, CancellationToken cancellationToken) =>
        RunAsync(turn, replacement, activityId, cancellationToken);

    private async Task<ResourceResponse> RunAsync(TurnContext turn, Activity activity, string? updateId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(activity);
        var conversationId = activity.Conversation?.Id ?? turn.Activity.Conversation!.Id!;
        return new ResourceResponse(await DeliverAsync(turn, conversationId, activity, updateId, ct));
    }

    private const string HandedOff = "turn:answers-in-outbox";

    private async Task<string?> DeliverAsync(TurnContext turn, string conversationId, Activity activity, string? updateId, CancellationToken ct)
    {
        var serviceUrl = turn.Activity.ServiceUrl!;
        if (turn.Items.ContainsKey(HandedOff) && activity.Type is null or ActivityTypes.Message)
        {
            // An earlier answer of this turn is waiting in the outbox: the later ones queue behind it, in order.
            return await HandOffAsync(turn, serviceUrl, conversationId, activity, ct);
        }

        try
        {
            using var interactive = ConnectorRetryHandler.Interactive();
            var sent = updateId is null
                ? await connector.SendToConversationAsync(serviceUrl, conversationId, activity, ct)
                : await connector.UpdateActivityAsync(serviceUrl, conversationId, updateId, activity, ct);
            return sent.Id ?? updateId;
        }
        catch (ConnectorException ex) when (updateId is not null && ex.StatusCode == 404)
        {
            // The card is gone (deleted by the person): the answer comes as a new message instead.
            TurnLog.AnswerOutcome(logger, "update", 404, ex.ErrorCode ?? "-", "sent as a new message");
            activity.Id = null;
            return await DeliverAsync(turn, conversationId, activity, updateId: null, ct);
        }
        catch (ConnectorException ex) when (ex.StatusCode is 403 or 404)
        {
            // Blocked, or the chat no longer exists: nobody can read an answer there. Not written to again until they write.
            TurnLog.AnswerOutcome(logger, updateId is null ? "send" : "update", ex.StatusCode, ex.ErrorCode ?? "-", "dropped");
            await conversations.DeactivateAsync(conversationId, ct);
            return null;
        }
        catch (Exception ex) when (IsTransient(ex, ct))
        {
            if (activity.Type is not (null or ActivityTypes.Message))
            {
                // A typing indicator or stream update is worth nothing later.
                TurnLog.AnswerOutcome(logger, activity.Type, Status(ex), Code(ex), "dropped");
                return null;
            }

            // Throttled, or failing after one quick retry: the outbox delivers it shortly, paced like broadcasts, and the
            // turns queued behind this one are not held up by Retry-After waits.
            TurnLog.AnswerOutcome(logger, updateId is null ? "send" : "update", Status(ex), Code(ex), "queued in the outbox");
            return await HandOffAsync(turn, serviceUrl, conversationId, activity, ct);
        }
    }

    private async Task<string?> HandOffAsync(TurnContext turn, string serviceUrl, string conversationId, Activity activity, CancellationToken ct)
    {
        turn.Items[HandedOff] = true;
        activity.Id = null;
        var json = JsonSerializer.Serialize(activity, ProtocolJsonContext.Default.Activity);
        await outbox.EnqueueAsync([new OutboxItem(json, ConversationId: conversationId, ServiceUrl: serviceUrl)], ct);
        return null;
    }

    private static bool IsTransient(Exception ex, CancellationToken ct) =>
        ex is ConnectorException or HttpRequestException || (ex is TaskCanceledException && !ct.IsCancellationRequested);

    private static int Status(Exception ex) => ex is ConnectorException c ? c.StatusCode : 0;

    private static string Code(Exception ex) => ex is ConnectorException c ? c.ErrorCode ?? "-" : ex.GetType().Name;
}
