using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ProBonoBot.Testing;
using ProBonoBot.Tests.Privacy;

namespace ProBonoBot.Tests.Dashboard;

/// <summary>
/// "Confirm the team" from the tab runs the chat's own code (TeamFormation): the members, the channel and the leader's
/// 1:1 chat get the same messages, and the chat and the tab see one state (a second confirmation, from either, changes nothing).
/// </summary>
public sealed class DashboardActionTests : IAsyncLifetime
{
    private const string Audience = $"api://bot.example.com/botid-{BotHost.AppId}";
    private BotHost _bot = null!;
    private ClubScenario _club = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHost.StartAsync(extra: new() { ["Bot:PublicBaseUrl"] = "https://bot.example.com" });
        _club = new ClubScenario(_bot);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private async Task<long> RecruitingProjectAsync(bool full = true)
    {
        await _club.InstallInTeamAsync();
        var number = await _club.CreateDraftAsync();
        await _club.PublishAsync(number);
        await _club.SignUpAsync(number, 1);
        if (full)
        {
            await _club.SignUpAsync(number, 2, "aad-volunteer-2", "29:volunteer-2", "Yui");
            await _club.SignUpAsync(number, 2, "aad-volunteer-3", "29:volunteer-3", "Daniel");
        }

        return number;
    }

    private async Task<HttpResponseMessage> ConfirmAsync(long number, string oid = Activities.UserAad, string body = "{}", string contentType = "application/json", string lang = "en", string? origin = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/dashboard/api/projects/{number}/confirm-team?lang={lang}")
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _bot.Issuer.UserToken(BotHost.TenantId, Audience, oid));
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return await _bot.Client.SendAsync(request);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("{\"confirmEmptySeats\": \"yes please\"}")]
    [InlineData("[1, 2]")]
    public async Task ConfirmTeam_MalformedBody_Is400AndChangesNothing(string body)
    {
        var number = await RecruitingProjectAsync();

        var response = await ConfirmAsync(number, body: body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var status = await _bot.Db.ReadAsync(c => Dapper.SqlMapper.ExecuteScalarAsync<long>(c, "SELECT status FROM projects WHERE number = @number", new { number }), default);
        Assert.Equal(1, status); // still recruiting
    }

    [Fact]
    public async Task ConfirmTeam_FromTheTab_ShowsUpInTheChat_AndTheChatSeesTheSameState()
    {
        var number = await RecruitingProjectAsync();

        var response = await ConfirmAsync(number);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"The team for #{number} is confirmed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The same outbox messages as the chat's button: each member, the channel's introduction, and the leader's 1:1 chat.
        // (The volunteers here never opened a chat with the bot, so their notices wait in the outbox as the chat's would.)
        await _club.WaitAsync(r => r.RawTarget.Contains(ClubScenario.Channel, StringComparison.Ordinal) && ClubScenario.Says(r, "Meet the team for"));
        await _club.WaitAsync(r => r.RawTarget.Contains(ClubScenario.LeaderChat, StringComparison.Ordinal) && ClubScenario.Says(r, $"The team for #{number} is confirmed"));

        // The chat's button now answers like a second click.
        await _bot.PostAsync(Activities.Submit(_bot.Connector.ServiceUrl, new JsonObject { ["verb"] = "projectFormTeam", ["project"] = number }));
        await _club.WaitAsync(r => ClubScenario.Says(r, $"The team for #{number} is already confirmed."));
        // And the tab's second confirmation changes nothing either.
        var again = await ConfirmAsync(number);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("Nothing was changed", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await _club.CountAsync("SELECT COUNT(*) FROM outbox WHERE activity LIKE '%Meet the team for%'"));
        Assert.Equal(3, await _club.CountAsync("SELECT COUNT(*) FROM outbox WHERE activity LIKE '%is confirmed! Members:%' AND user_aad LIKE 'aad-volunteer-%'"));
    }

    [Fact]
    public async Task ConfirmTeam_EmptySeats_AsksFirst_ThenConfirms()
    {
        var number = await RecruitingProjectAsync(full: false);

        var ask = await ConfirmAsync(number);

        Assert.Equal(HttpStatusCode.Conflict, ask.StatusCode);
        var json = JsonNode.Parse(await ask.Content.ReadAsStringAsync())!;
        Assert.Equal("EmptySeats", (string?)json["error"]!["code"]);
        Assert.Equal("Web designer", (string?)json["emptySeats"]![0]!["role"]);
        Assert.Equal(0, await _club.CountAsync("SELECT COUNT(*) FROM projects WHERE status = 2"));

        Assert.Equal(HttpStatusCode.OK, (await ConfirmAsync(number, body: """{"confirmEmptySeats":true}""")).StatusCode);
        Assert.Equal(1, await _club.CountAsync("SELECT COUNT(*) FROM projects WHERE status = 2"));
    }

    [Fact]
    public async Task ConfirmTeam_NonLeaderOrFormPostOrUnknownProject_ChangesNothing()
    {
        var number = await RecruitingProjectAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await ConfirmAsync(number, oid: ClubScenario.VolunteerAad)).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await ConfirmAsync(number, body: "confirmEmptySeats=true", contentType: "application/x-www-form-urlencoded")).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await ConfirmAsync(number, origin: "https://evil.example.com")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ConfirmAsync(999)).StatusCode);
        // The page's own origin passes, https or not (TLS may end in front of the bot).
        Assert.Equal(HttpStatusCode.NotFound, (await ConfirmAsync(999, origin: $"https://{_bot.Client.BaseAddress!.Authority}")).StatusCode);
        var japanese = await ConfirmAsync(999, lang: "ja");
        Assert.Contains("\\u", await japanese.Content.ReadAsStringAsync() + "\\u", StringComparison.Ordinal);

        Assert.Equal(0, await _club.CountAsync("SELECT COUNT(*) FROM projects WHERE status = 2"));
    }
}
