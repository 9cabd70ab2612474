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
    public void BriefCard_ReadOnlyOrApproved_OnlyReportAction()
    {
        var model = new BriefCardModel(1, 1, BriefStatus.Approved, CardCatalog.Brief(japanese: true), "A", "note", false, 3);
        static IEnumerable<string?> Titles(System.Text.Json.Nodes.JsonObject card) => card["actions"]!.AsArray().Select(a => (string?)a!["title"]);

        Assert.Equal(["問題を報告"], Titles(BriefCard.Build(Language.Japanese, model, BriefViewer.Author)));
        Assert.Equal(["問題を報告"], Titles(BriefCard.Build(Language.Japanese, model with { Status = BriefStatus.Sent }, BriefViewer.Author)));
        Assert.Equal(3, Titles(BriefCard.Build(Language.Japanese, model with { Status = BriefStatus.Sent }, BriefViewer.Leader)).Count());
    }

    [Theory]
    [InlineData(BriefViewer.Author)]
    [InlineData(BriefViewer.Leader)]
    [InlineData(BriefViewer.ReadOnly)]
    public void BriefCard_AnyViewer_ReportFormNamesOnlyTheBrief(BriefViewer viewer)
    {
        var card = BriefCard.Build(Language.English, new BriefCardModel(9, 3, BriefStatus.Sent, CardCatalog.Brief(japanese: false), "A", "note", false), viewer);

        var report = card["actions"]!.AsArray().Single(a => (string?)a!["title"] == "Report a problem")!;
        var execute = report["card"]!["body"]!.AsArray().Last()!["actions"]![0]!;
        Assert.Equal(DraftingVerbs.ReportDraft, (string?)execute["verb"]);
        Assert.Equal("""{"brief":9}""", execute["data"]!.ToJsonString());
        Assert.Equal(FeedbackCards.Categories, report["card"]!["body"]![0]!["choices"]!.AsArray().Select(c => (string?)c!["value"]));
    }

    [Fact]
    public void ManualCard_ReportForm_JapaneseAndNamesTheManual()
    {
        var manual = new ManualDocument("Manual", [new ManualSection("Roles", "- PM")]);

        var card = ManualCards.Build(Language.Japanese, new ManualCardModel(4, 2, "P", ManualKind.Operational, 1, manual, "note", false, "https://bot.example/m.md", []));

        var report = card["actions"]!.AsArray().Single(a => (string?)a!["title"] == "問題を報告")!;
        Assert.Contains("""{"manual":4}""", report.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void FeedbackSummary_Report_InAttentionColourWithCategory()
    {
        var json = CardCatalog.All["feedback-summary.en"]().ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

        Assert.Contains("Report: Wrong facts", json, StringComparison.Ordinal);
        Assert.Contains("\"color\":\"Attention\"", json, StringComparison.Ordinal);
    }
}
