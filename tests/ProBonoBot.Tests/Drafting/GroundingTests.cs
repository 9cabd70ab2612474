using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using ProBonoBot.Cards;
using ProBonoBot.Cards.Drafting;
using ProBonoBot.Drafting;
using ProBonoBot.Drafting.Grounding;
using ProBonoBot.Drafting.Rubric;
using ProBonoBot.Protocol.Activities;

namespace ProBonoBot.Tests.Drafting;

/// <summary>Grounding of drafted facts in their sources (issue 11: grounding for every provider, citations, the AI label).</summary>
public sealed class GroundingTests
{
    private const string NeedEn = "The Riverside Farmers Market needs a new website. Michiko Hamada, the director, keeps the vendor list in Excel. "
        + "We serve about 120 households and ten vendors. It should go live before our spring season opens in April. Write to info@riverside.example.";

    private const string NeedJa = "NPO「すずの灯」は珠洲市で約百二十世帯の高齢者を見守っています。代表の浜田さんが紙の台帳で管理しています。"
        + "来年三月までにLINEで連絡できる仕組みがほしいです。訪問は２週間ごとです。";

    private static GroundingSources Sources(string need) => new GroundingSources().Add("The need", need);

    private static bool Supported(string need, string drafted, FactKinds kind)
    {
        var fact = Assert.Single(FactExtractor.Extract(drafted, kind));
        return Sources(need).Support(fact) is not null;
    }

    [Theory]
    [InlineData("Riverside Farmers Market", FactKinds.Organisation, true)]
    [InlineData("Northfield Rotary Foundation", FactKinds.Organisation, false)]
    [InlineData("Contact: Ms Hamada", FactKinds.Person, true)]
    [InlineData("Contact: Michiko Hamad", FactKinds.Person, false)]
    [InlineData("info@riverside.example", FactKinds.Contact, true)]
    [InlineData("office@riverside.example", FactKinds.Contact, false)]
    [InlineData("by April", FactKinds.Date, true)]
    [InlineData("by June 30", FactKinds.Date, false)]
    [InlineData("for 120 households", FactKinds.Count, true)]
    [InlineData("for 12 households", FactKinds.Count, false)]
    [InlineData("with 10 vendors", FactKinds.Count, true)]
    [InlineData("using Excel", FactKinds.Tool, true)]
    [InlineData("using LINE", FactKinds.Tool, false)]
    [InlineData("about 3 months", FactKinds.Duration, false)]
    [InlineData("work with people in Springfield", FactKinds.Place, false)]
    public void Support_EnglishFacts_OnlyWhatTheNeedStates(string drafted, FactKinds kind, bool expected) =>
        Assert.Equal(expected, Supported(NeedEn, drafted, kind));

    [Theory]
    [InlineData("すずの灯の浜田さん", FactKinds.Person, true)]
    [InlineData("事務局の渡辺さん", FactKinds.Person, false)]
    [InlineData("珠洲市で", FactKinds.Place, true)]
    [InlineData("輪島市で", FactKinds.Place, false)]
    [InlineData("北浜地域振興協議会と", FactKinds.Organisation, false)]
    [InlineData("3月までに", FactKinds.Date, true)]
    [InlineData("6月までに", FactKinds.Date, false)]
    [InlineData("120世帯", FactKinds.Count, true)]
    [InlineData("150世帯", FactKinds.Count, false)]
    [InlineData("2週間", FactKinds.Duration, true)]
    [InlineData("1週間", FactKinds.Duration, false)]
    [InlineData("LINEで連絡", FactKinds.Tool, true)]
    [InlineData("kintoneで管理", FactKinds.Tool, false)]
    [InlineData("連絡先 suzu@example.jp", FactKinds.Contact, false)]
    public void Support_JapaneseFacts_NumeralsAndWidthsNormalised(string drafted, FactKinds kind, bool expected) =>
        Assert.Equal(expected, Supported(NeedJa, drafted, kind));

    [Fact]
    public void Support_WordInsideAnotherWord_NotSupported()
    {
        var fact = Assert.Single(FactExtractor.Extract("Tools: LINE", FactKinds.Tool));

        Assert.Null(Sources("The deadline is in May.").Support(fact));
    }

