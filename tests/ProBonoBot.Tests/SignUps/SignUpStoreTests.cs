using Dapper;
using Microsoft.Extensions.Options;
using ProBonoBot.Cards.Projects;
using ProBonoBot.Club;
using ProBonoBot.Outbox;
using ProBonoBot.Projects;
using ProBonoBot.SignUps;
using ProBonoBot.Storage;
using ProBonoBot.Testing;
using ProBonoBot.Tests.Storage;

namespace ProBonoBot.Tests.SignUps;

[Collection(DatabaseCollection.Name)]
public sealed class SignUpStoreTests(DatabaseFixture databases)
{
    private sealed record Sut(Db Db, ProjectStore Projects, SignUpStore SignUps, ManualClock Clock) : IDisposable
    {
        public void Dispose() => Db.Dispose();
    }

    private async Task<Sut> CreateSutAsync(StorageProvider provider)
    {
        var db = await databases.NewDbAsync(provider);
        var clock = new ManualClock(DateTimeOffset.Parse("2026-11-22T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var signal = new OutboxSignal();
        var outbox = new OutboxStore(db, clock, signal, new ProBonoBot.Turns.InstanceRegistry(db, clock, Microsoft.Extensions.Options.Options.Create(new ProBonoBot.Turns.TurnOptions())));
        return new Sut(db, new ProjectStore(db, clock), new SignUpStore(db, outbox, signal, Options.Create(new ClubOptions()), clock), clock);
    }

    private static async Task<long> RecruitingProjectAsync(Sut sut, int seats = 5)
    {
        var number = await sut.Projects.CreateAsync(new ProjectDraft("Reclaimed wood tracking", "Noto wood rescue team", "Track reclaimed wood.", null, null, 5,
            null, null, WorkMode.Remote, null, "ja", [new ProjectRole(1, "Data analyst", "Excel", seats), new ProjectRole(2, "Writer", null, 1)]), "leader-aad", "Leader", default);
        Assert.True(await sut.Projects.SetStatusAsync(number, [ProjectStatus.Draft], ProjectStatus.Recruiting, default));
        return number;
    }

    private static Person P(int i) => new($"aad-{i}", $"Person {i}", $"29:user-{i}", "tenant", null, null);

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task ConfirmAsync_200ConcurrentFor5Seats_Exactly5ConfirmedRestWaitlistedInArrivalOrder(StorageProvider provider)
    {
        using var sut = await CreateSutAsync(provider);
        var project = await RecruitingProjectAsync(sut, seats: 5);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() => sut.SignUps.ConfirmAsync(project, 1, P(i), 5, null, default))));

