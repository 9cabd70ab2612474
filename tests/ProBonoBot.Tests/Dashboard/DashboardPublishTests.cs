using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ProBonoBot.Testing;
using ProBonoBot.Tests.Privacy;

namespace ProBonoBot.Tests.Dashboard;

/// <summary>
/// Publishing from the tab runs the chat's own code (ProjectPublishing → ChannelPublisher): the announcement is posted in
/// the chosen channel and tracked in posted_cards, the project recruits, the leader finds the answer in their 1:1 chat,
/// and the chat then sees an already published project. Tampered channel ids and non-leaders change nothing.
/// </summary>
public sealed class DashboardPublishTests : IAsyncLifetime
{
    private const string Audience = $"api://bot.example.com/botid-{BotHost.AppId}";
    private const string TeamChannel = "19:team0123@thread.tacv2";
    private const string Title = "Reclaimed wood tracking app";
    private BotHost _bot = null!;
    private ClubScenario _club = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHost.StartAsync(extra: new() { ["Bot:PublicBaseUrl"] = "https://bot.example.com" });
        _club = new ClubScenario(_bot);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private async Task<long> DraftInTeamAsync()
    {
        await _club.InstallInTeamAsync();
        return await _club.CreateDraftAsync(Title);
    }

    private HttpRequestMessage Request(HttpMethod method, string path, string oid)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _bot.Issuer.UserToken(BotHost.TenantId, Audience, oid));
        return request;
    }

    private async Task<HttpResponseMessage> ChannelsAsync(long number, string oid = Activities.UserAad)
    {
        using var request = Request(HttpMethod.Get, $"/dashboard/api/projects/{number}/channels?lang=en", oid);
        return await _bot.Client.SendAsync(request);
    }

    private async Task<HttpResponseMessage> PublishAsync(long number, string body, string oid = Activities.UserAad, string contentType = "application/json", string? origin = null)
    {
        using var request = Request(HttpMethod.Post, $"/dashboard/api/projects/{number}/publish?lang=en", oid);
        request.Content = new StringContent(body, Encoding.UTF8, contentType);
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return await _bot.Client.SendAsync(request);
    }

    private static string Channels(params string[] ids) => new JsonObject { ["channels"] = new JsonArray([.. ids.Select(i => (JsonNode?)i)]) }.ToJsonString();

    /// <summary>Announcements of the project posted into the team channel (not the install's welcome).</summary>
    private int Announcements() => _club.ChannelRequests().Count(r => r.Method == "POST" && ClubScenario.Says(r, Title));

    [Fact]
    public async Task Publish_FromTheTab_PostsInTheChannel_Recruits_AndTheChatSeesItPublished()
    {
        var number = await DraftInTeamAsync();

        var list = await ChannelsAsync(number);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var channels = JsonNode.Parse(await list.Content.ReadAsStringAsync())!["channels"]!.AsArray();
        var general = Assert.Single(channels);
        Assert.Equal(TeamChannel, (string?)general!["id"]);
        Assert.True((bool)general["preselected"]!);

        var response = await PublishAsync(number, Channels(TeamChannel));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"Published #{number} to 1 channel", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var posted = await _club.WaitAsync(r => r.RawTarget.Contains(ClubScenario.Channel, StringComparison.Ordinal) && ClubScenario.Says(r, Title));
        Assert.NotNull(ClubScenario.CardOf(posted));
        Assert.Equal(1, await _club.CountAsync($"SELECT COUNT(*) FROM projects WHERE number = {number} AND status = 1"));
        Assert.Equal(1, await _club.CountAsync($"SELECT COUNT(*) FROM posted_cards WHERE project_number = {number} AND conversation_id = '{TeamChannel}'"));
        // The leader finds the chat's answer in their 1:1 chat too (through the outbox).
        await _club.WaitAsync(r => r.RawTarget.Contains(ClubScenario.LeaderChat, StringComparison.Ordinal) && ClubScenario.Says(r, $"Published #{number} to 1 channel"));

        // One set of rules: the chat's Publish now finds the channel holding the project and posts nothing again.
        await _bot.PostAsync(Activities.Submit(_bot.Connector.ServiceUrl, new JsonObject { ["verb"] = "projectPublish", ["project"] = number, ["channels"] = TeamChannel }));
        await _club.WaitAsync(r => ClubScenario.Says(r, $"#{number} is already in 1 channel you chose"));
        // And so does a second click in the tab.
        var again = await PublishAsync(number, Channels(TeamChannel));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains($"#{number} is already in 1 channel you chose", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await Task.Delay(300);
        Assert.Equal(1, Announcements());
        Assert.Equal(1, await _club.CountAsync($"SELECT COUNT(*) FROM posted_cards WHERE project_number = {number}"));
    }

    [Fact]
    public async Task Publish_TamperedChannels_AreRefused_NothingPosted()
    {
        var number = await DraftInTeamAsync();

        foreach (var body in new[]
        {
            Channels("19:someone-elses@thread.tacv2"), // not a channel the bot is in
            Channels("a:personal-1"),                  // a known conversation, but a 1:1 chat
            Channels(),
            "{}",
        })
        {
            var response = await PublishAsync(number, body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("NothingChosen", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await PublishAsync(number, """{"channels":"19:team0123@thread.tacv2"}""")).StatusCode); // not a list
        Assert.Equal(HttpStatusCode.BadRequest, (await PublishAsync(number, """{"channels":[1,2]}""")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PublishAsync(number, "not json")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PublishAsync(number, "[\"19:team0123@thread.tacv2\"]")).StatusCode);
        await Task.Delay(300);
        Assert.Equal(0, Announcements());
        Assert.Equal(1, await _club.CountAsync($"SELECT COUNT(*) FROM projects WHERE number = {number} AND status = 0"));
        Assert.Equal(0, await _club.CountAsync("SELECT COUNT(*) FROM posted_cards"));
        Assert.Equal(0, await _club.CountAsync("SELECT COUNT(*) FROM channel_posts"));
    }

    [Fact]
    public async Task Publish_NonLeaderFormPostForeignOriginUnknownOrStartedProject_ChangesNothing()
    {
        var number = await DraftInTeamAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await ChannelsAsync(number, oid: ClubScenario.VolunteerAad)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PublishAsync(number, Channels(TeamChannel), oid: ClubScenario.VolunteerAad)).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await PublishAsync(number, $"channels={TeamChannel}", contentType: "application/x-www-form-urlencoded")).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await PublishAsync(number, Channels(TeamChannel), origin: "https://evil.example.com")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PublishAsync(999, Channels(TeamChannel))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ChannelsAsync(999)).StatusCode);
        await Task.Delay(300);
        Assert.Equal(0, Announcements());
        Assert.Equal(1, await _club.CountAsync($"SELECT COUNT(*) FROM projects WHERE number = {number} AND status = 0"));

        // A project past recruiting is not published, from the tab as in the chat.
        await _bot.Db.WriteAsync(c => Dapper.SqlMapper.ExecuteAsync(c, $"UPDATE projects SET status = 3 WHERE number = {number}"), default);
        var started = await PublishAsync(number, Channels(TeamChannel));
        Assert.Equal(HttpStatusCode.Conflict, started.StatusCode);
        Assert.Contains("Nothing was changed", await started.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await ChannelsAsync(number)).StatusCode);
        await Task.Delay(300);
        Assert.Equal(0, Announcements());
        Assert.Equal(0, await _club.CountAsync("SELECT COUNT(*) FROM posted_cards"));
    }
}
