namespace ProBonoBot.Turns;

/// <summary>Log messages of the turn pipeline. Ids and kinds only — never message text or names.</summary>
internal static partial class TurnLog
{
    [LoggerMessage(2301, LogLevel.Error, "Turn {ActivityId} ({ActivityType}, route {Route}) failed and was parked: {Error}")]
    public static partial void TurnFailed(ILogger logger, string activityId, string activityType, string route, string error, Exception exception);

    [LoggerMessage(2302, LogLevel.Warning, "Turn {ActivityId} ({ActivityType}) ran longer than {Seconds} s and was cancelled")]
    public static partial void TurnTimedOut(ILogger logger, string activityId, string activityType, double seconds);

    [LoggerMessage(2303, LogLevel.Warning, "Answer ({Kind}) met {Status} {Code} at the connector: {Outcome}")]
    public static partial void AnswerOutcome(ILogger logger, string kind, int status, string code, string outcome);

    [LoggerMessage(2305, LogLevel.Warning, "Taking over {Count} unfinished activities (after a restart, or from an instance that stopped)")]
    public static partial void TurnsAdopted(ILogger logger, int count);

    [LoggerMessage(2306, LogLevel.Error, "Activity {ActivityId} ({ActivityType}) was started {Attempts} times without finishing and was parked")]
    public static partial void TurnParked(ILogger logger, string activityId, string activityType, long attempts);

    [LoggerMessage(2307, LogLevel.Warning, "Could not tell the person that their turn failed: {Error}")]
    public static partial void ApologyFailed(ILogger logger, string error);

    [LoggerMessage(2308, LogLevel.Warning, "Turn pipeline step {Step} failed: {Error}")]
    public static partial void PipelineStepFailed(ILogger logger, string step, string error);
}
