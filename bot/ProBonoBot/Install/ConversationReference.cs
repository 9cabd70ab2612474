using ProBonoBot.Protocol.Activities;

namespace ProBonoBot.Install;

/// <summary>Everything needed to write into a conversation later (proactively), captured from an activity.</summary>
public sealed record ConversationReference(
    string ConversationId,
    string ConversationType,
    string ServiceUrl,
    string ChannelId,
    string? TenantId,
    string? BotId,
    string? UserId,
    string? UserAadObjectId,
    string? UserName,
    string? TeamId,
    string? TeamName,
    string? TeamAadGroupId,
    string? TeamsChannelId,
    string? Locale,
    string? ChannelName = null)
{
    /// <summary>Builds the reference; null when the activity lacks a conversation or service URL.</summary>
    public static ConversationReference? From(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Conversation?.Id is not { Length: > 0 } id || string.IsNullOrWhiteSpace(activity.ServiceUrl))
        {
            return null;
        }

        var type = activity.Conversation.ConversationType
            ?? (activity.ChannelData?.Team is not null ? ConversationTypes.Channel : ConversationTypes.Personal);
        var personal = type == ConversationTypes.Personal;
        var team = activity.ChannelData?.Team;
        return new ConversationReference(
            ConversationId: BaseConversationId(id),
            ConversationType: type,
            ServiceUrl: activity.ServiceUrl,
            ChannelId: activity.ChannelId ?? "msteams",
            TenantId: activity.GetTenantId(),
            BotId: activity.Recipient?.Id,
            UserId: personal ? activity.From?.Id : null,
            UserAadObjectId: personal ? activity.From?.AadObjectId : null,
            UserName: personal ? activity.From?.Name : null,
            TeamId: team?.Id,
            TeamName: team?.Name,
            TeamAadGroupId: team?.AadGroupId,
            TeamsChannelId: activity.ChannelData?.Channel?.Id ?? (type == ConversationTypes.Channel ? BaseConversationId(id) : null),
            Locale: activity.GetLocale(),
            ChannelName: type == ConversationTypes.Channel ? activity.ChannelData?.Channel?.Name : null);
    }

    /// <summary>A channel thread's id is <c>19:…;messageid=N</c>: the channel itself is the part before <c>;messageid=</c>.</summary>
    public static string BaseConversationId(string conversationId)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        var cut = conversationId.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        return cut > 0 ? conversationId[..cut] : conversationId;
    }
}
