using ProBonoBot.Cards;
using ProBonoBot.Cards.Drafting;
using ProBonoBot.Drafting;

namespace ProBonoBot.Tests.Drafting;

/// <summary>The embedded drafter on the fixture set (the rubric CI runs) and on single facts.</summary>
public sealed class OfflineDrafterTests
{
    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var fixture in BriefRubric.Load(FixturesFolder()))
        {
            data.Add(fixture.Id);
        }

        return data;
    }

    internal static string FixturesFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ProBonoBot.sln")))
            {
                return Path.Combine(dir.FullName, "tests", "Fixtures", "needs");
            }
        }

        throw new DirectoryNotFoundException("Repository root not found.");
    }

    [Fact]
    public void Fixtures_AtLeastTwelveInBothLanguages()
    {
        var fixtures = BriefRubric.Load(FixturesFolder());

        Assert.True(fixtures.Count >= 12);
        Assert.Contains(fixtures, f => f.Language == "ja");
        Assert.Contains(fixtures, f => f.Language == "en");
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void OfflineBrief_Fixture_PassesRubric(string id)
    {
        var fixture = BriefRubric.Load(FixturesFolder()).Single(f => f.Id == id);
        var language = fixture.Language == "ja" ? Language.Japanese : Language.English;

        var brief = OfflineBriefWriter.Write(new BriefRequest(fixture.Need, NeedAnswers.None, language));

        Assert.Empty(BriefRubric.Check(fixture, brief));
    }

    [Fact]
    public void Rubric_InventedPartnerAndDate_Caught()
    {
        var fixture = BriefRubric.Load(FixturesFolder()).Single(f => f.Id == "02-reclaimed-wood-en");
        var brief = OfflineBriefWriter.Write(new BriefRequest(fixture.Need, NeedAnswers.None, Language.English));

        var problems = BriefRubric.Check(fixture, brief with { Partner = brief.Partner with { Organisation = "Noto Timber Council" }, Deadline = "2027-02-15" });

        Assert.Contains(problems, p => p.StartsWith("invented partner", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("invented date", StringComparison.Ordinal));
    }

    [Fact]
    public void OfflineBrief_EnglishUserJapaneseNeed_EnglishBriefKeepsPartnerName()
    {
        var brief = OfflineBriefWriter.Write(new BriefRequest("珠洲市役所として、11月20日のシンポジウムの撮影と配信をお願いしたいです。", NeedAnswers.None, Language.English));

        Assert.Equal("en", brief.Language);
        Assert.Equal("珠洲市役所", brief.Partner.Organisation);
        Assert.Equal("11月20日", brief.Deadline);
        Assert.Contains(brief.Roles, r => r.Name == "Video director");
        Assert.False(Languages.LooksJapanese(brief.Objective));
    }

    [Fact]
    public void OfflineBrief_Answers_FillPartnerDeliverableAndDeadline()
    {
        var answers = new NeedAnswers("NPO法人ひまわり, 担当は山田さん", "寄付者の管理ができる仕組み", "2027年3月末まで");

        var brief = OfflineBriefWriter.Write(new BriefRequest("会員や支援者への連絡がうまくいっていません。", answers, Language.Japanese));

        Assert.Equal("NPO法人ひまわり", brief.Partner.Organisation);
        Assert.Equal("山田さん", brief.Partner.Contact);
        Assert.Equal("寄付者の管理ができる仕組み", brief.Deliverables[0]);
        Assert.StartsWith("2027年3月", brief.Deadline, StringComparison.Ordinal);
        Assert.Contains(brief.Roles, r => r.Name == "CRM設計");
    }

    [Fact]
    public void OfflineBrief_NothingKnown_EveryGapMarkedAndAsked()
    {
        var brief = OfflineBriefWriter.Write(new BriefRequest("We need some help with something important for our members.", NeedAnswers.None, Language.English));

        Assert.Equal("To confirm", brief.Partner.Organisation);
        Assert.Equal("To confirm", brief.Deadline);
        Assert.Contains(brief.OpenQuestions, q => q.Contains("partner organisation", StringComparison.Ordinal));
        Assert.Contains(brief.OpenQuestions, q => q.Contains("deadline", StringComparison.Ordinal));
        Assert.Empty(BriefRules.Check(brief, Language.English));
    }

    [Theory]
    [InlineData(ManualKind.Operational, Language.Japanese, "コミュニケーションのルール")]
    [InlineData(ManualKind.Onboarding, Language.English, "Your first week")]
    [InlineData(ManualKind.Phase, Language.English, "Standard schedule")]
    public void OfflineManual_Kind_HasItsSectionsAndProjectFacts(ManualKind kind, Language language, string section)
    {
        var context = new ManualContext("Market website", "Riverside Farmers Market", "A new website", "Vendors listed", "Website", 4, "2027-01-10", null, "Remote", "Aiko Mori",
            [("Web designer", "Figma", 2)], [("Kenji Tanaka", "Web designer")], null);

        var manual = OfflineManualWriter.Write(new ManualRequest(1, kind, language, string.Empty, context));

        Assert.Contains(manual.Sections, s => s.Heading == section);
        var markdown = manual.ToMarkdown();
        Assert.Contains(kind == ManualKind.Phase ? "2027-01-10" : "Aiko Mori", markdown, StringComparison.Ordinal);
        Assert.Equal(manual.Sections.Select(s => s.Heading), ManualDocument.FromMarkdown(markdown, "x").Sections.Select(s => s.Heading));
    }

    [Fact]
    public void NeedQuestions_CompleteNeed_NoneAsked()
    {
        Assert.Equal(string.Empty, NeedRoutes.Questions(NeedFlowTests.CompleteNeed));
        Assert.Equal("partner,deliverable,deadline", NeedRoutes.Questions("Things are hard for us these days and we would like some help."));
    }

    [Fact]
    public void PartialBrief_HalfStreamedJson_ShowsCompletedFieldsOnly()
    {
        var text = PartialBrief.Render("{\"title\":\"Market website\",\"language\":\"en\",\"partner\":{\"organisation\":\"Riverside\",\"mission\":\"x\",\"beneficiaries\":\"y\",\"contact\":\"z\"},\"needCategory\":\"Webs", Language.English);

        Assert.Contains("**Title**: Market website", text, StringComparison.Ordinal);
        Assert.Contains("**Partner**: Riverside", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Webs", text, StringComparison.Ordinal);
    }

    [Fact]
    public void BriefToProject_ApprovedBrief_ParsesAsProjectDraft()
    {
        var brief = OfflineBriefWriter.Write(new BriefRequest(NeedFlowTests.CompleteNeed, NeedAnswers.None, Language.English));

        var (draft, errors) = ProBonoBot.Projects.ProjectFormParser.Parse(BriefToProject.Values(brief), Language.English);

        Assert.Empty(errors);
        Assert.Equal("Riverside Farmers Market", draft!.Partner);
        Assert.Equal(brief.Roles.Count, draft.Roles.Count);
        Assert.Null(draft.EndDate);
    }
}
