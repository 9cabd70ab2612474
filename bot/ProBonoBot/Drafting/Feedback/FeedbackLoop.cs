using System.Text.Json;
using ProBonoBot.Protocol.Activities;

namespace ProBonoBot.Drafting.Feedback;

/// <summary>
/// Teams' feedback buttons (👍 / 👎 under a message). <c>channelData.feedbackLoop</c> with <c>type: "default"</c> is the
/// current documented form (Teams' default form; "custom" would ask us for a dialog first); the older
/// <c>feedbackLoopEnabled: true</c> must not be sent with it — Teams refuses a message that has both.
/// </summary>
public static class FeedbackLoop
{
    private static readonly JsonElement Default = JsonDocument.Parse("""{"type":"default"}""").RootElement.Clone();

    /// <summary>channelData for a final drafted message.</summary>
    public static TeamsChannelData ChannelData() => new()
    {
        Extra = new Dictionary<string, JsonElement>(StringComparer.Ordinal) { ["feedbackLoop"] = Default },
    };
}
