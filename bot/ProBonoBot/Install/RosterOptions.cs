namespace ProBonoBot.Install;

/// <summary>Team roster settings (section <c>Rosters</c>).</summary>
public sealed class RosterOptions
{
    public const string Section = "Rosters";

    /// <summary>How often (minutes) each team's member list is read again in full from Teams; members added or removed in between arrive as events.</summary>
    public int RefreshMinutes { get; set; } = 360;

    /// <summary>Members asked for per page of Teams' paged member list (1–500; Teams' maximum is 500).</summary>
    public int PageSize { get; set; } = 500;
}