    [Fact]
    public void Ground_ModelBriefWithInventedFacts_EachBecomesToConfirmWithAQuestion()
    {
        var invented = InventingChatClient.Invent(NeedEn, Language.English);

        var (brief, report) = BriefGrounding.Ground(invented, BriefGrounding.Sources(new BriefRequest(NeedEn, NeedAnswers.None, Language.English)), Language.English);

        Assert.All(InventingChatClient.Planted(Language.English), p => Assert.True(InventingChatClient.Caught(brief, p), p));
        Assert.Equal("To confirm", brief.Deadline);
        Assert.Equal("To confirm", brief.Partner.Contact);
        Assert.Equal("To confirm", brief.Readiness.Owner);
        Assert.DoesNotContain("Airtable", brief.Tools);
        Assert.Contains("Riverside Farmers Market", brief.Partner.Organisation, StringComparison.Ordinal);
        Assert.Equal(6, report.Changed);
        Assert.True(brief.OpenQuestions.Count <= BriefRules.MaxItems);
        Assert.Empty(BriefRules.Check(brief, Language.English));
    }

    [Fact]
    public void Ground_JapaneseModelBriefWithInventedFacts_AllCaught()
    {
        var invented = InventingChatClient.Invent(NeedJa, Language.Japanese);

        var (brief, _) = BriefGrounding.Ground(invented, BriefGrounding.Sources(new BriefRequest(NeedJa, NeedAnswers.None, Language.Japanese)), Language.Japanese);

        Assert.All(InventingChatClient.Planted(Language.Japanese), p => Assert.True(InventingChatClient.Caught(brief, p), p));
        Assert.Equal("要確認", brief.Deadline);
    }

    [Fact]
    public void Ground_FactStatedOnlyInAnAnswer_KeptAndCitedToTheAnswer()
    {
        var invented = InventingChatClient.Invent(NeedEn, Language.English) with { Deadline = "June 30, 2027" };
        var request = new BriefRequest(NeedEn, new NeedAnswers(Deadline: "June 30, 2027 at the latest"), Language.English);

        var (brief, report) = BriefGrounding.Ground(invented, BriefGrounding.Sources(request), Language.English);

        Assert.Equal("June 30, 2027", brief.Deadline);
        var cited = Assert.Single(report.Cited, c => c.Label == "Deadline");
        Assert.Equal("Your answer", cited.Source.Source);
    }

    [Fact]
    public void Ground_GroundedBrief_SecondPassChangesNothing()
    {
        var request = new BriefRequest(NeedEn, NeedAnswers.None, Language.English);
        var (once, _) = BriefGrounding.Ground(InventingChatClient.Invent(NeedEn, Language.English), BriefGrounding.Sources(request), Language.English);

        var (_, again) = BriefGrounding.Ground(once, BriefGrounding.Sources(request), Language.English);

        Assert.Equal(0, again.Changed);
    }

    [Fact]
    public async Task DraftAsync_InventingModel_GroundedAndStillTheModelsDraft()
    {
        var model = new DraftingModel(new InventingChatClient(), "inventing-stub");
        var options = Microsoft.Extensions.Options.Options.Create(new DraftingOptions());
        var sut = new BriefDrafter(model, new ModelCaller(model, options, NullLogger<ModelCaller>.Instance), new UnlimitedBudget(), NullLogger<BriefDrafter>.Instance);

        var result = await sut.DraftAsync(new BriefRequest(NeedEn, NeedAnswers.None, Language.English), null, default);

        Assert.Equal("inventing-stub", result.Source);
        Assert.Equal(6, result.Grounding.Changed);
        Assert.All(InventingChatClient.Planted(Language.English), p => Assert.True(InventingChatClient.Caught(result.Value, p), p));
    }

    private static ManualRequest ManualRequest(ManualDocument? _ = null) => new(
        7, ManualKind.Operational, Language.English, "Title: Market website\nPartner: Riverside Farmers Market",
        new ManualContext("Market website", "Riverside Farmers Market", "A new website", null, null, 5, "2026-01-10", "2026-04-01", "Remote", "Aiko Tanaka",
            [("Web designer", "Figma", 1), ("Web developer", "WordPress", 1)], [("Ken Mori", "Web designer")], null),
        Need: NeedEn);

