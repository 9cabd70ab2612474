using System.Text.RegularExpressions;
using ProBonoBot.Cards;
using ProBonoBot.Cards.Drafting;

namespace ProBonoBot.Drafting;

/// <summary>
/// A regeneration without a model: the instruction is cut into clauses and each clause the offline drafter
/// understands is applied (language, shorter/longer, add or remove a role, add a deliverable, change a date,
/// "… instead"); the others are listed on the brief as not applied. Never a silent identical version.
/// </summary>
internal static partial class OfflineRevision
{
    public static ProjectBrief Apply(BriefRequest request)
    {
        var previous = request.Previous!;
        var instruction = request.Instruction!.Trim();
        var ja = request.Language == Language.Japanese;
        string L(string japanese, string english) => ja ? japanese : english;
        var applied = new List<string>();
        var notApplied = new List<string>();
        var clauses = Clauses().Split(instruction.Normalize(System.Text.NormalizationForm.FormKC)).Select(c => c.Trim()).Where(c => c.Length > 1).ToList();

        // A changed language or deliverable means drafting again from the need; anything else edits the previous version.
        var brief = previous;
        var (wanted, unwanted) = (new List<NeedCategory>(), new List<NeedCategory>());
        foreach (var clause in clauses.Where(c => Instead().IsMatch(c)))
        {
            var lower = clause.ToLowerInvariant();
            var mentioned = NeedCategories.All.Where(cat => cat.Keywords.Any(k => lower.Contains(k, StringComparison.Ordinal))).ToList();
            var positive = mentioned.Where(cat => cat.Keywords.Any(k => NeedReader.Mentions(lower, k))).ToList();
            wanted.AddRange(positive);
            unwanted.AddRange(mentioned.Except(positive));
        }

        var languageChanged = previous.Language != request.Language.Code();
        if (languageChanged || wanted.Count + unwanted.Count > 0)
        {
            brief = OfflineBriefWriter.Compose(request with { Previous = null, Instruction = null }, wanted, unwanted);
        }

        if (languageChanged)
        {
            applied.Add(L("日本語で書き直しました", "Rewritten in English"));
        }

        if (wanted.Count + unwanted.Count > 0)
        {
            applied.Add(L($"成果物を変更：{brief.Deliverables[0]}", $"Deliverable changed: {brief.Deliverables[0]}"));
        }

        foreach (var clause in clauses)
        {
            if (Instead().IsMatch(clause) && wanted.Count + unwanted.Count > 0)
            {
                continue;
            }

            var (changed, note) = One(brief, clause, ja, languageChanged);
            if (note is null)
            {
                notApplied.Add(clause);
            }
            else
            {
                brief = changed;
                if (note.Length > 0)
                {
                    applied.Add(note);
                }
            }
        }

        // Nothing applied: the previous version stays as it was, and the card says so.
        return (applied.Count == 0 ? previous : brief) with { Revision = new BriefRevision(instruction, applied, notApplied) };
    }

