using System.Globalization;
using System.Text.RegularExpressions;

namespace ProBonoBot.Cards.Wording;

/// <summary>
/// The one way a time reaches a person: in their own time zone, in the natural format of their language
/// (「12月3日(木) 10:02」, "Thu 3 Dec, 10:02 (Tokyo time)"). With no known zone, Japanese readers get
/// Japan time (most of the club) and everyone else UTC, said as such.
/// </summary>
public static partial class Times
{
    /// <summary>Longest zone id accepted from a client (the longest IANA name is about 32 characters).</summary>
    public const int MaxZoneIdLength = 64;

    public const string Tokyo = "Asia/Tokyo";

    private static readonly string[] JapaneseDays = ["日", "月", "火", "水", "木", "金", "土"];

    /// <summary>
    /// The zone id as stored, or null when <paramref name="id"/> is not an IANA name this machine knows
    /// (clients can send anything: an overlong or crafted value is ignored, never stored).
    /// </summary>
    public static string? Normalize(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        id = id.Trim();
        if (id.Length > MaxZoneIdLength || !IanaName().IsMatch(id))
        {
            return null;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out _) ? id : null;
    }

    /// <summary>Date and time, e.g. 「12月3日(木) 10:02」 or "Thu 3 Dec, 10:02 (Tokyo time)"; the year is added when it is not <paramref name="now"/>'s.</summary>
    public static string DateTime(DateTimeOffset at, Language language, string? zoneId, DateTimeOffset? now = null)
    {
        var (local, zone) = ToLocal(at, language, zoneId);
        var withYear = now is { } n && TimeZoneInfo.ConvertTime(n, ZoneInfo(zone)).Year != local.Year;
        var clock = local.ToString("H:mm", CultureInfo.InvariantCulture);
        return language == Language.Japanese
            ? $"{JapaneseDate(local, withYear)} {clock}{JapaneseZone(zone)}"
            : $"{EnglishDate(local, withYear)}, {clock}{EnglishZone(zone)}";
    }

    /// <summary>A time of day only, for a time within the next hours: 「10:02」 or "10:02 (Tokyo time)".</summary>
    public static string Clock(DateTimeOffset at, Language language, string? zoneId)
    {
        var (local, zone) = ToLocal(at, language, zoneId);
        var clock = local.ToString("H:mm", CultureInfo.InvariantCulture);
        return language == Language.Japanese ? clock + JapaneseZone(zone) : clock + EnglishZone(zone);
    }

    /// <summary>A date only, e.g. 「12月3日(木)」 or "Thu 3 Dec", in the reader's zone.</summary>
    public static string Date(DateTimeOffset at, Language language, string? zoneId, DateTimeOffset? now = null)
    {
        var (local, zone) = ToLocal(at, language, zoneId);
        var withYear = now is { } n && TimeZoneInfo.ConvertTime(n, ZoneInfo(zone)).Year != local.Year;
        return language == Language.Japanese ? JapaneseDate(local, withYear) : EnglishDate(local, withYear);
    }

    /// <summary>The zone used for a reader: theirs when known and valid, else Japan time for Japanese, UTC otherwise.</summary>
    public static string ZoneFor(Language language, string? zoneId) =>
        Normalize(zoneId) ?? (language == Language.Japanese ? Tokyo : "UTC");

    private static (DateTimeOffset Local, string Zone) ToLocal(DateTimeOffset at, Language language, string? zoneId)
    {
        var zone = ZoneFor(language, zoneId);
        return (TimeZoneInfo.ConvertTime(at, ZoneInfo(zone)), zone);
    }

    private static TimeZoneInfo ZoneInfo(string zone) =>
        IsUtc(zone) ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(zone);

    private static bool IsUtc(string zone) =>
        zone is "UTC" or "Etc/UTC" or "Etc/UCT" or "UCT" or "Etc/GMT" or "GMT" or "Etc/Universal" or "Universal" or "Etc/Zulu" or "Zulu";

    private static string JapaneseDate(DateTimeOffset local, bool withYear) =>
        (withYear ? local.Year.ToString(CultureInfo.InvariantCulture) + "年" : string.Empty)
        + $"{local.Month}月{local.Day}日({JapaneseDays[(int)local.DayOfWeek]})";

    private static string EnglishDate(DateTimeOffset local, bool withYear) =>
        local.ToString(withYear ? "ddd d MMM yyyy" : "ddd d MMM", CultureInfo.InvariantCulture);

    // Japan time needs no label for a Japanese reader; any other zone is named so nobody misreads the hour.
    private static string JapaneseZone(string zone) =>
        zone == Tokyo ? string.Empty : IsUtc(zone) ? "（UTC）" : $"（{City(zone)}時間）";

    private static string EnglishZone(string zone) =>
        IsUtc(zone) ? " UTC" : $" ({City(zone)} time)";

    /// <summary>"America/Argentina/Buenos_Aires" → "Buenos Aires"; "Etc/GMT+9" stays as written.</summary>
    private static string City(string zone) =>
        zone.StartsWith("Etc/", StringComparison.Ordinal) ? zone[4..] : zone[(zone.LastIndexOf('/') + 1)..].Replace('_', ' ');

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_+\-]{0,30}(/[A-Za-z0-9_+\-]{1,30}){0,2}$", RegexOptions.CultureInvariant, 100)]
    private static partial Regex IanaName();
}
