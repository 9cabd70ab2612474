using System.Text.Json;

namespace ProBonoBot.Protocol.Activities;

/// <summary>Parses and writes activities with the source-generated context; malformed input becomes a clear error, never an exception.</summary>
public static class ActivityParser
{
    /// <summary>Parses one activity. Returns false with a reason for malformed JSON, a non-object body or a missing <c>type</c>.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8Json, out Activity? activity, out string? error)
    {
        activity = null;
        try
        {
            activity = JsonSerializer.Deserialize(utf8Json, ProtocolJsonContext.Default.Activity);
        }
        catch (JsonException ex)
        {
            error = $"The body is not a valid activity: {ex.Message}";
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

        error = null;
        return true;
    }

    /// <summary>Serializes an activity to UTF-8 JSON.</summary>
    public static byte[] ToUtf8Json(Activity activity) =>
        JsonSerializer.SerializeToUtf8Bytes(activity, ProtocolJsonContext.Default.Activity);
}
