namespace ProBonoBot.Drafting.Feedback;

/// <summary>Log messages of feedback on drafts. Kinds and ids only — never the person's text or name.</summary>
internal static partial class FeedbackLog
{
    [LoggerMessage(2341, LogLevel.Information, "Feedback invoke refused: not a like or dislike with a valid form answer")]
    public static partial void Refused(ILogger logger);

    [LoggerMessage(2342, LogLevel.Information, "Feedback on a message that shows no known draft; nothing stored")]
    public static partial void Unattributed(ILogger logger);

    [LoggerMessage(2343, LogLevel.Information, "Feedback {Kind} on {Subject} {Id}: {Outcome}")]
    public static partial void Stored(ILogger logger, string kind, string subject, long id, string outcome);

    [LoggerMessage(2344, LogLevel.Information, "Report on {Subject} {Id} refused: the person's daily report limit is reached")]
    public static partial void ReportLimited(ILogger logger, string subject, long id);
}
