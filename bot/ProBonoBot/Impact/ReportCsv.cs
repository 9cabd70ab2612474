using System.Text;
using ProBonoBot.Broadcasts;
using ProBonoBot.Cards;
using ProBonoBot.Cards.Impact;

namespace ProBonoBot.Impact;

/// <summary>
/// The report as CSV: one row per quarter and one for the year, headers in the reader's language. UTF-8 with a byte-order mark,
/// so Excel (Japanese Windows included) opens it as UTF-8; every field is quoted and formula characters are neutralised.
/// </summary>
public static class ReportCsv
{
    public static string Build(ReportModel model, Language language)
    {
        ArgumentNullException.ThrowIfNull(model);
        var t = UiText.For(language).Impact;
        var csv = new StringBuilder("\uFEFF");
        Row(csv, [t.CsvPeriod, t.CsvFrom, t.CsvTo, .. t.Metrics]);
        foreach (var p in model.Quarters.Append(model.Year))
        {
            var name = p.Quarter == 0 ? ReportLabels.FiscalYear(language, model.FiscalYear) : ReportLabels.Period(language, p.Quarter);
            Row(csv, [name, Iso(p.First), Iso(p.Last), .. p.Figures.Values()]);
        }

        return csv.ToString();
    }

    private static void Row(StringBuilder csv, IEnumerable<string> fields) =>
        csv.AppendJoin(',', fields.Select(UndeliveredCsv.Field)).Append("\r\n");

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
