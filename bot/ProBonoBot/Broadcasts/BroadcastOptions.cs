namespace ProBonoBot.Broadcasts;

/// <summary>Broadcast delivery settings (section <c>Broadcasts</c>).</summary>
public sealed class BroadcastOptions
{
    public const string Section = "Broadcasts";

    /// <summary>Teams' ceiling for one app in one tenant, shared by all bot instances (Teams allows 50/s).</summary>
    public int RatePerSecond { get; set; } = 50;

    /// <summary>Teams allows 7 messages per second into one conversation.</summary>
    public int PerConversationPerSecond { get; set; } = 7;

    /// <summary>Messages sent at once by one instance (to keep up with the rate despite connector latency).</summary>
    public int Parallelism { get; set; } = 16;

    /// <summary>The leader's report card is updated in place at most this often.</summary>
    public TimeSpan ReportInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long a claimed message is reserved for the instance sending it; a crashed instance's messages are taken over sooner, once its heartbeat is stale (see Turns:HeartbeatInterval).</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a report download link stays valid (5 minutes to 7 days). It lists who was not reached: it works only for
    /// the leader who started the broadcast while they are a club leader, and is shown only in their 1:1 chat.
    /// </summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(1);
}
