using System.Threading.Channels;
using ProBonoBot.Protocol.Activities;

namespace ProBonoBot.Turns;

/// <summary>
/// In-memory hand-off from the HTTP endpoint to the turn workers, in lanes keyed by conversation so that
/// turns of one conversation run in order while different conversations run in parallel. The durable copy
/// of each queued activity is in the <see cref="ActivityJournal"/>.
/// </summary>
public sealed class TurnQueue
{
    public const int LaneCount = 16;
    private readonly Channel<QueuedTurn>[] _lanes;

    public TurnQueue()
    {
        _lanes = new Channel<QueuedTurn>[LaneCount];
        for (var i = 0; i < LaneCount; i++)
        {
            _lanes[i] = Channel.CreateBounded<QueuedTurn>(new BoundedChannelOptions(4096)
            {
                SingleReader = true,
                FullMode = BoundedChannelFullMode.Wait,
            });
        }
    }

    public ValueTask EnqueueAsync(QueuedTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return _lanes[LaneOf(turn.ConversationId)].Writer.WriteAsync(turn, cancellationToken);
    }

    internal ChannelReader<QueuedTurn> Lane(int index) => _lanes[index].Reader;

    /// <summary>The lane a conversation's turns run in.</summary>
    public static int LaneFor(string conversationId) => LaneOf(conversationId);

    internal void Complete()
    {
        foreach (var lane in _lanes)
        {
            lane.Writer.TryComplete();
        }
    }

    private static int LaneOf(string conversationId) =>
        (int)((uint)string.GetHashCode(conversationId, StringComparison.Ordinal) % LaneCount);
}

/// <summary>An activity recorded in the journal and waiting to be handled.</summary>
public sealed record QueuedTurn(Activity Activity, string ConversationId, string ActivityId)
{
    /// <summary>1 for the first try; more when the turn is started again after a restart (it may be partly done).</summary>
    public long Attempt { get; init; } = 1;

    /// <summary>When it was queued (a <see cref="TimeProvider"/> timestamp), to report the oldest unfinished turn.</summary>
    public long EnqueuedAt { get; init; } = TimeProvider.System.GetTimestamp();
}
