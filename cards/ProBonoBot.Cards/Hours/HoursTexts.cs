namespace ProBonoBot.Cards.Hours;

/// <summary>Texts of volunteer hours: logging, approval and corrections (section <c>hours</c> of the string files).</summary>
public sealed class HoursTexts
{
    public required string HoursValue { get; init; }
    public required string PromptTitle { get; init; }
    public required string PromptIntro { get; init; }
    public required string PromptWeekHint { get; init; }
    public required string ButtonLog { get; init; }
    public required string ButtonEdit { get; init; }
    public required string ButtonSave { get; init; }
    public required string FieldHours { get; init; }
    public required string FieldDate { get; init; }
    public required string FieldNote { get; init; }
    public required string PeriodMeeting { get; init; }
    public required string PeriodMilestone { get; init; }
    public required string PeriodWeek { get; init; }
    public required string PeriodGone { get; init; }
    public required string Logged { get; init; }
    public required string AlreadyLogged { get; init; }
    public required string Saved { get; init; }
    public required string SavedBackToWaiting { get; init; }
    public required string NotMember { get; init; }
    public required string InvalidCard { get; init; }
    public required string ErrorsIntro { get; init; }
    public required string ErrorHoursDay { get; init; }
    public required string ErrorHoursWeek { get; init; }
    public required string ErrorHoursStep { get; init; }
    public required string ErrorDate { get; init; }
    public required string MyTitle { get; init; }
    public required string MyEmpty { get; init; }
    public required string MyTotals { get; init; }
    public required string MyProjectTotals { get; init; }
    public required string StatusWaiting { get; init; }
    public required string StatusApproved { get; init; }
    public required string StatusRejected { get; init; }
    public required string StatusCorrected { get; init; }
    public required string ButtonLogHours { get; init; }
    public required string MyWaitingApproval { get; init; }
    public required string ButtonReview { get; init; }
    public required string EditTitle { get; init; }
    public required string ApproveTitle { get; init; }
    public required string ApproveIntro { get; init; }
    public required string ApproveNone { get; init; }
    public required string ApproveMore { get; init; }
    public required string FieldApprove { get; init; }
    public required string FieldCorrect { get; init; }
    public required string ButtonApproveSelected { get; init; }
    public required string ButtonRejectSelected { get; init; }
    public required string Approved { get; init; }
    public required string Rejected { get; init; }
    public required string NothingSelected { get; init; }
    public required string StaleSkipped { get; init; }
    public required string AlreadyReviewed { get; init; }
    public required string NotLeaderOfProject { get; init; }
    public required string InvalidApproval { get; init; }
    public required string CorrectedNotice { get; init; }
    public required string RejectedNotice { get; init; }
}
