using ProBonoBot.Cards.Wording;

namespace ProBonoBot.Cards.Tests.Wording;

/// <summary>Issue 12: times in the reader's own zone, in a natural format per language.</summary>
public class TimesTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.Parse("2026-12-03T01:02:00Z", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void DateTime_JapaneseInTokyo_JapaneseDateWithoutZone()
    {
        Assert.Equal("12月3日(木) 10:02", Times.DateTime(At, Language.Japanese, "Asia/Tokyo"));
    }

    [Fact]
    public void DateTime_EnglishInTokyo_NamesTheCity()
    {
        Assert.Equal("Thu 3 Dec, 10:02 (Tokyo time)", Times.DateTime(At, Language.English, "Asia/Tokyo"));
    }

    [Fact]
    public void DateTime_EnglishInNewYork_LocalTimeAndCity()
    {
        Assert.Equal("Wed 2 Dec, 20:02 (New York time)", Times.DateTime(At, Language.English, "America/New_York"));
    }

    [Fact]
    public void DateTime_NoZoneJapanese_DefaultsToJapanTime()
    {
        Assert.Equal("12月3日(木) 10:02", Times.DateTime(At, Language.Japanese, null));
    }

    [Fact]
    public void DateTime_NoZoneEnglish_UtcSaidAsSuch()
    {
        Assert.Equal("Thu 3 Dec, 1:02 UTC", Times.DateTime(At, Language.English, null));
    }

    [Fact]
    public void DateTime_JapaneseReaderAbroad_ZoneNamed()
    {
        Assert.Equal("12月2日(水) 17:02（Los Angeles時間）", Times.DateTime(At, Language.Japanese, "America/Los_Angeles"));
    }

    [Fact]
    public void DateTime_OtherYearThanNow_YearShown()
    {
        var now = At.AddMonths(-1);
        Assert.Equal("2027年1月3日(日) 10:02", Times.DateTime(At.AddMonths(1), Language.Japanese, "Asia/Tokyo", now));
        Assert.Equal("12月3日(木) 10:02", Times.DateTime(At, Language.Japanese, "Asia/Tokyo", now));
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("../../etc/passwd")]
    [InlineData("Asia/\nTokyo")]
    [InlineData("Asia/Tokyo; DROP TABLE user_settings")]
    [InlineData("")]
    [InlineData(null)]
    public void Normalize_UnknownOrHostile_Null(string? zone)
    {
        Assert.Null(Times.Normalize(zone));
    }

    [Fact]
    public void Normalize_Overlong_Null()
    {
        Assert.Null(Times.Normalize("Asia/" + new string('a', 200)));
    }

    [Theory]
    [InlineData("Asia/Tokyo")]
    [InlineData("America/Argentina/Buenos_Aires")]
    [InlineData("UTC")]
    public void Normalize_RealIanaZone_Kept(string zone)
    {
        Assert.Equal(zone, Times.Normalize(zone));
    }

    [Fact]
    public void Date_English_NoTime()
    {
        Assert.Equal("Thu 3 Dec", Times.Date(At, Language.English, "Asia/Tokyo"));
    }
}
