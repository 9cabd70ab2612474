namespace ProBonoBot.Cards.Hours;

/// <summary>Verbs of the hours cards.</summary>
public static class HoursVerbs
{
    /// <summary>The one-tap "Log 4 h" button.</summary>
    public const string Log = "hoursLog";

    /// <summary>Save of the edit area (hours, date, note).</summary>
    public const string Save = "hoursSave";

    /// <summary>Edit on a <c>my hours</c> entry: sends the edit card.</summary>
    public const string Edit = "hoursEdit";

    /// <summary>"Log hours" for this week, from <c>my hours</c>.</summary>
    public const string LogWeek = "hoursLogWeek";

    /// <summary>The leader's button that sends the approval cards.</summary>
    public const string Review = "hoursReview";

    public const string Approve = "hoursApprove";
    public const string Reject = "hoursReject";
}
