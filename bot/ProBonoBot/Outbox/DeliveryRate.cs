using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using ProBonoBot.Broadcasts;
using ProBonoBot.Protocol.Connector;

namespace ProBonoBot.Outbox;

/// <summary>
/// Keeps proactive sending under Teams' limits: divides the app's per-tenant ceiling among the running instances
/// (live ones only: see <see cref="Turns.InstanceRegistry"/>) for the <see cref="ProactivePacer"/>, and allows at most 7 per
/// second into one conversation.
/// </summary>
public sealed class DeliveryRate
{
    private readonly TimeProvider _time;
    private readonly BroadcastOptions _options;
    private readonly ConcurrentDictionary<string, Queue<long>> _perConversation = new(StringComparer.Ordinal);
    private readonly ProactivePacer _pacer;
    private int _instances = 1;

    public DeliveryRate(TimeProvider time, IOptions<BroadcastOptions> options, ProactivePacer pacer)
    {
        _time = time;
        _options = options.Value;
        _pacer = pacer;
        _pacer.RatePerSecond = Effective(_options.RatePerSecond, 1);
    }

    /// <summary>The rate this instance sends at now.</summary>
    public double RatePerSecond => Effective(_options.RatePerSecond, _instances);

    /// <summary>Waits until one more message may go into this conversation (7 per second).</summary>
    public async ValueTask AcquireAsync(string conversationId, CancellationToken ct)
    {
        while (true)
        {
            var wait = ReservePerConversation(conversationId);
            if (wait <= TimeSpan.Zero)
            {
                return;
            }

            await Task.Delay(wait, _time, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Re-divides the app's rate among the live instances (counted by their heartbeats, see <see cref="Turns.InstanceRegistry"/>).</summary>
    public void SetInstances(int live)
    {
        _instances = Math.Max(1, live);
        _pacer.RatePerSecond = Effective(_options.RatePerSecond, _instances);
    }

    // A little under the ceiling, one token at a time: requests reach Teams with some jitter, and no one-second
    // window there may see more than the ceiling.
    private static double Effective(int ceiling, int instances) => ceiling * 0.94 / instances;

    internal TimeSpan ReservePerConversation(string conversationId)
    {
        var now = _time.GetUtcNow().UtcTicks;
        var window = TimeSpan.TicksPerSecond;
        var sent = _perConversation.GetOrAdd(conversationId, _ => new Queue<long>());
        lock (sent)
        {
            while (sent.Count > 0 && sent.Peek() <= now - window)
            {
                sent.Dequeue();
            }

            if (sent.Count < _options.PerConversationPerSecond)
            {
                sent.Enqueue(now);
                return TimeSpan.Zero;
            }

            return TimeSpan.FromTicks(sent.Peek() + window - now + 1);
        }
    }

    /// <summary>Forgets conversations that have been quiet for a while.</summary>
    public void Trim()
    {
        var old = _time.GetUtcNow().UtcTicks - (2 * TimeSpan.TicksPerSecond);
        foreach (var (key, sent) in _perConversation)
        {
            lock (sent)
            {
                if (sent.Count == 0 || sent.Last() < old)
                {
                    _perConversation.TryRemove(key, out _);
                }
            }
        }
    }
}
