using System.Globalization;
using System.Text.Json.Nodes;
using ProBonoBot.Cards.Json;

namespace ProBonoBot.Cards.Drafting;

/// <summary>Where a brief stands.</summary>
public enum BriefStatus
{
    Draft = 0,
    Sent = 1,
    Approved = 2,
    Returned = 3,
}

/// <summary>What the brief card shows: the brief, its version and status, and who is looking.</summary>
public sealed record BriefCardModel(
    long Id,
    int Version,
    BriefStatus Status,
    ProjectBrief Brief,
    string AuthorName,
    string SourceNote,
    bool SourceIsFallback,
    long? ProjectNumber = null);

/// <summary>How the card is seen: by its author (edit, regenerate, send), by a leader (approve, send back), or read-only.</summary>
public enum BriefViewer
{
    Author,
    Leader,
    ReadOnly,
}

/// <summary>The brief card: sections that fold, and the actions of the person looking at it.</summary>
public static class BriefCard
{
    public const int MaxInstruction = 500;

    public static JsonObject Build(Language language, BriefCardModel model, BriefViewer viewer, string? headline = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var t = UiText.For(language).Drafting;
        var b = model.Brief;
        var body = new List<JsonNode>();
        if (headline is not null)
        {
            body.Add(Card.Text(headline, weight: "Bolder", color: "Good"));
        }

        body.Add(Card.Title(ProBonoBot.Cards.Wording.Plurals.Format(t.BriefTitle, Markdown.Escape(b.Title))));
        body.Add(Card.Text(ProBonoBot.Cards.Wording.Plurals.Format(t.BriefVersion, model.Version, StatusName(t, model.Status), Markdown.Escape(model.AuthorName)), subtle: true));
        body.Add(Card.Text(model.SourceNote, color: model.SourceIsFallback ? "Attention" : null, subtle: !model.SourceIsFallback));
        if (b.Revision is { } revision)
        {
            body.AddRange(Revision(t, revision));
        }

        body.Add(Card.Facts([
            (t.FieldOrganisation, Markdown.Escape(b.Partner.Organisation)),
            (t.FieldCategory, Markdown.Escape(b.NeedCategory)),
            (t.FieldDeadline, Markdown.Escape(b.Deadline)),
            (t.FieldTeamSize, b.TeamSize.ToString(CultureInfo.InvariantCulture)),
        ]));

        body.AddRange(Collapsible.Section("need", t.SectionNeed, [Card.Text(Markdown.Escape(b.Background))], open: true));
        body.AddRange(Collapsible.Section("partner", t.SectionPartner, [
            Collapsible.Field(t.FieldOrganisation, b.Partner.Organisation),
            Collapsible.Field(t.FieldMission, b.Partner.Mission),
            Collapsible.Field(t.FieldBeneficiaries, b.Partner.Beneficiaries),
            Collapsible.Field(t.FieldContact, b.Partner.Contact),
        ], open: false));
        body.AddRange(Collapsible.Section("goal", t.SectionGoal, [
            Collapsible.Field(t.FieldObjective, b.Objective),
            Collapsible.Field(t.FieldImpact, b.Impact),
        ], open: false));
        body.AddRange(Collapsible.Section("deliverables", t.SectionDeliverables, [Card.Text(Collapsible.Bullets(b.Deliverables))], open: true));
        body.AddRange(Collapsible.Section("scope", t.SectionScope, [
            Card.Text($"**{Markdown.Escape(t.FieldInScope)}**\n\n{Collapsible.Bullets(b.InScope)}"),
            Card.Text($"**{Markdown.Escape(t.FieldOutOfScope)}**\n\n{Collapsible.Bullets(b.OutOfScope)}"),
        ], open: false));
        body.AddRange(Collapsible.Section("team", t.SectionTeam, [
            Card.Text(Collapsible.Lines(b.Roles.Select(r => ProBonoBot.Cards.Wording.Plurals.Format(t.RoleLine, Markdown.Escape(r.Name.Trim()), r.Seats, r.HoursPerWeek, Markdown.Escape(r.Skills.Trim()))))),
        ], open: true));
        body.AddRange(Collapsible.Section("schedule", t.SectionSchedule, [
            Collapsible.Field(t.FieldTime, b.TimeCommitment),
            Collapsible.Field(t.FieldDuration, b.Duration),
            Collapsible.Field(t.FieldStart, b.Start),
            Collapsible.Field(t.FieldDeadline, b.Deadline),
            Collapsible.Field(t.FieldFlexibility, b.DeadlineFlexibility),
        ], open: false));
        body.AddRange(Collapsible.Section("phases", t.SectionPhases, [
            Card.Text(Collapsible.Bullets(b.Phases.Select(p => $"{p.Name}: {p.Goal} → {p.Meeting}"))),
        ], open: false));
        body.AddRange(Collapsible.Section("working", t.SectionWorking, [
            Collapsible.Field(t.FieldMeetings, b.MeetingCadence),
            Collapsible.Field(t.FieldCommunication, b.Communication),
            Collapsible.Field(t.FieldWorkMode, b.WorkMode),
            Collapsible.Field(t.FieldTools, string.Join(", ", b.Tools)),
        ], open: false));
        body.AddRange(Collapsible.Section("readiness", t.SectionReadiness, [
            Collapsible.Field(t.FieldOwner, b.Readiness.Owner),
            Collapsible.Field(t.FieldMaintainer, b.Readiness.Maintainer),
            Collapsible.Field(t.FieldKnowledgeTransfer, b.Readiness.KnowledgeTransfer),
        ], open: false));
        body.AddRange(Collapsible.Section("success", t.SectionSuccess, [Card.Text(Collapsible.Bullets(b.SuccessCriteria))], open: false));
        body.AddRange(Collapsible.Section("risks", t.SectionRisks, [Card.Text(Collapsible.Bullets(b.Risks))], open: false));
        body.AddRange(Collapsible.Section("questions", t.SectionOpenQuestions, [Card.Text(Collapsible.Bullets(b.OpenQuestions))], open: true));

        return Card.Create(body, Actions(language, model, viewer));
    }