    /// <summary>Applies one clause; the note says what changed ("" when it only asked for the language), null when it could not be applied.</summary>
    private static (ProjectBrief Brief, string? Note) One(ProjectBrief brief, string clause, bool ja, bool languageChanged)
    {
        string L(string japanese, string english) => ja ? japanese : english;
        var lower = clause.ToLowerInvariant();
        if (LanguageWord().IsMatch(clause) && !AddWord().IsMatch(clause))
        {
            return (brief, languageChanged ? string.Empty : null);
        }

        if (Shorter().IsMatch(clause))
        {
            return (brief with
            {
                Background = Cut(brief.Background, 2),
                InScope = [.. brief.InScope.Take(3)], OutOfScope = [.. brief.OutOfScope.Take(2)],
                SuccessCriteria = [.. brief.SuccessCriteria.Take(2)], Risks = [.. brief.Risks.Take(3)],
            }, L("短くしました（背景と各リストを要点だけに）", "Made shorter: background and lists cut to the essentials"));
        }

        if (Longer().IsMatch(clause))
        {
            return (brief with
            {
                SuccessCriteria = [.. brief.SuccessCriteria, L("支援先のスタッフが手順書を見ずに日々の作業をこなせる", "The partner's staff do the daily work without the manual at hand")],
                Risks = [.. brief.Risks, L("引き渡し後に担当者が替わり、使い方が伝わらない", "The person who runs it changes after the handover and the know-how is lost")],
                InScope = [.. brief.InScope, L("引き渡し後1か月の問い合わせ対応", "Answering questions for a month after the handover")],
            }, L("詳しくしました（成功基準・リスク・範囲を追加）", "Made longer: more success criteria, risks and scope"));
        }

        if (TwoPhases().IsMatch(clause))
        {
            if (brief.Phases.Count != 3)
            {
                return (brief, null);
            }

            // Build and hand-over become one phase; the kickoff stays on its own.
            var (build, finish) = (brief.Phases[1], brief.Phases[2]);
            var merged = new BriefPhase(L("フェーズ2：制作と引き継ぎ", "Phase 2: build and hand over"), $"{build.Goal}{L("。", "; ")}{finish.Goal}", finish.Meeting);
            return (brief with { Phases = [brief.Phases[0], merged] }, L("フェーズを2つにしました", "Two phases instead of three"));
        }

        var date = NeedReader.FindDate(clause);
        if (date is not null && (DeadlineWord().IsMatch(clause) || StartWord().IsMatch(clause)))
        {
            return StartWord().IsMatch(clause) && !DeadlineWord().IsMatch(clause)
                ? (brief with { Start = date }, L($"開始時期を変更：{date}", $"Start changed to {date}"))
                : (brief with
                {
                    Deadline = date,
                    // "The deadline is November 15, not the start": a date read as the start moves, it is not kept in both.
                    Start = SameDate(brief.Start, date) ? L("未定", "To be agreed") : brief.Start,
                    OpenQuestions = [.. brief.OpenQuestions.Where(q => !DeadlineWord().IsMatch(q))],
                }, L($"締め切りを変更：{date}", $"Deadline changed to {date}"));
        }

        if (NotTheStart().IsMatch(clause) && date is null && brief.Deadline.Length > 0 && !SameDate(brief.Start, brief.Deadline))
        {
            // The tail of "the deadline is …, not the start": already applied with the date.
            return (brief, string.Empty);
        }

        var role = RoleIn(lower);
        if (Remove().IsMatch(clause))
        {
            var keep = brief.Roles.Where(r => role is null || !Matches(r.Name, role.Value.Aliases)).ToList();
            return role is null || keep.Count == brief.Roles.Count || keep.Count == 0 ? (brief, null)
                : (brief with { Roles = keep, TeamSize = keep.Sum(r => r.Seats) }, L($"役割を削除：{role.Value.Name(ja)}", $"Role removed: {role.Value.Name(ja)}"));
        }

        if (AddWord().IsMatch(clause) || clause.StartsWith("also", StringComparison.OrdinalIgnoreCase))
        {
            if (role is { } r)
            {
                if (brief.Roles.Any(x => Matches(x.Name, r.Aliases)) || brief.Roles.Count >= 8)
                {
                    return (brief, null);
                }

                var hours = brief.Roles.Count > 0 ? brief.Roles[0].HoursPerWeek : 5;
                var roles = brief.Roles.Append(new BriefRole(r.Name(ja), ja ? r.Template.SkillsJa : r.Template.SkillsEn, 1, hours)).ToList();
                return (brief with { Roles = roles, TeamSize = roles.Sum(x => x.Seats) }, L($"役割を追加：{r.Name(ja)}", $"Role added: {r.Name(ja)}"));
            }

            if (Thing(clause) is { } thing && brief.Deliverables.Count < BriefRules.MaxItems)
            {
                var manual = brief.Deliverables.Count > 1 ? brief.Deliverables.Count - 1 : brief.Deliverables.Count;
                var deliverables = brief.Deliverables.Take(manual).Append(thing).Concat(brief.Deliverables.Skip(manual)).ToList();
                return (brief with { Deliverables = deliverables, InScope = [.. brief.InScope.Take(BriefRules.MaxItems - 1), thing] }, L($"成果物を追加：{thing}", $"Deliverable added: {thing}"));
            }
        }

        return (brief, null);
    }

