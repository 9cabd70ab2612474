using System.Text.Json;
using ProBonoBot.Protocol.Activities;
using ProBonoBot.Protocol.Connector;

namespace ProBonoBot.Protocol.Streaming;

/// <summary>
/// Teams' streaming protocol for 1:1 chats: an informative update opens the stream (its activity id is the
/// stream id), typing activities carry the text so far, a final message ends it. At most one request per
/// <c>minInterval</c>, strictly in order; when Teams stops the stream (403, e.g. the user pressed stop or two
/// minutes passed) the final result goes out as a normal message instead.
/// </summary>
public sealed class StreamingReply(IConnectorClient connector, string serviceUrl, string conversationId, TimeProvider time, TimeSpan minInterval)
{
    /// <summary>Teams ends streams after two minutes; updates stop a little before.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromSeconds(110);

    private int _sequence;
    private DateTimeOffset _started;
    private DateTimeOffset _lastSent = DateTimeOffset.MinValue;
    private string? _lastText;

    public string? StreamId { get; private set; }

    /// <summary>True once Teams refused the stream; nothing more is streamed.</summary>
    public bool Stopped { get; private set; }

    /// <summary>Opens the stream with an informative message (or, once open, sends another one).</summary>
    public Task InformAsync(string text, CancellationToken ct) => SendUpdateAsync(text, "informative", force: true, ct);

    /// <summary>Streams the text so far; skipped when the last update was less than the interval ago (the next one carries it).</summary>
    public Task UpdateAsync(string fullText, CancellationToken ct) => SendUpdateAsync(fullText, "streaming", force: false, ct);

    /// <summary>Ends the stream with the final message; a normal message when the stream was stopped or never opened.</summary>
    public async Task<ResourceResponse> FinishAsync(Activity final, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(final);
        final.Type = ActivityTypes.Message;
        if (StreamId is not null && !Stopped)
        {
            await WaitForSlotAsync(ct).ConfigureAwait(false);
            var entities = final.Entities?.ToList() ?? [];
            entities.Add(StreamInfo("final", null));
            final.Entities = entities;
            try
            {
                return await connector.SendToConversationAsync(serviceUrl, conversationId, final, ct).ConfigureAwait(false);
            }
            catch (ConnectorException ex) when (ex.StatusCode is 403 or 400)
            {
                Stopped = true;
                final.Entities = entities.Where(e => e.Type != "streaminfo").ToList();
            }
        }

        return await connector.SendToConversationAsync(serviceUrl, conversationId, final, ct).ConfigureAwait(false);
    }

    private async Task SendUpdateAsync(string text, string streamType, bool force, CancellationToken ct)
    {
        if (Stopped || string.IsNullOrEmpty(text) || text == _lastText)
        {
            return;
        }

        var now = time.GetUtcNow();
        if (StreamId is not null && now - _started > MaxDuration)
        {
            return;
        }

        if (!force && now - _lastSent < minInterval)
        {
            return;
        }

        await WaitForSlotAsync(ct).ConfigureAwait(false);
        var update = new Activity
        {
            Type = ActivityTypes.Typing,
            Text = text,
            Entities = [StreamInfo(streamType, ++_sequence)],
        };
        try
        {
            var response = await connector.SendToConversationAsync(serviceUrl, conversationId, update, ct).ConfigureAwait(false);
            if (StreamId is null)
            {
                StreamId = response.Id;
                _started = time.GetUtcNow();
                Stopped = StreamId is null;
            }

            _lastText = text;
        }
        catch (ConnectorException ex) when (ex.StatusCode is 403 or 400)
        {
            Stopped = true;
        }
        finally
        {
            _lastSent = time.GetUtcNow();
        }
    }

    private async Task WaitForSlotAsync(CancellationToken ct)
    {
        var wait = _lastSent + minInterval - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, ct).ConfigureAwait(false);
        }
    }

    private Entity StreamInfo(string streamType, int? sequence)
    {
        var extra = new Dictionary<string, JsonElement>(StringComparer.Ordinal)
        {
            ["streamType"] = JsonSerializer.SerializeToElement(streamType, ProtocolJsonContext.Default.String),
        };
        if (StreamId is not null)
        {
            extra["streamId"] = JsonSerializer.SerializeToElement(StreamId, ProtocolJsonContext.Default.String);
        }

        if (sequence is { } n)
        {
            extra["streamSequence"] = JsonSerializer.SerializeToElement(n, ProtocolJsonContext.Default.Int32);
        }

        return new Entity { Type = "streaminfo", Extra = extra };
    }
}
