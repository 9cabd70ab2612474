using ProBonoBot.Protocol.Activities;
using ProBonoBot.Protocol.Connector;

namespace ProBonoBot.Protocol.Routing;

/// <summary>Delivers a turn's answers. The host's sender records them and turns connector failures into outcomes.</summary>
public interface ITurnSender
{
    /// <summary>Sends <paramref name="reply"/> (addressing already filled in) into the turn's conversation.</summary>
    Task<ResourceResponse> SendAsync(TurnContext turn, Activity reply, CancellationToken cancellationToken);

    /// <summary>Replaces the activity <paramref name="activityId"/> in the turn's conversation.</summary>
    Task<ResourceResponse> UpdateAsync(TurnContext turn, string activityId, Activity replacement, CancellationToken cancellationToken);
}

/// <summary>Straight to the connector, nothing recorded (tests and tools).</summary>
public sealed class DirectTurnSender(IConnectorClient connector) : ITurnSender
{
    public Task<ResourceResponse> SendAsync(TurnContext turn, Activity reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(reply);
        return connector.SendToConversationAsync(turn.Activity.ServiceUrl!, reply.Conversation!.Id!, reply, cancellationToken);
    }

    public Task<ResourceResponse> UpdateAsync(TurnContext turn, string activityId, Activity replacement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return connector.UpdateActivityAsync(turn.Activity.ServiceUrl!, turn.Activity.Conversation!.Id!, activityId, replacement, cancellationToken);
    }
}
