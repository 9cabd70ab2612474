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

    /// <summary>Above this many people, the leader is asked again before the broadcast starts ("This goes to 850 people. Send?").</summary>
    public int ConfirmAbove { get; set; } = 100;

    /// <summary>
    /// Broadcasts one person gets per day (their local day: their Teams time zone, else Japan time for Japanese readers and
    /// UTC for others); further ones wait for the next day's digest. 0 = no limit.
    /// </summary>
    public int PerPersonPerDay { get; set; } = 1;

    /// <summary>Local time of day (in each person's zone) at which the digest of what waited reaches them the next day.</summary>
    public TimeSpan DigestAt { get; set; } = TimeSpan.FromHours(9);

    /// <summary>How often scheduled broadcasts and due digests are looked for.</summary>
    public TimeSpan ScheduleInterval { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How far ahead a broadcast can be scheduled.</summary>
    public TimeSpan MaxScheduleAhead { get; set; } = TimeSpan.FromDays(60);
}
