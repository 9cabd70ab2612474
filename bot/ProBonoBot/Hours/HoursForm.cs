using System.Globalization;
using System.Text;
using ProBonoBot.Cards.Hours;

namespace ProBonoBot.Hours;

/// <summary>
/// Reads hours and dates from card data. Hours are typed in quarter hours (1.5, 2.75: 15-minute steps, so minutes stay
/// exact); more than 0 and at most 24 for a meeting or a day, 80 for a week. A date is yyyy-MM-dd, not after the
/// member's today (a day of slack for a zone the bot had to guess) and within the last year.
/// </summary>
public static class HoursForm
{
    /// <summary>Minutes from typed hours, or the error text.</summary>
    public static (long? Minutes, string? Error) Minutes(string? typed, HoursPeriod period, HoursTexts t)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(t);
        var text = (typed ?? string.Empty).Normalize(NormalizationForm.FormKC).Trim();
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var hours) || hours > 10_000)
        {
            return (null, RangeError(period, t));
        }

        var minutes = hours * 60;
        return minutes % 15 != 0 ? (null, t.ErrorHoursStep) : Check((long)minutes, period, t);
    }

    /// <summary>Minutes as card data carries them (the one-tap button), checked like typed hours.</summary>
    public static (long? Minutes, string? Error) Check(long? minutes, HoursPeriod period, HoursTexts t)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(t);
        if (minutes is not { } m || m <= 0 || m > period.MaxMinutes)
        {
            return (null, RangeError(period, t));
        }

        return m % 15 != 0 ? (null, t.ErrorHoursStep) : (m, null);
    }

    /// <summary>The date as stored (yyyy-MM-dd), or null when it is not a real date in the allowed range.</summary>
    public static string? Date(string? typed, DateOnly today)
    {
        var text = (typed ?? string.Empty).Normalize(NormalizationForm.FormKC).Trim();
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            && day <= today.AddDays(1) && day >= today.AddDays(-366)
            ? HoursLabels.Date(day)
            : null;
    }

    private static string RangeError(HoursPeriod period, HoursTexts t) => period.IsWeek ? t.ErrorHoursWeek : t.ErrorHoursDay;
}
