using System.Text.Json.Nodes;
using ProBonoBot.Cards.Plans;

namespace ProBonoBot.Cards.Tests;

public static partial class CardCatalog
{
    private static Dictionary<string, Func<JsonObject>> Plans() => new()
    {
        ["plan-leader.en"] = () => PlanCards.Leader(Language.English, LeaderPlan("Thu 3 Dec, 10:00 UTC"), "Plan saved."),
        ["plan-leader.ja"] = () => PlanCards.Leader(Language.Japanese, LeaderPlan("12月3日(木) 10:00"), "計画を保存しました。"),
        ["plan-member.en"] = () => PlanCards.Member(Language.English, MemberPlan("Thu 3 Dec, 2:00 (Berlin time)")),
        ["plan-member.ja"] = () => PlanCards.Member(Language.Japanese, MemberPlan("12月3日(木) 10:00")),
        ["plan-empty.en"] = () => PlanCards.Member(Language.English, new PlanView(4, "Market website", 1, "UTC", [])),
        ["plan-empty.ja"] = () => PlanCards.Member(Language.Japanese, new PlanView(4, "マルシェのウェブサイト", 1, "Asia/Tokyo", [])),
        ["plan-reminder.en"] = () => PlanCards.Reminder(Language.English, new ReminderView(3, "Reclaimed wood tracking", Review("Thu 3 Dec, 2:00 (Berlin time)", null), Late: false)),
        ["plan-reminder.ja"] = () => PlanCards.Reminder(Language.Japanese, new ReminderView(3, "古材トレーサビリティ", Review("12月3日(木) 10:00", true), Late: false)),
        ["plan-reminder-late.en"] = () => PlanCards.Reminder(Language.English, new ReminderView(3, "Reclaimed wood tracking", Review("Thu 3 Dec, 2:00 (Berlin time)", false), Late: true)),
        ["plan-reminder-late.ja"] = () => PlanCards.Reminder(Language.Japanese, new ReminderView(3, "古材トレーサビリティ", Review("12月3日(木) 10:00", null), Late: true)),
    };

    private const string Link = "https://bot.example/plans/milestones/12.ics?user=aad-1&expires=1796000000&sig=abc123";

    private static MilestoneView Review(string when, bool? answer) =>
        new(12, "meeting", "Design review with the *partner*", when, "2026-12-03", "10:00", 90, "Kanazawa office, room 3", false, Link, answer);

    private static PlanView LeaderPlan(string when) => new(3, "Reclaimed wood tracking", 4, "Asia/Tokyo",
    [
        Review(when, null) with
        {
            CalendarUrl = null,
            Answers = new AttendanceView(["Haruka Sato", "佐藤 遥"], ["Kenji <b>Tanaka</b>"], ["Mia"]),
        },
        new(13, "milestone", "Inventory handed over", null, null, null, 60, null, false),
        new(14, "meeting", "Cancelled visit", when, "2026-12-04", "14:00", 60, "Teams", true),
    ]);

    private static PlanView MemberPlan(string when) => new(3, "Reclaimed wood tracking", 4, "Europe/Berlin",
    [
        Review(when, true),
        new(13, "milestone", "Inventory handed over", null, null, null, 60, null, false),
        new(14, "meeting", "Cancelled visit", when, "2026-12-04", "14:00", 60, "Teams", true, Link),
    ]);
}
