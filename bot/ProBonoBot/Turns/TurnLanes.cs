using Microsoft.Extensions.Options;

namespace ProBonoBot.Turns;

/// <summary>
/// What each turn lane is doing, for /healthz: the turn it runs and since when, and when it last made progress.
/// A lane with work that has made no progress for <see cref="TurnOptions.StallAfter"/> is stalled.
/// </summary>
public sealed class TurnLanes(TurnQueue queue, IOptions<TurnOptions> options)
{
    // Real, monotonic time: queued turns carry the same kind of timestamp.
    private static readonly TimeProvider Clock = TimeProvider.System;

    private readonly long[] _runningSince = new long[TurnQueue.LaneCount];
    private readonly long[] _progressAt = Enumerable.Repeat(Clock.GetTimestamp(), TurnQueue.LaneCount).ToArray();

    public void Started(int lane)
    {
        var now = Clock.GetTimestamp();
        Volatile.Write(ref _runningSince[lane], now);
        Volatile.Write(ref _progressAt[lane], now);
    }

    public void Finished(int lane)
    {
        Volatile.Write(ref _runningSince[lane], 0);
        Volatile.Write(ref _progressAt[lane], Clock.GetTimestamp());
    }

    /// <summary>A snapshot of every lane.</summary>
    public LaneReport Report()
    {
        var stallAfter = options.Value.StallAfter;
        int busy = 0, queued = 0, stalled = 0;
        var oldest = TimeSpan.Zero;
        for (var i = 0; i < TurnQueue.LaneCount; i++)
        {
            var running = Volatile.Read(ref _runningSince[i]);
            var waiting = queue.DepthOfLane(i);
            queued += waiting;
            if (running != 0)
            {
                busy++;
                oldest = Max(oldest, Clock.GetElapsedTime(running));
            }

            if (queue.Lane(i).TryPeek(out var next))
            {
                oldest = Max(oldest, Clock.GetElapsedTime(next.EnqueuedAt));
            }

            if ((running != 0 || waiting > 0) && Clock.GetElapsedTime(Volatile.Read(ref _progressAt[i])) > stallAfter)
            {
                stalled++;
            }
        }

        return new LaneReport(TurnQueue.LaneCount, busy, queued, stalled, Math.Round(oldest.TotalSeconds, 1));
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}

/// <summary>Turn lanes at a glance: how many run a turn, how many turns wait, how many lanes are stalled.</summary>
public sealed record LaneReport(int Lanes, int Busy, int Queued, int Stalled, double OldestUnfinishedTurnSeconds);
