using Dapper;
using Microsoft.Extensions.DependencyInjection;
using ProBonoBot.Outbox;
using ProBonoBot.Testing;

namespace ProBonoBot.Tests.Outbox;

/// <summary>Each connector answer maps to one delivery status (through the running host and the fake connector).</summary>
public sealed class OutboxDeliveryTests : IAsyncLifetime
{
    private BotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync(extra: new() { ["Connector:MaxRetries"] = "0" });

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private async Task<(long Status, long Attempts, string? Result)> DeliverAsync(string conversationId, params Fault[] faults)
    {
        foreach (var fault in faults)
        {
            _bot.Connector.FailWhen(r => r.RawTarget.Contains(Uri.EscapeDataString(conversationId), StringComparison.Ordinal), fault);
        }

        var store = _bot.Services.GetRequiredService<OutboxStore>();
        await store.EnqueueAsync([new OutboxItem("{\"type\":\"message\",\"text\":\"hello\"}", ConversationId: conversationId, ServiceUrl: _bot.Connector.ServiceUrl)], default);
        for (var i = 0; i < 100; i++)
        {
            var row = await _bot.Db.ReadAsync(c => c.QuerySingleAsync<(long Status, long Attempts, string? Result)>(
                "SELECT status, attempts, result FROM outbox WHERE conversation_id = @conversationId", new { conversationId }), default);
            if (row.Status != 0 || row.Attempts > 0)
            {
                return row;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The outbox row was not delivered.");
    }

    [Fact]
    public async Task Deliver_Success_Sent()
    {
        var row = await DeliverAsync("a:ok");

        Assert.Equal((long)DeliveryStatus.Sent, row.Status);
        Assert.StartsWith("activity-", row.Result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deliver_403MessageWritesBlocked_Blocked()
    {
        Assert.Equal((long)DeliveryStatus.Blocked, (await DeliverAsync("a:blocked", new Fault(403, ErrorCode: "MessageWritesBlocked"))).Status);
    }

    [Fact]
    public async Task Deliver_404_NotFound()
    {
        Assert.Equal((long)DeliveryStatus.NotFound, (await DeliverAsync("a:gone", new Fault(404, ErrorCode: "NotFound"))).Status);
    }

    [Fact]
    public async Task Deliver_ServerError_RetriedLaterNotLost()
    {
        var row = await DeliverAsync("a:flaky", new Fault(503));

        Assert.Equal((long)DeliveryStatus.Pending, row.Status);
        Assert.Equal(1, row.Attempts);
    }

    [Fact]
    public async Task Deliver_PersonWithoutChatOrTeamsId_NotInstalled()
    {
        var store = _bot.Services.GetRequiredService<OutboxStore>();
        await store.EnqueueAsync([new OutboxItem("{\"type\":\"message\",\"text\":\"hello\"}", UserAad: "aad-nobody")], default);

        for (var i = 0; i < 100 && await _bot.Db.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT status FROM outbox WHERE user_aad = 'aad-nobody'"), default) == 0; i++)
        {
            await Task.Delay(50);
        }

        Assert.Equal((long)DeliveryStatus.NotInstalled, await _bot.Db.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT status FROM outbox WHERE user_aad = 'aad-nobody'"), default));
    }
}
