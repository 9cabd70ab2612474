using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProBonoBot.Install.Proactive;
using ProBonoBot.Testing;
using ProBonoBot.Tests.Storage;

namespace ProBonoBot.Tests.Install;

/// <summary>
/// Proactive installation through Microsoft Graph (issue 13) against a loopback Graph: off by default, group listing
/// across pages, install → installation chat → reference → broadcast, 409, blocked is final, 429 waits for Retry-After,
/// and nobody the bot can already reach is installed for.
/// </summary>
public class ProactiveInstallTests : IAsyncLifetime
{
    private const string GroupId = "0b5d8f2e-1111-4000-8000-00000000c1ab";
    private FakeGraph _graph = null!;
    private BotHost? _bot;

    public async Task InitializeAsync() => _graph = await FakeGraph.StartAsync();

    public async Task DisposeAsync()
    {
        if (_bot is not null)
        {
            await _bot.DisposeAsync();
        }

        await _graph.DisposeAsync();
    }

    private BotHost Bot => _bot!;

    /// <summary>The PostgreSQL database to run on; null for a fresh SQLite file.</summary>
    protected virtual Task<string?> DatabaseAsync() => Task.FromResult<string?>(null);

    private string Url => Bot.Connector.ServiceUrl;

    /// <summary>Starts the bot with the group configured; the group starts empty so a test can set the scene first.</summary>
    private async Task StartAsync(bool enabled = true)
    {
        _graph.Groups[GroupId] = ("Pro bono club", []);
        var settings = new Dictionary<string, string?>
        {
            ["ProactiveInstall:CatalogAppId"] = _graph.CatalogAppId,
            ["ProactiveInstall:GroupIds:0"] = GroupId,
            ["ProactiveInstall:GraphBaseUrl"] = _graph.GraphBaseUrl,
            ["ProactiveInstall:TokenUrl"] = _graph.TokenUrl,
            ["ProactiveInstall:RefreshInterval"] = "00:00:01",
            ["ProactiveInstall:CallInterval"] = "00:00:00",
            ["ProactiveInstall:RetryBaseDelay"] = "00:00:01",
        };
        if (enabled)
        {
            settings["ProactiveInstall:Enabled"] = "true";
        }

        _bot = await BotHost.StartAsync(await DatabaseAsync(), extra: settings);
        // The leader's 1:1 chat: the tenant's service URL is learned from it.
        await Bot.PostAsync(Activities.Message(Url, "help"));
        await Bot.Connector.WaitForAsync(r => r.Any(x => x.Body.Contains("What I can do", StringComparison.Ordinal)));
    }

    private void SetMembers(params (string Id, string Name)[] members)
    {
        var group = _graph.Groups[GroupId];
        lock (group.Members)
        {
            group.Members.Clear();
            group.Members.AddRange(members);
        }
    }

    private Task<long> CountAsync(string sql, object? args = null) => Bot.Db.ReadAsync(c => c.ExecuteScalarAsync<long>(sql, args), default);

    private Task<Outcome?> OutcomeAsync(string id) => Bot.Db.ReadAsync(c => c.QuerySingleOrDefaultAsync<Outcome>(
        "SELECT status AS Status, detail AS Detail, attempts AS Attempts, chat_id AS ChatId FROM proactive_installs WHERE aad_object_id = @id", new { id }), default);

    private sealed class Outcome
    {
        public required string Status { get; init; }
        public string? Detail { get; init; }
        public int Attempts { get; init; }
        public string? ChatId { get; init; }
    }

