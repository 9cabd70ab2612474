using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ProBonoBot.Broadcasts;
using ProBonoBot.Hosting;
using ProBonoBot.Testing;

namespace ProBonoBot.Tests.Hosting;

/// <summary>Signed, expiring download links (broadcast reports): made by the bot, refused when tampered with or expired.</summary>
public sealed class SignedLinkTests : IAsyncLifetime
{
    private BotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync(extra: new() { ["Bot:PublicBaseUrl"] = "http://127.0.0.1" });

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task UndeliveredCsv_SignedLink_200AndTamperedLink_401()
    {
        var url = new Uri(await _bot.Services.GetRequiredService<BroadcastReporter>().FailuresUrlAsync(1, default)).PathAndQuery;

        var ok = await _bot.Client.GetAsync(url);
        var otherBroadcast = await _bot.Client.GetAsync(url.Replace("/broadcasts/1/", "/broadcasts/2/", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.StartsWith("user_aad,conversation_id,status,detail", await ok.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, otherBroadcast.StatusCode);
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
}
