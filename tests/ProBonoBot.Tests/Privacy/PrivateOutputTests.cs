using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ProBonoBot.Projects;
using ProBonoBot.Testing;

namespace ProBonoBot.Tests.Privacy;

/// <summary>
/// Issue 10 item 4: leader-only output asked for in a channel goes to the leader's 1:1 chat (the stored one, or a new
/// one), with only a pointer in the channel; the broadcast report and its CSV link never appear in the channel.
/// </summary>
public sealed class PrivateOutputTests : IAsyncLifetime
{
    private const string Pointer = "I've sent it to you in our 1:1 chat";
    private BotHost _bot = null!;
    private ClubScenario _club = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHost.StartAsync(extra: new() { ["Broadcasts:ReportInterval"] = "00:00:00.300" });
        _club = new ClubScenario(_bot);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private string Url => _bot.Connector.ServiceUrl;

    [Fact]
    public async Task Applicants_TypedInChannel_CardIn1To1AndOnlyAPointerInTheChannel()
    {
        await _club.InstallInTeamAsync();
        var number = await _club.CreateDraftAsync();
        await _club.PublishAsync(number);
        await _club.SignUpAsync(number, 1, note: "Call me on 090-1234-5678");
        _bot.Connector.Clear();

        await _bot.PostAsync(_club.LeaderInChannel($"applicants {number}"));

        var card = await _club.WaitAsync(r => r.RawTarget.Contains(ClubScenario.LeaderChat, StringComparison.Ordinal) && ClubScenario.Says(r, "Applicants"));
        await _club.WaitAsync(r => r.RawTarget.Contains(ClubScenario.Channel, StringComparison.Ordinal) && ClubScenario.Says(r, Pointer));
        Assert.Contains("090-1234-5678", ClubScenario.Readable(card.Body), StringComparison.Ordinal);
        // The only new post in the channel is the pointer (the announcement card there may be refreshed with seat counts).
        var posted = Assert.Single(_club.ChannelRequests(), r => r.Method == "POST");
        Assert.Contains(Pointer, ClubScenario.Readable(posted.Body), StringComparison.Ordinal);
        Assert.DoesNotContain(_club.ChannelRequests(), r => ClubScenario.Says(r, "090-1234-5678") || ClubScenario.Says(r, "Kenji") || ClubScenario.Says(r, "Applicants"));
    }

    [Fact]
    public async Task Edit_TypedInChannelByLeaderWithoutA1To1Chat_NewChatCreatedDraftOnlyThere()
    {
        await _club.InstallInTeamAsync();
        var number = await _club.CreateDraftAsync("Secret draft for the food bank");
        await _bot.Services.GetRequiredService<LeaderDirectory>().AddAsync("aad-leader-2", "Aiko Mori", Activities.UserAad, default);
        _bot.Connector.Clear();

        await _bot.PostAsync(_club.LeaderInChannel($"edit {number}", aad: "aad-leader-2", id: "29:leader-2"));

        var created = await _club.WaitAsync(r => r.Method == "POST" && r.Path.EndsWith("/v3/conversations", StringComparison.Ordinal));
        Assert.Equal("29:leader-2", (string?)created.Json!["members"]![0]!["id"]);
        var form = await _club.WaitAsync(r => r.RawTarget.Contains("a%3Aconversation-", StringComparison.Ordinal) && ClubScenario.Says(r, "Secret draft for the food bank"));
        Assert.NotNull(ClubScenario.CardOf(form));
        await _club.WaitAsync(r => r.RawTarget.Contains(ClubScenario.Channel, StringComparison.Ordinal) && ClubScenario.Says(r, Pointer));
        Assert.DoesNotContain(_club.ChannelRequests(), r => ClubScenario.Says(r, "Secret draft"));
    }

