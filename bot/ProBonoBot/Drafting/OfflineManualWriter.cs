using System.Globalization;
using System.Text;
using ProBonoBot.Cards;
using ProBonoBot.Cards.Drafting;
using ProBonoBot.Cards.Json;

namespace ProBonoBot.Drafting;

/// <summary>
/// The embedded manual writer: the club's standard practice filled in with the project's own facts; unknowns marked to confirm.
/// The sections are Markdown, so the project's facts (user text) are escaped; the title and headings are plain text.
/// </summary>
public static partial class OfflineManualWriter
{
    public static ManualDocument Write(ManualRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ja = request.Language == Language.Japanese;
        string L(string japanese, string english) => ja ? japanese : english;
        var t = UiText.For(request.Language).Drafting;
        var c = request.Context;
        var marker = t.ToConfirm;

        // Every to-confirm item says what is to be confirmed; a bare 要確認 tells a new member nothing.
        string Tbc(string japanese, string english) => ja ? $"{marker}（{japanese}）" : $"{marker}: {english}";
        var brief = c.Brief;
        var roles = Bullets(c.Roles.Select(r => L($"**{Markdown.Escape(r.Name)}**（{r.Seats}名）：{Markdown.Escape(r.Skills ?? Tbc("必要なスキル", "the skills needed"))}", $"**{Markdown.Escape(r.Name)}** ({r.Seats}): {Markdown.Escape(r.Skills ?? Tbc("必要なスキル", "the skills needed"))}")));
        var members = c.Members.Count == 0 ? "- " + Tbc("確定したメンバー。まだ誰も確定していません", "the confirmed members; nobody is confirmed yet") : Bullets(c.Members.Select(m => $"{Markdown.Escape(m.Name)} — {Markdown.Escape(m.Role)}"));
        var leader = Markdown.Escape(c.LeaderName ?? Tbc("リーダーは誰か", "who leads the project"));

        // The partner's contact comes from the brief; our side speaks through the project's leader (no invented "project manager").
        var ourSide = c.LeaderName is { } ln ? Markdown.Escape(ln) : L("プロジェクトのリーダー", "the project leader");
        var theirSide = brief is { } pb && !pb.Partner.Contact.Contains(marker, StringComparison.Ordinal) ? Markdown.Escape(pb.Partner.Contact) : null;
        var contactRule = theirSide is null
            ? L($"支援先への連絡は{ourSide}が窓口（支援先の担当者：{Tbc("誰が窓口か支援先に確認する", "ask the partner who their contact person is")}）", $"{ourSide} is the single point of contact with the partner (the partner's contact person — {Tbc("誰が窓口か支援先に確認する", "ask the partner who it is")})")
            : L($"支援先への連絡は{ourSide}が窓口。支援先の担当は{theirSide}", $"{ourSide} is the single point of contact with the partner; the partner's contact person is {theirSide}");
        var visits = Visits(c, brief, ja, theirSide ?? L("支援先の担当者", "the partner's contact person"));
        var mode = Markdown.Escape(c.WorkMode);
        var meetings = brief is not null ? Markdown.Escape(brief.MeetingCadence) : L("週1回30分のチーム定例（オンライン）。各フェーズの終わりに支援先との会議。", "A 30-minute team meeting every week (online), and a meeting with the partner at the end of each phase.");
        var tools = brief is { Tools.Count: > 0 } ? Markdown.Escape(string.Join(", ", brief.Tools)) : "Microsoft Teams";
        var phases = brief?.Phases ??
        [
            new BriefPhase(L("フェーズ1：理解と計画", "Phase 1: understand and plan"), L("現状を聞き取り、範囲を合意する", "Learn the current way of working and agree the scope"), L("キックオフ会議", "Kickoff meeting")),
            new BriefPhase(L("フェーズ2：制作", "Phase 2: build"), L("試作をつくり支援先と試す", "Build a first version and try it with the partner"), L("中間報告会", "Interim review")),
            new BriefPhase(L("フェーズ3：仕上げと引き継ぎ", "Phase 3: finish and hand over"), L("仕上げて引き継ぐ", "Refine and hand over"), L("最終報告会", "Final handover meeting")),
        ];
        var schedule = $"{Markdown.Escape(c.Start ?? Tbc("開始日", "the start date"))} → {Markdown.Escape(c.End ?? Tbc("終了日", "the end date"))}";
        var title = $"{t.ManualName(request.Kind)} — {c.Title}";
        IReadOnlyList<ManualSection> sections = request.Kind switch
        {
            ManualKind.Onboarding => (ManualSection[])
            [
                new ManualSection(L("プロジェクトの概要", "The project in brief"), $"{Markdown.Escape(c.Summary)}\n\n- {L("支援先", "Partner")}: {Markdown.Escape(c.Partner)}\n- {L("目的", "Objective")}: {Markdown.Escape(c.Objective ?? Tbc("目的", "the objective"))}\n- {L("成果物", "Deliverables")}: {Markdown.Escape(c.Deliverables ?? Tbc("成果物", "the deliverables"))}\n- {L("期間", "Dates")}: {schedule}"),
                new ManualSection(L("チームと役割", "Who is who"), $"- {L("リーダー", "Leader")}: {leader}\n{members}\n\n{roles}"),
                new ManualSection(L("最初の1週間", "Your first week"), Checklist(
                    L("リーダーと15分の顔合わせをする", "Meet the leader for 15 minutes"),
                    L("プロジェクトのTeamsチャネルに参加し、直近2週間の投稿を読む", "Join the project's Teams channel and read the last two weeks"),
                    L("概要（ブリーフ）と運用マニュアルを読む", "Read the brief and the operational manual"),
                    L("次の定例に参加し、自己紹介する", "Join the next weekly meeting and introduce yourself"),
                    L("最初の担当タスクをリーダーと決める", "Agree your first task with the leader"))),
                new ManualSection(L("いまのフェーズ", "Where the project is now"), Bullets(phases.Select(p => $"{p.Name}: {p.Goal}")) + "\n\n" + L("いまどのフェーズかはリーダーに確認してください。", "Ask the leader which phase is current.")),
                .. visits,
                new ManualSection(L("知っておくルール", "Rules to know"), Bullets([
                    L($"活動時間の目安は週{c.HoursPerWeek}時間。業務時間との調整は上長と相談する", $"Plan on about {c.HoursPerWeek} h a week; agree with your manager how it fits your work"),
                    contactRule,
                    L("支援先のデータは指定の場所だけに保存し、個人の端末に残さない", "Keep the partner's data only in the agreed place, never on personal devices"),
                ])),
                new ManualSection(L("困ったときは", "Whom to ask"), Bullets([L($"進め方・優先順位：{leader}", $"Plans and priorities: {leader}"), L("技術的なこと：同じ役割のメンバー", "Technical questions: members in the same role"), L("クラブ全体のこと：プロボノクラブのリーダー", "Anything about the club: the club leaders")])),
            ],
            ManualKind.Phase => (ManualSection[])
            [
                .. phases.Select((p, i) => new ManualSection(p.Name, string.Join("\n\n",
                    $"**{L("ゴール", "Goal")}**: {Markdown.Escape(p.Goal)}",
                    $"**{L("進め方", "Steps")}**\n" + Bullets(PhaseSteps(i, ja)),
                    $"**{L("会議のアジェンダ", "Meeting agenda")} — {Markdown.Escape(p.Meeting)}**\n" + Bullets(PhaseAgenda(i, ja)),
                    $"**{L("チェックリスト", "Checklist")}**\n" + Checklist(PhaseChecks(i, ja))))),
                new ManualSection(L("標準スケジュール", "Standard schedule"), Bullets([
                    L($"期間：{schedule}", $"Dates: {schedule}"),
                    L("フェーズ1：全体の約2割", "Phase 1: about a fifth of the time"),
                    L("フェーズ2：全体の約5割", "Phase 2: about half of the time"),
                    L("フェーズ3：全体の約3割（引き継ぎに余裕を持つ）", "Phase 3: about a third, leaving room for the handover"),
                ])),
            ],
            _ => (ManualSection[])
            [
                new ManualSection(L("役割と責任", "Roles and responsibilities"), $"- {L("リーダー", "Leader")}: {leader}\n{roles}\n\n{L("メンバー", "Members")}:\n{members}"),
                new ManualSection(L("コミュニケーションのルール", "Communication rules"), Bullets([
                    L($"連絡はプロジェクトのTeamsチャネルで（ツール：{tools}）", $"Talk in the project's Teams channel (tools: {tools})"),
                    L("メンションされたら2営業日以内に返信する", "Reply within two working days when mentioned"),
                    contactRule,
                    L("決まったことはチャネルに1行で残す", "Record every decision in the channel in one line"),
                ])),
                new ManualSection(L("会議", "Meetings"), meetings),
                .. visits,
                new ManualSection(L("意思決定とエスカレーション", "Decisions and escalation"), Bullets([
                    L("日々の判断：担当メンバー", "Day-to-day choices: the member doing the work"),
                    L($"範囲・スケジュールの変更：{leader}が支援先と合意する", $"Changes to scope or schedule: {leader} agrees them with the partner"),
                    L("解決しない問題・リスク：プロボノクラブのリーダーに相談", "Problems that stay stuck: raise them with the club leaders"),
                ])),
                new ManualSection(L("支援先のデータの扱い", "Handling the partner's data"), Bullets([
                    L("支援先のデータは合意した保存場所だけに置く", "Keep the partner's data only where agreed with them"),
                    L("個人情報は必要最小限にし、個人の端末やメールに保存しない", "Use as little personal data as possible; never keep it on personal devices or in mail"),
                    L("プロジェクト終了時に、返却・削除を支援先と確認する", "At the end, agree with the partner what is returned or deleted"),
                ])),
                new ManualSection(L("活動時間と場所", "Working hours and place"), Bullets([
                    L($"1人あたり週{c.HoursPerWeek}時間が目安", $"About {c.HoursPerWeek} h a week per person"),
                    L($"進め方：{mode}", $"Way of working: {mode}"),
                    L($"期間：{schedule}", $"Dates: {schedule}"),
                ])),
            ],
        };
        if (!string.IsNullOrWhiteSpace(request.Instruction))
        {
            sections = [.. sections, new ManualSection(L("反映待ちの依頼", "Requested changes still to apply"),
                L($"AIモデルなしで作成したため、次の依頼は自動では反映していません。手で反映してください：{Markdown.Escape(request.Instruction)}", $"Drafted without an AI model, so this request was not applied automatically — apply it by hand: {Markdown.Escape(request.Instruction)}"))];
        }

        return new ManualDocument(title, sections);
    }

