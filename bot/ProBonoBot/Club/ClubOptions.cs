namespace ProBonoBot.Club;

/// <summary>How the club runs (section <c>Club</c>).</summary>
public sealed class ClubOptions
{
    public const string Section = "Club";

    /// <summary>Entra object ids of the club leaders; more can be added from chat.</summary>
    public IList<string> Leaders { get; } = [];

    /// <summary>An abandoned sign-up conversation expires after this long.</summary>
    public TimeSpan SignUpSessionTimeout { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long a freed seat stays offered to the first person on the waitlist.</summary>
    public TimeSpan OfferTimeout { get; set; } = TimeSpan.FromHours(48);

    /// <summary>Leaders get one digest of sign-up news per interval instead of a ping per click.</summary>
    public TimeSpan LeaderDigestInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Posted announcement cards are brought up to date at most this often (per copy).</summary>
    public TimeSpan CardUpdateInterval { get; set; } = TimeSpan.FromSeconds(2);
}
