using System.Text.Json;

namespace ProBonoBot.Protocol.Activities;

/// <summary>Reading Teams-specific facts out of an activity.</summary>
public static class ActivityExtensions
{
    /// <summary>The message text without <c>&lt;at&gt;…&lt;/at&gt;</c> mentions of the bot, trimmed.</summary>
    /// <remarks>Linear in the text's length: it runs for every message, on text any client may send.</remarks>
    public static string GetTextWithoutMentions(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var text = activity.Text ?? string.Empty;
        if (text.Length == 0)
        {
            return text;
        }

        // Teams sends one entity per mention, all with the same "<at>Name</at>" text; a handful of distinct
        // texts covers every real message, and the cap keeps a crafted activity from multiplying the work.
        foreach (var mentionText in activity.GetMentionTexts(activity.Recipient?.Id).Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxMentionTexts))
        {
            text = text.Replace(mentionText, string.Empty, StringComparison.OrdinalIgnoreCase);
        }

        // Teams always wraps a mention in <at>…</at>; the Playground sometimes omits the mention entity.
        return CollapseWhiteSpace(RemoveAtTags(text)).Trim();
    }

    private const int MaxMentionTexts = 16;

    /// <summary>
    /// Removes every <c>&lt;at…&gt;…&lt;/at&gt;</c> (case-insensitive, shortest match, like the regex
    /// <c>&lt;at[^&gt;]*&gt;.*?&lt;/at&gt;</c>). Once a search for '&gt;' or '&lt;/at&gt;' fails, no later start can succeed,
    /// so the scan stops there instead of retrying from every position.
    /// </summary>
    internal static string RemoveAtTags(string text)
    {
        var start = text.IndexOf("<at", StringComparison.OrdinalIgnoreCase);
        if (start < 0)
        {
            return text;
        }

        var result = new System.Text.StringBuilder(text.Length);
        var copied = 0;
        while (start >= 0)
        {
            var open = text.IndexOf('>', start + 3);
            var close = open < 0 ? -1 : text.IndexOf("</at>", open + 1, StringComparison.OrdinalIgnoreCase);
            if (close < 0)
            {
                break;
            }

            result.Append(text, copied, start - copied);
            copied = close + "</at>".Length;
            start = copied < text.Length ? text.IndexOf("<at", copied, StringComparison.OrdinalIgnoreCase) : -1;
        }

        return result.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>Every run of white space (as <c>\s</c> in a regex: <see cref="char.IsWhiteSpace(char)"/>) becomes one space.</summary>
    internal static string CollapseWhiteSpace(string text)
    {
        var result = new System.Text.StringBuilder(text.Length);
        var inSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!inSpace)
                {
                    result.Append(' ');
                }

                inSpace = true;
            }
            else
            {
                result.Append(c);
                inSpace = false;
            }
        }

        return result.ToString();
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

    /// <summary>
    /// The client's time zone as sent, unchecked: <c>activity.localTimezone</c> (Teams, e.g. "Asia/Tokyo"), else the
    /// clientInfo entity's <c>timezone</c>. Callers validate it; any client can send any string here.
    /// </summary>
    public static string? GetLocalTimeZone(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Extra is not null && activity.Extra.TryGetValue("localTimezone", out var zone)
            && zone.ValueKind == JsonValueKind.String && zone.GetString() is { Length: > 0 } value)
        {
            return value;
        }

        var clientInfo = activity.Entities?.FirstOrDefault(e => string.Equals(e.Type, "clientInfo", StringComparison.OrdinalIgnoreCase));
        return clientInfo?.Extra is not null && clientInfo.Extra.TryGetValue("timezone", out var fromEntity)
            && fromEntity.ValueKind == JsonValueKind.String
            ? fromEntity.GetString()
            : null;
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
}