    private static bool SameDate(string? a, string b) =>
        a is { Length: > 0 } && string.Equals(NeedIntent.Fold(a), NeedIntent.Fold(b), StringComparison.Ordinal);

    [GeneratedRegex(@"^(?:and\s+)?not\s+(?:the\s+)?(?:start|starting date|start date)\b|^(?:開始|開始日|開始時期|スタート)(?:日|時期)?(?:では|じゃ)(?:なく|ない)", RegexOptions.IgnoreCase, 500)]
    private static partial Regex NotTheStart();

    private readonly record struct KnownRole(RoleTemplate Template, string[] Aliases)
    {
        public string Name(bool ja) => ja ? Template.NameJa : Template.NameEn;
    }

    private static readonly KnownRole[] Lexicon =
    [
        new(new("翻訳者", "Translator", "英語・日本語の翻訳", "English–Japanese translation"), ["translator", "translation", "翻訳", "通訳"]),
        new(new("Webデザイナー", "Web designer", "UIデザイン、Figma", "UI design, Figma"), ["web designer", "designer", "デザイナー"]),
        new(new("Web開発", "Web developer", "WordPress、HTML/CSS", "WordPress, HTML/CSS"), ["web developer", "developer", "engineer", "web開発", "開発者", "エンジニア"]),
        new(new("コピーライター", "Copywriter", "取材、文章作成", "interviews, writing"), ["copywriter", "writer", "ライター"]),
        new(NeedCategories.ProjectManager, ["project manager", "pm", "プロジェクトマネージャー", "マネージャー"]),
        new(NeedCategories.Analyst, ["business analyst", "analyst", "業務分析", "アナリスト"]),
        new(new("撮影・編集", "Camera operator and editor", "撮影機材、動画編集", "camera work, video editing"), ["camera", "photographer", "videographer", "editor", "カメラ", "撮影", "編集者"]),
        new(new("データ保護アドバイザー", "Data protection adviser", "個人情報保護、アクセス権限の設計", "data protection, access rights"), ["privacy", "data protection", "個人情報"]),
        new(new("ファシリテーター", "Facilitator", "ワークショップ運営、問いの設計", "running workshops, framing questions"), ["facilitator", "ファシリテーター"]),
        new(new("広報企画", "Marketing planner", "広報戦略、SNS運用", "communication strategy, social media"), ["marketing", "marketer", "広報"]),
    ];

    /// <summary>The roles a revision can add or remove, with the words that name them (the skills profile reuses them).</summary>
    internal static IEnumerable<(RoleTemplate Template, IReadOnlyList<string> Aliases)> KnownRoles =>
        Lexicon.Select(r => (r.Template, (IReadOnlyList<string>)r.Aliases));

    private static KnownRole? RoleIn(string lower) =>
        Lexicon.SelectMany(r => r.Aliases.Select(a => (Role: r, Alias: a)))
            .Where(x => NeedReader.Mentions(lower, x.Alias))
            .OrderByDescending(x => x.Alias.Length).Select(x => (KnownRole?)x.Role).FirstOrDefault();

    private static bool Matches(string roleName, string[] aliases) =>
        aliases.Any(a => roleName.Contains(a, StringComparison.OrdinalIgnoreCase));

    /// <summary>What an "also …" / 「…も追加」 clause asks to add, as written.</summary>
    private static string? Thing(string clause)
    {
        var m = ThingEn().Match(clause) is { Success: true } en ? en : ThingJa().Match(clause);
        if (!m.Success)
        {
            return null;
        }

        var thing = m.Groups["x"].Value.Trim(' ', '.', '、', '。');
        return thing.Length is < 2 or > 80 ? null : char.IsLower(thing[0]) ? char.ToUpperInvariant(thing[0]) + thing[1..] : thing;
    }

    /// <summary>
    /// The background cut to <paramref name="sentences"/> sentences, keeping those that state the problem or the
    /// request before context ones, in their order; never cut inside an email, a URL or after "Mr." / "e.g.".
    /// </summary>
    internal static string Cut(string text, int sentences)
    {
        var parts = SentenceEnd().Split(text).Where(p => p.Trim().Length > 0).ToList();
        if (parts.Count <= sentences)
        {
            return text;
        }

        var keep = parts.Select((p, i) => (Part: p, Index: i))
            .OrderByDescending(x => ProblemCue().IsMatch(x.Part)).ThenBy(x => x.Index)
            .Take(sentences).OrderBy(x => x.Index).Select(x => x.Part.Trim());
        return string.Concat(keep.Select(p => Languages.LooksJapanese(p) ? p : p + " ")).Trim();
    }

