using ProBonoBot.Protocol.Activities;
using ProBonoBot.Protocol.Connector;
using ProBonoBot.Protocol.Streaming;

namespace ProBonoBot.Drafting;

/// <summary>
/// Where a job's progress and result go: in a 1:1 chat a Teams stream (informative update at once, the text
/// as it is drafted, the card at the end); in channels and group chats a typing indicator and then the result.
/// </summary>
public sealed class DraftOutput
{
    private readonly IConnectorClient _connector;
    private readonly DraftingJob _job;
    private readonly StreamingReply? _stream;

    public DraftOutput(IConnectorClient connector, DraftingJob job, TimeProvider time, TimeSpan streamInterval)
    {
        ArgumentNullException.ThrowIfNull(job);
        _connector = connector;
        _job = job;
        if (job.ConversationType == ConversationTypes.Personal)
        {
            _stream = new StreamingReply(connector, job.ServiceUrl, job.ConversationId, time, streamInterval);
        }
    }

    /// <summary>The stream's id in a 1:1 chat once it is open: the final message replaces it and Teams may name it by this id.</summary>
    public string? StreamId => _stream?.StreamId;

    public async Task InformAsync(string text, CancellationToken ct)
    {
        if (_stream is not null)
        {
            await _stream.InformAsync(text, ct).ConfigureAwait(false);
            return;
        }

        await _connector.SendToConversationAsync(_job.ServiceUrl, _job.ConversationId, new Activity { Type = ActivityTypes.Typing }, ct).ConfigureAwait(false);
    }

    public ValueTask ProgressAsync(string textSoFar, CancellationToken ct) =>
        _stream is null ? ValueTask.CompletedTask : new ValueTask(_stream.UpdateAsync(Trim(textSoFar), ct));

    public Task<ResourceResponse> FinishAsync(Activity result, CancellationToken ct) =>
        _stream is not null
            ? _stream.FinishAsync(result, ct)
            : _connector.SendToConversationAsync(_job.ServiceUrl, _job.ConversationId, result, ct);

    // Streamed text is a preview; the card carries everything. Long previews show their end.
    private static string Trim(string text) => text.Length <= 3500 ? text : "…" + text[^3500..];
}
