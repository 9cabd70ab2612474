using System.Text.Json.Nodes;
using ProBonoBot.Cards.Projects;

namespace ProBonoBot.Cards.Tests;

/// <summary>Issue 12: a project's channel card in the project's language (both for a bilingual one), long summaries, closed projects.</summary>
public class ChannelCardTests
{
    private static List<string> Texts(JsonNode? node) => node switch
    {
        JsonObject o => [.. o.SelectMany(p => p.Key is "text" or "title" or "value" && p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? [s] : Texts(p.Value))],
        JsonArray a => [.. a.SelectMany(Texts)],
        _ => [],
    };

    private static List<string> Actions(JsonObject card) => [.. card["actions"]!.AsArray().Select(a => (string)a!["title"]!)];

    private static ProjectTexts Ja => UiText.For(Language.Japanese).Projects;

    private static ProjectTexts En => UiText.For(Language.English).Projects;

    private static string Both(Func<ProjectTexts, string> text) => $"{text(Ja)} / {text(En)}";

    [Fact]
    public void ForProject_Bilingual_LabelsJapaneseThenEnglish()
    {
        var t = UiText.ForProject("both").Projects;

        Assert.Equal(Both(x => x.ButtonSignUp), t.ButtonSignUp);
        Assert.Equal(Both(x => x.StatusName(ProjectStatus.Recruiting)), t.StatusName(ProjectStatus.Recruiting));
        Assert.Equal(Both(x => string.Format(System.Globalization.CultureInfo.InvariantCulture, x.RoleSeatsLeft, 1, 2)),
            string.Format(System.Globalization.CultureInfo.InvariantCulture, t.RoleSeatsLeft, 1, 2));
    }

    [Fact]
    public void ForProject_EachCode_OneLanguage()
    {
        Assert.Same(UiText.For(Language.English), UiText.ForProject("en"));
        Assert.Same(UiText.For(Language.Japanese), UiText.ForProject("ja"));
        Assert.Equal([Language.Japanese, Language.English], UiText.LanguagesOfProject("both"));
    }

    [Fact]
    public void AnnouncementCard_BilingualProject_EveryLabelInBothLanguages()
    {
        var card = CardCatalog.All["announcement-bilingual.both"]();

        Assert.Contains(Both(x => x.ButtonSignUp), Actions(card));
        Assert.Contains(Both(x => x.ButtonDetails), Actions(card));
        var texts = Texts(card["body"]);
        Assert.Contains(Both(x => x.FactPartner), texts);
        Assert.Contains(Both(x => x.RolesHeading), texts);
        Assert.Contains(Both(x => x.LanguageBoth), texts);
    }

    [Fact]
    public void AnnouncementCard_EnglishProject_NoJapaneseLabel()
    {
        var card = AnnouncementCard.Build(UiText.ForProject("en"), CardCatalog.Wood() with { Language = "en" }, ViewerState.Nobody);

        Assert.DoesNotContain(Texts(card).Concat(Actions(card)), Languages.LooksJapanese);
    }

    [Fact]
    public void SummaryPreview_TwoThousandCharacters_CutAtASentenceWithEllipsis()
    {
        var preview = SummaryText.Preview(CardCatalog.LongSummary);

        Assert.True(CardCatalog.LongSummary.Length > 1900);
        Assert.InRange(preview.Length, 150, SummaryText.PreviewLength + 1);
        Assert.EndsWith("buyer.…", preview, StringComparison.Ordinal);
    }

    [Fact]
    public void SummaryPreview_JapaneseWithoutSpaces_CutAfterKuten()
    {
        var text = string.Concat(Enumerable.Repeat("解体された家の梁は紙で記録され、来歴が失われています。", 20));

        var preview = SummaryText.Preview(text);

        Assert.EndsWith("。…", preview, StringComparison.Ordinal);
        Assert.True(preview.Length <= SummaryText.PreviewLength + 1);
    }

    [Fact]
    public void SummaryPreview_NoBreakAtAll_CutWithoutSplittingASurrogatePair()
    {
        var text = string.Concat(Enumerable.Repeat("x", SummaryText.PreviewLength - 1)) + string.Concat(Enumerable.Repeat("🌲", 50));

        var preview = SummaryText.Preview(text);

        Assert.False(char.IsHighSurrogate(preview[^2]));
        Assert.EndsWith("…", preview, StringComparison.Ordinal);
    }

    [Fact]
    public void SummaryPreview_Short_Unchanged() =>
        Assert.Equal("Donors are in five spreadsheets.", SummaryText.Preview("Donors are in five spreadsheets."));

    [Fact]
    public void AnnouncementCard_LongSummary_PreviewOnTheCardWholeTextUnderDetails()
    {
        var card = CardCatalog.All["announcement-long.en"]();

        Assert.DoesNotContain(CardCatalog.LongSummary, Texts(card["body"]));
        var details = card["actions"]!.AsArray().Single(a => (string?)a!["type"] == "Action.ShowCard")!["card"]!;
        Assert.Contains(CardCatalog.LongSummary, Texts(details));
    }

    [Theory]
    [InlineData(ProjectStatus.TeamFormed, "sign-up has closed")]
    [InlineData(ProjectStatus.Cancelled, "cancelled")]
    [InlineData(ProjectStatus.Completed, "completed")]
    public void AnnouncementCard_RecruitingEnded_NoSeatsNoSignUpSaysWhy(ProjectStatus status, string says)
    {
        var card = AnnouncementCard.Build(Language.English, CardCatalog.Wood() with { Status = status }, ViewerState.Nobody);

        var texts = Texts(card["body"]);
        Assert.DoesNotContain(texts, t => t.Contains("seats left", StringComparison.Ordinal) || t.Contains("waitlist", StringComparison.Ordinal));
        Assert.DoesNotContain("Sign up", Actions(card));
        Assert.Contains(texts, t => t.Contains(says, StringComparison.Ordinal));
    }

    [Fact]
    public void PublishCard_ManyChannels_AllListedGeneralTickedHowToAddSaid()
    {
        var card = CardCatalog.All["publish.en"]();

        var choices = card["body"]![1]!;
        Assert.Equal(2, choices["choices"]!.AsArray().Count);
        Assert.Equal("19:general@thread.tacv2", (string?)choices["value"]);
        Assert.Contains(Texts(card["body"]), t => t.Contains("Add to a team", StringComparison.Ordinal));
    }
}
