namespace ProBonoBot.Cards.Profiles;

/// <summary>Texts of the skills profile, recommendations and invitations (section <c>profiles</c> of the string files).</summary>
public sealed class ProfileTexts
{
    public required string Title { get; init; }
    public required string Intro { get; init; }
    public required string FieldSkills { get; init; }
    public required string FieldSkillsOther { get; init; }
    public required string SkillsOtherPlaceholder { get; init; }
    public required string FieldInterests { get; init; }
    public required string FieldHours { get; init; }
    public required string FieldLanguages { get; init; }
    public required string LanguageJa { get; init; }
    public required string LanguageEn { get; init; }
    public required string FieldMode { get; init; }
    public required string ModeRemote { get; init; }
    public required string ModeOnsite { get; init; }
    public required string ModeEither { get; init; }
    public required string FieldArea { get; init; }
    public required string AreaPlaceholder { get; init; }
    public required string ButtonSave { get; init; }
    public required string ButtonSkip { get; init; }
    public required string ButtonEdit { get; init; }
    public required string ButtonSetUp { get; init; }
    public required string ButtonNotNow { get; init; }
    public required string PromptTitle { get; init; }
    public required string PromptText { get; init; }
    public required string Saved { get; init; }
    public required string Skipped { get; init; }
    public required string ErrorsIntro { get; init; }
    public required string ErrorUnknownChoice { get; init; }
    public required string ErrorHours { get; init; }
    public required string ErrorTooLong { get; init; }
    public required string RecommendTitle { get; init; }
    public required string RecommendIntro { get; init; }
    public required string ReasonsLabel { get; init; }
    public required string NoProfile { get; init; }
    public required string NothingFits { get; init; }
    public required string ReasonSkills { get; init; }
    public required string ReasonSkillsOf { get; init; }
    public required string ReasonInterests { get; init; }
    public required string ReasonRemote { get; init; }
    public required string ReasonOnsite { get; init; }
    public required string ReasonHours { get; init; }
    public required string ReasonHoursOf { get; init; }
    public required string FitHeading { get; init; }
    public required string FitNone { get; init; }
    public required string ButtonInvite { get; init; }
    public required string Invited { get; init; }
    public required string InviteSent { get; init; }
    public required string AlreadyInvited { get; init; }
    public required string InviteNotFit { get; init; }
    public required string InviteUnreachable { get; init; }
    public required string InvitationTitle { get; init; }
    public required string InvitationText { get; init; }
    public required string InvitationTextNoLeader { get; init; }
    public required string InvitationWhy { get; init; }
}
