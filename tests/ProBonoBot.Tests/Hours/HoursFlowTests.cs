using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ProBonoBot.Hours;
using ProBonoBot.SignUps;
using ProBonoBot.Tests.Privacy;

namespace ProBonoBot.Tests.Hours;

/// <summary>Issue 14, volunteer hours from the member's side: one tap, edit, double click, a withdrawn member, bad data, my hours.</summary>
public sealed class HoursFlowTests : IAsyncLifetime
{
    private BotHost _bot = null!;
    private HoursScenario _hours = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHost.StartAsync(extra: HoursScenario.Settings);
        _hours = new HoursScenario(_bot);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    /// <summary>A project in progress with a meeting that ended 30 minutes ago, and the volunteer's hours card for it.</summary>
    private async Task<(long Project, JsonObject Card)> MeetingCardAsync()
    {
        var project = await _hours.ProjectAsync();
        var now = DateTimeOffset.UtcNow;
        await _hours.MilestoneAsync(project, now.AddHours(-3), duration: 90);
        Assert.Equal(1, await _hours.PromptsAsync(now));
        return (project, Assert.Single(await _hours.CardsForAsync(HoursScenario.Volunteer)));
    }

    [Fact]
    public async Task Log_OneTap_LoggedAndWaitingForApproval()
    {
        var (project, card) = await MeetingCardAsync();
        Assert.Equal("Log 1.5 h", (string?)card["actions"]![0]!["title"]);

        var answer = await _hours.SubmitAsync(HoursScenario.LogData(card));

        Assert.Contains($"Logged 1.5 h for #{project} Reclaimed wood tracking app (Meeting: Kick-off on ", HoursScenario.Text(answer), StringComparison.Ordinal);
        Assert.Contains("waiting for the leader's approval", HoursScenario.Text(answer), StringComparison.Ordinal);
        var entry = Assert.Single(await _hours.EntriesAsync(project));
        Assert.Equal(90, entry.Minutes);
        Assert.Equal(HoursStatus.Waiting, entry.Status);
        Assert.StartsWith("m:", entry.Period, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Log_DoubleClick_LoggedOnceSecondShowsValue()
    {
        var (project, card) = await MeetingCardAsync();
        await _hours.SubmitAsync(HoursScenario.LogData(card));

        var second = await _hours.SubmitAsync(HoursScenario.LogData(card));

        Assert.Contains("You already logged 1.5 h for", HoursScenario.Text(second), StringComparison.Ordinal);
        Assert.Single(await _hours.EntriesAsync(project));
    }

    [Fact]
    public async Task Save_EditedApprovedEntry_NewValuesBackToWaiting()
    {
        var (project, card) = await MeetingCardAsync();
        await _hours.SubmitAsync(HoursScenario.LogData(card));
        var id = (await _hours.EntriesAsync(project))[0].Id;
        await _bot.Db.WriteAsync(c => Dapper.SqlMapper.ExecuteAsync(c, "UPDATE hours SET status = 1, reviewed_by = 'leader' WHERE id = @id", new { id }), default);

        var answer = await _hours.SubmitAsync(HoursScenario.SaveData(card, "2.5", note: "Prepared the <agenda>"));

        Assert.Contains("Saved 2.5 h for", HoursScenario.Text(answer), StringComparison.Ordinal);
        Assert.Contains("It had been approved, so it waits for the leader's approval again.", HoursScenario.Text(answer), StringComparison.Ordinal);
        var entry = Assert.Single(await _hours.EntriesAsync(project));
        Assert.Equal((150L, HoursStatus.Waiting, "Prepared the <agenda>", (string?)null), (entry.Minutes, entry.Status, entry.Note, entry.ReviewedBy));
    }

    [Fact]
    public async Task Log_WithdrawnMember_NoLongerOnProjectNothingLogged()
    {
        var (project, card) = await MeetingCardAsync();
        await _bot.Services.GetRequiredService<SignUpStore>().WithdrawAsync(project, HoursScenario.Volunteer, default);

        var answer = await _hours.SubmitAsync(HoursScenario.LogData(card));

        Assert.Contains($"You're no longer on this project (#{project}), so nothing was logged.", HoursScenario.Text(answer), StringComparison.Ordinal);
        Assert.Empty(await _hours.EntriesAsync(project));
    }

    [Fact]
    public async Task Log_NeverConfirmed_NoLongerOnProjectNothingLogged()
    {
        var (project, card) = await MeetingCardAsync();

        var answer = await _hours.SubmitAsync(HoursScenario.LogData(card), aad: "aad-stranger", chat: "a:stranger");

        Assert.Contains("You're no longer on this project", HoursScenario.Text(answer), StringComparison.Ordinal);
        Assert.Empty(await _hours.EntriesAsync(project));
    }

    [Theory]
    [InlineData("25", "at most 24 for a meeting or a day")]
    [InlineData("0", "more than 0")]
    [InlineData("-2", "more than 0")]
    [InlineData("1.1", "quarter hours")]
    [InlineData("lots", "more than 0")]
    [InlineData("1e30", "more than 0")]
    public async Task Save_BadHours_ClearErrorNothingLogged(string hours, string error)
    {
        var (project, card) = await MeetingCardAsync();

        var answer = await _hours.SubmitAsync(HoursScenario.SaveData(card, hours));

        Assert.Contains("Nothing was saved", HoursScenario.Text(answer), StringComparison.Ordinal);
        Assert.Contains(error, HoursScenario.Text(answer), StringComparison.Ordinal);
        Assert.Empty(await _hours.EntriesAsync(project));
    }

    [Theory]
    [InlineData("2999-01-01")]
    [InlineData("2026-02-30")]
    [InlineData("yesterday")]
    public async Task Save_BadDate_ClearErrorNothingLogged(string date)
    {
        var (project, card) = await MeetingCardAsync();

        var answer = await _hours.SubmitAsync(HoursScenario.SaveData(card, "2", date));

        Assert.Contains("not in the future and within the last year", HoursScenario.Text(answer), StringComparison.Ordinal);
        Assert.Empty(await _hours.EntriesAsync(project));
    }

    [Fact]
    public async Task Save_WeekOver80_WeekLimitSaid()
    {
        var project = await _hours.ProjectAsync();
        var answer = await _hours.SubmitAsync(new JsonObject { ["verb"] = "hoursSave", ["project"] = project, ["period"] = "w:2026-W49", ["hours"] = "81", ["date"] = "2026-12-01" });

        Assert.Contains("at most 80 for a week", HoursScenario.Text(answer), StringComparison.Ordinal);
        Assert.Empty(await _hours.EntriesAsync(project));
    }

    [Theory]
    [InlineData("period", "m:999999")]
    [InlineData("period", "w:2026-W60")]
    [InlineData("period", "x:1")]
    [InlineData("project", "999")]
    [InlineData("project", "abc")]
    [InlineData("minutes", "-60")]
    public async Task Log_TamperedData_ClearErrorNothingLogged(string field, string value)
    {
        var (project, card) = await MeetingCardAsync();
        var data = HoursScenario.LogData(card);
        data[field] = value;

        var answer = await _hours.SubmitAsync(data);

        Assert.Matches("doesn't match a project you're on|Nothing was saved", HoursScenario.Text(answer));
        Assert.Empty(await _hours.EntriesAsync(project));
    }

    [Fact]
    public async Task Log_OtherProjectsMilestone_Refused()
    {
        var (project, card) = await MeetingCardAsync();
        var other = await _hours.ProjectAsync(title: "Second project", install: false);
        var data = HoursScenario.LogData(card);
        data["project"] = other;
        await _bot.Services.GetRequiredService<SignUpStore>().ConfirmAsync(other, 1, new Person(HoursScenario.Volunteer, "Kenji", null, null, null, null), 5, null, default);

        var answer = await _hours.SubmitAsync(data);

        Assert.Contains("doesn't match a project you're on", HoursScenario.Text(answer), StringComparison.Ordinal);
        Assert.Empty(await _hours.EntriesAsync(other));
        Assert.Empty(await _hours.EntriesAsync(project));
    }

    [Fact]
    public async Task MyHours_Entries_TotalsStatusesEditAndLogThisWeek()
    {
        var (project, card) = await MeetingCardAsync();
        await _hours.SubmitAsync(HoursScenario.LogData(card));
        await _hours.SubmitAsync(new JsonObject { ["verb"] = "hoursLogWeek", ["project"] = project }, until: r => ClubScenario.CardOf(r) is not null);
        var week = HoursPeriod.WeekOf(DateOnly.FromDateTime(DateTime.UtcNow));
        await _hours.SubmitAsync(new JsonObject { ["verb"] = "hoursSave", ["project"] = project, ["period"] = week.ToString(), ["hours"] = "4", ["date"] = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        var meeting = (await _hours.EntriesAsync(project)).Single(e => e.Period.StartsWith("m:", StringComparison.Ordinal));
        await _bot.Db.WriteAsync(c => Dapper.SqlMapper.ExecuteAsync(c, "UPDATE hours SET status = 1, minutes = 60, logged_minutes = 90 WHERE id = @id", new { id = meeting.Id }), default);

        var answer = await _hours.TypeAsync("my hours", HoursScenario.Volunteer, HoursScenario.VolunteerChat, until: r => ClubScenario.CardOf(r) is not null);

        var text = HoursScenario.Text(answer);
        Assert.Contains("In total: 1 h approved, 4 h waiting for approval.", text, StringComparison.Ordinal);
        Assert.Contains("approved, corrected from 1.5 h", text, StringComparison.Ordinal);
        Assert.Contains("waiting for approval", text, StringComparison.Ordinal);
        Assert.Contains("\"hoursEdit\"", text, StringComparison.Ordinal);
        Assert.Contains("Log hours for this week", text, StringComparison.Ordinal);
        Assert.DoesNotContain("wait for your approval", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyHours_Japanese_TypedInJapanese()
    {
        await _hours.ProjectAsync();

        var answer = await _hours.TypeAsync("活動時間", HoursScenario.Volunteer, HoursScenario.VolunteerChat, until: r => ClubScenario.CardOf(r) is not null);

        Assert.Contains("\"hoursLogWeek\"", HoursScenario.Text(answer), StringComparison.Ordinal);
        Assert.Contains("今週の活動時間を記録", HoursScenario.Text(answer), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_OwnEntry_EditCardOthersRefused()
    {
        var (project, card) = await MeetingCardAsync();
        await _hours.SubmitAsync(HoursScenario.LogData(card));
        var id = (await _hours.EntriesAsync(project))[0].Id;

        var edit = await _hours.SubmitAsync(new JsonObject { ["verb"] = "hoursEdit", ["entry"] = id }, until: r => ClubScenario.CardOf(r) is not null);
        var refused = await _hours.SubmitAsync(new JsonObject { ["verb"] = "hoursEdit", ["entry"] = id }, aad: HoursScenario.Second, chat: HoursScenario.SecondChat);

        Assert.Equal("1.5", (string?)ClubScenario.CardOf(edit)!["body"]!.AsArray().First(n => (string?)n!["id"] == "hours")!["value"]);
        Assert.Contains("doesn't match a project you're on", HoursScenario.Text(refused), StringComparison.Ordinal);
    }
}
