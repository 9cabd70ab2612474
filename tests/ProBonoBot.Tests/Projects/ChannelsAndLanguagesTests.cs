using System.Text.Json.Nodes;
using Dapper;
using ProBonoBot.Cards;
using ProBonoBot.Club;
using ProBonoBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ProBonoBot.Tests.Projects;

/// <summary>
/// Issue 12 through the running host: a project's channel posts follow the project's language (both for a
/// bilingual project), every channel of a team can be published to, the first publish says how to add the bot,
/// a closed project's card says so, and a cancelled project's sign-up news is not sent.
/// </summary>
public sealed class ChannelsAndLanguagesTests : IAsyncLifetime
{
    private const string Team = "19:team0123@thread.tacv2";
    private const string Design = "19:design@thread.tacv2";

    private BotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private string Url => _bot.Connector.ServiceUrl;

    private static UiText Ja => UiText.For(Language.Japanese);

    private static UiText En => UiText.For(Language.English);

    private static List<string> Texts(IEnumerable<RecordedRequest> requests) =>
        [.. requests.Where(r => r.Method == "POST").Select(r => (string?)r.Json?["text"]).OfType<string>()];

    /// <summary>A request body with non-ASCII characters as they are (the bot's JSON escapes them).</summary>
    private static string Decoded(RecordedRequest r) =>
        r.Json!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static List<RecordedRequest> Into(IEnumerable<RecordedRequest> requests, string channel) =>
        [.. requests.Where(r => r.Method == "POST" && r.RawTarget.Contains(Uri.EscapeDataString(channel), StringComparison.Ordinal))];

    private async Task InstallAsync()
    {
        await _bot.PostAsync(Activities.TeamInstall(Url, Team));
        await _bot.Connector.WaitForAsync(r => Into(r, Team).Count > 0);
    }

    private async Task SaveAsync(string language)
    {
        await _bot.PostAsync(Activities.Submit(Url, new JsonObject
        {
            ["verb"] = "projectSave", ["title"] = "Donor database", ["partner"] = "Kanazawa NPO", ["summary"] = "Donors are in five spreadsheets.",
            ["roles"] = "Data analyst | SQL | 1", ["hours"] = "4", ["language"] = language,
        }));
        await _bot.Connector.WaitForAsync(r => r.Any(x => x.Body.Contains("not published yet", StringComparison.Ordinal)));
    }

