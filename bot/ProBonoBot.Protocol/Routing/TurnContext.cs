using System.Text.Json;
using System.Text.RegularExpressions;
using ProBonoBot.Protocol.Activities;
using ProBonoBot.Protocol.Connector;

namespace ProBonoBot.Protocol.Routing;

/// <summary>One inbound activity being handled: what arrived, what matched, and how to answer.</summary>
/// <remarks>Answers go through an <see cref="ITurnSender"/>, which the host uses to turn connector failures into outcomes.</remarks>
public sealed class TurnContext(Activity activity, IConnectorClient connector, IServiceProvider services, ITurnSender? sender = null)
{
    private readonly ITurnSender _sender = sender ?? new DirectTurnSender(connector);

    public Activity Activity { get; } = activity;

    public IConnectorClient Connector { get; } = connector;

    public IServiceProvider Services { get; } = services;

    private string? _text;

    /// <summary>The message text with bot mentions stripped (read when first needed, inside the turn's failure boundary).</summary>
    public string Text => _text ??= Activity.GetTextWithoutMentions();

    /// <summary>
    /// The text in the form commands are written for (the router's normaliser applied to <see cref="Text"/>), set before
    /// routing; <see cref="Text"/> stays as typed for anything that is stored or shown.
    /// </summary>
    public string CommandText { get => _commandText ?? Text; internal set => _commandText = value; }

    private string? _commandText;

    /// <summary>The regex match of the message route that was chosen.</summary>
    public Match? Match { get; internal set; }

    /// <summary>The route that handled the turn (a route name, <c>card:verb</c>, <c>fallback</c>…); null when none ran.</summary>
    public string? Route { get; internal set; }

    /// <summary>For card actions: the verb and the action's data (inputs merged in).</summary>
    public CardAction? CardAction { get; internal set; }

    /// <summary>The activity id the turn is recorded under (the activity's own id, or one the host assigned).</summary>
    public string? ActivityKey { get; init; }

    /// <summary>Free-form per-turn values set by the host (e.g. the resolved language).</summary>
    public IDictionary<string, object?> Items { get; } = new Dictionary<string, object?>(StringComparer.Ordinal);

    /// <summary>Sends an activity into this conversation (filling in addressing fields).</summary>
    public Task<ResourceResponse> SendAsync(Activity reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var template = Activity.CreateReply(reply.Type ?? ActivityTypes.Message);
        reply.Type ??= template.Type;
        reply.Conversation ??= template.Conversation;
        reply.From ??= template.From;
        reply.Recipient ??= template.Recipient;
        reply.ServiceUrl ??= template.ServiceUrl;
        reply.ChannelId ??= template.ChannelId;
        return _sender.SendAsync(this, reply, cancellationToken);
    }

    /// <summary>Replaces a previously sent activity (e.g. a card) in this conversation.</summary>
    public Task<ResourceResponse> UpdateAsync(string activityId, Activity replacement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        replacement.Type ??= ActivityTypes.Message;
        replacement.Id = activityId;
        replacement.Conversation ??= Activity.Conversation;
        return _sender.UpdateAsync(this, activityId, replacement, cancellationToken);
    }

    /// <summary>Shows the typing indicator.</summary>
    public Task SendTypingAsync(CancellationToken cancellationToken) =>
        SendAsync(new Activity { Type = ActivityTypes.Typing }, cancellationToken);
}

/// <summary>A card button press: its verb and data, from <c>Action.Execute</c> or <c>Action.Submit</c>.</summary>
public sealed record CardAction(string Verb, JsonElement Data, bool IsUniversalAction);
