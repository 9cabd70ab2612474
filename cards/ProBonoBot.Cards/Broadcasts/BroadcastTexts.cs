namespace ProBonoBot.Cards.Broadcasts;

/// <summary>Texts of broadcasts (section <c>broadcasts</c> of the string files).</summary>
public sealed class BroadcastTexts
{
    public required string AudienceTitle { get; init; }
    public required string AudienceLabel { get; init; }
    public required string AudiencePeople { get; init; }
    public required string AudienceChannels { get; init; }
    public required string AudienceBoth { get; init; }
    public required string Counts { get; init; }
    public required string ResendLabel { get; init; }
    public required string ButtonStart { get; init; }
    public required string ButtonPreview { get; init; }
    public required string ButtonCancel { get; init; }
    public required string ButtonDownload { get; init; }
    public required string NothingToSend { get; init; }
    public required string ReportTitle { get; init; }
    public required string ReportRunning { get; init; }
    public required string ReportDone { get; init; }
    public required string ReportCancelled { get; init; }
    public required string FactSent { get; init; }
    public required string FactPending { get; init; }
    public required string FactFailed { get; init; }
    public required string FactBlocked { get; init; }
    public required string FactNotInstalled { get; init; }
    public required string FactRate { get; init; }
    public required string FactEta { get; init; }
    public required string SentValue { get; init; }
    public required string EtaMinutes { get; init; }
    public required string EtaUnderMinute { get; init; }
    public required string RateValue { get; init; }
    public required string Muted { get; init; }
    public required string Unmuted { get; init; }
    public required string CsvHeader { get; init; }
    public required string CsvPerson { get; init; }
    public required string CsvChannel { get; init; }
    public required string CsvReasonFailed { get; init; }
    public required string CsvReasonBlocked { get; init; }
    public required string CsvReasonNotFound { get; init; }
    public required string CsvReasonNotInstalled { get; init; }
    public required string CsvReasonCancelled { get; init; }
    public required string Cancelled { get; init; }
}
