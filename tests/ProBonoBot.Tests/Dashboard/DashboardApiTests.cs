using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ProBonoBot.Tests.Storage;

namespace ProBonoBot.Tests.Dashboard;

/// <summary>What the dashboard's API reads, on SQLite and PostgreSQL.</summary>
public abstract class DashboardApiTestsBase : IAsyncLifetime
{
    private const string Audience = $"api://bot.example.com/botid-{BotHost.AppId}";
    private BotHost _bot = null!;

    protected abstract Task<string?> DatabaseAsync();

    public async Task InitializeAsync()
    {
        _bot = await BotHost.StartAsync(await DatabaseAsync(), extra: new() { ["Bot:PublicBaseUrl"] = "https://bot.example.com" });
        await DashboardSeed.SeedAsync(_bot.Db);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private async Task<JsonNode> GetAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _bot.Issuer.UserToken(BotHost.TenantId, Audience, Activities.UserAad));
        var response = await _bot.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    [Fact]
    public async Task Board_CountsEveryStage_AndFilters()
    {
        var board = await GetAsync("/dashboard/api/board");

        Assert.Equal(1, (int)board["counts"]!["draft"]!);
        Assert.Equal(1, (int)board["counts"]!["recruiting"]!);
        Assert.Equal(1, (int)board["counts"]!["teamFormed"]!);
        Assert.Equal(1, (int)board["counts"]!["inProgress"]!);
        Assert.Equal(2, (int)board["counts"]!["closed"]!); // completed and cancelled
        Assert.Equal(2, (int)board["needs"]!["submitted"]!);
        Assert.Equal(1, (int)board["briefs"]!["sent"]!);
        var waitingNeed = Assert.Single(board["needs"]!["waiting"]!.AsArray());
        Assert.Equal(DashboardSeed.Hostile, (string?)waitingNeed!["text"]);
        var recruiting = board["columns"]!.AsArray().Single(c => (string?)c!["key"] == "recruiting")!;
        var project = Assert.Single(recruiting["projects"]!.AsArray())!;
        Assert.Equal(DashboardSeed.Hostile, (string?)project["title"]);
        Assert.Equal(3, (int)project["seats"]!);
        Assert.Equal(2, (int)project["confirmed"]!);
        Assert.Equal(1, (int)project["waitlisted"]!);
        Assert.Equal(1, (int)project["offered"]!);

        var filtered = await GetAsync("/dashboard/api/board?q=kodomo");
        Assert.Equal(1, (int)filtered["counts"]!["recruiting"]!);
        Assert.Equal(0, (int)filtered["counts"]!["draft"]!);
        var byStatus = await GetAsync("/dashboard/api/board?status=closed");
        Assert.Equal(2, byStatus["columns"]!.AsArray().Single(c => (string?)c!["key"] == "closed")!["projects"]!.AsArray().Count);
        Assert.Equal(0, (int)byStatus["counts"]!["recruiting"]!);
        var wildcard = await GetAsync("/dashboard/api/board?q=%25");
        Assert.Equal(0, wildcard["counts"]!.AsObject().Sum(c => (int)c.Value!));
    }

    [Fact]
    public async Task Project_RolesSignUpsTeamMilestonesHoursBroadcasts()
    {
        var page = await GetAsync("/dashboard/api/projects/2");

        Assert.Equal(DashboardSeed.Hostile, (string?)page["project"]!["title"]);
        Assert.Equal(2, page["roles"]!.AsArray().Count);
        Assert.Equal(2, (int)page["roles"]![0]!["confirmed"]!);
        var signUps = page["signUps"]!.AsArray();
        Assert.Equal(4, signUps.Count); // the withdrawn one is only counted
        Assert.Equal(1, (int)page["withdrawn"]!);
        Assert.NotNull(signUps.Single(s => (int)s!["status"]! == 2)!["offeredUntil"]);
        Assert.Equal("Kick-off", (string?)Assert.Single(page["milestones"]!.AsArray())!["title"]);
        Assert.Equal(90, (int)Assert.Single(page["hours"]!.AsArray())!["approved"]!);
        var broadcast = Assert.Single(page["broadcasts"]!.AsArray())!;
        Assert.Equal(1, (int)broadcast["delivered"]!);
        Assert.Equal(1, (int)broadcast["blocked"]!);
        Assert.Equal(1, (int)broadcast["failed"]!);

        var other = await GetAsync("/dashboard/api/projects/3");
        Assert.Empty(other["milestones"]!.AsArray());
        Assert.Null(other["hours"]);
    }