    [Fact]
    public async Task NewProject_InChannelWhenNo1To1ChatCanBeOpened_NoFormAnywhereAndAClearMessage()
    {
        await _club.InstallInTeamAsync();
        _bot.Connector.Clear();
        _bot.Connector.FailWhen(r => r.Path.EndsWith("/v3/conversations", StringComparison.Ordinal), new Fault(403, ErrorCode: "BotNotInConversationRoster"));

        await _bot.PostAsync(_club.LeaderInChannel("new project", aad: Activities.UserAad, id: "29:not-installed"));

        var answer = await _club.WaitAsync(r => r.RawTarget.Contains(ClubScenario.Channel, StringComparison.Ordinal) && r.Json?["text"] is not null);
        Assert.Contains("can't reach you there", (string?)answer.Json!["text"], StringComparison.Ordinal);
        Assert.DoesNotContain(_bot.Connector.Requests, r => ClubScenario.CardOf(r) is not null);
    }

    [Fact]
    public async Task Publish_ChosenFromChannel_ChannelListOnlyIn1To1()
    {
        await _club.InstallInTeamAsync();
        var number = await _club.CreateDraftAsync();
        _bot.Connector.Clear();

        await _bot.PostAsync(_club.LeaderInChannel($"publish {number}"));

        await _club.WaitAsync(r => r.RawTarget.Contains(ClubScenario.LeaderChat, StringComparison.Ordinal) && ClubScenario.Says(r, "projectPublish"));
        await _club.WaitAsync(r => r.RawTarget.Contains(ClubScenario.Channel, StringComparison.Ordinal) && ClubScenario.Says(r, Pointer));
        Assert.DoesNotContain(_club.ChannelRequests(), r => ClubScenario.Says(r, "projectPublish"));
    }

    [Fact]
    public async Task Broadcast_StartedFromChannel_AudienceReportAndCsvLinkOnlyIn1To1()
    {
        await _club.InstallInTeamAsync();
        foreach (var i in new[] { 1, 2 })
        {
            await _bot.PostAsync(Activities.Message(Url, "help", conversationId: $"a:member-{i}", fromAad: $"aad-member-{i}", fromId: $"29:member-{i}", fromName: $"Member {i}"));
        }

        var number = await _club.CreateDraftAsync();
        await _club.PublishAsync(number);
        _bot.Connector.FailWhen(r => r.RawTarget.Contains("member-1", StringComparison.Ordinal), new Fault(404, ErrorCode: "NotFound"));
        _bot.Connector.Clear();

        await _bot.PostAsync(_club.LeaderInChannel($"broadcast {number}"));
        await _club.WaitAsync(r => r.RawTarget.Contains(ClubScenario.LeaderChat, StringComparison.Ordinal) && ClubScenario.Says(r, "broadcastStart"));
        await _bot.PostAsync(_club.SubmitInChannel(new JsonObject { ["verb"] = "broadcastStart", ["project"] = number, ["audience"] = "people", ["resend"] = "false" }));

        var final = await _club.WaitAsync(r => r.Method == "PUT" && ClubScenario.Says(r, "Finished."), seconds: 15);
        Assert.Contains(ClubScenario.LeaderChat, final.RawTarget, StringComparison.Ordinal);
        var url = new Uri((string)ClubScenario.CardOf(final)!["actions"]![0]!["url"]!);
        Assert.Contains("user=" + Activities.UserAad, url.Query, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await _bot.Client.GetAsync(url.PathAndQuery)).StatusCode);
        var channel = _club.ChannelRequests();
        Assert.Equal(2, channel.Count(r => ClubScenario.Says(r, Pointer)));
        Assert.DoesNotContain(channel, r => ClubScenario.Says(r, "undelivered.csv") || ClubScenario.Says(r, "broadcastStart")
            || ClubScenario.Says(r, "Finished.") || ClubScenario.Says(r, "Broadcast of #"));
    }

    [Fact]
    public async Task LeaderAnswers_InTheirOwn1To1Chat_StayInPlaceWithoutAPointer()
    {
        await _bot.PostAsync(Activities.Message(Url, "new project"));

        var form = await _club.WaitAsync(r => ClubScenario.CardOf(r) is not null);

        Assert.Contains(ClubScenario.LeaderChat, form.RawTarget, StringComparison.Ordinal);
        Assert.DoesNotContain(_bot.Connector.Requests, r => ClubScenario.Says(r, Pointer));
    }
}
