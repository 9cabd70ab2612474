using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using ProBonoBot.Install;
using ProBonoBot.Testing;
using static ProBonoBot.Tests.Install.TeamRoster;

namespace ProBonoBot.Tests.Install;

/// <summary>Team rosters through the running host: paged listing at install, member events, the bot leaving, failed pages, one person in two teams.</summary>
public sealed class RosterTests : IAsyncLifetime
{
    private BotHost _bot = null!;

    // Pages of two: five members take three pages.
    public async Task InitializeAsync() => _bot = await BotHost.StartAsync(extra: new()
    {
        ["Rosters:PageSize"] = "2",
        ["Broadcasts:ReportInterval"] = "00:00:00.300",
    });

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private string Url => _bot.Connector.ServiceUrl;

    private IReadOnlyList<RecordedRequest> Pages() => [.. _bot.Connector.Requests.Where(r => r.Path.EndsWith("/pagedmembers", StringComparison.Ordinal))];

    [Fact]
    public async Task Install_FiveMembersInPagesOfTwo_ThreePagesFollowedAndEveryoneStored()
    {
        _bot.Connector.Rosters[Team] = Members("a", "b", "c", "d", "e");

        await InstallAsync(_bot, Team, 5);

        var pages = Pages();
        Assert.Equal(3, pages.Count);
        Assert.Equal("/teams/v3/conversations/19%3Ateam0123%40thread.tacv2/pagedmembers?pageSize=2", pages[0].RawTarget);
        Assert.EndsWith("pagedmembers?pageSize=2&continuationToken=page~2", Uri.UnescapeDataString(pages[1].RawTarget), StringComparison.Ordinal);
        Assert.EndsWith("pagedmembers?pageSize=2&continuationToken=page~4", Uri.UnescapeDataString(pages[2].RawTarget), StringComparison.Ordinal);
        var row = await _bot.Db.ReadAsync(c => c.QuerySingleAsync<(string Id, string Name, string Tenant, string ServiceUrl, string Bot)>(
            "SELECT teams_user_id, name, tenant_id, service_url, bot_id FROM team_members WHERE team_id = @Team AND aad_object_id = 'aad-c'", new { Team }), default);
        Assert.Equal(("29:c", "Member c", BotHost.TenantId, Url, BotHost.BotId), row);
    }

    [Fact]
    public async Task MembersAdded_InTeam_AddedAndOtherBotsIgnored()
    {
        _bot.Connector.Rosters[Team] = Members("a");
        await InstallAsync(_bot, Team, 1);

        await _bot.PostAsync(MembersEvent(Url, "teamMemberAdded", added: [new JsonObject { ["id"] = "29:new", ["aadObjectId"] = "aad-new" }, new JsonObject { ["id"] = "28:other-bot" }]));

        await WaitAsync(async () => (await MembersAsync(_bot, Team)).Contains("aad-new"), "the added member");
        Assert.Equal(["aad-a", "aad-new"], await MembersAsync(_bot, Team));
    }

    [Fact]
    public async Task MembersAdded_HugeNameAndOverlongId_NameCutIdRefused()
    {
        // Review (attacker): a 100,000-character name was stored whole.
        _bot.Connector.Rosters[Team] = Members("a");
        await InstallAsync(_bot, Team, 1);

        await _bot.PostAsync(MembersEvent(Url, "teamMemberAdded", added:
        [
            new JsonObject { ["id"] = "29:big", ["aadObjectId"] = "aad-big", ["name"] = "<at>Everyone</at> " + new string('Z', 100_000) },
            new JsonObject { ["id"] = "29:long", ["aadObjectId"] = new string('x', 129) },
        ]));

        await WaitAsync(async () => (await MembersAsync(_bot, Team)).Contains("aad-big"), "the added member");
        var name = await _bot.Db.ReadAsync(c => Dapper.SqlMapper.ExecuteScalarAsync<string>(c, "SELECT name FROM team_members WHERE aad_object_id = 'aad-big'"), default);
        Assert.Equal(256, name!.Length);
        Assert.Equal(["aad-a", "aad-big"], await MembersAsync(_bot, Team));
    }

