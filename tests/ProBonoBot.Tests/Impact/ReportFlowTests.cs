using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ProBonoBot.Broadcasts;
using ProBonoBot.Cards;
using ProBonoBot.Impact;
using ProBonoBot.Testing;
using ProBonoBot.Tests.Privacy;
using SkiaSharp;

namespace ProBonoBot.Tests.Impact;

/// <summary><c>report</c> through the host: the card, the signed chart (PNG) and CSV downloads, and who may see them.</summary>
public sealed class ReportFlowTests : IAsyncLifetime
{
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHost.StartAsync();
        await ReportSeed.SeedAsync(_bot.Db);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private string Url => _bot.Connector.ServiceUrl;

    private async Task<JsonNode> ReportCardAsync(string text)
    {
        _bot.Connector.Clear();
        await _bot.PostAsync(Activities.Message(Url, text));
        return ClubScenario.CardOf(await new ClubScenario(_bot).WaitAsync(r => ClubScenario.CardOf(r) is { } c && ClubScenario.Readable(c.ToJsonString()).Contains("/reports/", StringComparison.Ordinal)))!;
    }

    private static string ImageUrl(JsonNode card) =>
        new Uri((string)card["body"]!.AsArray().First(n => (string?)n!["type"] == "Image")!["url"]!).PathAndQuery;

    private static string CsvUrl(JsonNode card) => new Uri((string)card["actions"]![0]!["url"]!).PathAndQuery;

    [Fact]
    public async Task Report_LeaderWithYearAndQuarter_CardLeadsWithTheQuarterAndLinksChartAndCsv()
    {
        var card = await ReportCardAsync("report 2025 Q3");

        var readable = ClubScenario.Readable(card.ToJsonString());
        Assert.Equal("Club report FY2025", (string?)card["body"]![0]!["text"]);
        Assert.Contains("Figures for Q3 (2025-10-01 to 2025-12-31)", readable, StringComparison.Ordinal);
        var facts = card["body"]!.AsArray().First(n => (string?)n!["type"] == "FactSet")!["facts"]!.AsArray();
        Assert.Equal("1", (string?)facts.First(f => (string?)f!["title"] == "Projects closed")!["value"]);
        Assert.Equal("2.0", (string?)facts.First(f => (string?)f!["title"] == "Approved hours")!["value"]);
        Assert.Contains("participants are the people with approved hours", readable, StringComparison.Ordinal);
        Assert.StartsWith("/reports/2025.png?lang=en&user=", ImageUrl(card), StringComparison.Ordinal);
        Assert.Equal("Download CSV", (string?)card["actions"]![0]!["title"]);
    }

    [Fact]
    public async Task Report_Japanese_CardInJapanese()
    {
        var card = await ReportCardAsync("レポート 2025年度");

        Assert.Equal("活動レポート 2025年度", (string?)card["body"]![0]!["text"]);
        Assert.Contains("lang=ja", ImageUrl(card), StringComparison.Ordinal);
        Assert.Equal("CSVをダウンロード", (string?)card["actions"]![0]!["title"]);
    }

    [Fact]
    public async Task Report_NonLeader_Refused()
    {
        await _bot.PostAsync(Activities.Message(Url, "report", conversationId: "a:volunteer", fromAad: ClubScenario.VolunteerAad, fromId: ClubScenario.VolunteerId));

        await new ClubScenario(_bot).WaitAsync(r => ClubScenario.Says(r, "club leaders"));
        Assert.DoesNotContain(_bot.Connector.Requests, r => r.Body.Contains("/reports/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ja")]
    public async Task Chart_SignedLink_DecodablePngOfTheStatedSize(string lang)
    {
        var url = ImageUrl(await ReportCardAsync("report 2025")).Replace("lang=en", "lang=" + lang, StringComparison.Ordinal);

        using var response = await _bot.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        using var bitmap = SKBitmap.Decode(await response.Content.ReadAsByteArrayAsync());
        Assert.NotNull(bitmap);
        Assert.Equal((ReportChart.Width, ReportChart.Height), (bitmap.Width, bitmap.Height));
    }

    [Fact]
    public async Task Chart_TamperedSignatureOrYear_401()
    {
        var url = ImageUrl(await ReportCardAsync("report 2025"));

        var badSig = System.Text.RegularExpressions.Regex.Replace(url, "sig=[0-9a-f]{4}", "sig=0000");
        Assert.Equal(HttpStatusCode.Unauthorized, (await _bot.Client.GetAsync(badSig)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _bot.Client.GetAsync(url.Replace("/2025.png", "/2024.png", StringComparison.Ordinal))).StatusCode);
        var expired = System.Text.RegularExpressions.Regex.Replace(url, "expires=\\d+", "expires=1000");
        Assert.Equal(HttpStatusCode.Unauthorized, (await _bot.Client.GetAsync(expired)).StatusCode);
    }

    [Fact]
    public async Task Chart_SignedForSomeoneNoLongerALeader_403()
    {
        var (chart, csv) = await _bot.Services.GetRequiredService<ReportLinks>().UrlsAsync(2025, ClubScenario.VolunteerAad, Language.English, default);

        Assert.Equal(HttpStatusCode.Forbidden, (await _bot.Client.GetAsync(new Uri(chart).PathAndQuery)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _bot.Client.GetAsync(new Uri(csv).PathAndQuery)).StatusCode);
    }

    [Fact]
    public async Task Csv_SignedLink_QuartersAndYearWithHeadersInTheLeadersLanguage()
    {
        var url = CsvUrl(await ReportCardAsync("report 2025"));

        using var response = await _bot.Client.GetAsync(url);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var csv = System.Text.Encoding.UTF8.GetString(bytes);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(6, lines.Length);
        Assert.Equal("\"Period\",\"From\",\"To\",\"Participants\",\"Approved hours\",\"Needs identified\",\"Briefs written\",\"Projects formulated\",\"Teams built\",\"Hands-on support\",\"Projects closed\",\"Partners served\",\"New members\"", lines[0]);
        Assert.Equal("\"Q1\",\"2025-04-01\",\"2025-06-30\",\"2\",\"2.25\",\"2\",\"1\",\"1\",\"1\",\"1\",\"0\",\"1\",\"2\"", lines[1]);
        Assert.Equal("\"FY2025\",\"2025-04-01\",\"2026-03-31\",\"3\",\"5.75\",\"3\",\"3\",\"3\",\"3\",\"3\",\"1\",\"2\",\"3\"", lines[5]);
        Assert.DoesNotContain(lines.SelectMany(l => l.Split(',')), cell => cell.Length > 1 && "=+-@".Contains(cell[1], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Csv_JapaneseLeader_JapaneseHeaders()
    {
        await _bot.Services.GetRequiredService<ProBonoBot.People.UserSettingsStore>().SetLanguageAsync(Activities.UserAad, Language.Japanese, default);
        var url = CsvUrl(await ReportCardAsync("レポート 2025"));

        var csv = await _bot.Client.GetStringAsync(url);

        Assert.StartsWith("\"期間\",\"開始日\",\"終了日\",\"参加者数\"", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains("\"2025年度\",\"2025-04-01\",\"2026-03-31\"", csv, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\")", "\"'=HYPERLINK(\"\"http://evil\"\")\"")]
    [InlineData("+1", "\"'+1\"")]
    [InlineData("-1", "\"'-1\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("12.5", "\"12.5\"")]
    public void CsvField_FormulaCharacters_Neutralised(string value, string expected) => Assert.Equal(expected, UndeliveredCsv.Field(value));
}
