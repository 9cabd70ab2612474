namespace ProBonoBot.Cards.Drafting;

/// <summary>Texts of AI drafting: needs, briefs and manuals (section <c>drafting</c> of the string files).</summary>
public sealed class DraftingTexts
{
    public required string ToConfirm { get; init; }
    public required string NeedPrompt { get; init; }
    public required string NeedTooShort { get; init; }
    public required string NeedTooLong { get; init; }
    public required string QuestionPartner { get; init; }
    public required string QuestionDeliverable { get; init; }
    public required string QuestionDeadline { get; init; }
    public required string SkipHint { get; init; }
    public required string DraftingBrief { get; init; }
    public required string DraftingManual { get; init; }
    public required string Resumed { get; init; }
    public required string Busy { get; init; }
    public required string RateLimited { get; init; }
    public required string JobFailed { get; init; }
    public required string OfflineLabel { get; init; }
    public required string FallbackLabel { get; init; }
    public required string ModelLabel { get; init; }
    public required string ReasonTimeout { get; init; }
    public required string ReasonRateLimited { get; init; }
    public required string ReasonServiceError { get; init; }
    public required string ReasonRefused { get; init; }
    public required string ReasonInvalid { get; init; }
    public required string ReasonBudget { get; init; }
    public required string ReasonUnavailable { get; init; }
    public required string BriefTitle { get; init; }
    public required string BriefVersion { get; init; }
    public required string StatusDraft { get; init; }
    public required string StatusSent { get; init; }
    public required string StatusApproved { get; init; }
    public required string StatusReturned { get; init; }
    public required string SectionPartner { get; init; }
    public required string SectionNeed { get; init; }
    public required string SectionGoal { get; init; }
    public required string SectionDeliverables { get; init; }
    public required string SectionScope { get; init; }
    public required string SectionTeam { get; init; }
    public required string SectionSchedule { get; init; }
    public required string SectionPhases { get; init; }
    public required string SectionWorking { get; init; }
    public required string SectionReadiness { get; init; }
    public required string SectionSuccess { get; init; }
    public required string SectionRisks { get; init; }
    public required string SectionOpenQuestions { get; init; }
    public required string FieldOrganisation { get; init; }
    public required string FieldMission { get; init; }
    public required string FieldBeneficiaries { get; init; }
    public required string FieldContact { get; init; }
    public required string FieldCategory { get; init; }
    public required string FieldBackground { get; init; }
    public required string FieldObjective { get; init; }
    public required string FieldImpact { get; init; }
    public required string FieldInScope { get; init; }
    public required string FieldOutOfScope { get; init; }
    public required string FieldTeamSize { get; init; }
    public required string FieldTime { get; init; }
    public required string FieldDuration { get; init; }
    public required string FieldStart { get; init; }
    public required string FieldDeadline { get; init; }
    public required string FieldFlexibility { get; init; }
    public required string FieldMeetings { get; init; }
    public required string FieldCommunication { get; init; }
    public required string FieldWorkMode { get; init; }
    public required string FieldTools { get; init; }
    public required string FieldOwner { get; init; }
    public required string FieldMaintainer { get; init; }
    public required string FieldKnowledgeTransfer { get; init; }
    public required string FieldTitle { get; init; }
    public required string FieldRoles { get; init; }
    public required string FieldRolesHint { get; init; }
    public required string FieldListHint { get; init; }
    public required string RoleLine { get; init; }
    public required string ButtonEdit { get; init; }
    public required string ButtonSave { get; init; }
    public required string ButtonRegenerate { get; init; }
    public required string ButtonSendToLeaders { get; init; }
    public required string ButtonApprove { get; init; }
    public required string ButtonReturn { get; init; }
    public required string ButtonDraft { get; init; }
    public required string ButtonDownload { get; init; }
    public required string ButtonRevise { get; init; }
    public required string InstructionLabel { get; init; }
    public required string InstructionPlaceholder { get; init; }
    public required string InstructionRequired { get; init; }
    public required string RevisionInstruction { get; init; }
    public required string RevisionApplied { get; init; }
    public required string RevisionNotApplied { get; init; }
    public required string RevisionNothingApplied { get; init; }
    public required string FieldRequired { get; init; }
    public required string Saved { get; init; }
    public required string SentToLeaders { get; init; }
    public required string NoLeaders { get; init; }
    public required string ReviewTitle { get; init; }
    public required string Approved { get; init; }
    public required string ApprovedNotice { get; init; }
    public required string AlreadyApproved { get; init; }
    public required string ReturnedToAuthor { get; init; }
    public required string ReturnedNotice { get; init; }
    public required string Outdated { get; init; }
    public required string NotYourBrief { get; init; }
    public required string NotSentYet { get; init; }
    public required string UnknownBrief { get; init; }
    public required string ManualChooseTitle { get; init; }
    public required string ManualProjectLabel { get; init; }
    public required string ManualKindLabel { get; init; }
    public required string ManualOperational { get; init; }
    public required string ManualOnboarding { get; init; }
    public required string ManualPhase { get; init; }
    public required string ManualNotMember { get; init; }
    public required string ManualNoProjects { get; init; }
    public required string ManualVersion { get; init; }
    public required string ManualEarlier { get; init; }
    public required string ManualTruncated { get; init; }
    public required string UnknownManual { get; init; }

    public string ManualName(ManualKind kind) => kind switch
    {
        ManualKind.Onboarding => ManualOnboarding,
        ManualKind.Phase => ManualPhase,
        _ => ManualOperational,
    };
}