    private async Task WaitUntilAsync(Func<Task<bool>> condition, string what, int seconds = 20)
    {
        var until = DateTimeOffset.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            Assert.True(DateTimeOffset.UtcNow < until, $"Timed out waiting for {what}. Graph saw: "
                + string.Join("; ", _graph.Requests.TakeLast(10).Select(r => $"{r.Method} {r.Path}{r.Query}"))
                + ". Bot logged: " + string.Join("; ", Bot.Logs.Entries.Where(e => e.Level >= LogLevel.Warning).TakeLast(10).Select(e => $"{e.Category} {e.Message} {e.Exception?.GetType().Name}: {e.Exception?.Message}")));
            await Task.Delay(100);
        }
    }

    private async Task<Outcome> InstalledAsync(string id)
    {
        await WaitUntilAsync(async () => (await OutcomeAsync(id))?.Status is "installed" or "blocked" or "failed", $"an outcome for {id}");
        return (await OutcomeAsync(id))!;
    }

    [Fact]
    public async Task Disabled_ByDefault_NoGraphCallNoInstallNoGroups()
    {
        await StartAsync(enabled: false);
        SetMembers(("aad-graph-1", "Aoi Tanaka"));

        await Task.Delay(2500); // two refresh intervals

        Assert.Empty(_graph.Requests);
        Assert.Null(_graph.LastTokenRequest);
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM group_members"));
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM proactive_installs"));
        Assert.Empty(await Bot.Services.GetRequiredService<EntraGroups>().GroupsAsync());
    }

    [Fact]
    public async Task GroupSync_FollowsNextLinkPages_StoresAllMembersAndName_DropsWhoLeft()
    {
        await StartAsync();
        SetMembers(("aad-g-1", "A"), ("aad-g-2", "B"), ("aad-g-3", "C"), ("aad-g-4", "D"), ("aad-g-5", "E"));

        await WaitUntilAsync(async () => await CountAsync("SELECT COUNT(*) FROM group_members WHERE group_id = @GroupId", new { GroupId }) == 5, "five members");

        // Five members in pages of two: the listing followed two @odata.nextLink pages.
        Assert.Contains(_graph.Requests, r => r.Path.EndsWith(".user", StringComparison.Ordinal) && r.Path.Contains("/transitiveMembers/", StringComparison.Ordinal) && r.Query.Contains("$skiptoken=4", StringComparison.Ordinal));
        Assert.Contains(_graph.Requests, r => r.Query.Contains("$select=id,displayName", StringComparison.Ordinal));
        Assert.All(_graph.Requests, r => Assert.Equal($"Bearer {_graph.IssuedAccessToken}", r.Authorization));
        Assert.Equal(new Uri(_graph.GraphBaseUrl).GetLeftPart(UriPartial.Authority) + "/.default", _graph.LastTokenRequest!["scope"]);
        Assert.Equal(BotHost.AppId, _graph.LastTokenRequest["client_id"]);
        var groups = await Bot.Services.GetRequiredService<EntraGroups>().GroupsAsync();
        Assert.Equal([(GroupId, "Pro bono club")], groups);

        SetMembers(("aad-g-1", "A"), ("aad-g-2", "B"), ("aad-g-4", "D"), ("aad-g-5", "E"));
        await WaitUntilAsync(async () => await CountAsync("SELECT COUNT(*) FROM group_members WHERE group_id = @GroupId", new { GroupId }) == 4, "the leaver dropped");
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM group_members WHERE aad_object_id = 'aad-g-3'"));
    }

    [Fact]
    public async Task GroupSync_ListingFails_KnownMembersKept()
    {
        await StartAsync();
        SetMembers(("aad-k-1", "A"), ("aad-k-2", "B"), ("aad-k-3", "C"));
        await WaitUntilAsync(async () => await CountAsync("SELECT COUNT(*) FROM group_members") == 3, "three members");

        _graph.Groups.TryRemove(GroupId, out _); // Graph now answers 404 for the group
        var before = _graph.Requests.Count;
        await WaitUntilAsync(() => Task.FromResult(_graph.Requests.Skip(before).Any(r => r.Path == $"/v1.0/groups/{GroupId}")), "another listing");
        await Task.Delay(300);

        Assert.Equal(3, await CountAsync("SELECT COUNT(*) FROM group_members"));
    }

    [Fact]
    public async Task Install_StoresInstallationChat_BroadcastReachesThem()
    {
        await StartAsync();
        await Bot.PostAsync(Activities.TeamInstall(Url));
        await Bot.PostAsync(Activities.Submit(Url, new JsonObject
        {
            ["verb"] = "projectSave", ["title"] = "Donor database", ["partner"] = "Kanazawa NPO", ["summary"] = "Donors are in five spreadsheets.",
            ["roles"] = "Data analyst | SQL | 2", ["hours"] = "4", ["language"] = "en",
        }));
        await Bot.Connector.WaitForAsync(r => r.Any(x => x.Body.Contains("not published yet", StringComparison.Ordinal)));
        await Bot.PostAsync(Activities.Submit(Url, new JsonObject { ["verb"] = "projectPublish", ["project"] = 1, ["channels"] = "19:team0123@thread.tacv2" }));
        await Bot.Connector.WaitForAsync(r => r.Any(x => x.Body.Contains("Published #1", StringComparison.Ordinal)));

        SetMembers(("aad-graph-1", "Aoi Tanaka"));
        var outcome = await InstalledAsync("aad-graph-1");

        Assert.Equal("installed", outcome.Status);
        Assert.Equal(FakeGraph.ChatId("aad-graph-1"), outcome.ChatId);
        var reference = await Bot.Db.ReadAsync(c => c.QuerySingleAsync<(string Type, string ServiceUrl, string Tenant, string BotId, string Name, bool Active)>(
            "SELECT conversation_type, service_url, tenant_id, bot_id, user_name, is_active FROM conversation_refs WHERE conversation_id = @id AND user_aad_object_id = 'aad-graph-1'",
            new { id = FakeGraph.ChatId("aad-graph-1") }), default);
        Assert.Equal(("personal", Url, BotHost.TenantId, BotHost.BotId, "Aoi Tanaka", true), reference);
        var filter = _graph.Requests.Single(r => r.Method == "GET" && r.Path == "/v1.0/users/aad-graph-1/teamwork/installedApps");
        Assert.Contains($"$filter=teamsApp/id eq '{_graph.CatalogAppId}'", filter.Query, StringComparison.Ordinal);
        Assert.Contains("$expand=teamsApp", filter.Query, StringComparison.Ordinal);

        Bot.Connector.Clear();
        await Bot.PostAsync(Activities.Submit(Url, new JsonObject { ["verb"] = "broadcastStart", ["project"] = 1, ["audience"] = "people" }));
        var sent = await Bot.Connector.WaitForAsync(r => r.Any(x => x.Method == "POST"
            && Uri.UnescapeDataString(x.RawTarget).Contains(FakeGraph.ChatId("aad-graph-1"), StringComparison.Ordinal)
            && x.Body.Contains("Donor database", StringComparison.Ordinal)), TimeSpan.FromSeconds(15));
        Assert.Single(sent, x => x.Method == "POST" && Uri.UnescapeDataString(x.RawTarget).Contains(FakeGraph.ChatId("aad-graph-1"), StringComparison.Ordinal)
            && x.Body.Contains("Donor database", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Install_AlreadyInstalled409_ChatFoundAndStored()
    {
        await StartAsync();
        _graph.Installed["aad-graph-2"] = 0; // installed earlier by an admin's setup policy

        SetMembers(("aad-graph-2", "Ren Suzuki"));
        var outcome = await InstalledAsync("aad-graph-2");

        Assert.Equal("installed", outcome.Status);
        Assert.Equal("409 AlreadyInstalled", outcome.Detail);
        Assert.Single(_graph.InstallsFor("aad-graph-2"));
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM conversation_refs WHERE conversation_id = @id AND conversation_type = 'personal' AND is_active = TRUE",
            new { id = FakeGraph.ChatId("aad-graph-2") }));
    }

    [Theory]
    [InlineData("Forbidden", "App installation is blocked by the app permission policy for this user.")]
    [InlineData("Forbidden", "The app is disabled in tenant.")]
    public async Task Install_Blocked_FinalNeverRetried(string code, string message)
    {
        await StartAsync();
        _graph.FailInstall("aad-graph-3", new GraphFault(403, code, message), new GraphFault(403, code, message));

        SetMembers(("aad-graph-3", "Mei Ito"));
        var outcome = await InstalledAsync("aad-graph-3");
        await Task.Delay(2500); // two more refreshes and passes

        Assert.Equal("blocked", outcome.Status);
        Assert.Equal("403 Forbidden", outcome.Detail);
        Assert.Equal(1, outcome.Attempts);
        Assert.Single(_graph.InstallsFor("aad-graph-3"));
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM conversation_refs WHERE user_aad_object_id = 'aad-graph-3'"));
    }

    [Fact]
    public async Task Install_ForbiddenForMissingPermission_RetriedNotFinal()
    {
        await StartAsync();
        _graph.FailInstall("aad-graph-6", new GraphFault(403, "Forbidden", "Missing role permissions on the request. API requires one of 'TeamsAppInstallation.ReadWriteSelfForUser.All'."));

        SetMembers(("aad-graph-6", "Sora Kato"));
        var outcome = await InstalledAsync("aad-graph-6");

        // Once an admin consents the next attempt succeeds: a permission error is not the person's final answer.
        Assert.Equal("installed", outcome.Status);
        Assert.Equal(2, outcome.Attempts);
        Assert.Equal(2, _graph.InstallsFor("aad-graph-6").Count);
    }

    [Theory]
    [InlineData(429, "TooManyRequests")]
    [InlineData(503, "serviceNotAvailable")]
    public async Task Install_ThrottledOrServerError_WaitsRetryAfterThenInstalls(int status, string code)
    {
        await StartAsync();
        _graph.FailInstall("aad-graph-4", new GraphFault(status, code, "Please retry later.", RetryAfter: "2"));

        SetMembers(("aad-graph-4", "Yui Mori"));
        var outcome = await InstalledAsync("aad-graph-4");

        Assert.Equal("installed", outcome.Status);
        Assert.Equal(2, outcome.Attempts);
        var posts = _graph.InstallsFor("aad-graph-4");
        Assert.Equal(2, posts.Count);
        Assert.True(posts[1].At - posts[0].At >= TimeSpan.FromSeconds(1.9), $"retried after {(posts[1].At - posts[0].At).TotalSeconds:0.00} s, Retry-After was 2 s");
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM conversation_refs WHERE user_aad_object_id = 'aad-graph-4' AND is_active = TRUE"));
    }

    [Fact]
    public async Task Install_PeopleInARosterOrWithAPersonalChat_NotInstalledFor()
    {
        await StartAsync();
        // Has a 1:1 chat with the bot already.
        await Bot.PostAsync(Activities.Message(Url, "help", conversationId: "a:has-chat", fromAad: "aad-has-chat", fromId: "29:has-chat", fromName: "Has Chat"));
        // Is in the roster of a team the bot is in.
        Bot.Connector.Members.Add(new JsonObject
        {
            ["id"] = "29:in-roster", ["name"] = "In Roster", ["aadObjectId"] = "aad-in-roster", ["tenantId"] = BotHost.TenantId, ["userRole"] = "user",
        });
        await Bot.PostAsync(Activities.TeamInstall(Url));
        await Bot.Db.WriteAsync(c => c.ExecuteAsync(
            "INSERT INTO team_members (team_id, aad_object_id, teams_user_id, name, tenant_id, service_url, bot_id, seen_at) " +
            "VALUES ('19:team0123@thread.tacv2', 'aad-in-roster', '29:in-roster', 'In Roster', @tenant, @url, @bot, @now) ON CONFLICT DO NOTHING",
            new { tenant = BotHost.TenantId, url = Url, bot = BotHost.BotId, now = DateTimeOffset.UtcNow }), default);
        await WaitUntilAsync(async () => await CountAsync("SELECT COUNT(*) FROM conversation_refs WHERE user_aad_object_id = 'aad-has-chat'") == 1, "the 1:1 chat");

        SetMembers(("aad-has-chat", "Has Chat"), ("aad-in-roster", "In Roster"), ("aad-graph-5", "New Person"));
        Assert.Equal("installed", (await InstalledAsync("aad-graph-5")).Status);
        await Task.Delay(1500); // another refresh and pass

        Assert.Empty(_graph.InstallsFor("aad-has-chat"));
        Assert.Empty(_graph.InstallsFor("aad-in-roster"));
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM proactive_installs"));
        Assert.Equal(3, await CountAsync("SELECT COUNT(*) FROM group_members"));
    }
}

/// <summary>The same on PostgreSQL (the SQL of the group sync, the due list and the outcomes in the other dialect).</summary>
[Collection(DatabaseCollection.Name)]
public sealed class ProactiveInstallPostgresTests(DatabaseFixture databases) : ProactiveInstallTests
{
    protected override async Task<string?> DatabaseAsync() => await databases.NewPostgresDatabaseAsync();
}
