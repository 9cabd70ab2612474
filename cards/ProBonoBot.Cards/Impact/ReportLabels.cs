using System.Globalization;
using ProBonoBot.Cards.Wording;

namespace ProBonoBot.Cards.Impact;

/// <summary>The names of the report's periods and dates, shared by the card, the chart and the CSV.</summary>
public static class ReportLabels
{
    /// <summary>"FY2025" / "2025年度".</summary>
    public static string FiscalYear(Language language, int year) => Plurals.Format(UiText.For(language).Impact.FiscalYear, year);

    /// <summary>"Q1" / "第1四半期"; quarter 0 is the whole year.</summary>
    public static string Period(Language language, int quarter) =>
        quarter == 0 ? UiText.For(language).Impact.Year : Plurals.Format(UiText.For(language).Impact.Quarter, quarter);

    /// <summary>"2025-04-01" / "2025年4月1日".</summary>
    public static string Date(Language language, DateOnly date) =>
        language == Language.Japanese
            ? date.ToString("yyyy'年'M'月'd'日'", CultureInfo.InvariantCulture)
            : date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Range(Language language, ReportPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return Plurals.Format(UiText.For(language).Impact.ReportRange, Date(language, period.First), Date(language, period.Last));
    }
}
