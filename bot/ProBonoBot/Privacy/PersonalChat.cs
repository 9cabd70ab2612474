using System.Text.Json;
using System.Text.Json.Nodes;
using ProBonoBot.Cards;
using ProBonoBot.Hosting;
using ProBonoBot.Install;
using ProBonoBot.Outbox;
using ProBonoBot.Protocol.Activities;
using ProBonoBot.Protocol.Connector;
using ProBonoBot.Protocol.Routing;
using ProBonoBot.SignUps;

namespace ProBonoBot.Privacy;

/// <summary>Where a private message landed, for cards that are updated later (a broadcast's live report).</summary>
public sealed record PrivateDelivery(string ConversationId, string ServiceUrl, string ActivityId);

/// <summary>
/// Output meant for one person only (leaders' cards: applicants, drafts, forms, broadcast reports). In a 1:1 chat it is
/// answered in place; asked for in a channel or group chat, it goes to the person's 1:1 chat — the stored one, else a
/// new one created as the sign-up flow does — and only a short pointer stays where they asked. When Teams is busy the
/// message waits in the outbox; when the person cannot be reached in 1:1 at all, nothing private is shown in public.
/// </summary>
public sealed class PersonalChat(ConversationStore conversations, OutboxStore outbox, ILogger<PersonalChat> logger)
{
    public Task<PrivateDelivery?> SayAsync(TurnContext turn, string text, Language language, CancellationToken ct) =>
        SendAsync(turn, new Activity { Type = ActivityTypes.Message, Text = text }, language, ct);

    public Task<PrivateDelivery?> SendCardAsync(TurnContext turn, JsonObject card, Language language, CancellationToken ct) =>
        SendAsync(turn, Activity.WithAdaptiveCard(card), language, ct);

    /// <summary>Sends privately; returns where it landed, or null when it was queued or could not be delivered.</summary>
    public async Task<PrivateDelivery?> SendAsync(TurnContext turn, Activity activity, Language language, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(activity);
        if (turn.IsPersonalChat())
        {
            var sent = await turn.SendAsync(activity, ct);
            return sent.Id is { } id ? new PrivateDelivery(turn.Activity.Conversation!.Id!, turn.Activity.ServiceUrl!, id) : null;
        }

        var t = UiText.For(language).Projects;
        var person = turn.Person();
        if (person is null)
        {
            await turn.SayAsync(t.PersonalChatUnreachable, ct);
            return null;
        }

        PrivateDelivery? delivery;
        var queued = false;
        try
        {
            delivery = await DeliverAsync(turn, person, activity, ct);
        }
        catch (Exception ex) when (ex is ConnectorException { StatusCode: 429 or >= 500 } or HttpRequestException)
        {
            // Teams is busy, not refusing: the outbox delivers it later (paced), and never into this conversation.
            Log.PrivateOutputQueued(logger, ex.GetType().Name);
            activity.Conversation = null;
            await outbox.EnqueueAsync([SignUpNotices.ToPerson(JsonSerializer.Serialize(activity, ProtocolJsonContext.Default.Activity),
                person.Aad, person.TeamsId, person.TenantId, person.ServiceUrl, person.BotId)], ct);
            delivery = null;
            queued = true;
        }

        await turn.SayAsync(delivery is not null || queued ? t.SentToPersonalChat : t.PersonalChatUnreachable, ct);
        return delivery;
    }

    private async Task<PrivateDelivery?> DeliverAsync(TurnContext turn, Person person, Activity activity, CancellationToken ct)
    {
        if (await conversations.FindPersonalAsync(person.Aad, ct) is { } stored)
        {
            try
            {
                return await PostAsync(turn, stored.ServiceUrl, stored.ConversationId, activity, ct);
            }
            catch (ConnectorException ex) when (ex.StatusCode is 403 or 404)
            {
                // A stale 1:1 reference (chat deleted, app reinstalled): a new 1:1 chat is tried below.
            }
        }

        if (person.TeamsId is null || person.BotId is null || turn.Activity.ServiceUrl is not { } serviceUrl)
        {
            return null;
        }

        try
        {
            var created = await turn.Connector.CreateConversationAsync(serviceUrl, new ConversationParameters
            {
                IsGroup = false,
                Bot = new ChannelAccount { Id = person.BotId },
                Members = [new ChannelAccount { Id = person.TeamsId }],
                TenantId = person.TenantId,
                ChannelData = new TeamsChannelData { Tenant = new TenantInfo { Id = person.TenantId } },
            }, ct);
            if (created.Id is null)
            {
                return null;
            }

            await conversations.RefreshAsync(new ConversationReference(created.Id, ConversationTypes.Personal, serviceUrl, "msteams",
                person.TenantId, person.BotId, person.TeamsId, person.Aad, person.Name, null, null, null, null, null), ct);
            return await PostAsync(turn, serviceUrl, created.Id, activity, ct);
        }
        catch (ConnectorException ex) when (ex.StatusCode is 403 or 404)
        {
            // The app is not installed for the person, or they blocked it: Teams will not open a 1:1 chat.
            Log.PrivateOutputUnreachable(logger, ex.StatusCode);
            return null;
        }
    }

    private static async Task<PrivateDelivery?> PostAsync(TurnContext turn, string serviceUrl, string conversationId, Activity activity, CancellationToken ct)
    {
        activity.Type ??= ActivityTypes.Message;
        activity.Conversation = new ConversationAccount { Id = conversationId };
        activity.From ??= turn.Activity.Recipient;
        var sent = await turn.Connector.SendToConversationAsync(serviceUrl, conversationId, activity, ct);
        return new PrivateDelivery(conversationId, serviceUrl, sent.Id ?? string.Empty);
    }
}