    [Fact]
    public async Task Broadcast_TimelineAndWhoWasNotReached()
    {
        var list = await GetAsync("/dashboard/api/broadcasts");
        Assert.Single(list.AsArray());

        var detail = await GetAsync("/dashboard/api/broadcasts/1");
        var last = detail["timeline"]!.AsArray()[^1]!;
        Assert.Equal(1, (int)last["delivered"]!);
        Assert.Equal(1, (int)last["failed"]!);
        Assert.Equal(1, (int)last["blocked"]!);
        var notReached = detail["notReached"]!.AsArray();
        Assert.Equal(2, notReached.Count);
        Assert.Contains(notReached, n => (string?)n!["reason"] == "blocked" && (string?)n["name"] == "Bunta");
        Assert.Contains(notReached, n => (string?)n!["reason"] == "failed");
    }

    [Fact]
    public async Task Drafting_WaitingBriefsFeedbackAndTokens()
    {
        var drafting = await GetAsync("/dashboard/api/drafting");

        Assert.Equal("Brief title", (string?)Assert.Single(drafting["waiting"]!.AsArray())!["title"]);
        Assert.Equal(DashboardSeed.Hostile, (string?)Assert.Single(drafting["feedback"]!.AsArray())!["comment"]);
        Assert.Equal(1, (int)drafting["feedbackCounts"]!["report"]!);
        Assert.Equal(1234, (long)drafting["tokens"]!["today"]!);
        Assert.Equal(500_000, (long)drafting["tokens"]!["budget"]!);
        Assert.Equal(14, drafting["tokens"]!["days"]!.AsArray().Count);
    }

    [Fact]
    public async Task Club_TheClubReportsFiguresPerQuarter()
    {
        var club = await GetAsync("/dashboard/api/club?fy=2026");

        Assert.Equal(2026, (int)club["fiscalYear"]!);
        Assert.Equal(4, club["quarters"]!.AsArray().Count);
        var q3 = club["quarters"]![2]!; // 2026-10-01 to 2026-12-31 holds the seeded 90 approved minutes of 2026-11-27
        Assert.Equal("2026-10-01", (string?)q3["first"]);
        Assert.Equal("2026-12-31", (string?)q3["last"]);
        Assert.Equal(90, (long)q3["figures"]!["approvedMinutes"]!);
        Assert.Equal(1, (int)q3["figures"]!["participants"]!);
        Assert.Equal(0, (long)club["quarters"]![0]!["figures"]!["approvedMinutes"]!);
        Assert.Equal(90, (long)club["year"]!["figures"]!["approvedMinutes"]!);
        Assert.Equal("Asia/Tokyo", (string?)club["timeZone"]);

        // One set of numbers: exactly what the report command's service computes, figure by figure.
        var reports = _bot.Services.GetRequiredService<ProBonoBot.Impact.ReportService>();
        var report = await reports.BuildAsync(2026, CancellationToken.None);
        foreach (var (period, json) in report.Quarters.Prepend(report.Year).Zip(club["quarters"]!.AsArray().Prepend(club["year"])))
        {
            var f = period.Figures;
            var j = json!["figures"]!;
            Assert.Equal(
                [f.Participants, f.ApprovedMinutes, f.Needs, f.Briefs, f.Projects, f.Teams, f.HandsOn, f.Closed, f.Partners, f.NewMembers],
                new[] { "participants", "approvedMinutes", "needs", "briefs", "projects", "teams", "handsOn", "closed", "partners", "newMembers" }
                    .Select(k => (long)j[k]!));
        }

        // Without fy: the current fiscal year, which the selector offers with the four before it.
        var current = await GetAsync("/dashboard/api/club");
        Assert.Equal(reports.CurrentYear, (int)current["fiscalYear"]!);
        Assert.Equal(5, current["years"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("/dashboard/api/club?fy=1999", HttpStatusCode.BadRequest)]
    [InlineData("/dashboard/api/club?fy=abc", HttpStatusCode.BadRequest)]
    public async Task Club_BadYear_400(string path, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _bot.Issuer.UserToken(BotHost.TenantId, Audience, Activities.UserAad));
        Assert.Equal(expected, (await _bot.Client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task UnknownIds_404()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/dashboard/api/projects/999");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _bot.Issuer.UserToken(BotHost.TenantId, Audience, Activities.UserAad));
        Assert.Equal(HttpStatusCode.NotFound, (await _bot.Client.SendAsync(request)).StatusCode);
    }
}

public sealed class DashboardApiTests : DashboardApiTestsBase
{
    protected override Task<string?> DatabaseAsync() => Task.FromResult<string?>(null);
}

[Collection(DatabaseCollection.Name)]
public sealed class PostgresDashboardApiTests(DatabaseFixture databases) : DashboardApiTestsBase
{
    protected override async Task<string?> DatabaseAsync() => await databases.NewPostgresDatabaseAsync();
}
