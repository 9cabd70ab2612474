using System.Text.Json.Nodes;
using ProBonoBot.Cards;
using ProBonoBot.Cards.Broadcasts;
using ProBonoBot.Cards.Help;
using ProBonoBot.Cards.Projects;
using ProBonoBot.Cards.SignUps;
using ProBonoBot.Cards.Welcome;

namespace ProBonoBot.Cards.Tests;

/// <summary>Every card the bot sends, in each language and variant, by golden-file name.</summary>
public static class CardCatalog
{
    public static IReadOnlyDictionary<string, Func<JsonObject>> All { get; } = new Dictionary<string, Func<JsonObject>>
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
        ["announcement.en"] = () => AnnouncementCard.Build(Language.English, Wood(), ViewerState.Nobody, ["29:user-1"]),
        ["announcement.ja"] = () => AnnouncementCard.Build(Language.Japanese, Wood(), ViewerState.Nobody, ["29:user-1"]),
        ["announcement-confirmed.en"] = () => AnnouncementCard.Build(Language.English, Wood(), new ViewerState(ViewerStanding.Confirmed, "Data analyst"), ["29:user-1"]),
        ["announcement-waitlisted.ja"] = () => AnnouncementCard.Build(Language.Japanese, Wood(), new ViewerState(ViewerStanding.Waitlisted, "データ分析", 2), ["29:user-1"]),
        ["preview.en"] = () => AnnouncementCard.Preview(Language.English, Wood() with { Status = ProjectStatus.Draft }, "Draft #3 is saved."),
        ["preview.ja"] = () => AnnouncementCard.Preview(Language.Japanese, Wood() with { Status = ProjectStatus.Draft }, "下書き #3 を保存しました。"),
        ["project-form.en"] = () => ProjectFormCard.Build(Language.English),
        ["project-form-errors.ja"] = () => ProjectFormCard.Build(Language.Japanese,
            new ProjectFormValues(3, "", "能登の団体", "概要", null, null, "デザイナー | Figma | 99", "100", null, null, "onsite", "輪島", "ja"),
            ["タイトルは必須です。", "役割 1 行目：「役割名 | スキル | 人数」の形で、人数は1〜20にしてください。"]),
        ["publish.en"] = () => PublishCard.Build(Language.English, 3, "Reclaimed wood tracking", [new ChannelChoice("19:general@thread.tacv2", "Pro Bono Club — General"), new ChannelChoice("19:projects@thread.tacv2", "Pro Bono Club — Projects")]),
        ["project-list.en"] = () => ProjectListCard.Build(Language.English, [Wood()], [Wood() with { Number = 4, Title = "Market website", Status = ProjectStatus.Draft }]),
        ["project-list-empty.ja"] = () => ProjectListCard.Build(Language.Japanese, [], []),
        ["applicants.en"] = () => ApplicantsCard.Build(Language.English, Wood(),
            [new ApplicantModel("Kenji Tanaka", "Data analyst", ViewerStanding.Confirmed, 0, 5, "I like data"),
             new ApplicantModel("Yui Nakamura", "Data analyst", ViewerStanding.Waitlisted, 1, 3, null),
             new ApplicantModel("Daniel Kim", "Web designer", ViewerStanding.Offered, 0, 4, null)]),
        ["ask-role.en"] = () => SignUpCards.AskRole(Language.English, Wood()),
        ["ask-role.ja"] = () => SignUpCards.AskRole(Language.Japanese, Wood()),
        ["ask-hours.ja"] = () => SignUpCards.AskHours(Language.Japanese, 3),
        ["ask-note.en"] = () => SignUpCards.AskNote(Language.English, 3),
        ["confirm-waitlist.en"] = () => SignUpCards.Confirm(Language.English, 3, "Reclaimed wood tracking", "Data analyst", 5, null, waitlist: true),
        ["confirm.ja"] = () => SignUpCards.Confirm(Language.Japanese, 3, "廃材トラッキング", "データ分析", 5, "Excel が得意です", waitlist: false),
        ["offer.en"] = () => SignUpCards.Offer(Language.English, 3, "Reclaimed wood tracking", "Data analyst", "2026-11-24 09:00"),
        ["offer.ja"] = () => SignUpCards.Offer(Language.Japanese, 3, "廃材トラッキング", "データ分析", "2026-11-24 09:00"),
        ["my-projects.en"] = () => SignUpCards.MyProjects(Language.English,
            [new MyProjectModel(3, "Reclaimed wood tracking", ProjectStatus.Recruiting, "Data analyst", ViewerStanding.Waitlisted, 2),
             new MyProjectModel(5, "Symposium video support", ProjectStatus.TeamFormed, "Video editor", ViewerStanding.Confirmed, 0)]),
        ["my-projects-empty.ja"] = () => SignUpCards.MyProjects(Language.Japanese, []),
        ["broadcast-audience.en"] = () => BroadcastCards.Audience(Language.English, 3, "Reclaimed wood tracking", 812, 3,
            AnnouncementCard.Build(Language.English, Wood(), ViewerState.Nobody)),
        ["broadcast-audience.ja"] = () => BroadcastCards.Audience(Language.Japanese, 3, "廃材トラッキング", 812, 3),
        ["broadcast-report-running.en"] = () => BroadcastCards.Report(Language.English,
            new BroadcastProgress(7, 3, "Reclaimed wood tracking", 815, 402, 398, 4, 8, 3, 47.6, TimeSpan.FromSeconds(8.4), false, false, null)),
        ["broadcast-report-done.ja"] = () => BroadcastCards.Report(Language.Japanese,
            new BroadcastProgress(7, 3, "廃材トラッキング", 815, 800, 0, 4, 8, 3, 12.5, null, true, false, "https://probonobot.example/broadcasts/7/undelivered.csv?expires=1&sig=ab")),
    };

    /// <summary>A realistic project: the Noto reclaimed-wood rescue team's tracking need.</summary>
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
