using System.Globalization;

namespace ProBonoBot.Cards.Wording;

/// <summary>
/// Formats every user-facing string. A count can choose its word in the string itself —
/// <c>{0:seat|seats}</c> gives "seat" for 1 and "seats" otherwise — so the English and Japanese files
/// stay the only place a wording lives (Japanese simply writes a counter: <c>{0}席</c>).
/// </summary>
public static class Plurals
{
    private static readonly CountFormatter Formatter = new();

    /// <summary><see cref="string.Format(IFormatProvider, string, object[])"/> with invariant numbers and <c>{n:one|other}</c> plurals.</summary>
    public static string Format(string format, params object?[] args) => string.Format(Formatter, format, args);

    /// <summary>"1 seat", "2 seats".</summary>
    public static string Plural(long count, string one, string other) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? one : other);

    /// <summary>Joins a list the way the language does: 「A、B、C」 or "A, B, C".</summary>
    public static string List(Language language, IEnumerable<string> items) =>
        string.Join(language == Language.Japanese ? "、" : ", ", items);

    private sealed class CountFormatter : IFormatProvider, ICustomFormatter
    {
        public object? GetFormat(Type? formatType) =>
            formatType == typeof(ICustomFormatter) ? this : CultureInfo.InvariantCulture.GetFormat(formatType);

        public string Format(string? format, object? arg, IFormatProvider? formatProvider)
        {
            if (format is not null && format.Contains('|', StringComparison.Ordinal) && ToCount(arg) is { } count)
            {
                var split = format.Split('|', 2);
                return count == 1 ? split[0] : split[1];
            }

            return arg switch
            {
                null => string.Empty,
                IFormattable f => f.ToString(format, CultureInfo.InvariantCulture),
                _ => arg.ToString() ?? string.Empty,
            };
        }

        private static long? ToCount(object? arg) => arg switch
        {
            int i => i,
            long l => l,
            short s => s,
            uint u => u,
            _ => null,
        };
    }
}
