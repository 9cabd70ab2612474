using System.Security.Cryptography;
using System.Text;

namespace ProBonoBot.Hours;

/// <summary>Where an entry stands (column <c>hours.status</c>).</summary>
public enum HoursStatus
{
    Waiting = 0,
    Approved = 1,
    Rejected = 2,
}

/// <summary>A stored hours entry. <see cref="LoggedMinutes"/> is what the member had logged when a leader corrected it.</summary>
public sealed record HoursEntry
{
    public long Id { get; init; }
    public long ProjectNumber { get; init; }
    public string UserAad { get; init; } = string.Empty;
    public string? UserName { get; init; }
    public string Period { get; init; } = string.Empty;
    public string WorkedOn { get; init; } = string.Empty;
    public long Minutes { get; init; }
    public string? Note { get; init; }
    public HoursStatus Status { get; init; }
    public long? LoggedMinutes { get; init; }
    public string? ReviewedBy { get; init; }

    /// <summary>
    /// A short fingerprint of what a leader sees (hours, date, note, status): the approval card carries it, so an entry
    /// the member changed after the card was shown is skipped instead of approved unseen.
    /// </summary>
    public string Version =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{Minutes}|{WorkedOn}|{(int)Status}|{Note}")))[..12].ToLowerInvariant();
}

/// <summary>What logging or saving an entry did.</summary>
public enum LogResult
{
    Logged,
    AlreadyLogged,
    Saved,
    SavedBackToWaiting,
    NotMember,
    UnknownProject,
}

/// <summary>A leader's decision on one entry: the version they saw and, when corrected, the new minutes.</summary>
public sealed record HoursDecision(long Id, string Version, long? Minutes);

/// <summary>
/// What a bulk approval or rejection did: how many changed and their minutes; the entries skipped because the member
/// changed them since the card was shown (<paramref name="Stale"/>) or because they were reviewed already (a second click).
/// </summary>
public sealed record ReviewOutcome(bool Valid, int Changed, long Minutes, IReadOnlyList<HoursEntry> Stale, IReadOnlyList<HoursEntry> Reviewed);
