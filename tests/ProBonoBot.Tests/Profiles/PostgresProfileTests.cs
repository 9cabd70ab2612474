using Microsoft.Extensions.DependencyInjection;
using ProBonoBot.Profiles;
using ProBonoBot.Tests.Privacy;
using ProBonoBot.Tests.Storage;

namespace ProBonoBot.Tests.Profiles;

/// <summary>Migration 0015 and the profile store's upserts on PostgreSQL.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class PostgresProfileTests(DatabaseFixture databases) : IAsyncLifetime
{
    private BotHost _bot = null!;
    private ClubScenario _club = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHost.StartAsync(await databases.NewPostgresDatabaseAsync());
        _club = new ClubScenario(_bot);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private ProfileStore Store => _bot.Services.GetRequiredService<ProfileStore>();

    [Fact]
    public async Task Store_OnPostgres_AskedOnceSaveKeepsAskedAndReads()
    {
        Assert.True(await Store.MarkAskedAsync("aad-1", "Aiko", default));
        Assert.False(await Store.MarkAskedAsync("aad-1", "Aiko", default));

        await Store.SaveAsync(new Profile("aad-1", "Aiko", ["excel", "figma"], "写真撮影", ["disaster"], 12, ["ja"], WorkPreference.Either, "石川県"), default);

        var stored = await Store.GetAsync("aad-1", default);
        Assert.Equal(["excel", "figma"], stored!.Skills);
        Assert.Equal(12, stored.HoursPerMonth);
        Assert.Equal(WorkPreference.Either, stored.Mode);
        Assert.False(await Store.MarkAskedAsync("aad-1", "Aiko", default));
    }

    [Fact]
    public async Task Invite_OnPostgres_OnceAndFitExcludesApplicants()
    {
        await _club.InstallInTeamAsync();
        var number = await _club.CreateDraftAsync();
        await _club.PublishAsync(number);
        await Store.SaveAsync(new Profile("aad-fits", "Fits", ["figma"], null, [], null, [], null, null), default);
        await Store.SaveAsync(new Profile(ClubScenario.VolunteerAad, "Applied", ["figma"], null, [], null, [], null, null), default);
        await _club.SignUpAsync(number, 2);
        await _bot.Db.WriteAsync(c => Dapper.SqlMapper.ExecuteAsync(c,
            "INSERT INTO team_members (team_id, aad_object_id, teams_user_id, tenant_id, service_url, bot_id, seen_at) VALUES ('19:team0123@thread.tacv2', 'aad-fits', '29:fits', @tenant, @url, @bot, @now)",
            new { tenant = BotHost.TenantId, url = _bot.Connector.ServiceUrl, bot = BotHost.BotId, now = DateTimeOffset.UtcNow }), default);

        Assert.Equal(["aad-fits"], await _bot.Services.GetRequiredService<IProfileFit>().PeopleFittingAsync(number, default));
        Assert.Equal(InviteResult.Sent, await Store.InviteAsync(number, "aad-fits", "leader", "{\"type\":\"message\",\"text\":\"hi\"}", default));
        Assert.Equal(InviteResult.AlreadyInvited, await Store.InviteAsync(number, "aad-fits", "leader", "{\"type\":\"message\",\"text\":\"hi\"}", default));
        Assert.Equal(InviteResult.Unreachable, await Store.InviteAsync(number, "aad-nobody", "leader", "{}", default));
        Assert.Equal(1, await _club.CountAsync("SELECT COUNT(*) FROM outbox WHERE user_aad = 'aad-fits'"));
    }
}
