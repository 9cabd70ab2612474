namespace ProBonoBot.Cards.Profiles;

/// <summary>Verbs of the profile, recommendation and invitation cards.</summary>
public static class ProfileVerbs
{
    public const string Save = "profileSave";
    public const string Skip = "profileSkip";
    public const string Show = "profileShow";
    public const string Invite = "profileInvite";
}
