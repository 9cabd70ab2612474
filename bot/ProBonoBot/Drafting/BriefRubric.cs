using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ProBonoBot.Cards;
using ProBonoBot.Cards.Drafting;
using ProBonoBot.Drafting.Grounding;

namespace ProBonoBot.Drafting;

/// <summary>
/// A rough need from real pro bono work and what a useful brief for it must contain; or, with <see cref="Kind"/>
/// <c>chat</c>, a message that must not start drafting (a question, a greeting, thanks, a mistyped command).
/// </summary>
public sealed record NeedFixture(string Id, string Language, string Need, NeedExpectation Expect, string Kind = NeedFixture.NeedKind)
{
    public const string NeedKind = "need";
    public const string ChatKind = "chat";
}

/// <summary>Facts a good brief gets right: null means "not in the need, so it must be left to confirm".</summary>
public sealed record NeedExpectation(
    string? Partner = null, string? Deadline = null, IReadOnlyList<string>? Roles = null, string? Category = null, string? Contact = null, int? Hours = null,
    string? Beneficiaries = null, int? People = null, string? Duration = null, IReadOnlyList<string>? Tools = null, IReadOnlyList<string>? NotTools = null,
    bool? PrivacyNote = null, IReadOnlyList<string>? Deliverables = null, IReadOnlyList<string>? ToConfirm = null, IReadOnlyList<string>? NotInBrief = null);

/// <summary>
/// The drafting rubric: every field present, no partner name or date that is not in the need, the right language,
/// and the facts the need states found. Used by the CI test (offline) and by <c>scripts/drafting-rubric</c> (any provider).
/// </summary>
public static partial class BriefRubric
{
    public static IReadOnlyList<string> Check(NeedFixture fixture, ProjectBrief brief)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        ArgumentNullException.ThrowIfNull(brief);
        var problems = new List<string>();
        var language = fixture.Language == "ja" ? Language.Japanese : Language.English;
        problems.AddRange(BriefRules.Check(brief, language).Select(p => "incomplete: " + p));

        var source = Normal(fixture.Need);
        var marker = UiText.For(language).Drafting.ToConfirm;
        var organisation = brief.Partner.Organisation;
        if (!organisation.Contains(marker, StringComparison.Ordinal) && !source.Contains(Normal(organisation), StringComparison.Ordinal))
        {
            problems.Add($"invented partner: {organisation}");
        }

        foreach (var date in DateLike().Matches(Normal(string.Join('\n', brief.Start, brief.Deadline, brief.Duration, brief.Title, brief.Background, string.Join('\n', brief.Phases.Select(p => p.Goal + p.Meeting))))).Select(m => m.Value).Distinct())
        {
            if (!source.Contains(date, StringComparison.Ordinal))
            {
                problems.Add($"invented date: {date}");
            }
        }

        var japaneseOk = Languages.LooksJapanese(brief.Objective) && brief.Phases.Count > 0 && Languages.LooksJapanese(brief.Phases[0].Name);
        var englishOk = !Languages.LooksJapanese(brief.Objective) && !Languages.LooksJapanese(brief.Impact) && !brief.Phases.Any(p => Languages.LooksJapanese(p.Name));
        if (brief.Language != fixture.Language || (language == Language.Japanese ? !japaneseOk : !englishOk))
        {
            problems.Add($"wrong language: expected {fixture.Language}");
        }

        var e = fixture.Expect;
        if (e.Partner is { } partner && !Normal(organisation).Contains(Normal(partner), StringComparison.Ordinal))
        {
            problems.Add($"partner not found: expected {partner}, got {organisation}");
        }

        if (e.Partner is null && !organisation.Contains(marker, StringComparison.Ordinal) && !source.Contains(Normal(organisation), StringComparison.Ordinal))
        {
            problems.Add("partner should be to confirm");
        }

        if (e.Deadline is { } deadline && !Normal(brief.Deadline).Contains(Normal(deadline), StringComparison.Ordinal))
        {
            problems.Add($"deadline not found: expected {deadline}, got {brief.Deadline}");
        }

        if (e.Deadline is null && !brief.Deadline.Contains(marker, StringComparison.Ordinal) && !source.Contains(Normal(brief.Deadline), StringComparison.Ordinal))
        {
            problems.Add($"deadline should be to confirm, got {brief.Deadline}");
        }

