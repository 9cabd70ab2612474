using System.Text.Json;

namespace ProBonoBot.Protocol.Activities;

/// <summary>Parses and writes activities with the source-generated context; malformed input becomes a clear error, never an exception.</summary>
public static class ActivityParser
{
    /// <summary>
    /// Parses one activity. Returns false with a short reason for invalid UTF-8, a NUL or unpaired surrogate
    /// anywhere in the document, malformed JSON, a non-object body or a missing <c>type</c>.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8Json, out Activity? activity, out string? error)
    {
        activity = null;
        error = TextHygiene.Check(utf8Json);
        if (error is not null)
        {
            return false;
        }

        try
        {
            activity = JsonSerializer.Deserialize(utf8Json, ProtocolJsonContext.Default.Activity);
        }
        catch (JsonException ex)
        {
            // The parser's own message can be long and names internals; position and path are what a client needs.
            error = $"The body is not a valid activity (JSON error at {ex.Path ?? "$"}, line {ex.LineNumber + 1 ?? 1}, byte {ex.BytePositionInLine ?? 0}).";
            return false;
        }
        catch (Exception ex) when (ex is InvalidOperationException or NotSupportedException or ArgumentException)
        {
            error = "The body is not a valid activity.";
            return false;
        }

        if (activity is null)
        {
            error = "The body is empty or null.";
            return false;
        }

        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            error = "The activity has no 'type'.";
            activity = null;
            return false;
        }

        // The one place message text is cleaned of invisible and direction-changing characters (TextHygiene.StripInvisible):
        // everything after the door — commands, need intake, stored answers shown to others — sees the cleaned text.
        if (activity.Text is { } text)
        {
            activity.Text = TextHygiene.StripInvisible(text);
        }

        error = null;
        return true;
    }

    /// <summary>Serializes an activity to UTF-8 JSON.</summary>
    public static byte[] ToUtf8Json(Activity activity) =>
        JsonSerializer.SerializeToUtf8Bytes(activity, ProtocolJsonContext.Default.Activity);
}