        Assert.Equal(5, outcomes.Count(o => o.Result == SignUpResult.Confirmed));
        Assert.Equal(195, outcomes.Count(o => o.Result == SignUpResult.Waitlisted));
        Assert.Equal(Enumerable.Range(1, 195), outcomes.Where(o => o.Result == SignUpResult.Waitlisted).Select(o => o.Position).Order());
        var rows = (await sut.Db.ReadAsync(c => c.QueryAsync<(long Seq, long Status)>(
            "SELECT seq, status FROM signups WHERE project_number = @project ORDER BY seq", new { project }), default)).ToList();
        Assert.Equal(200, rows.Count);
        Assert.All(rows.Take(5), r => Assert.Equal((long)SignUpStatus.Confirmed, r.Status));
        Assert.All(rows.Skip(5), r => Assert.Equal((long)SignUpStatus.Waitlisted, r.Status));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task ConfirmAsync_SamePersonTwiceConcurrently_OneSignUp(StorageProvider provider)
    {
        using var sut = await CreateSutAsync(provider);
        var project = await RecruitingProjectAsync(sut);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => sut.SignUps.ConfirmAsync(project, 1, P(1), 5, null, default))));

        Assert.Equal(1, outcomes.Count(o => o.Result == SignUpResult.Confirmed));
        Assert.Equal(9, outcomes.Count(o => o.Result == SignUpResult.AlreadySignedUp));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task ConfirmAsync_UnknownRoleOrClosedProject_ChangesNothing(StorageProvider provider)
    {
        using var sut = await CreateSutAsync(provider);
        var project = await RecruitingProjectAsync(sut);

        Assert.Equal(SignUpResult.UnknownRole, (await sut.SignUps.ConfirmAsync(project, 99, P(1), 5, null, default)).Result);
        Assert.Equal(SignUpResult.UnknownProject, (await sut.SignUps.ConfirmAsync(9999, 1, P(1), 5, null, default)).Result);
        await sut.Projects.SetStatusAsync(project, [ProjectStatus.Recruiting], ProjectStatus.Cancelled, default);
        Assert.Equal(SignUpResult.NotRecruiting, (await sut.SignUps.ConfirmAsync(project, 1, P(1), 5, null, default)).Result);

        Assert.Equal(0, await sut.Db.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM signups"), default));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task WithdrawAsync_ConfirmedSeatFreed_FirstWaitlistedOfferedAndOfferEnqueued(StorageProvider provider)
    {
        using var sut = await CreateSutAsync(provider);
        var project = await RecruitingProjectAsync(sut, seats: 1);
        await sut.SignUps.ConfirmAsync(project, 1, P(1), 5, null, default);
        await sut.SignUps.ConfirmAsync(project, 1, P(2), 5, null, default);
        await sut.SignUps.ConfirmAsync(project, 1, P(3), 5, null, default);

        var withdrawn = await sut.SignUps.WithdrawAsync(project, "aad-1", default);

        Assert.Equal(SignUpStatus.Withdrawn, withdrawn!.Status);
        Assert.Equal(SignUpStatus.Offered, (await sut.SignUps.LiveAsync(project, "aad-2", default))!.Status);
        Assert.Equal(SignUpStatus.Waitlisted, (await sut.SignUps.LiveAsync(project, "aad-3", default))!.Status);
        var offer = await sut.Db.ReadAsync(c => c.QuerySingleAsync<(string Aad, string Activity)>("SELECT user_aad, activity FROM outbox"), default);
        Assert.Equal("aad-2", offer.Aad);
        Assert.Contains("offerAccept", offer.Activity, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task ExpireOffersAsync_DeadlinePassed_OfferMovesToNextInLine(StorageProvider provider)
    {
        using var sut = await CreateSutAsync(provider);
        var project = await RecruitingProjectAsync(sut, seats: 1);
        foreach (var i in new[] { 1, 2, 3 })
        {
            await sut.SignUps.ConfirmAsync(project, 1, P(i), 5, null, default);
        }

        await sut.SignUps.WithdrawAsync(project, "aad-1", default);
        sut.Clock.Advance(TimeSpan.FromHours(47));
        Assert.Equal(0, await sut.SignUps.ExpireOffersAsync(default));
        sut.Clock.Advance(TimeSpan.FromHours(2));

        Assert.Equal(1, await sut.SignUps.ExpireOffersAsync(default));

        Assert.Null(await sut.SignUps.LiveAsync(project, "aad-2", default));
        Assert.Equal(SignUpStatus.Offered, (await sut.SignUps.LiveAsync(project, "aad-3", default))!.Status);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task AcceptOfferAsync_Open_ConfirmsOnce(StorageProvider provider)
    {
        using var sut = await CreateSutAsync(provider);
        var project = await RecruitingProjectAsync(sut, seats: 1);
        await sut.SignUps.ConfirmAsync(project, 1, P(1), 5, null, default);
        await sut.SignUps.ConfirmAsync(project, 1, P(2), 5, null, default);
        await sut.SignUps.WithdrawAsync(project, "aad-1", default);

        var first = await sut.SignUps.AcceptOfferAsync(project, "aad-2", default);
        var second = await sut.SignUps.AcceptOfferAsync(project, "aad-2", default);

        Assert.Equal(SignUpStatus.Confirmed, first!.Status);
        Assert.Null(second);
        Assert.Equal(SignUpStatus.Confirmed, (await sut.SignUps.LiveAsync(project, "aad-2", default))!.Status);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task DeclineOfferAsync_PassesSeatOn(StorageProvider provider)
    {
        using var sut = await CreateSutAsync(provider);
        var project = await RecruitingProjectAsync(sut, seats: 1);
        foreach (var i in new[] { 1, 2, 3 })
        {
            await sut.SignUps.ConfirmAsync(project, 1, P(i), 5, null, default);
        }

        await sut.SignUps.WithdrawAsync(project, "aad-1", default);

        Assert.NotNull(await sut.SignUps.DeclineOfferAsync(project, "aad-2", default));
        Assert.Equal(SignUpStatus.Offered, (await sut.SignUps.LiveAsync(project, "aad-3", default))!.Status);
        Assert.Null(await sut.SignUps.DeclineOfferAsync(project, "aad-1", default));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task SignUpChanges_BumpCardVersionAndRecordLeaderEvents(StorageProvider provider)
    {
        using var sut = await CreateSutAsync(provider);
        var project = await RecruitingProjectAsync(sut, seats: 1);
        var before = (await sut.Projects.GetAsync(project, default))!.CardVersion;

        await sut.SignUps.ConfirmAsync(project, 1, P(1), 5, null, default);
        await sut.SignUps.ConfirmAsync(project, 1, P(2), 5, null, default);

        Assert.Equal(before + 2, (await sut.Projects.GetAsync(project, default))!.CardVersion);
        var kinds = await sut.Db.ReadAsync(c => c.QueryAsync<string>("SELECT kind FROM leader_events ORDER BY id"), default);
        Assert.Equal(["signedUp", "waitlisted"], kinds);
        var counts = await sut.Projects.CountsAsync(project, default);
        Assert.Equal((1, 1), counts[1]);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task ListOfMemberOrLeader_ConfirmedOrLeading_ListedWaitlistedAndClosedNot(StorageProvider provider)
    {
        using var sut = await CreateSutAsync(provider);
        var confirmed = await RecruitingProjectAsync(sut, seats: 1);
        var waitlisted = await RecruitingProjectAsync(sut, seats: 1);
        var closedLed = await RecruitingProjectAsync(sut);
        await sut.SignUps.ConfirmAsync(confirmed, 1, P(1), 5, null, default);
        await sut.SignUps.ConfirmAsync(waitlisted, 1, P(2), 5, null, default);
        await sut.SignUps.ConfirmAsync(waitlisted, 1, P(1), 5, null, default);
        await sut.Projects.SetStatusAsync(closedLed, [ProjectStatus.Recruiting], ProjectStatus.Cancelled, default);

        var ofMember = await sut.Projects.ListOfMemberOrLeaderAsync("aad-1", default);
        var ofLeader = await sut.Projects.ListOfMemberOrLeaderAsync("LEADER-AAD", default);

        Assert.Equal([confirmed], ofMember.Select(p => p.Number));
        Assert.Equal([confirmed, waitlisted], ofLeader.Select(p => p.Number));
        Assert.All(ofLeader, p => Assert.Equal(2, p.Roles.Count));
    }
}
