using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;
using ProBonoBot.Protocol.Activities;

namespace ProBonoBot.Turns;

/// <summary>
/// In-memory hand-off from the HTTP endpoint to the turn workers, in lanes keyed by conversation so that
/// turns of one conversation run in order while different conversations run in parallel. The durable copy
/// of each queued activity is in the <see cref="ActivityJournal"/>.
/// </summary>
/// <remarks>
/// Each lane holds at most <see cref="LaneCapacity"/> turns. The endpoint never waits for room: it reserves a
/// place first (<see cref="TryReserve"/>), records the activity, then fills the place
/// (<see cref="EnqueueReserved"/>), so a full lane is known before anything is recorded and a recorded activity
/// always finds its place.
/// </remarks>
public sealed class TurnQueue
{
    // Many lanes: a turn that waits (a slow database, a connector retry) holds up few other chats.
    public const int LaneCount = 64;
    public const int LaneCapacity = 4096;
    private readonly Channel<QueuedTurn>[] _lanes;
    private readonly ChannelReader<QueuedTurn>[] _readers;
    private readonly int[] _held = new int[LaneCount];

    public TurnQueue()
    {
        _lanes = new Channel<QueuedTurn>[LaneCount];
        _readers = new ChannelReader<QueuedTurn>[LaneCount];
        for (var i = 0; i < LaneCount; i++)
        {
            // Unbounded underneath: the capacity is enforced by the reservations, never by a waiting writer.
            _lanes[i] = Channel.CreateUnbounded<QueuedTurn>(new UnboundedChannelOptions { SingleReader = true });
            _readers[i] = new CountingReader(_lanes[i].Reader, this, i);
        }
    }

    /// <summary>
    /// Queues a turn without waiting, also beyond the capacity: for replaying the journal at start, where every
    /// pending activity must be queued and the lanes are not running yet.
    /// </summary>
    public ValueTask EnqueueAsync(QueuedTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var lane = LaneOf(turn.ConversationId);
        Interlocked.Increment(ref _held[lane]);
        if (!_lanes[lane].Writer.TryWrite(turn))
        {
            Interlocked.Decrement(ref _held[lane]);
            throw new ChannelClosedException();
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Queues a turn if its lane has room; false (at once) when the lane is full.</summary>
    public bool TryEnqueue(QueuedTurn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (!TryReserve(turn.ConversationId))
        {
            return false;
        }

        EnqueueReserved(turn);
        return true;
    }

    /// <summary>Holds a place in the conversation's lane; false when the lane is full. Follow with <see cref="EnqueueReserved"/> or <see cref="Release"/>.</summary>
    public bool TryReserve(string conversationId)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        var lane = LaneOf(conversationId);
        while (true)
        {
            var held = Volatile.Read(ref _held[lane]);
            if (held >= LaneCapacity)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _held[lane], held + 1, held) == held)
            {
                return true;
            }
        }
    }

    /// <summary>Fills a place taken with <see cref="TryReserve"/>.</summary>
    public void EnqueueReserved(QueuedTurn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (!_lanes[LaneOf(turn.ConversationId)].Writer.TryWrite(turn))
        {
            Release(turn.ConversationId);
        }
    }

    /// <summary>Gives back a place taken with <see cref="TryReserve"/> that will not be used.</summary>
    public void Release(string conversationId) => Interlocked.Decrement(ref _held[LaneOf(conversationId)]);

    /// <summary>Turns queued or reserved in the conversation's lane.</summary>
    public int Depth(string conversationId) => Volatile.Read(ref _held[LaneOf(conversationId)]);

    internal ChannelReader<QueuedTurn> Lane(int index) => _readers[index];

    /// <summary>Turns queued or reserved in lane <paramref name="index"/>.</summary>
    internal int DepthOfLane(int index) => Volatile.Read(ref _held[index]);

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

    /// <summary>Gives a lane's place back when its worker takes a turn out.</summary>
    private sealed class CountingReader(ChannelReader<QueuedTurn> inner, TurnQueue queue, int lane) : ChannelReader<QueuedTurn>
    {
        public override Task Completion => inner.Completion;

        public override bool CanCount => inner.CanCount;

        public override int Count => inner.Count;

        public override bool TryRead([MaybeNullWhen(false)] out QueuedTurn item)
        {
            if (!inner.TryRead(out item))
            {
                return false;
            }

            Interlocked.Decrement(ref queue._held[lane]);
            return true;
        }

        public override bool TryPeek([MaybeNullWhen(false)] out QueuedTurn item) => inner.TryPeek(out item);

        public override ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken = default) => inner.WaitToReadAsync(cancellationToken);
    }
}

/// <summary>An activity recorded in the journal and waiting to be handled.</summary>
public sealed record QueuedTurn(Activity Activity, string ConversationId, string ActivityId)
{
    /// <summary>When it was queued (a <see cref="TimeProvider"/> timestamp), to report the oldest unfinished turn.</summary>
    public long EnqueuedAt { get; init; } = TimeProvider.System.GetTimestamp();

    /// <summary>The trace of the request that delivered it (none when traces are off or for a replayed turn): the turn's span joins it.</summary>
    public System.Diagnostics.ActivityContext Trace { get; init; } = System.Diagnostics.Activity.Current?.Context ?? default;
}
