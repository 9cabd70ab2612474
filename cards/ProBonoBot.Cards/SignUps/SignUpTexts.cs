namespace ProBonoBot.Cards.SignUps;

/// <summary>Texts of the sign-up conversation (section <c>signUps</c> of the string files).</summary>
public sealed class SignUpTexts
{
    public required string ContinueInChat { get; init; }
    public required string AskRole { get; init; }
    public required string RoleChoiceOpen { get; init; }
    public required string RoleChoiceFull { get; init; }
    public required string AskHours { get; init; }
    public required string AskNote { get; init; }
    public required string ConfirmTitle { get; init; }
    public required string ConfirmProject { get; init; }
    public required string ConfirmRole { get; init; }
    public required string ConfirmHours { get; init; }
    public required string ConfirmNote { get; init; }
    public required string ConfirmWaitlistNote { get; init; }
    public required string ButtonNext { get; init; }
    public required string ButtonSkip { get; init; }
    public required string ButtonConfirm { get; init; }
    public required string ButtonCancel { get; init; }
    public required string InvalidRole { get; init; }
    public required string InvalidHours { get; init; }
    public required string InvalidConfirm { get; init; }
    public required string Confirmed { get; init; }
    public required string Waitlisted { get; init; }
    public required string AlreadySignedUp { get; init; }
    public required string Cancelled { get; init; }
    public required string StaleAnswer { get; init; }
    public required string HelpRole { get; init; }
    public required string HelpHours { get; init; }
    public required string HelpNote { get; init; }
    public required string HelpConfirm { get; init; }
    public required string Withdrawn { get; init; }
    public required string NotSignedUp { get; init; }
    public required string WithdrawConfirmTitle { get; init; }
    public required string WithdrawConfirmText { get; init; }
    public required string ButtonConfirmWithdraw { get; init; }
    public required string ButtonKeepSignUp { get; init; }
    public required string WithdrawKept { get; init; }
    public required string SignUpChanged { get; init; }
    public required string MyProjectsTitle { get; init; }
    public required string NoMyProjects { get; init; }
    public required string StandingConfirmed { get; init; }
    public required string StandingWaitlisted { get; init; }
    public required string StandingOffered { get; init; }
    public required string ViewerConfirmed { get; init; }
    public required string ViewerWaitlisted { get; init; }
    public required string ViewerOffered { get; init; }
    public required string OfferTitle { get; init; }
    public required string OfferText { get; init; }
    public required string ButtonAccept { get; init; }
    public required string ButtonDecline { get; init; }
    public required string OfferAccepted { get; init; }
    public required string OfferDeclined { get; init; }
    public required string NoOffer { get; init; }
    public required string OfferAlreadyConfirmed { get; init; }
    public required string OfferStillWaiting { get; init; }
    public required string SkipWords { get; init; }
}
