namespace ProBonoBot.Cards.Drafting;

/// <summary>Texts of feedback on drafts: the report form, the leaders' notice and summary (section <c>feedback</c> of the string files).</summary>
public sealed class FeedbackTexts
{
    public required string ButtonReport { get; init; }
    public required string ReportWhat { get; init; }
    public required string CategoryFacts { get; init; }
    public required string CategoryHarmful { get; init; }
    public required string CategoryPrivate { get; init; }
    public required string CategoryOther { get; init; }
    public required string ReportDetails { get; init; }
    public required string ReportDetailsPlaceholder { get; init; }
    public required string ReportSend { get; init; }
    public required string ReportChoose { get; init; }
    public required string ReportThanks { get; init; }
    public required string ReportUnknownDraft { get; init; }
    public required string ReportAlready { get; init; }
    public required string ReportDailyLimit { get; init; }
    public required string ReportNotice { get; init; }
    public required string ReportNoticeDetails { get; init; }
    public required string DraftBrief { get; init; }
    public required string DraftManual { get; init; }
    public required string SummaryTitle { get; init; }
    public required string SummaryIntro { get; init; }
    public required string SummaryBriefs { get; init; }
    public required string SummaryManuals { get; init; }
    public required string SummaryCounts { get; init; }
    public required string SummaryLatest { get; init; }
    public required string SummaryNone { get; init; }
    public required string SummaryLike { get; init; }
    public required string SummaryDislike { get; init; }
    public required string SummaryReport { get; init; }

    /// <summary>The report category's name; unknown ones read as "other".</summary>
    public string Category(string? category) => category switch
    {
        FeedbackCards.CategoryFacts => CategoryFacts,
        FeedbackCards.CategoryHarmful => CategoryHarmful,
        FeedbackCards.CategoryPrivate => CategoryPrivate,
        _ => CategoryOther,
    };
}
