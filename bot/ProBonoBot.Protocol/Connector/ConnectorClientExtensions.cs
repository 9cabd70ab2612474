using System.Text.Json.Nodes;
using ProBonoBot.Protocol.Activities;

namespace ProBonoBot.Protocol.Connector;

/// <summary>Card-shaped conveniences over <see cref="IConnectorClient"/>.</summary>
public static class ConnectorClientExtensions
{
    /// <summary>Replaces the card of a message the bot posted earlier (PUT), e.g. to show new seat counts.</summary>
    public static Task<ResourceResponse> UpdateCardAsync(this IConnectorClient connector, string serviceUrl, string conversationId, string activityId,
        JsonNode card, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connector);
        var update = Activity.WithAdaptiveCard(card);
        update.Id = activityId;
        update.Conversation = new ConversationAccount { Id = conversationId };
        return connector.UpdateActivityAsync(serviceUrl, conversationId, activityId, update, cancellationToken);
    }
}