    /// <summary>A site-visit section when the project works on site or its brief describes visits; the brief's own words first.</summary>
    private static ManualSection[] Visits(ManualContext c, ProjectBrief? brief, bool ja, string contact)
    {
        string L(string japanese, string english) => ja ? japanese : english;
        var described = (brief is null ? [] : SentenceEnd().Split(brief.Background).Concat(brief.InScope))
            .Select(x => x.Trim()).Where(x => x.Length > 1 && VisitCue().IsMatch(x)).Distinct().Take(3).ToList();
        var onSite = c.WorkMode is nameof(ProBonoBot.Cards.Projects.WorkMode.Onsite) or nameof(ProBonoBot.Cards.Projects.WorkMode.Hybrid)
            || (brief is not null && VisitCue().IsMatch(brief.WorkMode));
        if (described.Count == 0 && !onSite)
        {
            return [];
        }

        return [new ManualSection(L("現地訪問", "Site visits"), Bullets([
            .. described.Select(Markdown.Escape),
            L($"訪問の日時と人数は、事前に{contact}と決める", $"Agree the date and who comes with {contact} beforehand"),
            L("訪問の目的と持ち物を前日までにチャネルで共有する", "Share the purpose of the visit and what to bring in the channel the day before"),
            L("支援先の方や施設の写真・個人情報は、許可なく撮らない・持ち出さない", "Take no photos or personal data of the partner's people or premises without permission"),
            L("分かったことは当日中にチャネルに記録する", "Write down what you learned in the channel the same day"),
        ]))];
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"現地|訪問|視察|下見|出張|on site|on-site|onsite|in person|\bvisit", System.Text.RegularExpressions.RegexOptions.IgnoreCase, 500)]
    private static partial System.Text.RegularExpressions.Regex VisitCue();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=[。！？.!?])\s*", System.Text.RegularExpressions.RegexOptions.None, 500)]
    private static partial System.Text.RegularExpressions.Regex SentenceEnd();

    private static IEnumerable<string> PhaseSteps(int phase, bool ja) => (phase, ja) switch
    {
        (0, true) => ["支援先の現状と課題を聞き取る", "範囲・成果物・スケジュールを文書にする", "役割分担を決める"],
        (0, false) => ["Interview the partner about today's situation", "Write down scope, deliverable and schedule", "Agree who does what"],
        (1, true) => ["試作をつくる", "支援先と一緒に試す", "フィードバックを反映する"],
        (1, false) => ["Build a first version", "Try it together with the partner", "Work the feedback in"],
        (_, true) => ["仕上げと最終確認", "運用マニュアルを仕上げる", "操作説明会を開き、引き継ぐ"],
        _ => ["Finish and check everything", "Complete the operating manual", "Run a hands-on session and hand over"],
    };

    private static IEnumerable<string> PhaseAgenda(int phase, bool ja) => (phase, ja) switch
    {
        (0, true) => ["自己紹介と目的の共有（10分）", "支援先の現状・課題（20分）", "範囲と成果物の合意（20分）", "次のステップ（10分）"],
        (0, false) => ["Introductions and purpose (10 min)", "The partner's situation and problem (20 min)", "Agree scope and deliverable (20 min)", "Next steps (10 min)"],
        (1, true) => ["進捗の報告（10分）", "試作・提案の説明（20分）", "支援先からのフィードバック（20分）", "最終までの計画（10分）"],
        (1, false) => ["Progress (10 min)", "Prototype or proposal walk-through (20 min)", "The partner's feedback (20 min)", "Plan to the end (10 min)"],
        (_, true) => ["成果物の説明（20分）", "運用方法と担当の確認（20分）", "振り返りと今後（20分）"],
        _ => ["Present the deliverable (20 min)", "Confirm how it will be run and by whom (20 min)", "Look back and ahead (20 min)"],
    };

    private static string[] PhaseChecks(int phase, bool ja) => (phase, ja) switch
    {
        (0, true) => ["範囲と成果物が文書で合意されている", "支援先の責任者が決まっている", "連絡方法が決まっている"],
        (0, false) => ["Scope and deliverable agreed in writing", "The partner's owner is named", "How to communicate is agreed"],
        (1, true) => ["試作を支援先が実際に試した", "フィードバックが記録されている", "残りの作業が見積もられている"],
        (1, false) => ["The partner has really tried the prototype", "Feedback is recorded", "Remaining work is estimated"],
        (_, true) => ["成果物を引き渡した", "運用マニュアルを渡した", "保守の担当者が決まっている", "データの返却・削除を確認した"],
        _ => ["Deliverable handed over", "Operating manual handed over", "Someone maintains it afterwards", "Data returned or deleted as agreed"],
    };

    private static string Bullets(IEnumerable<string> items) => string.Join('\n', items.Select(i => "- " + i));

    private static string Checklist(params string[] items) => string.Join('\n', items.Select(i => "- [ ] " + i));
}
