using Microsoft.Extensions.DependencyInjection;
using ProBonoBot.Cards.Impact;
using ProBonoBot.Impact;
using ProBonoBot.Tests.Storage;

namespace ProBonoBot.Tests.Impact;

/// <summary>
/// The report's figures against <see cref="ReportSeed"/>, every total worked out by hand from the seed (see its comments):
/// FY2025 = 2025-04-01..2026-03-31 in Asia/Tokyo.
/// </summary>
public sealed class ClubReportTests : IAsyncLifetime
{
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHost.StartAsync();
        await ReportSeed.SeedAsync(_bot.Db);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    // Participants, approved minutes, needs, briefs, projects, teams, hands-on, closed, partners, new members.
    internal static readonly ReportFigures Fy2025Q1 = new(2, 135, 2, 1, 1, 1, 1, 0, 1, 2);  // Alice 90 + Bob 45; needs of 1 Apr (one is 31 Mar 15:30 UTC)
    internal static readonly ReportFigures Fy2025Q2 = new(1, 60, 0, 1, 0, 0, 1, 0, 1, 0);   // Alice 1 Jul; Bob's waiting and rejected hours do not count
    internal static readonly ReportFigures Fy2025Q3 = new(1, 120, 1, 1, 1, 1, 1, 1, 1, 0);  // #2 created 1 Oct in Tokyo; #1 closed; "noto wood " = "Noto Wood"
    internal static readonly ReportFigures Fy2025Q4 = new(1, 30, 0, 0, 1, 1, 1, 0, 1, 1);   // Carol on 31 Mar, #3 at 23:00 in Tokyo
    internal static readonly ReportFigures Fy2025 = new(3, 345, 3, 3, 3, 3, 3, 1, 2, 3);    // Alice (two projects) counted once

    [Fact]
    public async Task Build_SeededFy2025_QuartersMatchHandCount()
    {
        var report = await _bot.Services.GetRequiredService<ReportService>().BuildAsync(2025, default);

        Assert.Equal([Fy2025Q1, Fy2025Q2, Fy2025Q3, Fy2025Q4], report.Quarters.Select(q => q.Figures));
        Assert.Equal(new DateOnly(2025, 4, 1), report.Quarters[0].First);
        Assert.Equal(new DateOnly(2026, 3, 31), report.Quarters[3].Last);
    }

    [Fact]
    public async Task Build_SeededFy2025_YearCountsPeopleAndPartnersOnce()
    {
        var report = await _bot.Services.GetRequiredService<ReportService>().BuildAsync(2025, default);

        Assert.Equal(Fy2025, report.Year.Figures);
        Assert.Equal("5.75", ImpactTexts.HoursText(report.Year.Figures.ApprovedMinutes));
    }

    [Fact]
    public async Task Build_SeededFy2026_FirstOfAprilEdgesBelongToTheNewYear()
    {
        var report = await _bot.Services.GetRequiredService<ReportService>().BuildAsync(2026, default);

        // Carol's 1 April hours, the need of 1 Apr 00:30 in Tokyo, #4 created at midnight, #5 closed 1 April; partners Kaga + Wajima.
        Assert.Equal(new ReportFigures(1, 200, 1, 0, 1, 0, 1, 1, 2, 0), report.Year.Figures);
        Assert.Equal(report.Year.Figures, report.Quarters[0].Figures);
    }

    [Fact]
    public async Task Build_FiscalYearFromJanuary_CalendarYearFigures()
    {
        await using var bot = await BotHost.StartAsync(extra: new() { ["Impact:FiscalYearStartMonth"] = "1" });
        await ReportSeed.SeedAsync(bot.Db);

        var report = await bot.Services.GetRequiredService<ReportService>().BuildAsync(2025, default);

        Assert.Equal(new DateOnly(2025, 1, 1), report.Year.First);
        Assert.Equal(new DateOnly(2025, 12, 31), report.Year.Last);
        Assert.Equal(new ReportFigures(1, 50, 1, 0, 0, 1, 1, 0, 1, 0), report.Quarters[0].Figures);  // Dave's 31 March, #5's team in January
        Assert.Equal(new ReportFigures(3, 365, 4, 3, 2, 3, 3, 1, 2, 2), report.Year.Figures);
    }

    [Theory]
    [InlineData("", null, 0)]
    [InlineData("2025", 2025, 0)]
    [InlineData("FY2025", 2025, 0)]
    [InlineData("2025年度", 2025, 0)]
    [InlineData("2025 Q3", 2025, 3)]
    [InlineData("2025年度 第2四半期", 2025, 2)]
    [InlineData("q4", null, 4)]
    public void TryParseReport_KnownForms_YearAndQuarter(string argument, int? year, int quarter)
    {
        Assert.True(ImpactRoutes.TryParseReport(argument, out var y, out var q));
        Assert.Equal(year, y);
        Assert.Equal(quarter, q);
    }

    [Theory]
    [InlineData("Q5")]
    [InlineData("1999")]
    [InlineData("everything")]
    public void TryParseReport_Unknown_False(string argument) => Assert.False(ImpactRoutes.TryParseReport(argument, out _, out _));
}

/// <summary>The same seeded figures on PostgreSQL (timestamps as TIMESTAMPTZ, sums of BIGINT).</summary>
[Collection(DatabaseCollection.Name)]
public sealed class PostgresClubReportTests(DatabaseFixture databases) : IAsyncLifetime
{
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHost.StartAsync(await databases.NewPostgresDatabaseAsync());
        await ReportSeed.SeedAsync(_bot.Db);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Build_SeededFy2025OnPostgres_SameAsHandCount()
    {
        var report = await _bot.Services.GetRequiredService<ReportService>().BuildAsync(2025, default);

        Assert.Equal([ClubReportTests.Fy2025Q1, ClubReportTests.Fy2025Q2, ClubReportTests.Fy2025Q3, ClubReportTests.Fy2025Q4], report.Quarters.Select(q => q.Figures));
        Assert.Equal(ClubReportTests.Fy2025, report.Year.Figures);
    }
}