    // A Latin sentence ends at a full stop followed by a space (so never inside "dana@riversidepantry.org" or a URL), not after a title or abbreviation.
    [GeneratedRegex(@"(?<=[。！？])\s*|(?<=[.!?])(?<!\b(?:Inc|Ltd|Co|Mr|Ms|Mrs|Dr|Prof|St|No|etc|e\.g|E\.g|i\.e|approx|vs)\.)\s+", RegexOptions.None, 500)]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"困|課題|悩|できない|できず|足りな|不足|追いつか|手作業|紙で|大変|たい(?:です|と|。|$)|ほしい|欲しい|必要|お願い|\b(?:need|needs|want|would like|problem|struggl\w*|can't|cannot|unable|by hand|on paper|help|lose|losing|takes hours)\b", RegexOptions.IgnoreCase, 500)]
    private static partial Regex ProblemCue();

    [GeneratedRegex(@"[、。,;；\n]+|\s+(?:and|then)\s+(?=(?:also\s+)?(?:add|remove|drop|make|write|change|set|move|put|include|use)\b)|(?<=して)(?=[^、。]{3,})", RegexOptions.IgnoreCase, 500)]
    private static partial Regex Clauses();

    [GeneratedRegex(@"\binstead\b|rather than|\bnot an?\b|\bnot the\b|ではなく|じゃなく|でなく|代わりに|の代わり", RegexOptions.IgnoreCase, 500)]
    private static partial Regex Instead();

    [GeneratedRegex(@"\b(?:two|2)\s+phases\b|フェーズを?\s*(?:2|二)つ|(?:2|二)つのフェーズ|2フェーズ", RegexOptions.IgnoreCase, 500)]
    private static partial Regex TwoPhases();

    [GeneratedRegex(@"\b(?:english|japanese)\b|英語|日本語", RegexOptions.IgnoreCase, 500)]
    private static partial Regex LanguageWord();

    [GeneratedRegex(@"\b(?:shorter|concise|brief(?:er)?|trim|less text)\b|短く|簡潔|コンパクト|要点だけ", RegexOptions.IgnoreCase, 500)]
    private static partial Regex Shorter();

    [GeneratedRegex(@"\b(?:longer|more detail(?:ed)?|expand|in detail)\b|詳しく|長く|詳細に", RegexOptions.IgnoreCase, 500)]
    private static partial Regex Longer();

    [GeneratedRegex(@"\b(?:deadline|due|finish|end|by)\b|締め?切り?|期限|納期|まで|終了", RegexOptions.IgnoreCase, 500)]
    private static partial Regex DeadlineWord();

    [GeneratedRegex(@"\b(?:start|begin|kick ?off)\b|開始|始め|スタート", RegexOptions.IgnoreCase, 500)]
    private static partial Regex StartWord();

    [GeneratedRegex(@"\b(?:remove|drop|delete|without|no need for|no)\b|外し|外す|削除|除い|除く|不要|いらない|要らない|なしで|抜い", RegexOptions.IgnoreCase, 500)]
    private static partial Regex Remove();

    [GeneratedRegex(@"\b(?:add|include|plus|also|need|want)\b|追加|加え|入れ|含め|も(?:作|ほしい|欲しい|お願い)|ほしい|欲しい", RegexOptions.IgnoreCase, 500)]
    private static partial Regex AddWord();

    [GeneratedRegex(@"^(?:please\s+)?(?:(?:also|add|include|plus)\s+)+(?:(?:a|an|the)\s+)?(?:deliverable:?\s+)?(?<x>.+)$", RegexOptions.IgnoreCase, 500)]
    private static partial Regex ThingEn();

    [GeneratedRegex(@"^(?:成果物に)?(?<x>[^、。]{2,40}?)(?:も|を)(?:追加|加え|作|ほしい|欲しい|お願い|含め|入れ)", RegexOptions.None, 500)]
    private static partial Regex ThingJa();
}
