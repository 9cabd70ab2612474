namespace ProBonoBot.Cards.Drafting;

/// <summary>Verbs of the brief and manual cards.</summary>
public static class DraftingVerbs
{
    public const string SaveBrief = "briefSave";
    public const string RegenerateBrief = "briefRegenerate";
    public const string SendBrief = "briefSend";
    public const string ApproveBrief = "briefApprove";
    public const string ReturnBrief = "briefReturn";
    public const string CreateManual = "manualCreate";
    public const string ReviseManual = "manualRevise";
    public const string ReportDraft = "draftReport";
    public const string ProposeYes = "needProposeYes";
    public const string ProposeNo = "needProposeNo";
}
