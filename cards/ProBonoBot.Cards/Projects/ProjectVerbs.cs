namespace ProBonoBot.Cards.Projects;

/// <summary>Verbs of the project and sign-up cards.</summary>
public static class ProjectVerbs
{
    public const string Save = "projectSave";
    public const string Edit = "projectEdit";
    public const string ChooseChannels = "projectChooseChannels";
    public const string Publish = "projectPublish";
    public const string FormTeam = "projectFormTeam";
    public const string SetStatus = "projectSetStatus";
    public const string Applicants = "projectApplicants";
    public const string View = "projectView";
    public const string SignUp = "signUp";
    public const string Withdraw = "withdraw";
    public const string Answer = "signUpAnswer";
    public const string AcceptOffer = "offerAccept";
    public const string DeclineOffer = "offerDecline";
}
