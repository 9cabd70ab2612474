using ProBonoBot.Cards;
using ProBonoBot.Cards.Drafting;
using ProBonoBot.Drafting;

namespace ProBonoBot.Tests.Drafting;

/// <summary>Issue 11: a regeneration without a model applies what it can and says plainly what it could not.</summary>
public sealed class OfflineRevisionTests
{
    private const string Need = "The Riverside Farmers Market needs a new website. Our site does not work on phones. It should go live before our spring season opens in April.";

    private const string NeedJa = "輪島朝市の出店者を紹介するホームページをつくりたいです。来年3月までに公開したいです。";

    [Fact]
    public void Regenerate_AddTranslatorAndDeadline_AppliedAndListed()
    {
        var brief = Regenerate(Need, Language.English, "Add a translator, deadline March 31");

        Assert.Contains(brief.Roles, r => r.Name == "Translator");
        Assert.Equal("March 31", brief.Deadline);
        Assert.Equal(2, brief.Revision!.Applied.Count);
        Assert.Empty(brief.Revision.NotApplied);
    }

    [Fact]
    public void Regenerate_JapaneseInstruction_RoleAddedAndDateChanged()
    {
        var brief = Regenerate(NeedJa, Language.Japanese, "翻訳者を追加、締切を3月末に");

        Assert.Contains(brief.Roles, r => r.Name == "翻訳者");
        Assert.Equal("3月末", brief.Deadline);
    }

    [Fact]
    public void Regenerate_RemoveDesignerAndAlsoLeaflet_RoleGoneDeliverableAdded()
    {
        var brief = Regenerate(Need, Language.English, "remove the designer, also a printed leaflet");

        Assert.DoesNotContain(brief.Roles, r => r.Name.Contains("designer", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("Printed leaflet", brief.Deliverables);
        Assert.Equal(brief.Roles.Sum(r => r.Seats), brief.TeamSize);
    }

    [Fact]
    public void Regenerate_NotAMobileApp_DeliverableChanged()
    {
        var need = "The Hillside Homework Club wants a mobile app for its volunteers to note who came and to reach parents.";

        var brief = Regenerate(need, Language.English, "attendance register instead, not a mobile app");

        Assert.StartsWith("Attendance and records", brief.NeedCategory, StringComparison.Ordinal);
        Assert.DoesNotContain(brief.Deliverables, d => d.Contains("mobile tool", StringComparison.Ordinal));
        Assert.Contains(brief.Revision!.Applied, a => a.StartsWith("Deliverable changed", StringComparison.Ordinal));
    }

    [Fact]
    public void Regenerate_JapaneseNotAnAppButRegister_DeliverableChangedAndRoleAdded()
    {
        var need = "ひだまり学習会です。ボランティアが子どもの出欠をつけるアプリがほしいです。";

        var brief = Regenerate(need, Language.Japanese, "アプリではなく出欠簿にして翻訳者を追加");

        Assert.StartsWith("出欠・名簿の管理", brief.NeedCategory, StringComparison.Ordinal);
        Assert.Contains(brief.Roles, r => r.Name == "翻訳者");
        Assert.Empty(brief.Revision!.NotApplied);
    }

    [Fact]
    public void Regenerate_InEnglishAndShorter_EnglishBriefShorterLists()
    {
        var brief = Regenerate(NeedJa, Language.English, "in English, shorter", previousLanguage: Language.Japanese);

        Assert.Equal("en", brief.Language);
        Assert.False(Languages.LooksJapanese(brief.Objective));
        Assert.True(brief.Risks.Count <= 3);
        Assert.Equal(2, brief.Revision!.Applied.Count);
    }

    [Fact]
    public void Regenerate_TwoPhasesAddTranslatorInEnglish_AllApplied()
    {
        var brief = Regenerate(NeedJa, Language.English, "make it two phases, add a translator, write it in English", previousLanguage: Language.Japanese);

        Assert.Equal(2, brief.Phases.Count);
        Assert.Contains(brief.Roles, r => r.Name == "Translator");
        Assert.Empty(brief.Revision!.NotApplied);
    }

    [Fact]
    public void Regenerate_NothingUnderstood_SameBriefSaysNothingApplied()
    {
        var previous = OfflineBriefWriter.Write(new BriefRequest(Need, NeedAnswers.None, Language.English));

        var brief = OfflineBriefWriter.Write(new BriefRequest(Need, NeedAnswers.None, Language.English, previous, "make the tone warmer"));

        Assert.Equal(previous with { Revision = null }, brief with { Revision = null });
        Assert.Empty(brief.Revision!.Applied);
        Assert.Equal(["make the tone warmer"], brief.Revision.NotApplied);
    }

    [Fact]
    public void Regenerate_PartlyUnderstood_RestListedAsNotApplied()
    {
        var brief = Regenerate(Need, Language.English, "add a translator; make the tone warmer");

        Assert.Contains(brief.Roles, r => r.Name == "Translator");
        Assert.Equal(["make the tone warmer"], brief.Revision!.NotApplied);
    }

    private static ProjectBrief Regenerate(string need, Language language, string instruction, Language? previousLanguage = null)
    {
        var previous = OfflineBriefWriter.Write(new BriefRequest(need, NeedAnswers.None, previousLanguage ?? language));
        var brief = OfflineBriefWriter.Write(new BriefRequest(need, NeedAnswers.None, language, previous, instruction));
        Assert.Empty(BriefRules.Check(brief, language));
        return brief;
    }
}
