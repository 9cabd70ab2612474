using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using ProBonoBot.Broadcasts;
using ProBonoBot.Hosting;
using ProBonoBot.Projects;
using ProBonoBot.Testing;

namespace ProBonoBot.Tests.Hosting;

/// <summary>Signed, expiring download links (broadcast reports): made by the bot for one leader, refused when tampered with, expired, or the leader is gone.</summary>
public sealed class SignedLinkTests : IAsyncLifetime
{
    private BotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync(extra: new() { ["Bot:PublicBaseUrl"] = "http://127.0.0.1" });

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private const string OtherLeader = "aad-leader-2";

    /// <summary>A finished broadcast started by <paramref name="leader"/>; returns its id.</summary>
    private Task<long> BroadcastByAsync(string leader) =>
        _bot.Db.WriteAsync(c => c.ExecuteScalarAsync<long>(
            "INSERT INTO broadcasts (project_number, audience, created_by, status, total, created_at) VALUES (1, 'people', @leader, 1, 0, @now) RETURNING id",
            new { leader, now = DateTimeOffset.UtcNow }), default);

    private async Task<string> LinkAsync(long id, string leader) =>
        new Uri(await _bot.Services.GetRequiredService<BroadcastReporter>().FailuresUrlAsync(id, leader, default)).PathAndQuery;

    [Fact]
    public async Task UndeliveredCsv_SignedLink_200AndTamperedLink_401()
    {
        var id = await BroadcastByAsync(Activities.UserAad);
        var url = await LinkAsync(id, Activities.UserAad);

        var ok = await _bot.Client.GetAsync(url);
        var otherBroadcast = await _bot.Client.GetAsync(url.Replace($"/broadcasts/{id}/", $"/broadcasts/{id + 1}/", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Contains((await ok.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n")[0],
            new[] { Cards.Language.English, Cards.Language.Japanese }.Select(l => Cards.UiText.For(l).Broadcasts.CsvHeader));
        Assert.Equal(HttpStatusCode.Unauthorized, otherBroadcast.StatusCode);
    }

    // Issue 10 item 4: the link is bound to the leader who started the broadcast.
    [Fact]
    public async Task UndeliveredCsv_UserSwappedForAnotherPerson_401()
    {
        var id = await BroadcastByAsync(Activities.UserAad);
        var url = await LinkAsync(id, Activities.UserAad);

        var swapped = url.Replace("user=" + Activities.UserAad, "user=aad-someone-else", StringComparison.Ordinal);
        var withoutUser = url.Replace("user=" + Activities.UserAad + "&", string.Empty, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Unauthorized, (await _bot.Client.GetAsync(swapped)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _bot.Client.GetAsync(withoutUser)).StatusCode);
    }

    [Fact]
    public async Task UndeliveredCsv_SignedForALeaderWhoDidNotStartIt_403()
    {
        await _bot.Services.GetRequiredService<LeaderDirectory>().AddAsync(OtherLeader, "Other leader", Activities.UserAad, default);
        var id = await BroadcastByAsync(Activities.UserAad);

        var response = await _bot.Client.GetAsync(await LinkAsync(id, OtherLeader));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("user_aad", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UndeliveredCsv_LeaderRemovedAfterTheLinkWasMade_403()
    {
        var leaders = _bot.Services.GetRequiredService<LeaderDirectory>();
        await leaders.AddAsync(OtherLeader, "Other leader", Activities.UserAad, default);
        var id = await BroadcastByAsync(OtherLeader);
        var url = await LinkAsync(id, OtherLeader);
        Assert.Equal(HttpStatusCode.OK, (await _bot.Client.GetAsync(url)).StatusCode);

        await leaders.RemoveAsync(OtherLeader, default);

        Assert.Equal(HttpStatusCode.Forbidden, (await _bot.Client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task UndeliveredCsv_Link_ExpiresWithinTheConfiguredDay()
    {
        var id = await BroadcastByAsync(Activities.UserAad);
        var url = await LinkAsync(id, Activities.UserAad);

        var expires = long.Parse(System.Text.RegularExpressions.Regex.Match(url, @"expires=(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        Assert.InRange(DateTimeOffset.FromUnixTimeSeconds(expires) - DateTimeOffset.UtcNow, TimeSpan.FromHours(23), TimeSpan.FromHours(24));
    }

    [Fact]
    public async Task Verify_ExpiredOrForeignSubject_False()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var sut = new LinkSigner(_bot.Db, clock);
        var (expires, signature) = await sut.SignAsync("manual:1:aad-1", TimeSpan.FromMinutes(5), default);

        Assert.True(await sut.VerifyAsync("manual:1:aad-1", expires, signature, default));
        Assert.False(await sut.VerifyAsync("manual:1:aad-2", expires, signature, default));
        Assert.False(await sut.VerifyAsync("manual:1:aad-1", expires + 60, signature, default));
        clock.Advance(TimeSpan.FromMinutes(6));
        Assert.False(await sut.VerifyAsync("manual:1:aad-1", expires, signature, default));
    }

    [Fact]
    public async Task Sign_TwoSigners_SameKeySharedThroughTheDatabase()
    {
        var (expires, signature) = await new LinkSigner(_bot.Db, TimeProvider.System).SignAsync("7", TimeSpan.FromMinutes(5), default);

        Assert.True(await new LinkSigner(_bot.Db, TimeProvider.System).VerifyAsync("7", expires, signature, default));
    }

    [Theory]
    [InlineData("/manuals/1.md")]
    [InlineData("/broadcasts/1/undelivered.csv?user=x&expires=abc&sig=AAAA")]
    [InlineData("/broadcasts/1/undelivered.csv?expires=99999999999999999999999")]
    [InlineData("/manuals/1.md?user=x&expires=-5&sig=AAAA")]
    public async Task Download_MissingOrUnreadableExpiry_401NotAServerError(string path)
    {
        // Found from outside (issue 10 item 9): the expiry was bound as a required number, and Development answered 500.
        using var response = await _bot.Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
