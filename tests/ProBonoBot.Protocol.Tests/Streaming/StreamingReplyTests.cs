using ProBonoBot.Protocol.Activities;
using ProBonoBot.Protocol.Streaming;
using ProBonoBot.Protocol.Tests.Connector;
using ProBonoBot.Testing;

namespace ProBonoBot.Protocol.Tests.Streaming;

/// <summary>The Teams streaming protocol against the fake connector: order, sequence numbers, pacing, and the 403 fallback.</summary>
public sealed class StreamingReplyTests : IAsyncLifetime
{
    private ConnectorHarness _h = null!;

    public async Task InitializeAsync() => _h = await ConnectorHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private StreamingReply CreateSut(TimeProvider? time = null, double intervalMs = 20) =>
        new(_h.Client, _h.Connector.ServiceUrl, "a:chat", time ?? TimeProvider.System, TimeSpan.FromMilliseconds(intervalMs));

    private static string? Info(RecordedRequest r, string field) =>
        r.Json?["entities"]?.AsArray().FirstOrDefault(e => (string?)e?["type"] == "streaminfo")?[field]?.ToString();

    [Fact]
    public async Task Stream_InformUpdateFinish_SequencedWithStreamIdAndFinalMessage()
    {
        var sut = CreateSut();

        await sut.InformAsync("Drafting…", default);
        await Task.Delay(30);
        await sut.UpdateAsync("Drafting… Title", default);
        await Task.Delay(30);
        await sut.FinishAsync(new Activity { Text = "Done" }, default);

        var sent = _h.Connector.Activities;
        Assert.Equal(3, sent.Count);
        Assert.Equal(["typing", "typing", "message"], sent.Select(r => (string?)r.Json!["type"]));
        Assert.Equal(["informative", "streaming", "final"], sent.Select(r => Info(r, "streamType")));
        Assert.Equal("1", Info(sent[0], "streamSequence"));
        Assert.Null(Info(sent[0], "streamId"));
        Assert.Equal("2", Info(sent[1], "streamSequence"));
        Assert.Equal(sut.StreamId, Info(sent[1], "streamId"));
        Assert.Equal(sut.StreamId, Info(sent[2], "streamId"));
        Assert.Null(Info(sent[2], "streamSequence"));
    }

    [Fact]
    public async Task Finish_WithAiContentEntity_OnlyFinalMessageCarriesIt()
    {
        var sut = CreateSut();
        var final = new Activity { Text = "Partner: Riverside [1]" };
        AiContent.Apply(final, aiGenerated: true, [new Citation(1, "The need", "Riverside needs a website.")]);

        await sut.InformAsync("Drafting…", default);
        await Task.Delay(30);
        await sut.UpdateAsync("Drafting… Title", default);
        await Task.Delay(30);
        await sut.FinishAsync(final, default);

        static bool HasAi(RecordedRequest r) => r.Json?["entities"]?.AsArray().Any(e => (string?)e?["type"] == AiContent.EntityType) == true;
        var sent = _h.Connector.Activities;
        Assert.Equal([false, false, true], sent.Select(HasAi));
        var entities = sent[2].Json!["entities"]!.AsArray();
        Assert.Equal(2, entities.Count);
        Assert.Equal("AIGeneratedContent", (string?)entities.First(e => (string?)e!["type"] == AiContent.EntityType)!["additionalType"]![0]);
    }

    [Fact]
    public async Task Update_WithinInterval_Skipped()
    {
        var clock = new ManualClock();
        var sut = CreateSut(clock, intervalMs: 1000);
        await sut.InformAsync("Drafting…", default);

        await sut.UpdateAsync("Drafting… a", default);
        clock.Advance(TimeSpan.FromSeconds(1.1));
        await sut.UpdateAsync("Drafting… ab", default);

        var texts = _h.Connector.Activities.Select(r => (string?)r.Json!["text"]).ToList();
        Assert.Equal(["Drafting…", "Drafting… ab"], texts);
    }

    [Fact]
    public async Task Finish_StreamRefused403_SentAsNormalMessage()
    {
        var sut = CreateSut();
        await sut.InformAsync("Drafting…", default);
        _h.Connector.Fail(new Fault(403, ErrorCode: "ContentStreamNotAllowed"));
        await Task.Delay(30);

        await sut.FinishAsync(new Activity { Text = "The brief" }, default);

        var last = _h.Connector.Activities[^1];
        Assert.Equal("The brief", (string?)last.Json!["text"]);
        Assert.Null(Info(last, "streamType"));
        Assert.True(sut.Stopped);
    }

    [Fact]
    public async Task Update_AfterStreamStopped_NothingMoreStreamed()
    {
        var sut = CreateSut();
        _h.Connector.Fail(new Fault(403, ErrorCode: "ContentStreamNotAllowed"));
        await sut.InformAsync("Drafting…", default);

        await Task.Delay(30);
        await sut.UpdateAsync("more", default);
        await sut.FinishAsync(new Activity { Text = "result" }, default);

        var sent = _h.Connector.Activities;
        Assert.Equal(2, sent.Count);
        Assert.Equal("result", (string?)sent[^1].Json!["text"]);
        Assert.Null(Info(sent[^1], "streamType"));
    }
}
