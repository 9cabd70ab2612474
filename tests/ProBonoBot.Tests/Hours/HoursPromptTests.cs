using Microsoft.Extensions.DependencyInjection;
using ProBonoBot.Hours;

namespace ProBonoBot.Tests.Hours;

/// <summary>Issue 14, when hours cards go out: after a milestone ends, weekly in each member's zone, once across restarts and instances.</summary>
public sealed class HoursPromptTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 1, 0, 0, TimeSpan.Zero);
    private BotHost _bot = null!;
    private HoursScenario _hours = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHost.StartAsync(extra: HoursScenario.Settings);
        _hours = new HoursScenario(_bot);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task AfterMeeting_DueAtEndPlusOneHour_SentOnceWithItsDuration()
    {
        var project = await _hours.ProjectAsync(status: 2);
        await _hours.MilestoneAsync(project, Start, "meeting", "Kick-off", duration: 90);

        Assert.Equal(0, await _hours.PromptsAsync(Start.AddMinutes(90 + 59)));
        Assert.Equal(1, await _hours.PromptsAsync(Start.AddMinutes(90 + 60)));
        Assert.Equal(0, await _hours.PromptsAsync(Start.AddMinutes(90 + 61)));

        var card = Assert.Single(await _hours.CardsForAsync(HoursScenario.Volunteer));
        Assert.Equal("Log 1.5 h", (string?)card["actions"]![0]!["title"]);
        Assert.Contains("Meeting: Kick-off on 12/3", card.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("2026-12-03", (string?)card["actions"]![0]!["data"]!["day"]);
    }

    [Fact]
    public async Task AfterMilestone_PrefilledWithSignUpHoursInMembersLanguage()
    {
        var project = await _hours.ProjectAsync(status: 3);
        await _bot.Services.GetRequiredService<ProBonoBot.People.UserSettingsStore>().SetLanguageAsync(HoursScenario.Volunteer, ProBonoBot.Cards.Language.Japanese, default);
        await _hours.MilestoneAsync(project, Start, "milestone", "中間報告", duration: 0);

        Assert.Equal(1, await _hours.PromptsAsync(Start.AddHours(2)));

        var card = Assert.Single(await _hours.CardsForAsync(HoursScenario.Volunteer));
        Assert.Equal("5時間で記録", (string?)card["actions"]![0]!["title"]);
        Assert.Contains("マイルストーン：中間報告（12/3）", card.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, 1, 0)]
    [InlineData(false, 0, 0)]
    public async Task AfterMilestone_CancelledOrProjectNotWorking_NoCard(bool cancelled, int projectStatus, int expected)
    {
        var project = await _hours.ProjectAsync(status: projectStatus == 1 ? 3 : 4);
        await _hours.MilestoneAsync(project, Start, cancelled: cancelled);

        Assert.Equal(expected, await _hours.PromptsAsync(Start.AddHours(3)));
        Assert.Empty(await _hours.CardsForAsync(HoursScenario.Volunteer));
    }

    [Fact]
    public async Task AfterMilestone_LongAfterDowntime_Skipped()
    {
        var project = await _hours.ProjectAsync(status: 2);
        await _hours.MilestoneAsync(project, Start);

        Assert.Equal(0, await _hours.PromptsAsync(Start.AddDays(9)));
    }

    [Fact]
    public async Task AfterMilestone_WithdrawnMember_NoCard()
    {
        var project = await _hours.ProjectAsync(status: 3, second: true);
        await _bot.Services.GetRequiredService<ProBonoBot.SignUps.SignUpStore>().WithdrawAsync(project, HoursScenario.Volunteer, default);
        await _hours.MilestoneAsync(project, Start);

        Assert.Equal(1, await _hours.PromptsAsync(Start.AddHours(3)));
        Assert.Empty(await _hours.CardsForAsync(HoursScenario.Volunteer));
        Assert.Single(await _hours.CardsForAsync(HoursScenario.Second));
    }

    [Fact]
    public async Task Weekly_TwoTimeZones_EachAtFridayFivePmLocal()
    {
        var project = await _hours.ProjectAsync(status: 3, second: true);
        await _hours.SetZoneAsync(HoursScenario.Volunteer, "Asia/Tokyo");
        await _hours.SetZoneAsync(HoursScenario.Second, "America/New_York");
        var friday = new DateTimeOffset(2026, 12, 4, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal(0, await _hours.PromptsAsync(friday.AddHours(7).AddMinutes(59)));   // 16:59 in Tokyo
        Assert.Equal(1, await _hours.PromptsAsync(friday.AddHours(8)));                   // 17:00 in Tokyo, 03:00 in New York
        Assert.Equal(0, await _hours.PromptsAsync(friday.AddHours(21).AddMinutes(59)));  // 16:59 in New York
        Assert.Equal(1, await _hours.PromptsAsync(friday.AddHours(22)));                  // 17:00 in New York
        Assert.Equal(0, await _hours.PromptsAsync(friday.AddDays(1)));

        var tokyo = Assert.Single(await _hours.CardsForAsync(HoursScenario.Volunteer));
        var newYork = Assert.Single(await _hours.CardsForAsync(HoursScenario.Second));
        Assert.Equal("w:2026-W49", (string?)tokyo["actions"]![0]!["data"]!["period"]);
        Assert.Equal("w:2026-W49", (string?)newYork["actions"]![0]!["data"]!["period"]);
        Assert.Contains("Week of 30 Nov", tokyo.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("Log 5 h", (string?)tokyo["actions"]![0]!["title"]);
    }

    [Fact]
    public async Task Weekly_AfterDowntime_OnlyTheCurrentWeek()
    {
        var project = await _hours.ProjectAsync(status: 3);
        await _hours.SetZoneAsync(HoursScenario.Volunteer, "Asia/Tokyo");

        // Down from before Friday 4 Dec until Tuesday 15 Dec: weeks 49 and 50 are not sent late, week 51 is not due yet.
        Assert.Equal(0, await _hours.PromptsAsync(new DateTimeOffset(2026, 12, 15, 3, 0, 0, TimeSpan.Zero)));
        Assert.Equal(1, await _hours.PromptsAsync(new DateTimeOffset(2026, 12, 18, 9, 0, 0, TimeSpan.Zero)));

        Assert.Equal("w:2026-W51", (string?)Assert.Single(await _hours.CardsForAsync(HoursScenario.Volunteer))["actions"]![0]!["data"]!["period"]);
    }

    [Fact]
    public async Task Weekly_TeamFormedNotInProgress_NoWeeklyCard()
    {
        await _hours.ProjectAsync(status: 2);

        Assert.Equal(0, await _hours.PromptsAsync(new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public async Task Restart_WithDuePrompt_SentOnce()
    {
        var project = await _hours.ProjectAsync(status: 2);
        await _hours.MilestoneAsync(project, Start);
        Assert.Equal(1, await _hours.PromptsAsync(Start.AddHours(3)));

        await _bot.RestartAsync();

        Assert.Equal(0, await _hours.PromptsAsync(Start.AddHours(3).AddMinutes(1)));
        Assert.Single(await _hours.CardsForAsync(HoursScenario.Volunteer));
    }

    [Fact]
    public async Task TwoPassesAtOnce_DuePrompt_QueuedOnce()
    {
        var project = await _hours.ProjectAsync(status: 2);
        await _hours.MilestoneAsync(project, Start);

        var passes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _hours.PromptsAsync(Start.AddHours(3))));

        Assert.Equal(1, passes.Sum());
        Assert.Single(await _hours.CardsForAsync(HoursScenario.Volunteer));
        Assert.Equal(1, await _hours.Club.CountAsync("SELECT COUNT(*) FROM hours_prompts"));
    }

    [Fact]
    public async Task Prompt_AlreadyLoggedFromMyHours_NoCard()
    {
        var project = await _hours.ProjectAsync(status: 3);
        await _hours.SetZoneAsync(HoursScenario.Volunteer, "Asia/Tokyo");
        await _bot.Services.GetRequiredService<HoursStore>().LogAsync(project, new ProBonoBot.SignUps.Person(HoursScenario.Volunteer, "Kenji", null, null, null, null),
            HoursPeriod.Parse("w:2026-W49")!, 120, "2026-12-02", null, overwrite: false, default);

        Assert.Equal(0, await _hours.PromptsAsync(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero)));
        Assert.Equal(1, await _hours.Club.CountAsync("SELECT COUNT(*) FROM hours_prompts"));
    }
}
