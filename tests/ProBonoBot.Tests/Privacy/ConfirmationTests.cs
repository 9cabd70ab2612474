using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ProBonoBot.Testing;

namespace ProBonoBot.Tests.Privacy;

/// <summary>
/// Issue 10 item 13: withdraw, cancelling a project and confirming a team with empty seats ask first (Confirm / Keep);
/// only a genuine, current Confirm acts, once; Keep, tampered, expired and stale confirmations change nothing.
/// </summary>
public sealed class ConfirmationTests : IAsyncLifetime
{
    private const string VolunteerChat = "a:volunteer-1";
    private BotHost _bot = null!;
    private ClubScenario _club = null!;
    private readonly HashSet<RecordedRequest> _seen = [];

    public async Task InitializeAsync()
    {
        _bot = await BotHost.StartAsync();
        _club = new ClubScenario(_bot);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private string Url => _bot.Connector.ServiceUrl;

    private async Task<long> RecruitingProjectWithVolunteerAsync()
    {
        await _club.InstallInTeamAsync();
        var number = await _club.CreateDraftAsync();
        await _club.PublishAsync(number);
        await _club.SignUpAsync(number, 1);
        return number;
    }

    /// <summary>The next request (not seen before) into <paramref name="conversation"/> that matches.</summary>
    private async Task<RecordedRequest> NextAsync(string conversation, Func<RecordedRequest, bool> predicate)
    {
        var found = await _club.WaitAsync(r => r.RawTarget.Contains(Uri.EscapeDataString(conversation), StringComparison.Ordinal) && !_seen.Contains(r) && predicate(r));
        _seen.Add(found);
        return found;
    }

    private static bool Says(RecordedRequest r, string text) => ClubScenario.Says(r, text);

    private Task VolunteerSubmitsAsync(JsonObject data, string aad = ClubScenario.VolunteerAad, string id = ClubScenario.VolunteerId, string conversation = VolunteerChat) =>
        _bot.PostAsync(Activities.Submit(Url, data.DeepClone().AsObject(), conversationId: conversation, fromAad: aad, fromId: id, replyToId: "confirm-card"));

    private async Task<RecordedRequest> AskWithdrawAsync(long number)
    {
        await _bot.PostAsync(Activities.Message(Url, $"withdraw {number}", conversationId: VolunteerChat, fromAad: ClubScenario.VolunteerAad, fromId: ClubScenario.VolunteerId));
        return await NextAsync(VolunteerChat, r => Says(r, "Withdraw from #"));
    }

    private Task<long> LiveSignUpsAsync(long number) => _club.CountAsync($"SELECT COUNT(*) FROM signups WHERE project_number = {number} AND status IN (0, 1, 2)");

    [Fact]
    public async Task Withdraw_Typed_AsksFirstAndNothingChangesUntilConfirmed()
    {
        var number = await RecruitingProjectWithVolunteerAsync();

        var ask = await AskWithdrawAsync(number);

        var card = ClubScenario.CardOf(ask)!;
        Assert.Equal("Yes, withdraw", (string?)card["actions"]![0]!["title"]);
        Assert.Equal("Keep my place", (string?)card["actions"]![1]!["title"]);
        Assert.Equal(1, await LiveSignUpsAsync(number));
    }

    [Fact]
    public async Task Withdraw_Confirm_WithdrawsAndTheQuestionBecomesTheAnswer()
    {
        var number = await RecruitingProjectWithVolunteerAsync();
        var ask = await AskWithdrawAsync(number);

        await VolunteerSubmitsAsync(ClubScenario.FirstActionData(ask));

        var answer = await NextAsync(VolunteerChat, r => r.Method == "PUT");
        Assert.Contains("You've withdrawn", ClubScenario.Readable(answer.Body), StringComparison.Ordinal);
        Assert.Null(ClubScenario.CardOf(answer)!["actions"]);
        Assert.Equal(0, await LiveSignUpsAsync(number));
    }

    [Fact]
    public async Task Withdraw_Keep_NothingChangesAndSaysSo()
    {
        var number = await RecruitingProjectWithVolunteerAsync();
        var ask = await AskWithdrawAsync(number);

        await VolunteerSubmitsAsync(ClubScenario.SecondActionData(ask));

        var answer = await NextAsync(VolunteerChat, r => r.Method == "PUT");
        Assert.Contains("still signed up", ClubScenario.Readable(answer.Body), StringComparison.Ordinal);
        Assert.Equal(1, await LiveSignUpsAsync(number));
    }

    [Fact]
    public async Task Withdraw_ConfirmDoubleClicked_ActsOnceAndBothClicksSayWithdrawn()
    {
        var number = await RecruitingProjectWithVolunteerAsync();
        var ask = await AskWithdrawAsync(number);
        var confirm = ClubScenario.FirstActionData(ask);

        await VolunteerSubmitsAsync(confirm);
        await VolunteerSubmitsAsync(confirm);

        // Both clicks end on the same answer (the second must not say "nothing was changed" over the first), and the
        // withdrawal happened once.
        var puts = await _bot.Connector.WaitForAsync(rs => rs.Count(r => r.Method == "PUT" && Says(r, "You've withdrawn")) >= 2);
        Assert.DoesNotContain(puts, r => r.Method == "PUT" && Says(r, "Nothing was changed"));
        Assert.Equal(1, await _club.CountAsync($"SELECT COUNT(*) FROM leader_events WHERE kind = 'withdrew' AND project_number = {number}"));
    }

    [Fact]
    public async Task Withdraw_StaleConfirmationAfterSigningUpAgain_RefusedAndNewSignUpKept()
    {
        var number = await RecruitingProjectWithVolunteerAsync();
        var first = ClubScenario.FirstActionData(await AskWithdrawAsync(number));
        await VolunteerSubmitsAsync(first);
        await NextAsync(VolunteerChat, r => Says(r, "You've withdrawn"));
        await _club.SignUpAsync(number, 2);

        await VolunteerSubmitsAsync(first);

        var answer = await NextAsync(VolunteerChat, r => r.Method == "PUT");
        Assert.Contains("has changed since you were asked", ClubScenario.Readable(answer.Body), StringComparison.Ordinal);
        Assert.Equal(1, await LiveSignUpsAsync(number));
    }

    [Fact]
    public async Task Withdraw_ConfirmationPressedBySomeoneElse_RefusedAndNothingChanges()
    {
        var number = await RecruitingProjectWithVolunteerAsync();
        await _club.SignUpAsync(number, 2, "aad-volunteer-2", "29:volunteer-2", "Yui Nakamura");
        var confirm = ClubScenario.FirstActionData(await AskWithdrawAsync(number));

        await VolunteerSubmitsAsync(confirm, "aad-volunteer-2", "29:volunteer-2", "a:volunteer-2");

        var answer = await NextAsync("a:volunteer-2", _ => true);
        Assert.Contains("isn't valid", ClubScenario.Readable(answer.Body), StringComparison.Ordinal);
        Assert.Equal(2, await LiveSignUpsAsync(number));
    }

    [Theory]
    [InlineData("project", "2")]
    [InlineData("state", "12345")]
    [InlineData("sig", "00")]
    public async Task Withdraw_TamperedConfirmation_RefusedAndNothingChanges(string field, string value)
    {
        var number = await RecruitingProjectWithVolunteerAsync();
        await _club.CreateDraftAsync("Second project");
        await _bot.PostAsync(Activities.Submit(Url, new JsonObject { ["verb"] = "projectPublish", ["project"] = 2, ["channels"] = "19:team0123@thread.tacv2" }));
        await _club.WaitAsync(r => Says(r, "Published #2"));
        await _club.SignUpAsync(2, 1);
        var confirm = ClubScenario.FirstActionData(await AskWithdrawAsync(number));
        confirm[field] = value;

        await VolunteerSubmitsAsync(confirm);

        var answer = await NextAsync(VolunteerChat, r => r.Method == "PUT");
        Assert.Contains("isn't valid", ClubScenario.Readable(answer.Body), StringComparison.Ordinal);
        Assert.Equal(1, await LiveSignUpsAsync(number));
        Assert.Equal(1, await LiveSignUpsAsync(2));
    }

    [Fact]
    public async Task Withdraw_ExpiredConfirmation_RefusedAndNothingChanges()
    {
        var number = await RecruitingProjectWithVolunteerAsync();
        var confirm = ClubScenario.FirstActionData(await AskWithdrawAsync(number));
        confirm["expires"] = 1000;

        await VolunteerSubmitsAsync(confirm);

        var answer = await NextAsync(VolunteerChat, r => r.Method == "PUT");
        Assert.Contains("expired", ClubScenario.Readable(answer.Body), StringComparison.Ordinal);
        Assert.Equal(1, await LiveSignUpsAsync(number));
    }

    [Fact]
    public async Task Withdraw_OnChannelCard_QuestionAndAnswerReplaceTheCardForThatPerson()
    {
        var number = await RecruitingProjectWithVolunteerAsync();

        var asked = await _bot.PostAsync(Activities.ChannelInvoke(Url, "withdraw", new JsonObject { ["project"] = number }, ClubScenario.VolunteerAad, ClubScenario.VolunteerId, "Kenji"));
        var question = JsonNode.Parse(await asked.Content.ReadAsStringAsync())!["value"]!;
        Assert.Equal("Action.Execute", (string?)question["actions"]![0]!["type"]);
        Assert.Equal(1, await LiveSignUpsAsync(number));

        var confirmed = await _bot.PostAsync(Activities.ChannelInvoke(Url, "withdraw", question["actions"]![0]!["data"]!.DeepClone().AsObject(),
            ClubScenario.VolunteerAad, ClubScenario.VolunteerId, "Kenji"));

        var announcement = JsonNode.Parse(await confirmed.Content.ReadAsStringAsync())!["value"]!;
        Assert.Contains("You've withdrawn", ClubScenario.Readable(announcement.ToJsonString()), StringComparison.Ordinal);
        Assert.Equal("signUp", (string?)announcement["actions"]![0]!["verb"]);
        Assert.Equal(0, await LiveSignUpsAsync(number));
    }

    [Fact]
    public async Task CancelProject_AsksFirst_KeepChangesNothing_ConfirmCancelsAndTellsMembersOnce()
    {
        var number = await RecruitingProjectWithVolunteerAsync();
        var cancel = new JsonObject { ["verb"] = "projectSetStatus", ["project"] = number, ["status"] = "Cancelled" };

        await _bot.PostAsync(Activities.Submit(Url, cancel));
        var ask = await NextAsync("a:personal-1", r => Says(r, $"Cancel #{number}"));
        Assert.Contains("Everyone who signed up (1 person)", ClubScenario.Readable(ask.Body), StringComparison.Ordinal);
        Assert.Equal(1, await _club.CountAsync($"SELECT status FROM projects WHERE number = {number}"));

        await _bot.PostAsync(Activities.Submit(Url, ClubScenario.SecondActionData(ask)));
        Assert.Contains("Nothing was changed", ClubScenario.Readable((await NextAsync("a:personal-1", r => r.Method == "PUT")).Body), StringComparison.Ordinal);
        Assert.Equal(1, await _club.CountAsync($"SELECT status FROM projects WHERE number = {number}"));

        var confirm = ClubScenario.FirstActionData(ask);
        await _bot.PostAsync(Activities.Submit(Url, confirm.DeepClone().AsObject()));
        Assert.Contains($"#{number} is cancelled.", ClubScenario.Readable((await NextAsync("a:personal-1", r => r.Method == "PUT")).Body), StringComparison.Ordinal);
        await _bot.PostAsync(Activities.Submit(Url, confirm.DeepClone().AsObject()));
        Assert.Contains("Nothing was changed", ClubScenario.Readable((await NextAsync("a:personal-1", r => r.Method == "PUT")).Body), StringComparison.Ordinal);

        Assert.Equal(5, await _club.CountAsync($"SELECT status FROM projects WHERE number = {number}"));
        Assert.Equal(1, await _club.CountAsync("SELECT COUNT(*) FROM outbox WHERE activity LIKE '%has been cancelled by the club%'")); // the member, told once
    }

    [Fact]
    public async Task CancelProject_ConfirmationPressedByAnotherLeader_Refused()
    {
        var number = await RecruitingProjectWithVolunteerAsync();
        await _bot.Services.GetRequiredService<ProBonoBot.Projects.LeaderDirectory>().AddAsync("aad-leader-2", "Aiko Mori", Activities.UserAad, default);
        await _bot.PostAsync(Activities.Submit(Url, new JsonObject { ["verb"] = "projectSetStatus", ["project"] = number, ["status"] = "Cancelled" }));
        var ask = await NextAsync("a:personal-1", r => Says(r, $"Cancel #{number}"));

        await _bot.PostAsync(Activities.Submit(Url, ClubScenario.FirstActionData(ask), conversationId: "a:leader-2", fromAad: "aad-leader-2", fromId: "29:leader-2"));

        Assert.Contains("isn't valid", ClubScenario.Readable((await NextAsync("a:leader-2", _ => true)).Body), StringComparison.Ordinal);
        Assert.Equal(1, await _club.CountAsync($"SELECT status FROM projects WHERE number = {number}"));
    }

    [Fact]
    public async Task FormTeam_WithEmptySeats_AsksFirstThenConfirmFormsTheTeam()
    {
        var number = await RecruitingProjectWithVolunteerAsync();

        await _bot.PostAsync(Activities.Submit(Url, new JsonObject { ["verb"] = "projectFormTeam", ["project"] = number }));

        var ask = await NextAsync("a:personal-1", r => Says(r, "Some seats are still empty"));
        Assert.Contains("Web designer (0 of 2 filled)", ClubScenario.Readable(ask.Body), StringComparison.Ordinal);
        Assert.Equal(1, await _club.CountAsync($"SELECT status FROM projects WHERE number = {number}"));

        await _bot.PostAsync(Activities.Submit(Url, ClubScenario.FirstActionData(ask)));

        Assert.Contains($"The team for #{number} is confirmed", ClubScenario.Readable((await NextAsync("a:personal-1", r => r.Method == "PUT")).Body), StringComparison.Ordinal);
        Assert.Equal(2, await _club.CountAsync($"SELECT status FROM projects WHERE number = {number}"));
    }

    [Fact]
    public async Task FormTeam_NoEmptySeats_ProceedsWithoutAsking()
    {
        var number = await RecruitingProjectWithVolunteerAsync();
        await _club.SignUpAsync(number, 2, "aad-volunteer-2", "29:volunteer-2", "Yui");
        await _club.SignUpAsync(number, 2, "aad-volunteer-3", "29:volunteer-3", "Daniel");

        await _bot.PostAsync(Activities.Submit(Url, new JsonObject { ["verb"] = "projectFormTeam", ["project"] = number }));

        await NextAsync("a:personal-1", r => Says(r, $"The team for #{number} is confirmed"));
        Assert.Equal(2, await _club.CountAsync($"SELECT status FROM projects WHERE number = {number}"));
        Assert.DoesNotContain(_bot.Connector.Requests, r => Says(r, "Some seats are still empty"));
    }

    [Fact]
    public async Task Withdraw_InJapanese_AsksInJapanese()
    {
        var number = await RecruitingProjectWithVolunteerAsync();

        await _bot.PostAsync(Activities.Message(Url, $"辞退 {number}", conversationId: VolunteerChat, fromAad: ClubScenario.VolunteerAad, fromId: ClubScenario.VolunteerId));

        var ask = await NextAsync(VolunteerChat, r => ClubScenario.CardOf(r) is not null);
        Assert.Equal("辞退する", (string?)ClubScenario.CardOf(ask)!["actions"]![0]!["title"]);
        Assert.Equal("参加を続ける", (string?)ClubScenario.CardOf(ask)!["actions"]![1]!["title"]);
    }
}
