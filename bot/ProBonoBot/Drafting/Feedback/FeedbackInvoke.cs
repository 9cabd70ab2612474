using System.Text.Json;
using ProBonoBot.Cards.Json;
using ProBonoBot.Protocol.Activities;

namespace ProBonoBot.Drafting.Feedback;

/// <summary>A like or dislike from Teams' feedback form, with the person's optional text.</summary>
public sealed record FeedbackSubmission(string Reaction, string? Text);

/// <summary>
/// Reads the <c>message/submitAction</c> invoke of the feedback buttons: <c>value.actionName = "feedback"</c>,
/// <c>value.actionValue = { reaction: "like" | "dislike", feedback: "{\"feedbackText\":\"…\"}" }</c> — Teams sends
/// <c>feedback</c> as a JSON string; an object is read the same way. Anything else is not a feedback submission.
/// </summary>
public static class FeedbackInvoke
{
    public const string Name = "message/submitAction";

    /// <summary>Longer text is stored cut to this many characters: refusing it would show the person an error and lose their words.</summary>
    public const int MaxText = 2000;

    /// <summary>The submission, or null when the value is not one (unknown action or reaction, not JSON, NUL or a lone surrogate in the text).</summary>
    public static FeedbackSubmission? Read(JsonElement? value)
    {
        try
        {
            if (value is not { ValueKind: JsonValueKind.Object } v
                || !v.TryGetProperty("actionName", out var name) || name.ValueKind != JsonValueKind.String || name.GetString() != "feedback"
                || !v.TryGetProperty("actionValue", out var action) || action.ValueKind != JsonValueKind.Object
                || !action.TryGetProperty("reaction", out var r) || r.ValueKind != JsonValueKind.String
                || r.GetString() is not { } reaction || reaction is not (FeedbackStore.Like or FeedbackStore.Dislike))
            {
                return null;
            }

            if (!action.TryGetProperty("feedback", out var feedback) || feedback.ValueKind == JsonValueKind.Null)
            {
                return new FeedbackSubmission(reaction, null);
            }

            return Text(feedback) is { } text ? new FeedbackSubmission(reaction, text.Length == 0 ? null : text) : null;
        }
        catch (InvalidOperationException)
        {
            // A string with a lone surrogate escape cannot be read as text.
            return null;
        }
    }

    /// <summary>
    /// The trimmed feedbackText ("" when none) without invisible or direction-changing characters, cut to
    /// <see cref="MaxText"/>; null when the feedback is not a form's answer. The string form is JSON inside JSON: its
    /// escapes were not decoded when the activity was checked at the door, so the decoded text is checked here.
    /// </summary>
    private static string? Text(JsonElement feedback)
    {
        if (feedback.ValueKind == JsonValueKind.String)
        {
            var raw = feedback.GetString()!;
            if (string.IsNullOrWhiteSpace(raw))
            {
                return string.Empty;
            }

            try
            {
                using var document = JsonDocument.Parse(raw);
                return Text(document.RootElement);
            }
            catch (JsonException)
            {
                return null;
            }
        }

        if (feedback.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (!feedback.TryGetProperty("feedbackText", out var text) || text.ValueKind == JsonValueKind.Null)
        {
            return string.Empty;
        }

        return text.ValueKind == JsonValueKind.String && text.GetString()! is var decoded && TextHygiene.IsStorable(decoded)
            ? TextCut.Cut(TextHygiene.StripInvisible(decoded).Trim(), MaxText)
            : null;
    }
}
