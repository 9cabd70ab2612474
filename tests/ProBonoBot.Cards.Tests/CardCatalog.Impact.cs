using System.Text.Json.Nodes;
using ProBonoBot.Cards.Impact;
using ProBonoBot.Cards.Projects;

namespace ProBonoBot.Cards.Tests;

public static partial class CardCatalog
{
    private static readonly DateOnly FyFirst = new(2025, 4, 1);

    private static Dictionary<string, Func<JsonObject>> Impact() => new()
    {
        ["close-form.en"] = () => CloseCard.Build(Language.English, new CloseFormModel(7, "Reclaimed wood tracking app",
            [new CloseMemberModel("aad-1", "Kenji Tanaka"), new CloseMemberModel("aad-2", "Aiko Suzuki")], [("Excel", "excel"), ("Figma", "figma")])),
        ["close-form.ja"] = () => CloseCard.Build(Language.Japanese, new CloseFormModel(7, "古材トラッキングアプリ",
            [new CloseMemberModel("aad-1", "田中 健二")], [("Excel", "excel"), ("Figma", "figma")])),
        ["close-form-no-members.en"] = () => CloseCard.Build(Language.English, new CloseFormModel(7, "Reclaimed wood tracking app", [], [("Excel", "excel")])),
        ["thanks.en"] = () => ThanksCard.Build(Language.English, new ThanksModel(7, "Reclaimed wood tracking app", 750, 90, ["Excel", "photography"],
            "The team tracks every beam from demolition to reuse.", SkillsAddedToProfile: true)),
        ["thanks.ja"] = () => ThanksCard.Build(Language.Japanese, new ThanksModel(7, "古材トラッキングアプリ", 750, 0, ["Excel", "写真撮影"],
            "解体から再利用まで、すべての梁を追跡できるようになりました。", SkillsAddedToProfile: true)),
        ["thanks-no-skills.en"] = () => ThanksCard.Build(Language.English, new ThanksModel(7, "Reclaimed wood tracking app", 0, 0, [], null, SkillsAddedToProfile: false)),
        ["report.en"] = () => ReportCard.Build(Language.English, Report(), 0, "https://bot.example/reports/2025.png?sig=x", "https://bot.example/reports/2025.csv?sig=x"),
        ["report.ja"] = () => ReportCard.Build(Language.Japanese, Report(), 0, "https://bot.example/reports/2025.png?sig=x", "https://bot.example/reports/2025.csv?sig=x"),
        ["report-quarter.en"] = () => ReportCard.Build(Language.English, Report(), 2, "https://bot.example/reports/2025.png?sig=x", "https://bot.example/reports/2025.csv?sig=x"),
        ["my-impact.en"] = () => MyImpactCard.Build(Language.English, MyImpact()),
        ["my-impact.ja"] = () => MyImpactCard.Build(Language.Japanese, MyImpact()),
        ["my-impact-empty.en"] = () => MyImpactCard.Build(Language.English, new MyImpactModel([], [], [])),
        ["my-impact-empty.ja"] = () => MyImpactCard.Build(Language.Japanese, new MyImpactModel([], [], [])),
    };

    private static ReportModel Report()
    {
        ReportPeriod Quarter(int q, int people, long minutes) => new(q, FyFirst.AddMonths(3 * (q - 1)), FyFirst.AddMonths(3 * q).AddDays(-1),
            new ReportFigures(people, minutes, q, q, 1, 1, 2, q % 2, 2, people / 2));
        return new ReportModel(2025, new ReportPeriod(0, FyFirst, FyFirst.AddYears(1).AddDays(-1), new ReportFigures(9, 7530, 10, 10, 4, 4, 3, 2, 3, 6)),
            [Quarter(1, 4, 1200), Quarter(2, 6, 2430), Quarter(3, 5, 1800), Quarter(4, 3, 2100)], "Asia/Tokyo");
    }

    private static MyImpactModel MyImpact() => new(
        [new ImpactProjectModel(7, "Reclaimed wood tracking app", ProjectStatus.Completed, 750, 0), new ImpactProjectModel(9, "Shelter map", ProjectStatus.InProgress, 120, 60)],
        ["Excel", "photography"], ["Excel", "Figma"]);
}
