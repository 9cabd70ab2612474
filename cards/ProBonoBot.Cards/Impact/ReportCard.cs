using System.Text.Json.Nodes;
using ProBonoBot.Cards.Json;
using ProBonoBot.Cards.Wording;

namespace ProBonoBot.Cards.Impact;

/// <summary>The club report for leaders: the figures of the year (or one quarter), a table by quarter, the chart and the CSV link.</summary>
public static class ReportCard
{
    /// <param name="quarter">1–4 to lead with one quarter's figures; 0 for the whole year.</param>
    /// <param name="chartUrl">The signed chart image; <paramref name="csvUrl"/> the signed CSV download.</param>
    public static JsonObject Build(Language language, ReportModel model, int quarter, string chartUrl, string csvUrl)
    {
        ArgumentNullException.ThrowIfNull(model);
        var t = UiText.For(language).Impact;
        var focus = quarter is >= 1 and <= 4 ? model.Quarters[quarter - 1] : model.Year;
        var body = new List<JsonNode>
        {
            Card.Title(Plurals.Format(t.ReportTitle, ReportLabels.FiscalYear(language, model.FiscalYear))),
            Card.Text(ReportLabels.Range(language, model.Year), subtle: true),
        };
        if (focus.Quarter != 0)
        {
            body.Add(Card.Heading(Plurals.Format(t.ReportQuarterFocus, ReportLabels.Period(language, focus.Quarter), ReportLabels.Range(language, focus))));
        }

        body.Add(Card.Facts(t.Metrics.Zip(focus.Figures.Values())));
        body.Add(Table(language, t, [.. model.Quarters, model.Year]));
        body.Add(new JsonObject
        {
            ["type"] = "Image",
            ["url"] = chartUrl,
            ["altText"] = Plurals.Format(t.ChartTitle, ReportLabels.FiscalYear(language, model.FiscalYear)),
            ["size"] = "Stretch",
        });
        body.Add(new JsonObject
        {
            ["type"] = "TextBlock",
            ["text"] = Plurals.Format(t.ReportFootnote, model.TimeZone),
            ["wrap"] = true,
            ["isSubtle"] = true,
            ["size"] = "Small",
        });
        return Card.Create(body, [new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = t.ButtonCsv, ["url"] = csvUrl }]);
    }

    /// <summary>One column of metric names, then one column per period (Q1–Q4 and the year).</summary>
    private static JsonObject Table(Language language, ImpactTexts t, IReadOnlyList<ReportPeriod> periods)
    {
        var columns = new JsonArray { Column([Card.Text(" ", weight: "Bolder"), .. t.Metrics.Select(m => Card.Text(m))], "stretch") };
        foreach (var p in periods)
        {
            columns.Add(Column([Card.Text(ReportLabels.Period(language, p.Quarter), weight: "Bolder"), .. p.Figures.Values().Select(v => Card.Text(v))], "auto"));
        }

        return new JsonObject { ["type"] = "ColumnSet", ["separator"] = true, ["spacing"] = "Medium", ["columns"] = columns };
    }

    private static JsonObject Column(IEnumerable<JsonNode> items, string width) =>
        new() { ["type"] = "Column", ["width"] = width, ["items"] = new JsonArray([.. items]) };
}
