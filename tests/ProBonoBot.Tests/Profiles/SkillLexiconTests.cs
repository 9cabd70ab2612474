using ProBonoBot.Drafting;
using ProBonoBot.Profiles;

namespace ProBonoBot.Tests.Profiles;

/// <summary>The skills a profile offers come from the drafter's role templates, in both languages.</summary>
public sealed class SkillLexiconTests
{
    [Fact]
    public void All_EveryTemplateSkill_IsOneLexiconSkillInBothLanguages()
    {
        foreach (var role in NeedCategories.All.SelectMany(c => c.Roles))
        {
            foreach (var (ja, en) in SkillLexicon.Pairs(role.SkillsJa, role.SkillsEn))
            {
                var skill = Assert.Single(SkillLexicon.All, s => s.Names.Contains(SkillLexicon.Fold(ja)));
                Assert.Contains(SkillLexicon.Fold(en), skill.Names);
            }
        }
    }

    [Fact]
    public void All_Ids_AreUniqueSlugs()
    {
        Assert.Equal(SkillLexicon.All.Count, SkillLexicon.All.Select(s => s.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(SkillLexicon.All, s => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", s.Id));
    }

    [Fact]
    public void All_SharedJapaneseName_OneSkillWithBothEnglishNames()
    {
        // データ設計 is "data modelling" in the tracking template and "data design" in the register and donor ones.
        var skill = SkillLexicon.Find("data-design");

        Assert.NotNull(skill);
        Assert.Equal("データ設計", skill.Japanese);
        Assert.Contains("data modelling", skill.Names);
    }

    [Fact]
    public void Pairs_JapaneseListWithNakaguro_SplitToMatchEnglish()
    {
        var pairs = SkillLexicon.Pairs("チラシ・バナー制作", "flyers, banners");

        Assert.Equal([("チラシ", "flyers"), ("バナー制作", "banners")], pairs);
    }

    [Theory]
    [InlineData("Data analyst | Excel, SQL", "excel")]
    [InlineData("データ移行 | エクセル、データ整理", "excel")]
    [InlineData("撮影・編集 | 動画編集", "video-editing")]
    [InlineData("Camera operator | video editing", "video-editing")]
    [InlineData("翻訳者", "english-japanese-translation")]
    [InlineData("Translator", "english-japanese-translation")]
    [InlineData("Web designer | Figma", "figma")]
    public void In_RoleText_NamesLexiconSkillInEitherLanguage(string roleText, string id)
    {
        Assert.Contains(id, SkillLexicon.In(roleText));
    }

    [Fact]
    public void In_NegatedMention_DoesNotCount()
    {
        var named = SkillLexicon.In("Copywriter, not Excel");

        Assert.DoesNotContain("excel", named);
        Assert.Contains("writing", named);
    }
}
