namespace ProBonoBot.Cards.Projects;

/// <summary>Texts of the project flows (section <c>projects</c> of the string files).</summary>
public sealed class ProjectTexts
{
    public required string NotALeader { get; init; }
    public required string FormTitleNew { get; init; }
    public required string FormTitleEdit { get; init; }
    public required string FieldTitle { get; init; }
    public required string FieldPartner { get; init; }
    public required string FieldSummary { get; init; }
    public required string FieldObjective { get; init; }
    public required string FieldDeliverables { get; init; }
    public required string FieldRoles { get; init; }
    public required string RolesHint { get; init; }
    public required string RolesPlaceholder { get; init; }
    public required string FieldHours { get; init; }
    public required string FieldStart { get; init; }
    public required string FieldEnd { get; init; }
    public required string FieldMode { get; init; }
    public required string ModeRemote { get; init; }
    public required string ModeOnsite { get; init; }
    public required string ModeHybrid { get; init; }
    public required string FieldPlace { get; init; }
    public required string FieldLanguage { get; init; }
    public required string LanguageJa { get; init; }
    public required string LanguageEn { get; init; }
    public required string LanguageBoth { get; init; }
    public required string ButtonSave { get; init; }
    public required string ButtonEdit { get; init; }
    public required string ButtonPublish { get; init; }
    public required string ButtonSignUp { get; init; }
    public required string ButtonDetails { get; init; }
    public required string ButtonWithdraw { get; init; }
    public required string ButtonApplicants { get; init; }
    public required string ButtonFormTeam { get; init; }
    public required string ButtonStart { get; init; }
    public required string ButtonComplete { get; init; }
    public required string ButtonCancelProject { get; init; }
    public required string FormErrors { get; init; }
    public required string ErrorRequired { get; init; }
    public required string ErrorRoles { get; init; }
    public required string ErrorNoRoles { get; init; }
    public required string ErrorHours { get; init; }
    public required string ErrorDate { get; init; }
    public required string ErrorDateOrder { get; init; }
    public required string ErrorTooLong { get; init; }
    public required string ErrorNotEditable { get; init; }
    public required string Saved { get; init; }
    public required string PreviewBanner { get; init; }
    public required string FactPartner { get; init; }
    public required string FactCommitment { get; init; }
    public required string CommitmentValue { get; init; }
    public required string FactPeriod { get; init; }
    public required string FactPlace { get; init; }
    public required string FactLanguage { get; init; }
    public required string FactLeader { get; init; }
    public required string FactStatus { get; init; }
    public required string FactObjective { get; init; }
    public required string FactDeliverables { get; init; }
    public required string PeriodUndecided { get; init; }
    public required string PlaceRemote { get; init; }
    public required string PlaceOnsite { get; init; }
    public required string PlaceHybrid { get; init; }
    public required string RolesHeading { get; init; }
    public required string RoleSeatsLeft { get; init; }
    public required string RoleFull { get; init; }
    public required string ClosedTeamFormed { get; init; }
    public required string ClosedInProgress { get; init; }
    public required string ClosedCompleted { get; init; }
    public required string ClosedCancelled { get; init; }
    public required string RoleFilled { get; init; }
    public required IReadOnlyList<string> StatusNames { get; init; }

    /// <summary>Per status, a sentence saying where project #{0} stands ("The team for #3 is already confirmed.").</summary>
    public required IReadOnlyList<string> StatusNow { get; init; }

    /// <summary>Per status, why a project is not taking sign-ups ("its team is already complete").</summary>
    public required IReadOnlyList<string> StatusReasons { get; init; }

    /// <summary>Per status, the answer after a leader moved project #{0} into it.</summary>
    public required IReadOnlyList<string> StatusChangedTo { get; init; }
    public required string ChooseChannelsTitle { get; init; }
    public required string ChannelsLabel { get; init; }
    public required string ChannelsHint { get; init; }
    public required string ChannelGeneral { get; init; }
    public required string NoChannels { get; init; }
    public required string NothingChosen { get; init; }
    public required string Published { get; init; }
    public required string PublishFailed { get; init; }
    public required string AlreadyPosted { get; init; }
    public required string UnknownProject { get; init; }
    public required string NotRecruiting { get; init; }
    public required string ProjectsTitle { get; init; }
    public required string NoProjects { get; init; }
    public required string DraftsHeading { get; init; }
    public required string ApplicantsTitle { get; init; }
    public required string NoApplicants { get; init; }
    public required string WaitlistHeading { get; init; }
    public required string TeamFormed { get; init; }
    public required string TeamNotice { get; init; }
    public required string TeamThread { get; init; }
    public required string WaitlistClosed { get; init; }
    public required string ProjectCancelledNotice { get; init; }
    public required string CannotChangeStatus { get; init; }
    public required string SentToPersonalChat { get; init; }
    public required string PersonalChatUnreachable { get; init; }
    public required string CancelConfirmTitle { get; init; }
    public required string CancelConfirmText { get; init; }
    public required string CancelConfirmTextNobody { get; init; }
    public required string ButtonConfirmCancel { get; init; }
    public required string ButtonKeepProject { get; init; }
    public required string CancelKept { get; init; }
    public required string FormTeamConfirmTitle { get; init; }
    public required string FormTeamConfirmText { get; init; }
    public required string EmptySeat { get; init; }
    public required string ButtonConfirmTeam { get; init; }
    public required string ButtonKeepRecruiting { get; init; }
    public required string FormTeamKept { get; init; }
    public required string ConfirmInvalid { get; init; }
    public required string ConfirmExpired { get; init; }
    public required string ConfirmStale { get; init; }
    public required string StatusMovedOn { get; init; }
    public required string LeadersTitle { get; init; }
    public required string LeaderAdded { get; init; }
    public required string LeaderRemoved { get; init; }
    public required string LeaderFromConfig { get; init; }
    public required string PersonNotFound { get; init; }
    public required string PersonAmbiguous { get; init; }
    public required string DigestTitle { get; init; }
    public required string DigestSignedUp { get; init; }
    public required string DigestWaitlisted { get; init; }
    public required string DigestWithdrew { get; init; }
    public required string DigestAccepted { get; init; }
    public required string DigestDeclined { get; init; }

    public string StatusName(ProjectStatus status) => StatusNames[(int)status];

    public string StatusSentence(ProjectStatus status, long number) => Wording.Plurals.Format(StatusNow[(int)status], number);

    public string StatusReason(ProjectStatus status) => StatusReasons[(int)status];

    public string StatusDone(ProjectStatus status, long number) => Wording.Plurals.Format(StatusChangedTo[(int)status], number);
}
