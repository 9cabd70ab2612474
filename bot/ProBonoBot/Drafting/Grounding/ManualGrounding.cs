using System.Text.RegularExpressions;
using ProBonoBot.Cards;
using ProBonoBot.Cards.Drafting;

namespace ProBonoBot.Drafting.Grounding;

/// <summary>
/// Grounds a manual in its project (title, partner, dates, roles, team), the project's brief and the need: names,
/// organisations, places, contacts, dates and tools must be stated there, and a role the manual names (e.g. "the
/// project manager") must be one of the project's. The club's standard practice — meeting lengths, reply times,
/// checklists — is the manual's own and is not checked.
/// </summary>
public static partial class ManualGrounding
{
    public static GroundingSources Sources(ManualRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var t = UiText.For(request.Language).Drafting;
        var c = request.Context;
        var sources = new GroundingSources()
            .Add(t.SourceProject, request.ProjectFacts)
            .Add(t.SourceProject, string.Join('\n', new[] { c.Title, c.Partner, c.Summary, c.Objective, c.Deliverables, c.Start, c.End, c.LeaderName }
                .Concat(c.Roles.Select(r => r.Name + " " + r.Skills)).Concat(c.Members.Select(m => m.Name + " " + m.Role))));
        if (c.Brief is { } brief)
        {
            sources.Add(t.SourceBrief, BriefGrounding.FactText(brief, t.ToConfirm))
                .Add(t.SourceBrief, string.Join('\n', brief.Phases.Select(p => $"{p.Name}\n{p.Goal}\n{p.Meeting}")))
                .Add(t.SourceBrief, string.Join('\n', [brief.Title, brief.MeetingCadence, .. brief.Deliverables]));
        }

        sources.Add(t.SourceNeed, request.Need).Add(t.SourceInstruction, request.Instruction);
        if (request.Previous is { } previous)
        {
            sources.Add(t.SourceEarlier, previous.ToMarkdown());
        }

        return sources;
    }

    /// <summary>The manual with unstated facts and roles turned into To confirm, and a "To confirm" section listing the questions.</summary>
    public static (ManualDocument Manual, GroundingReport Report) Ground(ManualDocument manual, ManualRequest request)
    {
        ArgumentNullException.ThrowIfNull(manual);
        ArgumentNullException.ThrowIfNull(request);
        var t = UiText.For(request.Language).Drafting;
        var pass = new GroundingPass(Sources(request), t, t.ManualGroundingQuestion);
        var roles = request.Context.Roles.Select(r => r.Name).Concat(request.Context.Members.Select(m => m.Role)).Select(GroundingText.Normalize).ToList();
        string Roles(string heading, string body) => RoleWord().Replace(body, m =>
        {
            var role = GroundingText.Normalize(m.Value);
            if (roles.Any(r => r.Contains(role, StringComparison.Ordinal) || role.Contains(r, StringComparison.Ordinal)))
            {
                return m.Value;
            }

            pass.Ask(heading, m.Value);
            return pass.Marker;
        });

        var title = pass.Prose(t.FieldTitle, manual.Title, FactKinds.Names);
        var sections = manual.Sections
            .Where(s => s.Heading != t.ManualToConfirm)
            .Select(s => new ManualSection(s.Heading, Roles(s.Heading, pass.Prose(s.Heading, s.Body, FactKinds.Names))))
            .ToList();
        var report = pass.Report;
        var earlier = manual.Sections.FirstOrDefault(s => s.Heading == t.ManualToConfirm)?.Body;
        if (report.Questions.Count > 0 || earlier is not null)
        {
            var body = string.Join('\n', new[] { earlier }.Concat(report.Questions.Select(q => "- " + q)).Where(l => !string.IsNullOrWhiteSpace(l)));
            sections.Add(new ManualSection(t.ManualToConfirm, body));
        }

        return (new ManualDocument(title, sections), report);
    }

    [GeneratedRegex(@"\b(?i:project\s+managers?|project\s+leads?|coordinators?|designers?|developers?|engineers?|translators?|interpreters?|analysts?|marketers?|photographers?|videographers?|copywriters?|editors?|accountants?)\b|\bPM\b|プロジェクトマネージャー|プロジェクトマネジャー|コーディネーター|デザイナー|エンジニア|開発者|翻訳者|通訳者?|アナリスト|マーケター|カメラマン|ライター|編集者", RegexOptions.None, 500)]
    private static partial Regex RoleWord();
}
