using ProBonoBot.Cards.Drafting;

namespace ProBonoBot.Cards.Tests;

/// <summary>What the drafting cards do with model-written text.</summary>
public class DraftingCardTests
{
    [Fact]
    public void ManualCard_ModelWroteALink_ShownAsTextNotAsLink()
    {
        var manual = new ManualDocument("Manual", [new ManualSection("Tools", "Log in at [the portal](https://evil.example/login) first.")]);

        var json = ManualCards.Build(Language.English, new ManualCardModel(1, 2, "P", ManualKind.Operational, 1, manual, "note", false, "https://bot.example/m.md", [])).ToJsonString();

        Assert.DoesNotContain("](https://evil.example/login)", json, StringComparison.Ordinal);
        Assert.Contains("the portal (https://evil.example/login)", json, StringComparison.Ordinal);
    }

    [Fact]
    public void ManualCard_LongSection_TruncatedWithPointerToDownload()
    {
        var manual = new ManualDocument("Manual", [new ManualSection("Long", new string('x', ManualCards.MaxSectionChars + 500))]);

        var json = ManualCards.Build(Language.English, new ManualCardModel(1, 2, "P", ManualKind.Phase, 1, manual, "note", false, "https://bot.example/m.md", [])).ToJsonString();

        Assert.Contains("the full text is in the download", json, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('x', ManualCards.MaxSectionChars + 1), json, StringComparison.Ordinal);
    }

    [Fact]
    public void BriefCard_ModelTextWithMarkdown_Escaped()
    {
        var brief = CardCatalog.Brief(japanese: false) with { Background = "Click [here](https://evil.example) **now**" };

        var json = BriefCard.Build(Language.English, new BriefCardModel(1, 1, BriefStatus.Draft, brief, "A", "note", false), BriefViewer.Author).ToJsonString();

        Assert.Contains(@"\\[here\\](https://evil.example) \\*\\*now\\*\\*", json, StringComparison.Ordinal);
    }

    [Fact]
    public void BriefCard_ReadOnlyOrApproved_NoActions()
    {
        var model = new BriefCardModel(1, 1, BriefStatus.Approved, CardCatalog.Brief(japanese: true), "A", "note", false, 3);

        Assert.Null(BriefCard.Build(Language.Japanese, model, BriefViewer.Author)["actions"]);
        Assert.Null(BriefCard.Build(Language.Japanese, model with { Status = BriefStatus.Sent }, BriefViewer.Author)["actions"]);
        Assert.NotNull(BriefCard.Build(Language.Japanese, model with { Status = BriefStatus.Sent }, BriefViewer.Leader)["actions"]);
    }
}
