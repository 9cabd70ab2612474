using ProBonoBot.Cards.Drafting;

namespace ProBonoBot.Cards.Tests;

/// <summary>Issue 11: the brief card says what a regeneration applied and, plainly, what it could not.</summary>
public class BriefRevisionCardTests
{
    [Fact]
    public void BriefCard_Revision_ShowsAppliedAndNotApplied()
    {
        var brief = CardCatalog.Brief(japanese: false) with { Revision = new BriefRevision("add a translator; warmer tone", ["Role added: Translator"], ["warmer tone"]) };

        var json = BriefCard.Build(Language.English, new BriefCardModel(1, 2, BriefStatus.Draft, brief, "A", "note", false), BriefViewer.Author).ToJsonString();

        Assert.Contains("Applied from the instruction", json, StringComparison.Ordinal);
        Assert.Contains("Role added: Translator", json, StringComparison.Ordinal);
        Assert.Contains("Could not be applied without an AI model", json, StringComparison.Ordinal);
        Assert.Contains("warmer tone", json, StringComparison.Ordinal);
    }

    [Fact]
    public void BriefCard_RevisionNothingApplied_SaysSoInJapanese()
    {
        var brief = CardCatalog.Brief(japanese: true) with { Revision = new BriefRevision("もっと温かい感じに", [], ["もっと温かい感じに"]) };

        var json = BriefCard.Build(Language.Japanese, new BriefCardModel(1, 2, BriefStatus.Draft, brief, "A", "note", false), BriefViewer.Author)
            .ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

        Assert.Contains("内容は前の版と同じです", json, StringComparison.Ordinal);
        Assert.Contains("指示：もっと温かい感じに", json, StringComparison.Ordinal);
    }

    [Fact]
    public void BriefCard_NoRevision_NoInstructionLine()
    {
        var json = BriefCard.Build(Language.English, new BriefCardModel(1, 1, BriefStatus.Draft, CardCatalog.Brief(japanese: false), "A", "note", false), BriefViewer.Author).ToJsonString();

        Assert.DoesNotContain("Instruction:", json, StringComparison.Ordinal);
    }
}
