using System.Text.Json.Nodes;
using ProBonoBot.Cards.Hours;

namespace ProBonoBot.Cards.Tests;

public static partial class CardCatalog
{
    private static Dictionary<string, Func<JsonObject>> Hours() => new()
    {
        ["hours-meeting.en"] = () => HoursCards.Prompt(Language.English, new HoursAsk(3, "Reclaimed wood tracking app", "m:12", "Meeting: Kick-off on 12/3", 90, "2026-12-03")),
        ["hours-meeting.ja"] = () => HoursCards.Prompt(Language.Japanese, new HoursAsk(3, "古材トレーサビリティ", "m:12", "会議：キックオフ（12/3）", 90, "2026-12-03")),
        ["hours-week.en"] = () => HoursCards.Prompt(Language.English, new HoursAsk(3, "Reclaimed wood tracking app", "w:2026-W49", "Week of 30 Nov", 300, "2026-12-04")),
        ["hours-week.ja"] = () => HoursCards.Prompt(Language.Japanese, new HoursAsk(3, "古材トレーサビリティ", "w:2026-W49", "11/30の週", 300, "2026-12-04")),
        ["hours-edit.en"] = () => HoursCards.Edit(Language.English, new HoursAsk(3, "Reclaimed wood tracking app", "w:2026-W49", "Week of 30 Nov", 270, "2026-12-02", "Interviews with the *team*")),
        ["hours-edit.ja"] = () => HoursCards.Edit(Language.Japanese, new HoursAsk(3, "古材トレーサビリティ", "w:2026-W49", "11/30の週", 270, "2026-12-02", "ヒアリング")),
        ["my-hours.en"] = () => HoursCards.Mine(Language.English, MyHours("Reclaimed wood tracking app", "Meeting: Kick-off on 12/3", "Week of 30 Nov", 2)),
        ["my-hours.ja"] = () => HoursCards.Mine(Language.Japanese, MyHours("古材トレーサビリティ", "会議：キックオフ（12/3）", "11/30の週", 0)),
        ["my-hours-empty.en"] = () => HoursCards.Mine(Language.English, new MyHoursModel([], 0, 0, 0)),
        ["my-hours-empty.ja"] = () => HoursCards.Mine(Language.Japanese, new MyHoursModel([], 0, 0, 0)),
        ["hours-approval.en"] = () => HoursCards.Approval(Language.English, Approval("Reclaimed wood tracking app", "Meeting: Kick-off on 12/3", "Kenji Tanaka", "Aiko Mori", 3)),
        ["hours-approval.ja"] = () => HoursCards.Approval(Language.Japanese, Approval("古材トレーサビリティ", "会議：キックオフ（12/3）", "田中 健二", "森 愛子", 0)),
    };

    private static MyHoursModel MyHours(string title, string meeting, string week, int waitingForMe) => new(
        [
            new MyHoursProject(3, title,
            [
                new MyHoursLine(21, week, "2026-12-04", 300, HoursState.Waiting, null, "Data cleaning", "w:2026-W49"),
                new MyHoursLine(20, meeting, "2026-12-03", 60, HoursState.Corrected, 90, null, "m:12"),
                new MyHoursLine(19, week, "2026-11-27", 240, HoursState.Rejected, null, null, "w:2026-W48"),
                new MyHoursLine(18, week, "2026-11-20", 120, HoursState.Approved, null, null, "w:2026-W47"),
            ], 180, 300, new HoursAsk(3, title, "w:2026-W49", week, 300, "2026-12-04")),
        ], 180, 300, waitingForMe);

    private static ApprovalModel Approval(string title, string meeting, string first, string second, int more) => new(3, title,
        [
            new ApprovalLine(20, first, meeting, "2026-12-03", 90, "Took the minutes", "a1b2c3d4e5f6", 24 * 60),
            new ApprovalLine(21, second, meeting, "2026-12-03", 120, null, "0f1e2d3c4b5a", 24 * 60),
        ], more);
}