    private async Task<RecordedRequest> PublishAsync(string channel)
    {
        await _bot.PostAsync(Activities.Submit(Url, new JsonObject { ["verb"] = "projectPublish", ["project"] = 1, ["channels"] = channel }));
        var seen = await _bot.Connector.WaitForAsync(r => Into(r, channel).Any(x => x.Body.Contains("\"signUp\"", StringComparison.Ordinal)));
        return Into(seen, channel).Last(x => x.Body.Contains("\"signUp\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Publish_BilingualProject_ChannelCardLabelsInJapaneseAndEnglish()
    {
        await InstallAsync();
        await SaveAsync("both");

        var card = Decoded(await PublishAsync(Team));

        Assert.Contains($"{Ja.Projects.ButtonSignUp} / {En.Projects.ButtonSignUp}", card, StringComparison.Ordinal);
        Assert.Contains($"{Ja.Projects.FactPartner} / {En.Projects.FactPartner}", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_EnglishProjectFromJapaneseTeam_ChannelCardInEnglishOnly()
    {
        await InstallAsync();
        await SaveAsync("en");

        var card = Decoded(await PublishAsync(Team));

        Assert.Contains($"\"{En.Projects.ButtonSignUp}\"", card, StringComparison.Ordinal);
        Assert.DoesNotContain(Ja.Projects.ButtonSignUp, card, StringComparison.Ordinal);
        Assert.DoesNotContain(Ja.Projects.FactPartner, card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FormTeam_BilingualProject_IntroductionJapaneseThenEnglishCardSaysClosed()
    {
        await InstallAsync();
        await SaveAsync("both");
        await PublishAsync(Team);
        await WaitUntilAsync(async () => await _bot.Db.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM posted_cards"), default) == 1);
        await _bot.Db.WriteAsync(c => c.ExecuteAsync(
            "INSERT INTO signups (project_number, role_number, user_aad, user_name, status, created_at, updated_at) VALUES (1, 1, 'aad-member-1', 'Member 1', 0, @now, @now)",
            new { now = DateTimeOffset.UtcNow }), default);
        var copy = await _bot.Db.ReadAsync(c => c.ExecuteScalarAsync<string>("SELECT activity_id FROM posted_cards"), default);
        _bot.Connector.Clear();

        await _bot.PostAsync(Activities.Submit(Url, new JsonObject { ["verb"] = "projectFormTeam", ["project"] = 1 }));

        var seen = await _bot.Connector.WaitForAsync(r =>
            Texts(Into(r, Team)).Count > 0 && r.Any(x => x.Method == "PUT" && x.Path.EndsWith("/activities/" + copy, StringComparison.Ordinal)));
        var introduction = Texts(Into(seen, Team)).Single();
        var paragraphs = introduction.Split("\n\n");
        Assert.Equal(2, paragraphs.Length);
        Assert.True(Languages.LooksJapanese(paragraphs[0]));
        Assert.StartsWith(En.Projects.TeamThread[..En.Projects.TeamThread.IndexOf('{', StringComparison.Ordinal)], paragraphs[1], StringComparison.Ordinal);
        var update = Decoded(seen.Last(x => x.Method == "PUT" && x.Path.EndsWith("/activities/" + copy, StringComparison.Ordinal)));
        Assert.Contains($"{Ja.Projects.ClosedTeamFormed} / {En.Projects.ClosedTeamFormed}", update, StringComparison.Ordinal);
        Assert.DoesNotContain("\"signUp\"", update, StringComparison.Ordinal);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, "The condition did not become true.");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task ChooseChannels_TeamWithSeveralChannels_EveryChannelListedByName()
    {
        _bot.Connector.TeamChannels[Team] = [(Design, "Design"), ("19:events@thread.tacv2", "Events")];
        await InstallAsync();
        await SaveAsync("en");
        _bot.Connector.Clear();

        await _bot.PostAsync(Activities.Submit(Url, new JsonObject { ["verb"] = "projectChooseChannels", ["project"] = 1 }));

        var seen = await _bot.Connector.WaitForAsync(r => r.Any(x => x.Body.Contains("to which channels", StringComparison.Ordinal)));
        var body = Decoded(seen.Last(x => x.Body.Contains("to which channels", StringComparison.Ordinal)));
        Assert.Contains("プロボノ部 — General", body, StringComparison.Ordinal);
        Assert.Contains("プロボノ部 — Design", body, StringComparison.Ordinal);
        Assert.Contains("プロボノ部 — Events", body, StringComparison.Ordinal);
        Assert.Contains(seen, r => r.Method == "GET" && r.Path.EndsWith("/conversations", StringComparison.Ordinal) && r.Path.Contains("/v3/teams/", StringComparison.Ordinal));

        // Publishing into a channel learned from Teams' list posts there (a team-installed bot may post in any of its channels).
        Assert.Contains("Donor database", (await PublishAsync(Design)).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChannelEvents_CreatedRenamedDeleted_PublishCardFollows()
    {
        await InstallAsync();
        await SaveAsync("en");
        _bot.Connector.FailWhen(r => r.Method == "GET" && r.Path.Contains("/v3/teams/", StringComparison.Ordinal), new Fault(403, ErrorCode: "Forbidden"));

        await _bot.PostAsync(ChannelEvent("channelCreated", Design, "Design"));
        await _bot.PostAsync(ChannelEvent("channelRenamed", Design, "Design team"));
        await _bot.PostAsync(ChannelEvent("channelCreated", "19:old@thread.tacv2", "Old"));
        await _bot.PostAsync(ChannelEvent("channelDeleted", "19:old@thread.tacv2", "Old"));
        _bot.Connector.Clear();
        await _bot.PostAsync(Activities.Submit(Url, new JsonObject { ["verb"] = "projectChooseChannels", ["project"] = 1 }));

        // Teams' list is refused here: the channels known from events are offered.
        var seen = await _bot.Connector.WaitForAsync(r => r.Any(x => x.Body.Contains("to which channels", StringComparison.Ordinal)));
        var body = Decoded(seen.Last(x => x.Body.Contains("to which channels", StringComparison.Ordinal)));
        Assert.Contains("プロボノ部 — Design team", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Old", body, StringComparison.Ordinal);
    }

    private JsonObject ChannelEvent(string eventType, string channelId, string name)
    {
        var activity = Activities.TeamInstall(Url, Team);
        activity.Remove("membersAdded");
        activity["channelData"]!["eventType"] = eventType;
        activity["channelData"]!["channel"] = new JsonObject { ["id"] = channelId, ["name"] = name };
        return activity;
    }

    [Fact]
    public async Task ChooseChannels_NoTeamYet_SaysHowToAddTheBotInTeamsAndThePlayground()
    {
        await SaveAsync("en");
        _bot.Connector.Clear();

        await _bot.PostAsync(Activities.Submit(Url, new JsonObject { ["verb"] = "projectChooseChannels", ["project"] = 1 }));

        var seen = await _bot.Connector.WaitForAsync(r => Texts(r).Any(t => t.StartsWith("I'm not in any team channel yet", StringComparison.Ordinal)));
        var text = Texts(seen).Single(t => t.StartsWith("I'm not in any team channel yet", StringComparison.Ordinal));
        Assert.Contains("Add to a team", text, StringComparison.Ordinal);
        Assert.Contains("Agents Playground", text, StringComparison.Ordinal);
        Assert.Contains("**General**", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Digest_ProjectCancelledMeanwhile_NoSignUpNewsSent()
    {
        await SaveAsync("en");
        // Signed up, then the project was cancelled before the digest went out.
        await _bot.Db.WriteAsync(c => c.ExecuteAsync("UPDATE projects SET status = 5 WHERE number = 1"), default);
        await _bot.Db.WriteAsync(c => c.ExecuteAsync(
            """
            INSERT INTO leader_events (project_number, leader_aad, kind, user_name, role_name, sent, created_at)
            VALUES (1, @leader, 'signedUp', 'Member 1', 'Data analyst', FALSE, @now)
            """, new { leader = Activities.UserAad, now = DateTimeOffset.UtcNow }), default);

        await _bot.Services.GetRequiredService<ClubWorker>().SendDigestsAsync(default);

        Assert.Equal(0L, await _bot.Db.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM leader_events WHERE sent = FALSE"), default));
        Assert.Equal(0L, await _bot.Db.ReadAsync(c => c.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM outbox WHERE activity LIKE '%' || @en || '%' OR activity LIKE '%' || @ja || '%'",
            new { en = En.Projects.DigestTitle, ja = Ja.Projects.DigestTitle }), default));
    }
}
