using ProBonoBot.Cards;
using ProBonoBot.Cards.Projects;
using ProBonoBot.Profiles;

namespace ProBonoBot.Tests.Profiles;

/// <summary>How one profile is scored against one project: pure, both languages.</summary>
public sealed class ProfileScorerTests
{
    private static Profile Person(string[]? skills = null, string? other = null, string[]? interests = null, int? hours = null,
        string[]? languages = null, WorkPreference? mode = null) =>
        new("aad-1", "Aiko", skills ?? [], other, interests ?? [], hours, languages ?? [], mode, null);

    private static ProjectNeeds Needs(string roleName, string? skills, int hoursPerWeek = 1, WorkMode mode = WorkMode.Remote, string language = "ja",
        string[]? kinds = null) =>
        new(hoursPerWeek, mode, language, [new OpenRole(roleName, skills)], (kinds ?? []).ToHashSet());

    [Fact]
    public void Score_EnglishProfileSkillJapaneseRole_Matches()
    {
        var fit = ProfileScorer.Score(Person(skills: ["video-editing"]), Needs("撮影・編集", "撮影機材、動画編集"));

        Assert.NotNull(fit);
        Assert.Equal(["video-editing"], fit.Skills);
    }

    [Fact]
    public void Score_JapaneseFreeTextEnglishRole_MatchesThroughLexicon()
    {
        var fit = ProfileScorer.Score(Person(other: "エクセル"), Needs("Data analyst", "Excel, SQL"));

        Assert.NotNull(fit);
        Assert.Equal(["エクセル"], fit.OtherSkills);
    }

    [Fact]
    public void Score_FreeTextNotInLexicon_MatchesItsOwnWords()
    {
        var fit = ProfileScorer.Score(Person(other: "写真撮影、経理"), Needs("記録係", "写真撮影"));

        Assert.NotNull(fit);
        Assert.Equal(["写真撮影"], fit.OtherSkills);
    }

    [Fact]
    public void Score_RoleNamedOnly_AsksForItsTemplateSkills()
    {
        var fit = ProfileScorer.Score(Person(skills: ["english-japanese-translation"]), Needs("翻訳者", null));

        Assert.NotNull(fit);
    }

    [Fact]
    public void Score_NoSkillOrInterestInCommon_DoesNotFit()
    {
        Assert.Null(ProfileScorer.Score(Person(skills: ["figma"], interests: ["video"]), Needs("Data analyst", "Excel", kinds: ["tracking"])));
    }

    [Fact]
    public void Score_InterestInProjectKindOnly_Fits()
    {
        var fit = ProfileScorer.Score(Person(interests: ["disaster"]), Needs("Data analyst", "Excel", kinds: ["tracking", "disaster"]));

        Assert.NotNull(fit);
        Assert.Equal(["disaster"], fit.Interests);
        Assert.Null(fit.Role);
    }

    [Fact]
    public void Score_NoOpenRole_DoesNotFit()
    {
        var needs = new ProjectNeeds(1, WorkMode.Remote, "ja", [], new HashSet<string> { "tracking" });

        Assert.Null(ProfileScorer.Score(Person(skills: ["excel"], interests: ["tracking"]), needs));
    }

    [Theory]
    [InlineData("en", new[] { "ja" }, false)]
    [InlineData("ja", new[] { "en" }, false)]
    [InlineData("both", new[] { "en" }, true)]
    [InlineData("en", new string[0], true)]
    public void Score_ProjectLanguage_OnlyPeopleWhoWorkInIt(string projectLanguage, string[] languages, bool fits)
    {
        var fit = ProfileScorer.Score(Person(skills: ["excel"], languages: languages), Needs("Data analyst", "Excel", language: projectLanguage));

        Assert.Equal(fits, fit is not null);
    }

    [Fact]
    public void Score_RemoteOnlyPersonOnSiteProject_DoesNotFit()
    {
        Assert.Null(ProfileScorer.Score(Person(skills: ["excel"], mode: WorkPreference.Remote), Needs("Data analyst", "Excel", mode: WorkMode.Onsite)));
    }

    [Fact]
    public void Score_RemoteProjectRemotePerson_RemoteOkAndRankedHigher()
    {
        var remote = ProfileScorer.Score(Person(skills: ["excel"], mode: WorkPreference.Remote), Needs("Data analyst", "Excel"))!;
        var unknown = ProfileScorer.Score(Person(skills: ["excel"]), Needs("Data analyst", "Excel"))!;

        Assert.True(remote.RemoteOk);
        Assert.True(remote.Score > unknown.Score);
    }

    [Fact]
    public void Score_EnoughHours_RankedAboveTooFewHours()
    {
        var enough = ProfileScorer.Score(Person(skills: ["excel"], hours: 8), Needs("Data analyst", "Excel", hoursPerWeek: 1))!;
        var short_ = ProfileScorer.Score(Person(skills: ["excel"], hours: 2), Needs("Data analyst", "Excel", hoursPerWeek: 1))!;

        Assert.True(enough.HoursEnough);
        Assert.False(short_.HoursEnough);
        Assert.True(enough.Score > short_.Score);
    }

    [Fact]
    public void Score_MoreSkillsInCommon_RankedHigher()
    {
        var two = ProfileScorer.Score(Person(skills: ["excel", "data-cleaning"]), Needs("データ移行", "データ整理、Excel"))!;
        var one = ProfileScorer.Score(Person(skills: ["excel"]), Needs("データ移行", "データ整理、Excel"))!;

        Assert.True(two.Score > one.Score);
    }

    [Fact]
    public void Describe_Person_SaysSkillsRemoteAndHoursInTheirLanguage()
    {
        var fit = ProfileScorer.Score(Person(skills: ["excel"], other: "写真撮影", hours: 8, mode: WorkPreference.Either), Needs("Data analyst", "Excel, 写真撮影", hoursPerWeek: 1))!;

        var reasons = FitReasons.Describe(fit, Language.English, forLeader: false);

        Assert.Equal(["matches your skills: Excel, 写真撮影", "remote OK", "needs 4 h/month, you have 8"], reasons);
    }

    [Fact]
    public void Describe_Japanese_SkillNamesInJapanese()
    {
        var fit = ProfileScorer.Score(Person(skills: ["video-editing"], interests: ["video"]), Needs("Video editor", "video editing", kinds: ["video"]))!;

        var reasons = FitReasons.Describe(fit, Language.Japanese, forLeader: true);

        Assert.Equal(["スキル：動画編集", "関心分野：映像・配信"], reasons);
    }
}
