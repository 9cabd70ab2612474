using System.Text.Json.Nodes;
using ProBonoBot.Hours;
using ProBonoBot.Testing;
using ProBonoBot.Tests.Privacy;

namespace ProBonoBot.Tests.Hours;

/// <summary>Issue 14, the leader's approval: bulk approve, corrections told to the member, stale cards, non-leaders and tampered data.</summary>
public sealed class HoursApprovalTests : IAsyncLifetime
{
    private const string LeaderChat = "a:personal-1";
    private BotHost _bot = null!;
    private HoursScenario _hours = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHost.StartAsync(extra: HoursScenario.Settings);
        _hours = new HoursScenario(_bot);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    /// <summary>Two members logged their hours for a meeting (1.5 h each); returns the project and their entries.</summary>
    private async Task<(long Project, HoursEntry First, HoursEntry Second)> LoggedAsync(string title = "Reclaimed wood tracking app", bool install = true)
    {
        var project = await _hours.ProjectAsync(title: title, install: install, second: true);
        var now = DateTimeOffset.UtcNow;
        await _hours.MilestoneAsync(project, now.AddHours(-3));
        await _hours.PromptsAsync(now);
        await _hours.SubmitAsync(HoursScenario.LogData((await _hours.CardsForAsync(HoursScenario.Volunteer))[^1]));
        await _hours.SubmitAsync(HoursScenario.LogData((await _hours.CardsForAsync(HoursScenario.Second))[^1]), HoursScenario.Second, HoursScenario.SecondChat, "Aiko");
        var entries = await _hours.EntriesAsync(project);
        return (project, entries[0], entries[1]);
    }

    private async Task<JsonObject> ApprovalCardAsync(long? project = null)
    {
        var answer = await _hours.TypeAsync(project is { } n ? $"approve hours {n}" : "approve hours", Activities.UserAad, LeaderChat, "Haruka Sato",
            r => ClubScenario.CardOf(r) is not null);
        return ClubScenario.CardOf(answer)!.AsObject();
    }

    /// <summary>The data of Approve selected (or Reject selected) with the given toggles and hours as the client sends them.</summary>
    private static JsonObject Pressed(JsonObject card, int action, params (long Id, bool On, string? Hours)[] inputs)
    {
        var data = card["actions"]![action]!["data"]!.DeepClone().AsObject();
        foreach (var (id, on, hours) in inputs)
        {
            data[$"a{id}"] = on ? "true" : "false";
            if (hours is not null)
            {
                data[$"h{id}"] = hours;
            }
        }

        return data;
    }

    private Task<RecordedRequest> LeaderPressesAsync(JsonObject data, string aad = Activities.UserAad, string chat = LeaderChat) =>
        _hours.SubmitAsync(data, aad, chat, "Haruka Sato");

