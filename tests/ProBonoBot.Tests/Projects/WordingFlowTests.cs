using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using ProBonoBot.SignUps;
using ProBonoBot.Testing;
using ProBonoBot.Tests.Privacy;

namespace ProBonoBot.Tests.Projects;

/// <summary>
/// Issue 12 (wording): stale buttons and repeated clicks are answered in plain words, never with internal state names,
/// and the person's time zone is kept from what Teams reports.
/// </summary>
public sealed class WordingFlowTests : IAsyncLifetime
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

    private async Task<RecordedRequest> NextAsync(string conversation, Func<RecordedRequest, bool> predicate)
    {
        var found = await _club.WaitAsync(r => r.RawTarget.Contains(Uri.EscapeDataString(conversation), StringComparison.Ordinal) && !_seen.Contains(r) && predicate(r));
        _seen.Add(found);
        return found;
    }

    private async Task<long> FullProjectAsync()
    {
        await _club.InstallInTeamAsync();
        var number = await _club.CreateDraftAsync();
        await _club.PublishAsync(number);
        await _club.SignUpAsync(number, 1);
        await _club.SignUpAsync(number, 2, "aad-volunteer-2", "29:volunteer-2", "Yui");
        await _club.SignUpAsync(number, 2, "aad-volunteer-3", "29:volunteer-3", "Daniel");
        return number;
    }

    [Fact]
    public async Task FormTeam_ClickedTwice_SecondSaysAlreadyConfirmedInWords()
    {
        var number = await FullProjectAsync();
        await _bot.PostAsync(Activities.Submit(Url, new JsonObject { ["verb"] = "projectFormTeam", ["project"] = number }));
        await NextAsync("a:personal-1", r => ClubScenario.Says(r, $"The team for #{number} is confirmed"));

        await _bot.PostAsync(Activities.Submit(Url, new JsonObject { ["verb"] = "projectFormTeam", ["project"] = number }));

        var second = await NextAsync("a:personal-1", r => ClubScenario.Says(r, "Nothing was changed"));
        var text = ClubScenario.Readable(second.Body);
        Assert.Contains($"The team for #{number} is already confirmed.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("can't go from", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Team formed", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetStatus_Start_AnswerIsASentence()
    {
        var number = await FullProjectAsync();
        await _bot.PostAsync(Activities.Submit(Url, new JsonObject { ["verb"] = "projectFormTeam", ["project"] = number }));
        await NextAsync("a:personal-1", r => ClubScenario.Says(r, $"The team for #{number} is confirmed"));

        await _bot.PostAsync(Activities.Submit(Url, new JsonObject { ["verb"] = "projectSetStatus", ["project"] = number, ["status"] = "InProgress" }));

        var answer = ClubScenario.Readable((await NextAsync("a:personal-1", r => ClubScenario.Says(r, $"#{number} has started"))).Body);
        Assert.DoesNotContain("is now:", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetStatus_UnknownStatusInCardData_RawValueNotEchoed()
    {
        var number = await FullProjectAsync();

        await _bot.PostAsync(Activities.Submit(Url, new JsonObject { ["verb"] = "projectSetStatus", ["project"] = number, ["status"] = "Bogus" }));

        var answer = ClubScenario.Readable((await NextAsync("a:personal-1", r => ClubScenario.Says(r, "Nothing was changed"))).Body);
        Assert.Contains($"#{number} is still recruiting.", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("Bogus", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AcceptOffer_AlreadyConfirmed_SaysConfirmedForTheRole()
    {
        var number = await FullProjectAsync();

        await _bot.PostAsync(Activities.Submit(Url, new JsonObject { ["verb"] = "offerAccept", ["project"] = number },
            conversationId: VolunteerChat, fromAad: ClubScenario.VolunteerAad, fromId: ClubScenario.VolunteerId));

        var answer = ClubScenario.Readable((await NextAsync(VolunteerChat, r => ClubScenario.Says(r, "already confirmed"))).Body);
        Assert.Contains("Data analyst", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("no open offer", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ManualDraftIt_NoProjectPicked_AsksToPickAProject()
    {
        await _bot.PostAsync(Activities.Submit(Url, new JsonObject { ["verb"] = "manualCreate", ["kind"] = "operational" }));

        var answer = ClubScenario.Readable((await NextAsync("a:personal-1", r => ClubScenario.Says(r, "pick a project"))).Body);
        Assert.DoesNotContain("can't find that project", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Message_LocalTimezone_KeptPerPersonAndHostileValuesIgnored()
    {
        // One reply per "help": waiting for it means the turn, and the time zone it carried, was handled.
        async Task SendAsync(string zone, string id)
        {
            var before = Replies();
            var message = Activities.Message(Url, "help", id: id);
            message["localTimezone"] = zone;
            await _bot.PostAsync(message);
            await _club.WaitAsync(_ => Replies() > before);
        }

        int Replies() => _bot.Connector.Requests.Count(r => r.RawTarget.Contains(Uri.EscapeDataString("a:personal-1"), StringComparison.Ordinal));

        await SendAsync("Asia/Tokyo", "tz-1");
        Assert.Equal("Asia/Tokyo", await ZoneAsync());

        await SendAsync("Mars/Olympus_Mons", "tz-2");
        await SendAsync(new string('x', 5000), "tz-3");
        Assert.Equal("Asia/Tokyo", await ZoneAsync());

        await SendAsync("Europe/London", "tz-4");
        Assert.Equal("Europe/London", await ZoneAsync());
    }

    [Fact]
    public async Task Offer_ToPersonInTokyo_DeadlineInTokyoTime()
    {
        await _club.InstallInTeamAsync();
        var number = await _club.CreateDraftAsync();
        await _club.PublishAsync(number);
        await _club.SignUpAsync(number, 1);
        await _club.SignUpAsync(number, 1, "aad-volunteer-2", "29:volunteer-2", "Yui");
        await _club.SignUpAsync(number, 1, "aad-volunteer-3", "29:volunteer-3", "Daniel");
        await _bot.Db.WriteAsync(c => c.ExecuteAsync(
            "INSERT INTO user_settings (aad_object_id, language, time_zone, updated_at) VALUES ('aad-volunteer-2', 'ja', 'Asia/Tokyo', '2026-01-01T00:00:00Z')"), default);

        await _bot.Services.GetRequiredService<SignUpStore>().WithdrawAsync(number, ClubScenario.VolunteerAad, default);

        var activity = await _bot.Db.ReadAsync(c => c.ExecuteScalarAsync<string>("SELECT activity FROM outbox WHERE user_aad = 'aad-volunteer-2'"), default);
        Assert.NotNull(activity);
        Assert.DoesNotContain("UTC", activity, StringComparison.Ordinal);
        Assert.Matches(@"\d+月\d+日\([日月火水木金土]\) \d+:\d\d", System.Text.RegularExpressions.Regex.Unescape(activity));
    }

    private Task<string?> ZoneAsync() =>
        _bot.Db.ReadAsync(c => c.ExecuteScalarAsync<string?>("SELECT time_zone FROM user_settings WHERE aad_object_id = @aad", new { aad = Activities.UserAad }), default);
}
