using System.Globalization;
using ProBonoBot.Cards;
using ProBonoBot.Cards.Drafting;

namespace ProBonoBot.Drafting;

/// <summary>
/// The embedded drafter: fills every part of the brief from what <see cref="NeedReader"/> found, with the club's
/// pro bono norms for the rest, and marks each fact it could not find as to-confirm with an open question.
/// </summary>
public static class OfflineBriefWriter
{
    public static ProjectBrief Write(BriefRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Previous is not null && !string.IsNullOrWhiteSpace(request.Instruction)
            ? OfflineRevision.Apply(request)
            : Compose(request, [], []);
    }

    /// <summary>A fresh brief from the need; <paramref name="wanted"/> and <paramref name="unwanted"/> steer the deliverable (a regeneration's "… instead").</summary>
    internal static ProjectBrief Compose(BriefRequest request, IReadOnlyList<NeedCategory> wanted, IReadOnlyList<NeedCategory> unwanted)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ja = request.Language == Language.Japanese;
        string L(string japanese, string english) => ja ? japanese : english;
        var marker = UiText.For(request.Language).Drafting.ToConfirm;
        var facts = NeedReader.Read(request.Need);
        var answers = request.Answers;
        var questions = new List<string>();
        string Known(string? value, string questionJa, string questionEn)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                return value.Trim();
            }

            questions.Add(L(questionJa, questionEn));
            return marker;
        }

        var organisation = Known(
            Short(answers.Partner) is { } p ? NeedReader.Organisation(p) ?? NeedAnswerCheck.PartnerName(p) ?? facts.Organisation : facts.Organisation,
            "支援先の正式な団体名は？", "What is the partner organisation's exact name?");
        var categories = facts.Categories.ToList();
        if (answers.Deliverable is { Length: > 0 } answered)
        {
            categories = [.. NeedReader.Read(answered).Categories.Concat(categories).Distinct().Take(3)];
        }

        categories = [.. wanted.Concat(categories).Except(unwanted).Distinct().Take(3)];

        var main = categories.FirstOrDefault();
        var deadlineFacts = answers.Deadline is { Length: > 0 } d ? NeedReader.Read(d) : null;
        var deadline = Known(deadlineFacts?.Deadline ?? Short(answers.Deadline) ?? facts.Deadline, "締め切りはいつで、どの程度動かせますか？", "What is the deadline, and how flexible is it?");
        var start = Known(facts.Start, "開始時期は？", "When can the project start?");
        var contact = Known(Short(answers.Partner) is { } pc && NeedReader.Read(pc).Contact is { } c ? c : facts.Contact, "支援先の担当者（窓口）は誰ですか？", "Who is the contact person at the partner?");
        var mission = Known(facts.Mission is { } m ? ThirdPerson.Sentence(m) : null, "支援先のミッション・活動内容は？", "What is the partner's mission?");
        string[] served = [.. new[] { facts.BeneficiaryCount }.OfType<string>(), .. facts.Beneficiaries.Where(b => facts.BeneficiaryCount?.Contains(b, StringComparison.OrdinalIgnoreCase) != true)];
        var beneficiaries = served.Length > 0 ? string.Join(L("、", ", "), served) : Known(null, "この支援で恩恵を受けるのは誰ですか？", "Who benefits in the end?");

        var deliverables = new List<string>();
        if (!string.IsNullOrWhiteSpace(answers.Deliverable))
        {
            deliverables.Add(answers.Deliverable.Trim());
        }

        // Translation beside another deliverable makes that one bilingual (the "bilingual" requirement), not a separate set of documents.
        deliverables.AddRange(categories.Take(2).Where((c, i) => i == 0 || c.Key != "translation").Select(c => L(c.DeliverableJa, c.DeliverableEn)));
        deliverables.AddRange((facts.Requirements ?? []).Where(r => r.Key != "bilingual" || main?.Key != "translation").Select(r => L(r.Ja, r.En)));
        if (deliverables.Count == 0)
        {
            deliverables.Add(Known(null, "最後に引き渡す成果物は何ですか？", "What exactly should the team hand over?"));
        }

        deliverables.Add(L("運用マニュアルと引き継ぎ資料", "An operating manual and handover notes"));

        var privacy = facts.PersonalData ?? [];
        var roles = Roles(categories, facts, ja);
        if (facts.People is { } people && people > roles.Sum(r => r.Seats))
        {
            // A stated headcount larger than the roles: the first specialist role takes the extra seats.
            var at = roles.Count > 1 ? 1 : 0;
            roles[at] = roles[at] with { Seats = roles[at].Seats + (people - roles.Sum(r => r.Seats)) };
        }

        if (privacy.Count > 0)
        {
            var at = roles.Count > 1 ? 1 : 0;
            roles[at] = roles[at] with { Skills = roles[at].Skills + L("、個人情報の保護", ", data privacy") };
        }

        var teamSize = roles.Sum(r => r.Seats);

        var hours = facts.HoursPerWeek ?? 5;
        if (facts.HoursPerWeek is null)
        {
            questions.Add(L("1人あたり週何時間を想定しますか？（目安：週5時間）", "How many hours a week per person? (norm: about 5)"));
        }

        var duration = facts.Duration ?? L($"3か月程度（{marker}）", $"About 3 months ({marker})");
        var mode = facts.OnSite && facts.Remote ? L("ハイブリッド（リモート中心、必要に応じて現地）", "Hybrid: mostly remote, on site when needed")
            : facts.OnSite ? L("現地中心（訪問の頻度は要相談）", "Mostly on site (how often to be agreed)")
            : facts.Remote ? L("リモート", "Remote")
            : L($"リモート中心（{marker}）", $"Mostly remote ({marker})");
        if (!facts.OnSite && !facts.Remote)
        {
            questions.Add(L("現地での作業は必要ですか？", "Is any on-site work needed?"));
        }

        var categoryName = categories.Count > 0 ? string.Join(L("／", " / "), categories.Select(c => L(c.NameJa, c.NameEn))) : Known(null, "どの分野の支援が必要ですか？", "What kind of help is needed?");
        if (facts.IsDisaster)
        {
            categoryName += L("（災害復興支援）", " (disaster recovery)");
        }

        var titleCore = main is null ? L("支援プロジェクト", "Pro bono project") : L(main.TitleJa, main.TitleEn);
        var title = organisation == marker ? titleCore : L($"{organisation}：{titleCore}", $"{titleCore} — {organisation}");

        var background = ThirdPerson.Summary(facts.Sentences, organisation == marker ? null : organisation, ja, 4, 700);

        var objectiveCore = main is null ? L("支援先の課題を整理し、解決に向けた最初の一歩を形にする", "structure the partner's problem and deliver a first concrete step towards solving it")
            : L($"{main.DeliverableJa}を通じて、支援先の課題を解決する", $"solve the partner's problem through {Lower(main.DeliverableEn)}");
        var objective = L($"{objectiveCore}。引き渡し後も支援先が自分たちで使い続けられる状態にする。",
            $"To {objectiveCore}, in a form the partner can keep using on their own after the handover.");
        var impact = facts.IsDisaster
            ? L("現場の負担を減らし、復興の取り組みを記録・継続できるようにする。地域の再建を支える。", "Less load on the front line, and recovery work that is recorded and can continue — support for rebuilding the community.")
            : L("支援先が本来の活動に時間を使えるようになり、受益者へのサービスが続く・広がる。", "The partner spends more time on its mission, and what it offers its beneficiaries continues and grows.");

        questions.Add(L("引き渡し後に成果物を運用・保守するのは誰ですか？", "Who will run and maintain the result after the handover?"));
        questions.AddRange(Question(facts.Tools.Count == 0, L("現在使っているツールや、使える予算はありますか？", "Which tools does the partner use today, and is there any budget?")));

        var phases = new List<BriefPhase>
        {
            new(L("フェーズ1：理解と計画", "Phase 1: understand and plan"), L("現状と要望を聞き取り、範囲と成果物を合意する", "Learn the current way of working; agree the scope and the deliverable"), L("キックオフ会議", "Kickoff meeting")),
            new(L("フェーズ2：制作", "Phase 2: build"), L($"{(main is null ? "成果物" : main.DeliverableJa)}の試作をつくり、支援先と試す", $"Build a first version of {(main is null ? "the deliverable" : Lower(main.DeliverableEn))} and try it with the partner"), L("中間報告会（試作の確認）", "Interim review of the prototype")),
            new(L("フェーズ3：仕上げと引き継ぎ", "Phase 3: finish and hand over"), L("改善して仕上げ、マニュアルを渡し、使い方を説明する", "Refine, write the manual and show the partner how to run it"), L("最終報告会と引き継ぎ", "Final handover meeting")),
        };

        return new ProjectBrief(
            Title: title,
            Language: request.Language.Code(),
            Partner: new PartnerProfile(organisation, mission, beneficiaries, contact),
            NeedCategory: categoryName,
            Background: background,
            Objective: objective,
            Impact: impact,
            Deliverables: deliverables,
            InScope: [
                L("現状の業務・課題の聞き取り", "Interviews about how things work today"),
                .. deliverables.Take(deliverables.Count - 1),
                .. Question(facts.OnSite, L("現地訪問（ニーズにある訪問。日程と回数は支援先と調整）", "Site visits as the need describes (dates and how many to agree with the partner)")),
                L("支援先スタッフへの使い方説明", "Showing the partner's staff how to use it"),
            ],
            OutOfScope: [
                L("引き渡し後の継続的な運用・保守（支援先が担当）", "Running and maintaining it after the handover (the partner's job)"),
                L("費用の発生するサービスの契約・購入", "Buying or contracting paid services"),
                L("当初の範囲を超える追加機能", "Features beyond the agreed scope"),
            ],
            Roles: roles,
            TeamSize: Math.Clamp(teamSize, 1, 12),
            TimeCommitment: facts.HoursPerWeek is { } h ? L($"1人あたり週{h}時間", $"{h} h a week per person") : L($"1人あたり週5時間程度（{marker}）", $"About 5 h a week per person ({marker})"),
            Duration: duration,
            Start: start,
            Deadline: deadline,
            DeadlineFlexibility: facts.DeadlineIsFirm ? L("動かせない", "Fixed") : deadline == marker ? marker : L($"{marker}（動かせるか支援先に確認）", $"{marker} (ask the partner whether it can move)"),
            Phases: phases,
            MeetingCadence: L("週1回30分のチーム定例（オンライン）。各フェーズの終わりに支援先との会議。", "A 30-minute team meeting every week (online), and a meeting with the partner at the end of each phase."),
            Communication: L("プロジェクト用のTeamsチャネル。支援先への連絡はプロジェクトマネージャーが窓口。返信は2営業日以内。", "A Teams channel for the project; the project manager is the partner's single point of contact; replies within two working days."),
            WorkMode: mode,
            Tools: [.. facts.Tools.Append("Microsoft Teams").Distinct(StringComparer.OrdinalIgnoreCase)],
            Readiness: new BriefReadiness(
                contact == marker ? marker : contact,
                marker,
                L("操作説明会を開き、運用マニュアルと引き継ぎ資料を渡す", "A hands-on session with the partner's staff, plus the operating manual and handover notes")),
            SuccessCriteria: [
                L("合意した期限までに成果物を引き渡す", "The deliverable is handed over by the agreed date"),
                L("引き渡し後、支援先が自分たちで使い続けている", "The partner keeps using it on their own after the handover"),
                L("支援先が期待どおりだったと評価する", "The partner says it met their expectations"),
            ],
            Risks: [
                .. Question(facts.IsDisaster, L("被災地の現場は多忙で、聞き取りや確認の時間が取りにくい", "Front-line staff in the disaster area are stretched and may have little time for interviews and reviews")),
                L("支援先の準備が整っていない（担当者・データ・決定者）", "The partner may not be ready (owner, data, decision maker)"),
                L("範囲が広がりすぎる（スコープクリープ）", "Scope creep"),
                L("メンバー集めが想定より遅れる", "Staffing may take longer than planned"),
                .. Question(privacy.Count > 0, L($"{string.Join("・", privacy)}の個人情報を扱う：集める項目は必要最小限にし、保存場所・見られる人・引き渡し後の削除を最初に支援先と決める",
                    $"Personal data of {string.Join(", ", privacy)}: collect only what is needed, and agree with the partner where it is kept, who may see it and when it is deleted before any is collected")),
                .. Question(privacy.Count == 0 && categories.Any(c => c.Key is "tracking" or "donors" or "register"), L("個人情報を含むデータの扱いに注意が必要", "Personal data needs careful handling")),
            ],
            OpenQuestions: questions.Distinct().ToList());
    }

    private static List<BriefRole> Roles(List<NeedCategory> categories, NeedFacts facts, bool ja)
    {
        var hours = facts.HoursPerWeek ?? 5;
        var templates = new List<RoleTemplate> { NeedCategories.ProjectManager };
        // The main kind of need brings all its roles, the others their two main ones first: a bilingual map keeps its translator.
        var others = categories.Skip(1).ToList();
        templates.AddRange(categories.Take(1).SelectMany(c => c.Roles).Concat(others.SelectMany(c => c.Roles.Take(2))).Concat(others.SelectMany(c => c.Roles.Skip(2))).DistinctBy(r => r.NameEn).Take(4));
        if (templates.Count == 1)
        {
            templates.Add(NeedCategories.Analyst);
        }

        return [.. templates.Select(r => new BriefRole(ja ? r.NameJa : r.NameEn, ja ? r.SkillsJa : r.SkillsEn, 1, hours))];
    }

    private static IEnumerable<string> Question(bool when, string text) => when ? [text] : [];

    private static string? Short(string? answer) => string.IsNullOrWhiteSpace(answer) ? null : answer.Trim().Length > 80 ? answer.Trim()[..80] : answer.Trim();

    private static string Lower(string text) => text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLower(text[0], CultureInfo.InvariantCulture) + text[1..] : text;
}