        var roleText = Normal(string.Join('\n', brief.Roles.Select(r => r.Name + " " + r.Skills)));
        foreach (var role in e.Roles ?? [])
        {
            if (!roleText.Contains(Normal(role), StringComparison.Ordinal))
            {
                problems.Add($"role missing: {role}");
            }
        }

        if (e.Category is { } category && !Normal(brief.NeedCategory + " " + brief.Title).Contains(Normal(category), StringComparison.Ordinal))
        {
            problems.Add($"category missing: {category}");
        }

        if (e.Contact is { } contact && !Normal(brief.Partner.Contact).Contains(Normal(contact), StringComparison.Ordinal))
        {
            problems.Add($"contact not found: {contact}");
        }

        if (e.Hours is { } hours && !brief.Roles.All(r => r.HoursPerWeek == hours))
        {
            problems.Add($"hours not used: {hours}");
        }

        problems.AddRange(CheckStated(e, brief, marker));
        if (FirstPerson().IsMatch(brief.Background))
        {
            problems.Add("background is not in the third person");
        }

        return problems;
    }

    /// <summary>
    /// The facts of a drafted brief its sources lack, found twice: by the grounding code (a second pass over the
    /// result must change nothing) and by a deliberately simple check that shares no code with it — every number,
    /// email, web address, mid-sentence capitalised word and Japanese honorific name in the brief's factual fields
    /// must appear in the need or the answers. Fields holding the to-confirm marker state nothing and are skipped.
    /// </summary>
    public static IReadOnlyList<string> Ungrounded(BriefRequest request, ProjectBrief brief)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(brief);
        var problems = new List<string>();
        var (_, again) = BriefGrounding.Ground(brief, BriefGrounding.Sources(request), request.Language);
        problems.AddRange(again.Questions.Select(q => "ungrounded (grounding): " + q));

        var marker = UiText.For(request.Language).Drafting.ToConfirm;
        var source = Normal(string.Join('\n', request.Need, request.Answers.ToText(), request.Instruction));
        var fields = new[] { brief.Partner.Organisation, brief.Partner.Contact, brief.Partner.Beneficiaries, brief.Start, brief.Deadline, brief.Duration, brief.Readiness.Owner, brief.Readiness.Maintainer }
            .Where(f => !f.Contains(marker, StringComparison.Ordinal))
            .Concat(brief.Tools.Where(t => !t.Contains(marker, StringComparison.Ordinal) && !t.Contains("Teams", StringComparison.Ordinal)))
            .Concat([brief.Title, brief.Partner.Mission, brief.Background, brief.Objective, brief.Impact, .. brief.Deliverables, .. brief.InScope, .. brief.OutOfScope]);
        foreach (var field in fields)
        {
            var text = field.Replace(marker, " ", StringComparison.Ordinal).Normalize(NormalizationForm.FormKC);
            var facts = SimpleNumber().Matches(text).Select(m => m.Value)
                .Concat(SimpleContact().Matches(text).Select(m => m.Value))
                .Concat(SimpleHonorific().Matches(text).Select(m => m.Groups[1].Value))
                .Concat(SimpleCapital().Matches(text).Select(m => m.Groups[1].Value).Where(w => !SimpleGeneric.Contains(w)));
            foreach (var fact in facts.Distinct())
            {
                if (!Regex.IsMatch(source, $"(?<![a-z0-9]){Regex.Escape(Normal(fact))}(?![a-z0-9])", RegexOptions.None, TimeSpan.FromSeconds(1)))
                {
                    problems.Add("ungrounded (simple check): " + fact);
                }
            }
        }

        return problems;
    }

    private static readonly HashSet<string> SimpleGeneric = new(StringComparer.Ordinal) { "Teams", "Microsoft", "Phase", "English", "Japanese", "I", "PM", "IT", "AI", "FAQ", "SNS", "NPO", "To", "Confirm" };

    /// <summary>The facts a need states (counts, durations, tools, requirements, personal data) and the ones it must not gain.</summary>
    private static IEnumerable<string> CheckStated(NeedExpectation e, ProjectBrief brief, string marker)
    {
        bool Has(string? text, string part) => Normal(text).Contains(Normal(part), StringComparison.Ordinal);
        if (e.Beneficiaries is { } served && !Has(brief.Partner.Beneficiaries, served))
        {
            yield return $"beneficiaries not found: {served}, got {brief.Partner.Beneficiaries}";
        }

        if (e.People is { } people && brief.TeamSize != people)
        {
            yield return $"headcount not used: {people}, got {brief.TeamSize}";
        }

        if (e.Duration is { } duration && !Has(brief.Duration, duration))
        {
            yield return $"duration not found: {duration}, got {brief.Duration}";
        }

        foreach (var tool in (e.Tools ?? []).Where(t => !brief.Tools.Any(x => Has(x, t))))
        {
            yield return $"tool missing: {tool}";
        }

        foreach (var tool in (e.NotTools ?? []).Where(t => brief.Tools.Any(x => Has(x, t))))
        {
            yield return $"invented tool: {tool}";
        }

        if (e.PrivacyNote == true && (!brief.Risks.Any(r => PrivacyWords().IsMatch(r)) || !brief.Roles.Any(r => PrivacyWords().IsMatch(r.Skills))))
        {
            yield return "no privacy note in risks and role skills";
        }

        foreach (var item in (e.Deliverables ?? []).Where(d => !brief.Deliverables.Concat(brief.InScope).Any(x => Has(x, d))))
        {
            yield return $"requirement dropped: {item}";
        }

        foreach (var field in e.ToConfirm ?? [])
        {
            var value = field switch { "partner" => brief.Partner.Organisation, "contact" => brief.Partner.Contact, "deadline" => brief.Deadline, "start" => brief.Start, "duration" => brief.Duration, _ => marker };
            if (!value.Contains(marker, StringComparison.Ordinal))
            {
                yield return $"{field} should be to confirm, got {value}";
            }
        }

        var all = Normal(string.Join('\n', [
            brief.Title, brief.Partner.Organisation, brief.Partner.Mission, brief.Partner.Beneficiaries, brief.Partner.Contact, brief.NeedCategory,
            brief.Background, brief.Objective, brief.Impact, .. brief.Deliverables, .. brief.InScope, .. brief.OutOfScope,
            .. brief.Roles.Select(r => r.Name + " " + r.Skills), brief.TimeCommitment, brief.Duration, brief.Start, brief.Deadline, brief.DeadlineFlexibility,
            .. brief.Phases.Select(p => p.Name + " " + p.Goal + " " + p.Meeting), brief.MeetingCadence, brief.Communication, brief.WorkMode, .. brief.Tools,
            brief.Readiness.Owner, brief.Readiness.Maintainer, brief.Readiness.KnowledgeTransfer, .. brief.SuccessCriteria, .. brief.Risks, .. brief.OpenQuestions]));
        foreach (var text in (e.NotInBrief ?? []).Where(t => all.Contains(Normal(t), StringComparison.Ordinal)))
        {
            yield return $"must not appear: {text}";
        }
    }

    /// <summary>The fixtures in a folder (<c>tests/Fixtures/needs</c>).</summary>
    public static IReadOnlyList<NeedFixture> Load(string folder) =>
        [.. Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal)
            .Select(f => JsonSerializer.Deserialize(File.ReadAllText(f), DraftingJsonContext.Default.NeedFixture)!)];

    private static string Normal(string? text) => (text ?? string.Empty).Normalize(NormalizationForm.FormKC).ToLowerInvariant();

    [GeneratedRegex(@"\d+", RegexOptions.None, 500)]
    private static partial Regex SimpleNumber();

    [GeneratedRegex(@"\S+@\S+|https?://\S+|www\.\S+", RegexOptions.None, 500)]
    private static partial Regex SimpleContact();

    [GeneratedRegex(@"([\p{IsCJKUnifiedIdeographs}]{2,4})(?:さん|様|氏)", RegexOptions.None, 500)]
    private static partial Regex SimpleHonorific();

    // A capitalised word after a lower-case word or a comma: a name, not the start of a sentence.
    [GeneratedRegex(@"(?<=[a-z,]\s)([A-Z][A-Za-z]+)", RegexOptions.None, 500)]
    private static partial Regex SimpleCapital();
    [GeneratedRegex(@"個人情報|personal data|privacy", RegexOptions.IgnoreCase, 500)]
    private static partial Regex PrivacyWords();

    [GeneratedRegex(@"^(?:hi|hello|hey|dear)\b|\bI(?:'m|’m| am| run)\b|こんにちは|と申します", RegexOptions.IgnoreCase, 500)]
    private static partial Regex FirstPerson();

    [GeneratedRegex(@"\d{4}年度?|\d{1,2}月(?:\d{1,2}日)?|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}|\b(?:january|february|march|april|may|june|july|august|september|october|november|december)(?:\s+\d{1,2})?\b|\b(?:19|20)\d{2}\b", RegexOptions.None, 500)]
    private static partial Regex DateLike();
}