    [Fact]
    public void GroundManual_ProjectManagerTheProjectLacks_ToConfirmAndListed()
    {
        var manual = new ManualDocument("Operational manual — Market website", [
            new ManualSection("Communication rules", "- The project manager is the partner's single point of contact\n- Ask Ken Mori about the design"),
            new ManualSection("Meetings", "- Weekly, 30 minutes, with Aiko Tanaka"),
            new ManualSection("Partner", "- Talk to Bob Jensen at the market; meet on 2026-05-20"),
        ]);

        var (grounded, report) = ManualGrounding.Ground(manual, ManualRequest());

        var rules = grounded.Sections[0].Body;
        Assert.DoesNotContain("project manager", rules, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("The To confirm is", rules, StringComparison.Ordinal);
        Assert.Contains("Ken Mori", rules, StringComparison.Ordinal);
        Assert.Contains("Aiko Tanaka", grounded.Sections[1].Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Bob Jensen", grounded.Sections[2].Body, StringComparison.Ordinal);
        Assert.DoesNotContain("2026-05-20", grounded.Sections[2].Body, StringComparison.Ordinal);
        var list = grounded.Sections[^1];
        Assert.Equal("To confirm", list.Heading);
        Assert.Contains("project manager", list.Body, StringComparison.Ordinal);
        Assert.Contains("Bob Jensen", list.Body, StringComparison.Ordinal);
        Assert.Equal(3, report.Changed);
    }

    [Fact]
    public void GroundManual_OfflineManual_ChangesNothing()
    {
        var request = ManualRequest();

        var (_, report) = ManualGrounding.Ground(OfflineManualWriter.Write(request), request);

        Assert.Equal(0, report.Changed);
    }

    private static JsonObject Card() => new() { ["type"] = "AdaptiveCard" };

    private static (Activity Message, JsonNode Wire) BriefMessage(bool ai, int changed = 0)
    {
        var request = new BriefRequest(NeedEn, NeedAnswers.None, Language.English);
        var (brief, _) = BriefGrounding.Ground(InventingChatClient.Invent(NeedEn, Language.English), BriefGrounding.Sources(request), Language.English);
        var cited = BriefGrounding.Ground(brief, BriefGrounding.Sources(request), Language.English).Report.Cited;
        var message = DraftMessage.Brief(Card(), cited, changed, ai, UiText.For(Language.English).Drafting);
        return (message, JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(message, ProtocolJsonContext.Default.Activity))!);
    }

    [Fact]
    public void BriefMessage_ModelDraft_CitationsReferencedInTextAndAiLabel()
    {
        var (message, wire) = BriefMessage(ai: true, changed: 2);

        var entity = wire["entities"]!.AsArray().Single(e => (string?)e!["type"] == "https://schema.org/Message")!;
        Assert.Equal("AIGeneratedContent", (string?)entity["additionalType"]![0]);
        var citations = entity["citation"]!.AsArray();
        Assert.NotEmpty(citations);
        Assert.Equal(Enumerable.Range(1, citations.Count), citations.Select(c => (int)c!["position"]!));
        foreach (var c in citations)
        {
            Assert.Contains($"[{(int)c!["position"]!}]", message.Text, StringComparison.Ordinal);
            Assert.Equal("DigitalDocument", (string?)c["appearance"]!["@type"]);
            Assert.Equal("The need", (string?)c["appearance"]!["name"]);
            Assert.True(((string?)c["appearance"]!["abstract"])!.Length <= 160);
        }

        Assert.Contains("Organisation: Riverside Farmers Market [1]", message.Text, StringComparison.Ordinal);
        Assert.Contains("2 details not found", message.Text, StringComparison.Ordinal);
        Assert.Equal("AdaptiveCard", (string?)wire["attachments"]![0]!["content"]!["type"]);
    }

    [Fact]
    public void BriefMessage_OfflineDraft_CitationsButNoAiLabel()
    {
        var (_, wire) = BriefMessage(ai: false);

        var entity = wire["entities"]!.AsArray().Single(e => (string?)e!["type"] == "https://schema.org/Message")!.AsObject();
        Assert.False(entity.ContainsKey("additionalType"));
        Assert.NotEmpty(entity["citation"]!.AsArray());
    }

    [Fact]
    public void BriefMessage_AbstractWithMarkdownControlsAndEmojiAtTheCut_PlainClippedWhole()
    {
        // Issue 11 review, items 2 and 7: the abstract is plain text in Teams (no backslashes), one line, no control or
        // bidi characters, and the cut never leaves half of a surrogate pair.
        var sentence = "*Fix* [the] site_now\tplease\u202E\u0007 " + new string('x', 118) + "👍🏽 tail of the sentence";
        var fact = new CitedFact("Organisation", "Riverside", new SourceSentence("The need", sentence));

        var message = DraftMessage.Brief(Card(), [fact], 0, aiGenerated: false, UiText.For(Language.English).Drafting);
        var wire = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(message, ProtocolJsonContext.Default.Activity))!;

        var entity = wire["entities"]!.AsArray().Single(e => (string?)e!["type"] == "https://schema.org/Message")!;
        var text = (string)entity["citation"]![0]!["appearance"]!["abstract"]!;
        Assert.StartsWith("*Fix* [the] site_now please ", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\\', text);
        Assert.EndsWith("x…", text, StringComparison.Ordinal);
        Assert.True(TextHygiene.IsStorable(text));
    }

    [Theory]
    [InlineData("abc😀def", 4, "abc")]
    [InlineData("abc😀def", 5, "abc😀")]
    [InlineData("ab👍🏽cd", 4, "ab")]
    [InlineData("ab👍🏽cd", 6, "ab👍🏽")]
    [InlineData("short", 10, "short")]
    public void TextCut_CutInsideAPairOrAnEmojiSequence_EndsOnAWholeCharacter(string text, int max, string expected) =>
        Assert.Equal(expected, Cards.Json.TextCut.Cut(text, max));

    [Fact]
    public void ManualMessage_ModelOrOffline_LabelOnlyForTheModel()
    {
        var t = UiText.For(Language.English).Drafting;

        var model = DraftMessage.Manual(Card(), 1, aiGenerated: true, t);
        var offline = DraftMessage.Manual(Card(), 0, aiGenerated: false, t);

        Assert.Equal(AiContent.EntityType, Assert.Single(model.Entities!).Type);
        Assert.Contains("1 detail not found", model.Text, StringComparison.Ordinal);
        Assert.Null(offline.Entities);
        Assert.Null(offline.Text);
    }

    // Issue 11 (reader2): kana inside a word, 子供/子ども, and sentences with abbreviations.
    [Theory]
    [InlineData("子ども")]
    [InlineData("30人ほどの子ども")]
    [InlineData("子供")]
    public void Anchor_ChildrenWrittenWithKana_Supported(string beneficiaries)
    {
        var sources = new GroundingSources().Add("The need", "子ども食堂を運営しています。毎週30人ほどの子どもに夕食を出しています。");

        Assert.NotNull(sources.Anchor(beneficiaries));
    }

    [Fact]
    public void Ground_JapaneseChildrenBeneficiaries_NotFlagged()
    {
        const string need = "知り合いが運営している子ども食堂の話です。毎週30人ほどの子どもに夕食を出していて、寄付された食材の記録が追いつかず困っています。";
        var request = new BriefRequest(need, NeedAnswers.None, Language.Japanese);
        var drafted = OfflineBriefWriter.Write(request);

        var (brief, _) = BriefGrounding.Ground(drafted, BriefGrounding.Sources(request), Language.Japanese);

        Assert.Contains("子ども", brief.Partner.Beneficiaries, StringComparison.Ordinal);
        Assert.DoesNotContain("知り合い", brief.Partner.Mission, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Please ask Mrs. Okafor. She runs the rota.", 2)]
    [InlineData("Mr. Ito and Dr. Lee meet at St. Mark's hall, e.g. on Fridays.", 1)]
    [InlineData("Write to dana@riversidepantry.org or see www.riversidepantry.org/help. Thanks!", 2)]
    [InlineData("The answer was no. We still need help.", 2)]
    public void Sentences_AbbreviationsEmailsUrls_NotBroken(string text, int count) =>
        Assert.Equal(count, GroundingText.Sentences(text).Count());
}
