namespace ProBonoBot;

/// <summary>Source-generated log messages of the host. No message text, names or other personal data above Debug.</summary>
internal static partial class Log
{
    [LoggerMessage(2001, LogLevel.Warning,
        "LOCAL DEVELOPMENT MODE: no MicrosoftAppId is configured, so /api/messages accepts ANONYMOUS requests from loopback addresses only. Never run like this in production.")]
    public static partial void LocalDevelopmentMode(ILogger logger);

    [LoggerMessage(2002, LogLevel.Information, "Request rejected as unauthorized: {Reason}")]
    public static partial void Unauthorized(ILogger logger, string reason);

    [LoggerMessage(2003, LogLevel.Information, "Redelivered {ActivityType} activity ignored")]
    public static partial void Redelivered(ILogger logger, string activityType);

    // 2021–2029: refusals at the door. A client's mistake is logged without a stack trace, and never above Warning.
    [LoggerMessage(2021, LogLevel.Information, "Activity refused with {Status}: {Reason}")]
    public static partial void ActivityRefused(ILogger logger, int status, string reason);

    [LoggerMessage(2022, LogLevel.Information, "Request body could not be read: {Status} {Error}")]
    public static partial void BodyUnreadable(ILogger logger, int status, string error);

    [LoggerMessage(2023, LogLevel.Debug, "Client went away before its request body was read")]
    public static partial void ClientAborted(ILogger logger);

    [LoggerMessage(2024, LogLevel.Information, "Local-development request refused: {Reason}")]
    public static partial void LocalRequestRefused(ILogger logger, string reason);

    [LoggerMessage(2025, LogLevel.Information, "Person over their turn budget; {ActivityType} dropped and the person told once")]
    public static partial void PersonThrottled(ILogger logger, string activityType);

    [LoggerMessage(2026, LogLevel.Warning, "Turn lane full; {ActivityType} refused with 503 for redelivery")]
    public static partial void LaneFull(ILogger logger, string activityType);

    [LoggerMessage(2027, LogLevel.Warning, "Could not queue the slow-down notice: {Error}")]
    public static partial void ThrottleNoticeFailed(ILogger logger, string error);

    [LoggerMessage(2007, LogLevel.Information, "Applied database migration {Version} ({Name})")]
    public static partial void MigrationApplied(ILogger logger, int version, string name);

    [LoggerMessage(2101, LogLevel.Warning, "Outbox loop failed: {Error}")]
    public static partial void OutboxLoopFailed(ILogger logger, string error);

    [LoggerMessage(2102, LogLevel.Information, "Outbox message {Id} attempt {Attempt} failed: {Error}")]
    public static partial void OutboxDeliveryFailed(ILogger logger, long id, int attempt, string error);

    [LoggerMessage(2201, LogLevel.Warning, "Club maintenance step {Step} failed: {Error}")]
    public static partial void ClubStepFailed(ILogger logger, string step, string error);

    [LoggerMessage(2202, LogLevel.Information, "Updating posted card of project {Project} failed: {Status} {Code}")]
    public static partial void CardUpdateFailed(ILogger logger, long project, int status, string code);

    [LoggerMessage(2203, LogLevel.Information, "A posted card of project {Project} is gone (404); it is no longer updated")]
    public static partial void CardCopyGone(ILogger logger, long project);

    [LoggerMessage(2204, LogLevel.Information, "Listing a team's channels failed: {Status} {Code}; the channels known so far are offered")]
    public static partial void TeamChannelsUnavailable(ILogger logger, int status, string code);

    [LoggerMessage(2261, LogLevel.Information, "Team roster listed: {Members} members, {Removed} no longer in the team")]
    public static partial void RosterListed(ILogger logger, int members, int removed);

    [LoggerMessage(2262, LogLevel.Warning, "Listing a team's members failed at page {Page}: {Status} {Code}; the roster is left as it was")]
    public static partial void RosterUnavailable(ILogger logger, int status, string code, int page);

    [LoggerMessage(2263, LogLevel.Error, "Roster worker loop failed: {Error}")]
    public static partial void RosterLoopFailed(ILogger logger, string error);

    [LoggerMessage(2264, LogLevel.Information, "Outbox message {Id}: creating the 1:1 chat was refused ({Status}); the person is not offered to broadcasts again until they open the bot")]
    public static partial void ChatRefused(ILogger logger, long id, int status);

    [LoggerMessage(2251, LogLevel.Information, "Private output queued for the 1:1 chat after a busy connector: {Error}")]
    public static partial void PrivateOutputQueued(ILogger logger, string error);

    [LoggerMessage(2252, LogLevel.Information, "Private output not delivered: no 1:1 chat could be opened ({Status})")]
    public static partial void PrivateOutputUnreachable(ILogger logger, int status);

    [LoggerMessage(2103, LogLevel.Information, "Outbox message {Id} not delivered: {Status}")]
    public static partial void OutboxNotDelivered(ILogger logger, long id, string status);

    [LoggerMessage(2301, LogLevel.Information, "Model answered: {Chars} characters, {Tokens} tokens")]
    public static partial void ModelAnswered(ILogger logger, int chars, long tokens);

    // Prompts and outputs contain what users wrote: Debug only.
    [LoggerMessage(2302, LogLevel.Debug, "Model output: {Output}")]
    public static partial void ModelOutput(ILogger logger, string output);

    [LoggerMessage(2303, LogLevel.Warning, "Model call failed: {Status} {Error}")]
    public static partial void ModelFailed(ILogger logger, int status, string error);

    [LoggerMessage(2304, LogLevel.Information, "Model declined to answer")]
    public static partial void ModelRefused(ILogger logger);

    [LoggerMessage(2305, LogLevel.Information, "Draft {Kind} fell back to offline: {Reason}")]
    public static partial void DraftFellBack(ILogger logger, string kind, string reason);

    // Counts only: the facts themselves are the partner's words.
    [LoggerMessage(2320, LogLevel.Information, "Grounding turned {Count} unstated fact(s) of a {Kind} draft into questions")]
    public static partial void DraftGrounded(ILogger logger, string kind, int count);

    [LoggerMessage(2306, LogLevel.Warning, "Drafting job {Job} failed: {Error}")]
    public static partial void DraftingJobFailed(ILogger logger, long job, string error);

    [LoggerMessage(2307, LogLevel.Information, "Stream {Stream} ended by the client ({Status}); sending the result as a message")]
    public static partial void StreamStopped(ILogger logger, string stream, int status);
}
