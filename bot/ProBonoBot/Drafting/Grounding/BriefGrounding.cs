using ProBonoBot.Cards;
using ProBonoBot.Cards.Drafting;
using ProBonoBot.Cards.Json;

namespace ProBonoBot.Drafting.Grounding;

/// <summary>
/// Grounds a brief in what the partner and the leader said, whoever drafted it. Facts about the partner
/// (organisation, contact, beneficiaries, dates, tools, and every name, date, contact and number in the prose)
/// must be stated by a source; the brief's proposals — roles, hours, team size, phases, meeting rhythm — are
/// the drafter's to make and are checked only for names, dates, contacts and tools.
/// </summary>
public static class BriefGrounding
{
    /// <summary>Tools the club itself works with: a brief may always propose them.</summary>
    private static readonly string[] HouseTools = ["Microsoft Teams", "Teams"];

    /// <summary>The need, the answers, the instruction and the earlier version (which may hold the author's own edits).</summary>
    public static GroundingSources Sources(BriefRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var t = UiText.For(request.Language).Drafting;
        var sources = new GroundingSources()
            .Add(t.SourceNeed, request.Need)
            .Add(t.SourceAnswer, request.Answers.Partner)
            .Add(t.SourceAnswer, request.Answers.Deliverable)
            .Add(t.SourceAnswer, request.Answers.Deadline)
            .Add(t.SourceInstruction, request.Instruction);
        if (request.Previous is { } previous)
        {
            sources.Add(t.SourceEarlier, FactText(previous, t.ToConfirm));
        }

        return sources;
    }

    /// <summary>The brief with every unstated fact turned into To confirm and a question, and what was done.</summary>
    public static (ProjectBrief Brief, GroundingReport Report) Ground(ProjectBrief brief, GroundingSources sources, Language language)
    {
        ArgumentNullException.ThrowIfNull(brief);
        ArgumentNullException.ThrowIfNull(sources);
        var t = UiText.For(language).Drafting;
        var pass = new GroundingPass(sources, t, t.GroundingQuestion);
        const FactKinds Names = FactKinds.Names;
        const FactKinds Stated = FactKinds.Names | FactKinds.Count;
        SourceSentence? NoUnstatedNames(string value) => sources.UnstatedJapaneseNames(value).Any() ? null : sources.Anchor(value) ?? new SourceSentence(string.Empty, string.Empty);
        IReadOnlyList<string> Items(string label, IReadOnlyList<string> items, FactKinds kinds) => [.. items.Select(i => pass.Prose(label, i, kinds))];

        var partner = new PartnerProfile(
            pass.Whole(t.FieldOrganisation, brief.Partner.Organisation, FactKinds.None, sources.Organisation),
            pass.Prose(t.FieldMission, brief.Partner.Mission, FactKinds.All),
            pass.Whole(t.FieldBeneficiaries, brief.Partner.Beneficiaries, FactKinds.All, sources.Anchor),
            pass.Whole(t.FieldContact, brief.Partner.Contact, FactKinds.All, NoUnstatedNames));
        var tools = new List<string>();
        foreach (var tool in brief.Tools)
        {
            if (HouseTools.Contains(tool.Trim(), StringComparer.OrdinalIgnoreCase))
            {
                tools.Add(tool);
                continue;
            }

            var kept = pass.Whole(t.FieldTools, tool, FactKinds.Names);
            if (kept != pass.Marker || tool.Contains(pass.Marker, StringComparison.Ordinal))
            {
                tools.Add(kept);
            }
        }

        var grounded = brief with
        {
            Title = pass.Prose(t.FieldTitle, brief.Title, FactKinds.All),
            Partner = partner,
            Background = pass.Prose(t.FieldBackground, brief.Background, FactKinds.All),
            Objective = pass.Prose(t.FieldObjective, brief.Objective, Stated),
            Impact = pass.Prose(t.FieldImpact, brief.Impact, Stated),
            Deliverables = Items(t.SectionDeliverables, brief.Deliverables, Stated),
            InScope = Items(t.FieldInScope, brief.InScope, Stated),
            OutOfScope = Items(t.FieldOutOfScope, brief.OutOfScope, Stated),
            TimeCommitment = pass.Prose(t.FieldTime, brief.TimeCommitment, Names),
            Duration = pass.Whole(t.FieldDuration, brief.Duration, FactKinds.All),
            Start = pass.Whole(t.FieldStart, brief.Start, FactKinds.All),
            Deadline = pass.Whole(t.FieldDeadline, brief.Deadline, FactKinds.All),
            DeadlineFlexibility = pass.Prose(t.FieldFlexibility, brief.DeadlineFlexibility, Names),
            Phases = [.. brief.Phases.Select(p => new BriefPhase(pass.Prose(t.SectionPhases, p.Name, Names), pass.Prose(t.SectionPhases, p.Goal, Names), pass.Prose(t.SectionPhases, p.Meeting, Names)))],
            MeetingCadence = pass.Prose(t.FieldMeetings, brief.MeetingCadence, Names),
            Communication = pass.Prose(t.FieldCommunication, brief.Communication, Names),
            WorkMode = pass.Prose(t.FieldWorkMode, brief.WorkMode, Names),
            Tools = tools.Count > 0 ? tools : [pass.Marker],
            Readiness = new BriefReadiness(
                pass.Whole(t.FieldOwner, brief.Readiness.Owner, FactKinds.All, NoUnstatedNames),
                pass.Whole(t.FieldMaintainer, brief.Readiness.Maintainer, FactKinds.All, NoUnstatedNames),
                pass.Prose(t.FieldKnowledgeTransfer, brief.Readiness.KnowledgeTransfer, Names)),
            SuccessCriteria = Items(t.SectionSuccess, brief.SuccessCriteria, Names),
            Risks = Items(t.SectionRisks, brief.Risks, Names),
        };
        var report = pass.Report;
        return (grounded with { OpenQuestions = Merge(brief.OpenQuestions, report.Questions, t) }, report);
    }

    /// <summary>The facts of a brief a reader takes as stated, as text (a source for its next version).</summary>
    public static string FactText(ProjectBrief brief, string marker)
    {
        ArgumentNullException.ThrowIfNull(brief);
        return string.Join('\n', new[]
        {
            brief.Partner.Organisation, brief.Partner.Contact, brief.Partner.Beneficiaries, brief.Partner.Mission, brief.Background,
            brief.Start, brief.Deadline, brief.Duration, brief.Readiness.Owner, brief.Readiness.Maintainer,
        }.Concat(brief.Tools).Where(s => !string.IsNullOrWhiteSpace(s) && !s.Contains(marker, StringComparison.Ordinal)));
    }

    // Open questions keep their limit (BriefRules): the overflow becomes one last question rather than being dropped.
    private static List<string> Merge(IReadOnlyList<string> existing, IReadOnlyList<string> added, DraftingTexts t)
    {
        var all = existing.Concat(added).Distinct(StringComparer.Ordinal).ToList();
        if (all.Count <= BriefRules.MaxItems)
        {
            return all;
        }

        var overflow = string.Join(" / ", all.Skip(BriefRules.MaxItems - 1));
        var last = t.ToConfirm + ": " + overflow;
        return [.. all.Take(BriefRules.MaxItems - 1), TextCut.Ellipsis(last, 500)];
    }
}