    [Fact]
    public async Task MembersAdded_WithoutEntraId_LookedUpThroughTeams()
    {
        _bot.Connector.Rosters[Team] = Members("a");
        _bot.Connector.Members.Add(Member("late"));
        await InstallAsync(_bot, Team, 1);

        await _bot.PostAsync(MembersEvent(Url, "teamMemberAdded", added: [new JsonObject { ["id"] = "29:late" }]));

        await WaitAsync(async () => (await MembersAsync(_bot, Team)).Contains("aad-late"), "the member looked up by Teams id");
    }

    [Fact]
    public async Task MembersRemoved_InTeam_Deleted()
    {
        _bot.Connector.Rosters[Team] = Members("a", "b", "c");
        await InstallAsync(_bot, Team, 3);

        await _bot.PostAsync(MembersEvent(Url, "teamMemberRemoved", removed: [new JsonObject { ["id"] = "29:b", ["aadObjectId"] = "aad-b" }]));

        await WaitAsync(async () => (await MembersAsync(_bot, Team)).Count == 2, "the removal");
        Assert.Equal(["aad-a", "aad-c"], await MembersAsync(_bot, Team));
    }

    [Fact]
    public async Task BotRemoved_FromTeam_RosterDeleted()
    {
        _bot.Connector.Rosters[Team] = Members("a", "b");
        await InstallAsync(_bot, Team, 2);

        await _bot.PostAsync(MembersEvent(Url, "teamMemberRemoved", removed: [new JsonObject { ["id"] = BotHost.BotId }]));

        await WaitAsync(async () => (await MembersAsync(_bot, Team)).Count == 0, "the roster to be forgotten");
        Assert.Equal(0, await _bot.Db.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM team_rosters"), default));
    }

    [Fact]
    public async Task Sync_SecondPageFails_RosterUnchanged()
    {
        _bot.Connector.Rosters[Team] = Members("a", "b", "c", "d", "e");
        await InstallAsync(_bot, Team, 5);
        _bot.Connector.Rosters[Team] = Members("a", "f", "g"); // two pages; a complete listing would remove b–e
        _bot.Connector.FailWhen(r => r.RawTarget.Contains("continuationToken", StringComparison.Ordinal), new Fault(500));

        var complete = await _bot.Services.GetRequiredService<Rosters>().SyncAsync(new RosterTeam(Team, Url, BotHost.TenantId, BotHost.BotId), default);

        Assert.False(complete);
        Assert.Equal(["aad-a", "aad-b", "aad-c", "aad-d", "aad-e"], await MembersAsync(_bot, Team));
    }

    [Fact]
    public async Task Sync_MemberLeft_RemovedAfterCompleteListing()
    {
        _bot.Connector.Rosters[Team] = Members("a", "b", "c", "d", "e");
        await InstallAsync(_bot, Team, 5);
        _bot.Connector.Rosters[Team] = Members("a", "c", "d", "e", "f");

        var complete = await _bot.Services.GetRequiredService<Rosters>().SyncAsync(new RosterTeam(Team, Url, BotHost.TenantId, BotHost.BotId), default);

        Assert.True(complete);
        Assert.Equal(["aad-a", "aad-c", "aad-d", "aad-e", "aad-f"], await MembersAsync(_bot, Team));
    }

    [Fact]
    public async Task Broadcast_PersonInTwoTeams_OneChatAndOneCard()
    {
        const string Other = "19:other-team@thread.tacv2";
        _bot.Connector.Rosters[Team] = Members("both", "first");
        _bot.Connector.Rosters[Other] = Members("both", "second");
        await InstallAsync(_bot, Team, 2);
        await InstallAsync(_bot, Other, 2);
        await PublishAsync(_bot);

        await BroadcastAsync(_bot);

        var cards = CardsSent(_bot);
        Assert.Equal(3, cards.Count);
        Assert.Equal(3, cards.Distinct().Count());
        Assert.Equal(1, Creates(_bot, "29:both"));
        Assert.Equal(3, await _bot.Db.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE broadcast_id = 1 AND created_chat = TRUE"), default));
    }
}