    [Fact]
    public async Task ApproveHours_Card_ListsWaitingEntriesEscapedWithToggles()
    {
        var (_, first, second) = await LoggedAsync();

        var card = await ApprovalCardAsync();

        var text = card.ToJsonString();
        Assert.Contains("Aiko", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Aiko <b>Mori</b>", ClubScenario.Readable(text), StringComparison.Ordinal);
        Assert.Contains($"\"a{first.Id}\"", text, StringComparison.Ordinal);
        Assert.Contains($"\"h{second.Id}\"", text, StringComparison.Ordinal);
        Assert.Equal(["Approve selected", "Reject selected"], card["actions"]!.AsArray().Select(a => (string?)a!["title"]));
    }

    [Fact]
    public async Task Approve_BulkWithCorrection_OneTransactionLoggedKeptMemberTold()
    {
        var (project, first, second) = await LoggedAsync();
        var card = await ApprovalCardAsync();

        var answer = await LeaderPressesAsync(Pressed(card, 0, (first.Id, true, "1"), (second.Id, true, "1.5")));

        Assert.Contains($"Approved 2 entries of #{project} (2.5 h).", HoursScenario.Text(answer), StringComparison.Ordinal);
        var entries = await _hours.EntriesAsync(project);
        Assert.Equal((HoursStatus.Approved, 60L, (long?)90L, Activities.UserAad), (entries[0].Status, entries[0].Minutes, entries[0].LoggedMinutes, entries[0].ReviewedBy));
        Assert.Equal((HoursStatus.Approved, 90L, (long?)null), (entries[1].Status, entries[1].Minutes, entries[1].LoggedMinutes));
        var notice = Assert.Single(await _hours.NoticesForAsync(HoursScenario.Volunteer));
        Assert.Contains("Your leader corrected your hours for", notice, StringComparison.Ordinal);
        Assert.Contains("1.5 h → 1 h", notice, StringComparison.Ordinal);
        Assert.Empty(await _hours.NoticesForAsync(HoursScenario.Second));
    }

    [Fact]
    public async Task Approve_UntickedEntry_StaysWaiting()
    {
        var (project, first, second) = await LoggedAsync();
        var card = await ApprovalCardAsync();

        var answer = await LeaderPressesAsync(Pressed(card, 0, (first.Id, true, null), (second.Id, false, null)));

        Assert.Contains("Approved 1 entry", HoursScenario.Text(answer), StringComparison.Ordinal);
        var entries = await _hours.EntriesAsync(project);
        Assert.Equal([HoursStatus.Approved, HoursStatus.Waiting], entries.Select(e => e.Status));
    }

    [Fact]
    public async Task Approve_DoubleClick_SecondChangesNothing()
    {
        var (project, first, second) = await LoggedAsync();
        var card = await ApprovalCardAsync();
        await LeaderPressesAsync(Pressed(card, 0, (first.Id, true, "1"), (second.Id, true, null)));

        var again = await LeaderPressesAsync(Pressed(card, 0, (first.Id, true, "0.5"), (second.Id, true, null)));

        Assert.Contains("Approved 0 entries", HoursScenario.Text(again), StringComparison.Ordinal);
        Assert.Contains("Already reviewed", HoursScenario.Text(again), StringComparison.Ordinal);
        Assert.Equal(60, (await _hours.EntriesAsync(project))[0].Minutes);
        Assert.Single(await _hours.NoticesForAsync(HoursScenario.Volunteer));
    }

    [Fact]
    public async Task Approve_StaleCard_ChangedEntrySkippedAndLeaderTold()
    {
        var (project, first, second) = await LoggedAsync();
        var card = await ApprovalCardAsync();
        var memberCard = (await _hours.CardsForAsync(HoursScenario.Volunteer))[^1];
        await _hours.SubmitAsync(HoursScenario.SaveData(memberCard, "3"));

        var answer = await LeaderPressesAsync(Pressed(card, 0, (first.Id, true, null), (second.Id, true, null)));

        Assert.Contains("Approved 1 entry", HoursScenario.Text(answer), StringComparison.Ordinal);
        Assert.Contains("changed after this card was shown: Kenji Tanaka", HoursScenario.Text(answer), StringComparison.Ordinal);
        var entries = await _hours.EntriesAsync(project);
        Assert.Equal((HoursStatus.Waiting, 180L), (entries[0].Status, entries[0].Minutes));
        Assert.Equal(HoursStatus.Approved, entries[1].Status);
    }

    [Fact]
    public async Task Approve_NotLeader_RefusedNothingChanged()
    {
        var (project, first, second) = await LoggedAsync();
        var card = await ApprovalCardAsync();

        var answer = await LeaderPressesAsync(Pressed(card, 0, (first.Id, true, null), (second.Id, true, null)), HoursScenario.Volunteer, HoursScenario.VolunteerChat);

        Assert.Contains($"Only the leader of project #{project} or a club leader can approve its hours", HoursScenario.Text(answer), StringComparison.Ordinal);
        Assert.All(await _hours.EntriesAsync(project), e => Assert.Equal(HoursStatus.Waiting, e.Status));
    }

    [Fact]
    public async Task ApproveHoursN_NotLeader_Refused()
    {
        var (project, _, _) = await LoggedAsync();

        var answer = await _hours.TypeAsync($"approve hours {project}", HoursScenario.Volunteer, HoursScenario.VolunteerChat);

        Assert.Contains("Only the leader of project", HoursScenario.Text(answer), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approve_OtherProjectsEntryInData_RefusedNothingChanged()
    {
        var (project, first, _) = await LoggedAsync();
        var (other, otherFirst, _) = await LoggedAsync("Second project", install: false);
        var card = await ApprovalCardAsync(project);
        var data = Pressed(card, 0, (first.Id, true, null), (otherFirst.Id, true, null));
        data["entries"] = $"{first.Id}:{first.Version},{otherFirst.Id}:{otherFirst.Version}";

        var answer = await LeaderPressesAsync(data);

        Assert.Contains("This approval card's data is not valid, so nothing was changed.", HoursScenario.Text(answer), StringComparison.Ordinal);
        Assert.All(await _hours.EntriesAsync(project), e => Assert.Equal(HoursStatus.Waiting, e.Status));
        Assert.All(await _hours.EntriesAsync(other), e => Assert.Equal(HoursStatus.Waiting, e.Status));
    }

    [Theory]
    [InlineData("entries", "not-a-list")]
    [InlineData("entries", "99999:abc")]
    [InlineData("project", "99999")]
    public async Task Approve_TamperedData_RefusedNothingChanged(string field, string value)
    {
        var (project, first, second) = await LoggedAsync();
        var card = await ApprovalCardAsync();
        var data = Pressed(card, 0, (first.Id, true, null), (second.Id, true, null), (99999, true, null));
        data[field] = value;

        var answer = await LeaderPressesAsync(data);

        Assert.Contains("not valid", HoursScenario.Text(answer), StringComparison.Ordinal);
        Assert.All(await _hours.EntriesAsync(project), e => Assert.Equal(HoursStatus.Waiting, e.Status));
    }

    [Fact]
    public async Task Approve_CorrectionOverLimit_ErrorNothingChanged()
    {
        var (project, first, second) = await LoggedAsync();
        var card = await ApprovalCardAsync();

        var answer = await LeaderPressesAsync(Pressed(card, 0, (first.Id, true, "30"), (second.Id, true, null)));

        Assert.Contains("at most 24 for a meeting or a day", HoursScenario.Text(answer), StringComparison.Ordinal);
        Assert.All(await _hours.EntriesAsync(project), e => Assert.Equal(HoursStatus.Waiting, e.Status));
    }

    [Fact]
    public async Task Reject_Selected_RejectedAndMemberTold()
    {
        var (project, first, second) = await LoggedAsync();
        var card = await ApprovalCardAsync();

        var answer = await LeaderPressesAsync(Pressed(card, 1, (first.Id, true, null), (second.Id, false, null)));

        Assert.Contains($"Rejected 1 entry of #{project}", HoursScenario.Text(answer), StringComparison.Ordinal);
        Assert.Equal([HoursStatus.Rejected, HoursStatus.Waiting], (await _hours.EntriesAsync(project)).Select(e => e.Status));
        Assert.Contains("did not approve your 1.5 h", Assert.Single(await _hours.NoticesForAsync(HoursScenario.Volunteer)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyHours_Leader_SeesEntriesWaitingForApproval()
    {
        await LoggedAsync();

        var answer = await _hours.TypeAsync("my hours", Activities.UserAad, LeaderChat, "Haruka Sato", r => ClubScenario.CardOf(r) is not null);

        Assert.Contains("2 entries wait for your approval.", HoursScenario.Text(answer), StringComparison.Ordinal);
        Assert.Contains("\"hoursReview\"", HoursScenario.Text(answer), StringComparison.Ordinal);
    }
}
