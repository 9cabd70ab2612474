using System.Text.Json;

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
    public const int MaxText = 2000;

    // The JSON around the text may escape every character (\uXXXX: six for one, e.g. Japanese); beyond that is not a form's answer.
    private const int MaxRaw = (6 * MaxText) + 100;

    /// <summary>The submission, or null when the value is not one (unknown action or reaction, not JSON, text too long).</summary>
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

    /// <summary>The trimmed feedbackText ("" when none), or null when the feedback is not a form's answer.</summary>
    private static string? Text(JsonElement feedback)
    {
        if (feedback.ValueKind == JsonValueKind.String)
        {
            var raw = feedback.GetString()!;
            if (string.IsNullOrWhiteSpace(raw))
            {
                return string.Empty;
            }

            if (raw.Length > MaxRaw)
            {
                return null;
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

        return text.ValueKind == JsonValueKind.String && text.GetString()!.Trim() is { Length: <= MaxText } trimmed ? trimmed : null;
    }
}
