using System.Text.Json.Nodes;
using ProBonoBot.Cards.Broadcasts;
using ProBonoBot.Cards.Commands;
using ProBonoBot.Cards.Drafting;
using ProBonoBot.Cards.Json;
using ProBonoBot.Cards.Profiles;
using ProBonoBot.Cards.Projects;
using ProBonoBot.Cards.SignUps;
using ProBonoBot.Cards.Welcome;

namespace ProBonoBot.Cards.Tests;

/// <summary>
/// Every card builder with one hostile string in every field a user (or a model) fills in: titles, partners,
/// summaries, places, names, notes, roles, skills, brief fields, manual content, channel and team names.
/// </summary>
public static class HostileCatalog
{
    /// <summary>The manual card's own links (earlier versions) start with this.</summary>
    public const string OwnLinkPrefix = "https://bot.example.com/";

    /// <summary>Cards where the hostile text is not shown as Markdown at all (only in inputs or a drop-down).</summary>
    public static IReadOnlySet<string> NotRendered { get; } = new HashSet<string>(StringComparer.Ordinal) { "manual-choose", "project-form" };

    public static IReadOnlyDictionary<string, JsonObject> Build(string h)
    {
        var project = Project(h);
        var cards = new Dictionary<string, JsonObject>(StringComparer.Ordinal)
        {
            ["welcome"] = WelcomeCard.Build(Language.English, h, inChannel: false),
            ["welcome-channel"] = WelcomeCard.Build(Language.Japanese, h, inChannel: true),
            ["announcement"] = AnnouncementCard.Build(Language.English, project, ViewerState.Nobody, ["29:user-1"]),
            ["announcement-confirmed"] = AnnouncementCard.Build(Language.English, project, new ViewerState(ViewerStanding.Confirmed, h)),
            ["announcement-waitlisted"] = AnnouncementCard.Build(Language.Japanese, project, new ViewerState(ViewerStanding.Waitlisted, h, 2)),
            ["announcement-offered"] = AnnouncementCard.Build(Language.English, project, new ViewerState(ViewerStanding.Offered, h)),
            ["preview"] = AnnouncementCard.Preview(Language.English, project with { Status = ProjectStatus.Draft }, "Draft #3 is saved."),
            ["brief-author"] = BriefCard.Build(Language.English, BriefModel(h, BriefStatus.Draft), BriefViewer.Author),
            ["brief-review"] = BriefCard.Build(Language.Japanese, BriefModel(h, BriefStatus.Sent), BriefViewer.Leader, Markdown.Escape(h) + " sent this brief for review"),
            ["brief-approved"] = BriefCard.Build(Language.English, BriefModel(h, BriefStatus.Approved), BriefViewer.ReadOnly),
            ["confirm-withdraw"] = ConfirmCard.Withdraw(Language.English, 3, h, new JsonObject { ["verb"] = "withdraw" }, universal: true),
            ["confirm-cancel"] = ConfirmCard.CancelProject(Language.Japanese, 3, h, 2, new JsonObject { ["verb"] = "projectSetStatus" }),
            ["confirm-form-team"] = ConfirmCard.FormTeam(Language.English, 3, h, [new EmptySeatModel(h, 0, 2)], new JsonObject { ["verb"] = "projectFormTeam" }),
            ["manual-choose"] = ManualCards.Choose(Language.English, [new ManualProjectChoice(3, h)]),
            ["pick-project"] = CommandCards.Pick(Language.English, "Which project?", "sign up", [new ProjectChoice(3, h)]),
            ["greeting"] = CommandCards.Greeting(Language.English, h),
            ["manual"] = ManualCards.Build(Language.English, new ManualCardModel(5, 3, h, ManualKind.Operational, 2,
                new ManualDocument(h, [new ManualSection(h, h), new ManualSection("Roles", "- **Leader**: " + Markdown.Escape(h) + "\n- [link](https://evil.example/model)")]),
                "Drafted without an AI model.", false, OwnLinkPrefix + "manuals/5.md", [(1, OwnLinkPrefix + "manuals/4.md")])),
            ["feedback-summary"] = FeedbackCards.Summary(Language.English, new FeedbackSummaryModel(30, new FeedbackCounts(1, 1, 1), new FeedbackCounts(0, 0, 0),
                [new FeedbackComment("report", false, 7, "harmful", h, DateTimeOffset.UnixEpoch), new FeedbackComment("dislike", true, 5, null, h, DateTimeOffset.UnixEpoch)])),
            ["project-form"] = ProjectFormCard.Build(Language.English, new ProjectFormValues(3, h, h, h, h, h, h, "5", null, null, "onsite", h, "en")),
            ["publish"] = PublishCard.Build(Language.English, 3, h, [new ChannelChoice("19:general@thread.tacv2", h + " — General")]),
            ["project-list"] = ProjectListCard.Build(Language.English, [project], [project with { Number = 4, Status = ProjectStatus.Draft }]),
            ["applicants"] = ApplicantsCard.Build(Language.English, project,
            [
                new ApplicantModel(h, h, ViewerStanding.Confirmed, 0, 5, h),
                new ApplicantModel(h, h, ViewerStanding.Waitlisted, 1, 3, h),
                new ApplicantModel(h, h, ViewerStanding.Offered, 0, 4, h),
            ]),
            ["applicants-fit"] = ApplicantsCard.Build(Language.English, project, [], [new FitPersonModel(h, h, [h, "skills: " + h], Invited: false)], h),
            ["profile-form"] = ProfileCards.Form(Language.English, new ProfileOptions([new("excel", "Excel")], [new("video", "Video")]),
                new ProfileValues(["excel"], h, ["video"], 8, ["en"], "remote", h), h),
            ["recommendations"] = ProfileCards.Recommendations(Language.English, [new RecommendationModel(project, [h, "matches your skills: " + h])]),
            ["invitation"] = ProfileCards.Invitation(Language.Japanese, project, h, [h]),
            ["ask-role"] = SignUpCards.AskRole(Language.English, project),
            ["confirm"] = SignUpCards.Confirm(Language.English, 3, h, h, 5, h, waitlist: true),
            ["offer"] = SignUpCards.Offer(Language.Japanese, 3, h, h, "2026-11-24 09:00"),
            ["my-projects"] = SignUpCards.MyProjects(Language.English,
            [
                new MyProjectModel(3, h, ProjectStatus.Recruiting, h, ViewerStanding.Waitlisted, 2),
                new MyProjectModel(4, h, ProjectStatus.TeamFormed, h, ViewerStanding.Confirmed, 0),
                new MyProjectModel(5, h, ProjectStatus.Recruiting, h, ViewerStanding.Offered, 0),
            ]),
            ["broadcast-audience"] = BroadcastCards.Audience(Language.English, 3, h, 812, 3, AnnouncementCard.Build(Language.English, project, ViewerState.Nobody)),
            ["broadcast-report"] = BroadcastCards.Report(Language.Japanese,
                new BroadcastProgress(7, 3, h, 815, 800, 0, 4, 8, 3, 12.5, null, true, false, "https://probonobot.example/broadcasts/7/undelivered.csv")),
            ["broadcast-audience-targeted"] = BroadcastCards.Audience(Language.English, 3, h, 5, 0, null,
                new AudienceOptions([("19:t@thread.tacv2", h)], [("g-1", h)], true, [("tracking", "Data")], "UTC"),
                new AudienceChoices("people", false, "teams", ["19:t@thread.tacv2"])),
            ["broadcast-confirm"] = BroadcastCards.Confirm(Language.English, 3, h, 850, new System.Text.Json.Nodes.JsonObject { ["target"] = "all" }),
            ["broadcast-report-outcome"] = BroadcastCards.Report(Language.English,
                new BroadcastProgress(7, 3, h, 815, 800, 0, 4, 8, 3, 12.5, null, true, false, null, new BroadcastOutcome(1, 1, 1, 1, 1, 1))),
            ["broadcast-report-scheduled"] = BroadcastCards.Report(Language.English,
                new BroadcastProgress(7, 3, h, 0, 0, 0, 0, 0, 0, 0, null, true, false, null, ScheduledFor: "Thu 3 Dec, 10:00 (Tokyo time)")),
            ["broadcast-digest"] = BroadcastCards.Digest(UiText.For(Language.English), [(3, h, h)]),
        };
        return cards;
    }

    private static ProjectCardModel Project(string h) => new(
        3, h, h, h, h, h, 5, "2027-01-10", "2027-03-31", WorkMode.Hybrid, h, "ja", ProjectStatus.Recruiting, h,
        [new RoleCardModel(1, h, h, 1, 1, 2), new RoleCardModel(2, h, null, 2, 1, 0)]);

    private static BriefCardModel BriefModel(string h, BriefStatus status) =>
        new(7, 2, status, Brief(h), h, "Drafted with an AI model (gpt-4.1-mini).", false, status == BriefStatus.Approved ? 12 : null);

    /// <summary>A brief whose every text is hostile: the model writes it from user text, so all of it is untrusted.</summary>
    public static ProjectBrief Brief(string h) => new(
        h, "en", new PartnerProfile(h, h, h, h), h, h, h, h, [h, h], [h], [h], [new BriefRole(h, h, 2, 5)], 3,
        h, h, h, h, h, [new BriefPhase(h, h, h)], h, h, h, [h, h], new BriefReadiness(h, h, h), [h], [h], [h]);
}
