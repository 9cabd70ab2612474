using System.Text.Json.Nodes;
using ProBonoBot.Cards;
using ProBonoBot.Cards.Broadcasts;
using ProBonoBot.Cards.Commands;
using ProBonoBot.Cards.Drafting;
using ProBonoBot.Cards.Help;
using ProBonoBot.Cards.Profiles;
using ProBonoBot.Cards.Projects;
using ProBonoBot.Cards.SignUps;
using ProBonoBot.Cards.Welcome;

namespace ProBonoBot.Cards.Tests;

/// <summary>Every card the bot sends, in each language and variant, by golden-file name.</summary>
public static partial class CardCatalog
{
    public static IReadOnlyDictionary<string, Func<JsonObject>> All { get; } = new[] { Base(), Plans(), Hours(), Impact() }
        .SelectMany(d => d).ToDictionary(p => p.Key, p => p.Value);

    private static Dictionary<string, Func<JsonObject>> Base() => new()
    {
        ["welcome-personal.en"] = () => WelcomeCard.Build(Language.English, "Haruka Sato", inChannel: false),
        ["welcome-personal.ja"] = () => WelcomeCard.Build(Language.Japanese, "佐藤 遥", inChannel: false),
        ["welcome-noname.en"] = () => WelcomeCard.Build(Language.English, null, inChannel: false),
        ["welcome-noname.ja"] = () => WelcomeCard.Build(Language.Japanese, null, inChannel: false),
        ["welcome-channel.en"] = () => WelcomeCard.Build(Language.English, "Pro Bono Club", inChannel: true),
        ["welcome-channel.ja"] = () => WelcomeCard.Build(Language.Japanese, "プロボノ部", inChannel: true),
        ["help.en"] = () => HelpCard.Build(Language.English, inChannel: false),
        ["help.ja"] = () => HelpCard.Build(Language.Japanese, inChannel: false),
        ["help-channel.en"] = () => HelpCard.Build(Language.English, inChannel: true),
        ["help-channel.ja"] = () => HelpCard.Build(Language.Japanese, inChannel: true),
        ["greeting.en"] = () => CommandCards.Greeting(Language.English, "Haruka"),
        ["greeting.ja"] = () => CommandCards.Greeting(Language.Japanese, "佐藤 遥"),
        ["did-you-mean.en"] = () => CommandCards.DidYouMean(Language.English, "sign up 2"),
        ["did-you-mean.ja"] = () => CommandCards.DidYouMean(Language.Japanese, "ヘルプ"),
        ["pick-project.en"] = () => CommandCards.Pick(Language.English, UiText.For(Language.English).Commands.PickSignUp, "sign up", [new ProjectChoice(3, "Reclaimed wood tracking"), new ProjectChoice(4, "Market website")]),
        ["pick-project.ja"] = () => CommandCards.Pick(Language.Japanese, UiText.For(Language.Japanese).Commands.PickWithdraw, "辞退", [new ProjectChoice(3, "古材トレーサビリティ")]),
        ["announcement.en"] = () => AnnouncementCard.Build(Language.English, Wood(), ViewerState.Nobody, ["29:user-1"]),
        ["announcement.ja"] = () => AnnouncementCard.Build(Language.Japanese, Wood(), ViewerState.Nobody, ["29:user-1"]),
        ["announcement-confirmed.en"] = () => AnnouncementCard.Build(Language.English, Wood(), new ViewerState(ViewerStanding.Confirmed, "Data analyst"), ["29:user-1"]),
        ["announcement-waitlisted.ja"] = () => AnnouncementCard.Build(Language.Japanese, Wood(), new ViewerState(ViewerStanding.Waitlisted, "データ分析", 2), ["29:user-1"]),
        ["announcement-bilingual.both"] = () => AnnouncementCard.Build(UiText.ForProject("both"), Wood() with { Language = "both" }, ViewerState.Nobody, ["29:user-1"]),
        ["announcement-long.en"] = () => AnnouncementCard.Build(Language.English, Wood() with { Summary = LongSummary }, ViewerState.Nobody),
        ["announcement-team-formed.en"] = () => AnnouncementCard.Build(Language.English, Wood() with { Status = ProjectStatus.TeamFormed }, ViewerState.Nobody),
        ["announcement-cancelled.ja"] = () => AnnouncementCard.Build(Language.Japanese, Wood() with { Status = ProjectStatus.Cancelled }, ViewerState.Nobody),
        ["preview.en"] = () => AnnouncementCard.Preview(Language.English, Wood() with { Status = ProjectStatus.Draft }, "Draft #3 is saved."),
        ["preview.ja"] = () => AnnouncementCard.Preview(Language.Japanese, Wood() with { Status = ProjectStatus.Draft }, "下書き #3 を保存しました。"),
        ["brief.en"] = () => BriefCard.Build(Language.English, new BriefCardModel(7, 1, BriefStatus.Draft, Brief(japanese: false), "Aiko Mori", "Drafted without an AI model: check every \"To confirm\" item before sending it on.", false), BriefViewer.Author),
        ["brief.ja"] = () => BriefCard.Build(Language.Japanese, new BriefCardModel(7, 2, BriefStatus.Draft, Brief(japanese: true), "森 愛子", "AIモデルを使えなかったため（応答に時間がかかりすぎました）、AIなしで下書きしました。", true), BriefViewer.Author),
        ["brief-review.ja"] = () => BriefCard.Build(Language.Japanese, new BriefCardModel(7, 2, BriefStatus.Sent, Brief(japanese: true), "森 愛子", "AIモデル（gpt-4.1-mini）で下書きしました。", false), BriefViewer.Leader, "森 愛子さんから概要書の確認依頼です"),
        ["brief-approved.en"] = () => BriefCard.Build(Language.English, new BriefCardModel(7, 1, BriefStatus.Approved, Brief(japanese: false), "Aiko Mori", "Drafted with an AI model (gpt-4.1-mini).", false, 12), BriefViewer.ReadOnly, "Approved: draft project #12 exists now."),
        ["propose-brief.en"] = () => ProposeCard.Build(Language.English, 4),
        ["propose-brief.ja"] = () => ProposeCard.Build(Language.Japanese, 4),
        ["manual-choose.en"] = () => ManualCards.Choose(Language.English, [new ManualProjectChoice(3, "Reclaimed wood tracking"), new ManualProjectChoice(4, "Market website")]),
        ["manual-choose.ja"] = () => ManualCards.Choose(Language.Japanese, [new ManualProjectChoice(3, "古材トレーサビリティ")]),
        ["manual.en"] = () => ManualCards.Build(Language.English, new ManualCardModel(5, 4, "Market website", ManualKind.Operational, 2, Manual(), "Drafted without an AI model.", false,
            "https://bot.example.com/manuals/5.md?user=u&expires=1&sig=abc", [(1, "https://bot.example.com/manuals/4.md?user=u&expires=1&sig=def")])),
        ["feedback-summary.en"] = () => FeedbackCards.Summary(Language.English, new FeedbackSummaryModel(30, new FeedbackCounts(4, 2, 1), new FeedbackCounts(1, 0, 0),
            [new FeedbackComment("report", false, 7, "facts", "The organisation is a place, not the NPO.", new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero)),
             new FeedbackComment("dislike", true, 5, null, "Misses the site visits.", new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero)),
             new FeedbackComment("like", false, 6, null, "Clear roles; the translator was right.", new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero))])),
        ["feedback-summary-empty.ja"] = () => FeedbackCards.Summary(Language.Japanese, new FeedbackSummaryModel(30, new FeedbackCounts(0, 0, 0), new FeedbackCounts(0, 0, 0), [])),
        ["project-form.en"] = () => ProjectFormCard.Build(Language.English),
        ["project-form-errors.ja"] = () => ProjectFormCard.Build(Language.Japanese,
            new ProjectFormValues(3, "", "能登の団体", "概要", null, null, "デザイナー | Figma | 99", "100", null, null, "onsite", "輪島", "ja"),
            ["タイトルは必須です。", "役割 1 行目：「役割名 | スキル | 人数」の形で、人数は1〜20にしてください。"]),
        ["publish.en"] = () => PublishCard.Build(Language.English, 3, "Reclaimed wood tracking", [new ChannelChoice("19:general@thread.tacv2", "Pro Bono Club — General"), new ChannelChoice("19:projects@thread.tacv2", "Pro Bono Club — Projects", Preselected: false)]),
        ["publish.ja"] = () => PublishCard.Build(Language.Japanese, 3, "古材トレーサビリティ", [new ChannelChoice("19:general@thread.tacv2", "プロボノ部 — 一般"), new ChannelChoice("19:design@thread.tacv2", "プロボノ部 — デザイン", Preselected: false)]),
        ["project-list.en"] = () => ProjectListCard.Build(Language.English, [Wood()], [Wood() with { Number = 4, Title = "Market website", Status = ProjectStatus.Draft }]),
        ["project-list-empty.ja"] = () => ProjectListCard.Build(Language.Japanese, [], []),
        ["applicants.en"] = () => ApplicantsCard.Build(Language.English, Wood(),
            [new ApplicantModel("Kenji Tanaka", "Data analyst", ViewerStanding.Confirmed, 0, 5, "I like data"),
             new ApplicantModel("Yui Nakamura", "Data analyst", ViewerStanding.Waitlisted, 1, 3, null),
             new ApplicantModel("Daniel Kim", "Web designer", ViewerStanding.Offered, 0, 4, null)]),
        ["applicants-fit.en"] = () => ApplicantsCard.Build(Language.English, Wood(),
            [new ApplicantModel("Kenji Tanaka", "Data analyst", ViewerStanding.Confirmed, 0, 5, null)],
            [new FitPersonModel("aad-aiko", "Aiko Mori", ["skills: Excel, photography", "remote OK", "needs 20 h/month, has 30"], Invited: false),
             new FitPersonModel("aad-ben", "Ben Ito", ["interested in Disaster recovery"], Invited: true)],
            "Invitation sent to Ben Ito."),
        ["applicants-fit-none.ja"] = () => ApplicantsCard.Build(Language.Japanese, Wood(), [], []),
        ["profile-form.en"] = () => ProfileCards.Form(Language.English, Options(Language.English), ProfileValues.Empty),
        ["profile-form.ja"] = () => ProfileCards.Form(Language.Japanese, Options(Language.Japanese),
            new ProfileValues(["excel", "video-editing"], "写真撮影", ["disaster"], 8, ["ja", "en"], "remote", "石川県"), "プロフィールがまだ登録されていません。"),
        ["welcome-profile.en"] = () => WelcomeCard.Build(Language.English, "Haruka Sato", inChannel: false, Options(Language.English)),
        ["welcome-profile.ja"] = () => WelcomeCard.Build(Language.Japanese, "佐藤 遥", inChannel: false, Options(Language.Japanese)),
        ["recommendations.en"] = () => ProfileCards.Recommendations(Language.English,
            [new RecommendationModel(Wood(), ["matches your skills: Excel, 写真撮影", "remote OK", "needs 4 h/month, you have 8"])]),
        ["recommendations.ja"] = () => ProfileCards.Recommendations(Language.Japanese,
            [new RecommendationModel(Wood() with { Title = "廃材トラッキング" }, ["スキルが合います：動画編集", "関心分野：災害復興"])]),
        ["invitation.en"] = () => ProfileCards.Invitation(Language.English, Wood(), "Haruka Sato", ["matches your skills: Excel", "remote OK"]),
        ["invitation.ja"] = () => ProfileCards.Invitation(Language.Japanese, Wood() with { Title = "廃材トラッキング" }, null, ["スキルが合います：Excel"]),
        ["ask-role.en"] = () => SignUpCards.AskRole(Language.English, Wood()),
        ["ask-role.ja"] = () => SignUpCards.AskRole(Language.Japanese, Wood()),
        ["ask-hours.ja"] = () => SignUpCards.AskHours(Language.Japanese, 3, 4),
        ["ask-note.en"] = () => SignUpCards.AskNote(Language.English, 3),
        ["confirm-waitlist.en"] = () => SignUpCards.Confirm(Language.English, 3, "Reclaimed wood tracking", "Data analyst", 5, null, waitlist: true),
        ["confirm.ja"] = () => SignUpCards.Confirm(Language.Japanese, 3, "廃材トラッキング", "データ分析", 5, "Excel が得意です", waitlist: false),
        ["offer.en"] = () => SignUpCards.Offer(Language.English, 3, "Reclaimed wood tracking", "Data analyst", OfferDeadline(Language.English, "America/New_York")),
        ["offer.ja"] = () => SignUpCards.Offer(Language.Japanese, 3, "廃材トラッキング", "データ分析", OfferDeadline(Language.Japanese, "Asia/Tokyo")),
        ["my-projects.en"] = () => SignUpCards.MyProjects(Language.English,
            [new MyProjectModel(3, "Reclaimed wood tracking", ProjectStatus.Recruiting, "Data analyst", ViewerStanding.Waitlisted, 2),
             new MyProjectModel(5, "Symposium video support", ProjectStatus.TeamFormed, "Video editor", ViewerStanding.Confirmed, 0)]),
        ["my-projects-empty.ja"] = () => SignUpCards.MyProjects(Language.Japanese, []),
        ["confirm-withdraw.en"] = () => ConfirmCard.Withdraw(Language.English, 3, "Reclaimed wood tracking", Signed(3), universal: false),
        ["confirm-withdraw.ja"] = () => ConfirmCard.Withdraw(Language.Japanese, 3, "廃材トラッキング", Signed(3), universal: false),
        ["confirm-withdraw-channel.en"] = () => ConfirmCard.Withdraw(Language.English, 3, "Reclaimed wood tracking", Signed(3), universal: true),
        ["confirm-cancel.en"] = () => ConfirmCard.CancelProject(Language.English, 3, "Reclaimed wood tracking", 4, Signed(3)),
        ["confirm-cancel.ja"] = () => ConfirmCard.CancelProject(Language.Japanese, 3, "廃材トラッキング", 4, Signed(3)),
        ["confirm-team.en"] = () => ConfirmCard.FormTeam(Language.English, 3, "Reclaimed wood tracking", [new EmptySeatModel("Web designer", 1, 2), new EmptySeatModel("Copywriter", 0, 1)], Signed(3)),
        ["confirm-team.ja"] = () => ConfirmCard.FormTeam(Language.Japanese, 3, "廃材トラッキング", [new EmptySeatModel("Webデザイナー", 1, 2)], Signed(3)),
        ["confirm-answered.en"] = () => ConfirmCard.Answered("You've withdrawn from **Reclaimed wood tracking**. Thank you for letting us know."),
        ["confirm-answered.ja"] = () => ConfirmCard.Answered("#3 はそのままです。何も変更していません。"),
        ["broadcast-audience.en"] = () => BroadcastCards.Audience(Language.English, 3, "Reclaimed wood tracking", 812, 3,
            AnnouncementCard.Build(Language.English, Wood(), ViewerState.Nobody)),
        ["broadcast-audience.ja"] = () => BroadcastCards.Audience(Language.Japanese, 3, "廃材トラッキング", 812, 3),
        ["broadcast-report-running.en"] = () => BroadcastCards.Report(Language.English,
            new BroadcastProgress(7, 3, "Reclaimed wood tracking", 815, 402, 398, 4, 8, 3, 47.6, TimeSpan.FromSeconds(8.4), false, false, null)),
        ["broadcast-report-done.ja"] = () => BroadcastCards.Report(Language.Japanese,
            new BroadcastProgress(7, 3, "廃材トラッキング", 815, 800, 0, 4, 8, 3, 12.5, null, true, false, "https://probonobot.example/broadcasts/7/undelivered.csv?expires=1&sig=ab")),
        ["broadcast-audience-targeted.en"] = () => BroadcastCards.Audience(Language.English, 3, "Reclaimed wood tracking", 212, 0, null,
            new AudienceOptions([("19:sales@thread.tacv2", "Sales"), ("19:volunteers@thread.tacv2", "Volunteers")], [("g-1", "Pro bono club")], true,
                [("tracking", "Data management and traceability"), ("website", "Website")], "Asia/Tokyo"),
            new AudienceChoices("people", false, "teams", ["19:sales@thread.tacv2"], null, "en", "tracking", "at", "2026-12-03", "10:00")),
        ["broadcast-audience-error.ja"] = () => BroadcastCards.Audience(Language.Japanese, 3, "廃材トラッキング", 812, 3, null,
            new AudienceOptions([("19:sales@thread.tacv2", "営業部")], null, false, [("tracking", "データ管理・トレーサビリティ")], "Asia/Tokyo"),
            new AudienceChoices(), "一覧にあるチームを1つ以上選んでください。何も送信していません。"),
        ["broadcast-confirm.en"] = () => BroadcastCards.Confirm(Language.English, 3, "Reclaimed wood tracking", 850,
            new System.Text.Json.Nodes.JsonObject { ["audience"] = "people", ["target"] = "all", ["language"] = "all", ["when"] = "now" }),
        ["broadcast-confirm.ja"] = () => BroadcastCards.Confirm(Language.Japanese, 3, "廃材トラッキング", 850,
            new System.Text.Json.Nodes.JsonObject { ["audience"] = "people", ["target"] = "all", ["language"] = "all", ["when"] = "now" }),
        ["broadcast-report-scheduled.en"] = () => BroadcastCards.Report(Language.English,
            new BroadcastProgress(8, 3, "Reclaimed wood tracking", 0, 0, 0, 0, 0, 0, 0, null, true, false, null, ScheduledFor: "Thu 3 Dec, 10:00 (Tokyo time)")),
        ["broadcast-report-outcome.en"] = () => BroadcastCards.Report(Language.English,
            new BroadcastProgress(7, 3, "Reclaimed wood tracking", 815, 800, 0, 4, 8, 3, 12.5, null, true, false, "https://probonobot.example/broadcasts/7/undelivered.csv?expires=1&sig=ab",
                new BroadcastOutcome(790, 412, 57, 21, 640, 12))),
        ["broadcast-report-outcome.ja"] = () => BroadcastCards.Report(Language.Japanese,
            new BroadcastProgress(7, 3, "廃材トラッキング", 815, 400, 400, 4, 8, 3, 12.5, TimeSpan.FromMinutes(3), false, false, null,
                new BroadcastOutcome(390, 12, 3, 1, 300, 0))),
        ["broadcast-digest.en"] = () => BroadcastCards.Digest(UiText.For(Language.English), [(3, "Reclaimed wood tracking", "The workshop logs reclaimed wood on paper."), (5, "Festival map", "A map of the stalls.")]),
        ["broadcast-digest.both"] = () => BroadcastCards.Digest(UiText.Bilingual, [(3, "廃材トラッキング", "廃材の記録が紙です。")]),
        ["broadcast-topics.ja"] = () => BroadcastCards.Topics(Language.Japanese, [("tracking", "データ管理・トレーサビリティ"), ("website", "ウェブサイト")], ["website"]),
        ["broadcast-topics.en"] = () => BroadcastCards.Topics(Language.English, [("tracking", "Data management and traceability"), ("website", "Website")], []),
    };

    /// <summary>The data of a Confirm button as the bot signs it (the signature here is a placeholder).</summary>
    /// <summary>An offer's answer-by time as the bot words it for a reader in <paramref name="zone"/>.</summary>
    private static string OfferDeadline(Language language, string zone) =>
        ProBonoBot.Cards.Wording.Times.DateTime(DateTimeOffset.Parse("2026-11-24T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture), language, zone);

    /// <summary>A few skills and interests as the bot offers them (the lexicon lives in the bot).</summary>
    private static ProfileOptions Options(Language language) => language == Language.Japanese
        ? new([new("excel", "Excel"), new("video-editing", "動画編集"), new("ui-design", "UIデザイン")], [new("disaster", "災害復興"), new("video", "映像・配信")])
        : new([new("excel", "Excel"), new("video-editing", "video editing"), new("ui-design", "UI design")], [new("disaster", "Disaster recovery"), new("video", "Video and streaming")]);

    private static JsonObject Signed(long project) => new() { ["project"] = project, ["state"] = "12", ["expires"] = 1767225600, ["sig"] = "5f2c" };

    /// <summary>A brief as the offline drafter writes it for the reclaimed-wood need.</summary>
    public static ProjectBrief Brief(bool japanese) => japanese
        ? new ProjectBrief("記録と履歴を追える管理の仕組みづくり", "ja", new PartnerProfile("要確認", "解体される家から古材を救い出して再利用する活動", "要確認", "要確認"),
            "データ管理・トレーサビリティ（災害復興支援）", "能登の地震で解体される家から古材を救い出しています。どの家の材か、保管場所、渡し先を紙の台帳で管理していて、履歴が分からなくなります。",
            "記録と履歴を一元管理できるデータベースを通じて、支援先の課題を解決する。", "現場の負担を減らし、復興の取り組みを記録・継続できるようにする。",
            ["記録と履歴を一元管理できるデータベース（入力画面つき）", "運用マニュアルと引き継ぎ資料"], ["現状の業務・課題の聞き取り"], ["引き渡し後の継続的な運用・保守（支援先が担当）"],
            [new BriefRole("プロジェクトマネージャー", "進行管理、支援先との調整", 1, 5), new BriefRole("データベース設計・開発", "データ設計、ノーコード", 2, 5)], 3,
            "1人あたり週5時間程度（要確認）", "3か月程度（要確認）", "要確認", "来年3月", "要確認（動かせるか支援先に確認）",
            [new BriefPhase("フェーズ1：理解と計画", "現状と要望を聞き取る", "キックオフ会議"), new BriefPhase("フェーズ2：制作", "試作をつくる", "中間報告会"), new BriefPhase("フェーズ3：仕上げと引き継ぎ", "引き継ぐ", "最終報告会")],
            "週1回30分のチーム定例", "プロジェクト用のTeamsチャネル", "リモート中心（要確認）", ["Microsoft Teams"],
            new BriefReadiness("要確認", "要確認", "操作説明会と運用マニュアル"), ["合意した期限までに引き渡す"], ["被災地の現場は多忙"], ["支援先の正式な団体名は？", "開始時期は？"])
        : new ProjectBrief("A website that tells the partner's story — Riverside Farmers Market", "en", new PartnerProfile("Riverside Farmers Market", "To confirm", "visitors, vendors", "To confirm"),
            "Website", "The Riverside Farmers Market needs a new website. Our site does not work on phones and only one volunteer can update it.",
            "To solve the partner's problem through a mobile-friendly website the partner can update themselves.", "The partner spends more time on its mission.",
            ["A mobile-friendly website the partner can update themselves", "An operating manual and handover notes"], ["Interviews about how things work today"], ["Buying or contracting paid services"],
            [new BriefRole("Project manager", "planning, keeping in touch with the partner", 1, 5), new BriefRole("Web designer", "UI design, Figma", 1, 5), new BriefRole("Web developer", "WordPress, HTML/CSS", 1, 5)], 3,
            "About 5 h a week per person (To confirm)", "About 3 months (To confirm)", "To confirm", "April", "To confirm (ask the partner whether it can move)",
            [new BriefPhase("Phase 1: understand and plan", "Agree the scope", "Kickoff meeting"), new BriefPhase("Phase 2: build", "Build a first version", "Interim review"), new BriefPhase("Phase 3: finish and hand over", "Hand over", "Final handover meeting")],
            "A 30-minute team meeting every week", "A Teams channel for the project", "Mostly remote (To confirm)", ["Microsoft Teams"],
            new BriefReadiness("To confirm", "To confirm", "A hands-on session"), ["Handed over by the agreed date"], ["Scope creep"], ["When can the project start?"]);

    public static ManualDocument Manual() => new("Operational manual — Market website",
    [
        new ManualSection("Roles and responsibilities", "- Leader: Aiko Mori\n- **Web designer** (2): Figma"),
        new ManualSection("Communication rules", "- Talk in the project's Teams channel\n- Reply within two working days when mentioned"),
        new ManualSection("Meetings", "A 30-minute team meeting every week (online)."),
    ]);

    /// <summary>A realistic project: the Noto reclaimed-wood rescue team's tracking need.</summary>
    /// <summary>A summary far over what a card shows whole (about 2,000 characters).</summary>
    public static string LongSummary => string.Concat(Enumerable.Repeat(
        "Beams from demolished homes are tracked on paper and their history gets lost between the yard, the sawmill and the buyer. ", 17)).Trim();

    public static ProjectCardModel Wood() => new(
        3, "Reclaimed wood tracking", "Noto reclaimed-wood rescue team",
        "Beams from demolished homes are tracked on paper and their history gets lost. Build a simple way to record where each piece came from.",
        "Every rescued beam keeps its story, so buyers and builders trust it.", "A shared spreadsheet app and an operations manual",
        5, "2027-01-10", "2027-03-31", WorkMode.Hybrid, "Wajima", "ja", ProjectStatus.Recruiting, "Haruka Sato",
        [new RoleCardModel(1, "Data analyst", "Excel, SQL", 1, 1, 2), new RoleCardModel(2, "Web designer", "Figma", 2, 1, 0)]);

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var name in All.Keys)
        {
            data.Add(name);
        }

        return data;
    }
}
