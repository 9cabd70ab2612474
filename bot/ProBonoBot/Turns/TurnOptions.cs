namespace ProBonoBot.Turns;

/// <summary>How turns are run and watched (section <c>Turns</c>).</summary>
public sealed class TurnOptions
{
    public const string Section = "Turns";

    /// <summary>A turn still running after this is cancelled, so that its lane goes on.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A lane with work that has finished no turn for this long counts as stalled; /healthz then fails.</summary>
    public TimeSpan StallAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A turn that was started this many times without finishing (the bot stopped during it each time) is parked.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>How often an instance announces itself; one silent for three beats counts as gone and its work is taken over.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(2);
}