    /// <summary>What the regeneration applied and, plainly, what it could not; "nothing applied" when the version is unchanged.</summary>
    private static IEnumerable<JsonNode> Revision(DraftingTexts t, BriefRevision revision)
    {
        yield return Card.Text(string.Format(CultureInfo.InvariantCulture, t.RevisionInstruction, Markdown.Escape(revision.Instruction)), subtle: true);
        if (revision.Applied.Count == 0)
        {
            yield return Card.Text(t.RevisionNothingApplied, color: "Attention");
            yield break;
        }

        yield return Card.Text($"**{Markdown.Escape(t.RevisionApplied)}**\n\n{Collapsible.Bullets(revision.Applied)}");
        if (revision.NotApplied.Count > 0)
        {
            yield return Card.Text($"**{Markdown.Escape(t.RevisionNotApplied)}**\n\n{Collapsible.Bullets(revision.NotApplied)}", color: "Attention");
        }
    }

    private static List<JsonNode> Actions(Language language, BriefCardModel model, BriefViewer viewer)
    {
        var t = UiText.For(language).Drafting;
        var data = new JsonObject { ["brief"] = model.Id, ["version"] = model.Version };
        var actions = new List<JsonNode>();
        if (viewer == BriefViewer.Author && model.Status is BriefStatus.Draft or BriefStatus.Returned)
        {
            actions.Add(Card.ShowCard(t.ButtonEdit, EditForm(language, model.Brief, data)));
            actions.Add(Card.ShowCard(t.ButtonRegenerate, Card.Inner([
                Card.TextInput("instruction", t.InstructionLabel, multiline: true, errorMessage: t.InstructionRequired, maxLength: MaxInstruction, placeholder: t.InstructionPlaceholder),
                Card.Actions([Card.Execute(t.ButtonRegenerate, DraftingVerbs.RegenerateBrief, data)]),
            ])));
            actions.Add(Card.Execute(t.ButtonSendToLeaders, DraftingVerbs.SendBrief, data, style: "positive"));
        }
        else if (viewer == BriefViewer.Leader && model.Status == BriefStatus.Sent)
        {
            actions.Add(Card.Execute(t.ButtonApprove, DraftingVerbs.ApproveBrief, data, style: "positive"));
            actions.Add(Card.ShowCard(t.ButtonReturn, Card.Inner([
                Card.TextInput("note", t.InstructionLabel, multiline: true, errorMessage: t.InstructionRequired, maxLength: MaxInstruction),
                Card.Actions([Card.Execute(t.ButtonReturn, DraftingVerbs.ReturnBrief, data)]),
            ])));
        }

        // Anyone who sees a draft may report it as wrong or harmful; the report names the brief, not a version.
        actions.Add(FeedbackCards.ReportAction(language, new JsonObject { ["brief"] = model.Id }));
        return actions;
    }

    private static JsonObject EditForm(Language language, ProjectBrief b, JsonObject data)
    {
        var t = UiText.For(language).Drafting;
        string Required(string label) => ProBonoBot.Cards.Wording.Plurals.Format(t.FieldRequired, label);
        return Card.Inner([
            Card.TextInput("title", t.FieldTitle, b.Title, errorMessage: Required(t.FieldTitle), maxLength: 120),
            Card.TextInput("organisation", t.FieldOrganisation, b.Partner.Organisation, errorMessage: Required(t.FieldOrganisation), maxLength: 200),
            Card.TextInput("contact", t.FieldContact, b.Partner.Contact, maxLength: 200),
            Card.TextInput("background", t.FieldBackground, b.Background, multiline: true, errorMessage: Required(t.FieldBackground), maxLength: 2000),
            Card.TextInput("objective", t.FieldObjective, b.Objective, multiline: true, maxLength: 1000),
            Card.TextInput("deliverables", t.SectionDeliverables, string.Join('\n', b.Deliverables), multiline: true, maxLength: 1000, placeholder: t.FieldListHint),
            Card.TextInput("roles", t.FieldRoles, string.Join('\n', b.Roles.Select(r => $"{r.Name} | {r.Skills} | {r.Seats}")), multiline: true, errorMessage: Required(t.FieldRoles), maxLength: 1000, placeholder: t.FieldRolesHint),
            Card.TextInput("time", t.FieldTime, b.TimeCommitment, maxLength: 200),
            Card.TextInput("start", t.FieldStart, b.Start, maxLength: 100),
            Card.TextInput("deadline", t.FieldDeadline, b.Deadline, maxLength: 100),
            Card.TextInput("questions", t.SectionOpenQuestions, string.Join('\n', b.OpenQuestions), multiline: true, maxLength: 1500, placeholder: t.FieldListHint),
            Card.Actions([Card.Execute(t.ButtonSave, DraftingVerbs.SaveBrief, data, style: "positive")]),
        ]);
    }

    public static string StatusName(DraftingTexts t, BriefStatus status) => status switch
    {
        BriefStatus.Sent => t.StatusSent,
        BriefStatus.Approved => t.StatusApproved,
        BriefStatus.Returned => t.StatusReturned,
        _ => t.StatusDraft,
    };
}
