using System.Text.Json;
using System.Text.RegularExpressions;

namespace ProBonoBot.Protocol.Activities;

/// <summary>Reading Teams-specific facts out of an activity.</summary>
public static partial class ActivityExtensions
{
    /// <summary>The message text without <c>&lt;at&gt;…&lt;/at&gt;</c> mentions of the bot, trimmed.</summary>
    public static string GetTextWithoutMentions(this Activity activity)
    {
        var text = activity.Text ?? string.Empty;
        if (text.Length == 0)
        {
            return text;
        }

        foreach (var mentionText in activity.GetMentionTexts(activity.Recipient?.Id))
        {
            text = text.Replace(mentionText, string.Empty, StringComparison.OrdinalIgnoreCase);
        }

        // Teams always wraps a mention in <at>…</at>; the Playground sometimes omits the mention entity.
        text = AtTag().Replace(text, string.Empty);
        return WhiteSpace().Replace(text, " ").Trim();
    }

    /// <summary>The <c>text</c> of every mention entity, or of those naming <paramref name="mentionedId"/> when given.</summary>
    public static IEnumerable<string> GetMentionTexts(this Activity activity, string? mentionedId = null)
    {
        if (activity.Entities is null)
        {
            yield break;
        }

        foreach (var entity in activity.Entities)
        {
            if (!string.Equals(entity.Type, "mention", StringComparison.OrdinalIgnoreCase) || entity.Extra is null)
            {
                continue;
            }

            if (mentionedId is not null
                && entity.Extra.TryGetValue("mentioned", out var mentioned)
                && mentioned.ValueKind == JsonValueKind.Object
                && mentioned.TryGetProperty("id", out var id)
                && id.ValueKind == JsonValueKind.String
                && !string.Equals(id.GetString(), mentionedId, StringComparison.Ordinal))
            {
                continue;
            }

            if (entity.Extra.TryGetValue("text", out var text) && text.ValueKind == JsonValueKind.String
                && text.GetString() is { Length: > 0 } value)
            {
                yield return value;
            }
        }
    }

    /// <summary>The client's locale: <c>activity.locale</c>, else the clientInfo entity's.</summary>
    public static string? GetLocale(this Activity activity)
    {
        if (!string.IsNullOrWhiteSpace(activity.Locale))
        {
            return activity.Locale;
        }

        var clientInfo = activity.Entities?.FirstOrDefault(e => string.Equals(e.Type, "clientInfo", StringComparison.OrdinalIgnoreCase));
        if (clientInfo?.Extra is not null && clientInfo.Extra.TryGetValue("locale", out var locale)
            && locale.ValueKind == JsonValueKind.String)
        {
            return locale.GetString();
        }

        return null;
    }

    /// <summary>The tenant id from channelData, else from the conversation.</summary>
    public static string? GetTenantId(this Activity activity) =>
        activity.ChannelData?.Tenant?.Id ?? activity.Conversation?.TenantId;

    /// <summary>True when the bot itself is among <c>membersAdded</c>.</summary>
    public static bool BotWasAdded(this Activity activity) =>
        activity.MembersAdded?.Any(m => m.Id is not null && m.Id == activity.Recipient?.Id) == true;

    /// <summary>True when the bot itself is among <c>membersRemoved</c>.</summary>
    public static bool BotWasRemoved(this Activity activity) =>
        activity.MembersRemoved?.Any(m => m.Id is not null && m.Id == activity.Recipient?.Id) == true;

    /// <summary>A new activity addressed back into the same conversation, from the bot to the sender.</summary>
    public static Activity CreateReply(this Activity activity, string type = ActivityTypes.Message) => new()
    {
        Type = type,
        ServiceUrl = activity.ServiceUrl,
        ChannelId = activity.ChannelId,
        Conversation = activity.Conversation,
        From = activity.Recipient,
        Recipient = activity.From,
        ReplyToId = activity.Id,
        Locale = activity.Locale,
    };

    [GeneratedRegex("<at[^>]*>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline, matchTimeoutMilliseconds: 200)]
    private static partial Regex AtTag();

    [GeneratedRegex(@"\s+", RegexOptions.None, matchTimeoutMilliseconds: 200)]
    private static partial Regex WhiteSpace();
}
