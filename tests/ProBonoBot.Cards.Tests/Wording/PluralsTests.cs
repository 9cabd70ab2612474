using System.Text.Json.Nodes;
using ProBonoBot.Cards.Projects;
using ProBonoBot.Cards.SignUps;
using ProBonoBot.Cards.Wording;

namespace ProBonoBot.Cards.Tests.Wording;

/// <summary>Issue 12: plurals, one notation per meaning for seats, no empty "-" values, natural Japanese counters.</summary>
public class PluralsTests
{
    private static ProjectCardModel Project(int seats, int taken, WorkMode mode = WorkMode.Remote, string? place = null, int hours = 4) =>
        new(1, "Market website", "Riverside Market", "A site.", null, null, hours, null, null, mode, place, "en", ProjectStatus.Recruiting, "Aiko",
            [new RoleCardModel(1, "Web designer", "Figma", seats, taken, 0)]);

    private static string Text(JsonNode card) => card.ToJsonString(new System.Text.Json.JsonSerializerOptions
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    [Theory]
    [InlineData("{0} {0:seat|seats} left", 1, "1 seat left")]
    [InlineData("{0} {0:seat|seats} left", 2, "2 seats left")]
    [InlineData("{0} {0:seat|seats} left", 0, "0 seats left")]
    public void Format_CountChoosesTheWord(string format, int count, string expected)
    {
        Assert.Equal(expected, Plurals.Format(format, count));
    }

    [Fact]
    public void Format_EnglishStrings_NoParenthesisedPlural()
    {
        var en = typeof(UiText).Assembly.GetManifestResourceStream("ProBonoBot.Cards.Strings.en.json")!;
        var text = new StreamReader(en).ReadToEnd();
        Assert.DoesNotContain("(s)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void List_JapaneseAndEnglish_TheirOwnSeparator()
    {
        Assert.Equal("A、B", Plurals.List(Language.Japanese, ["A", "B"]));
        Assert.Equal("A, B", Plurals.List(Language.English, ["A", "B"]));
    }

    [Fact]
    public void ProjectList_Seats_SaidInWordsNotAsAFraction()
    {
        var en = Text(ProjectListCard.Build(Language.English, [Project(seats: 1, taken: 0)], []));
        var ja = Text(ProjectListCard.Build(Language.Japanese, [Project(seats: 1, taken: 0)], []));

        Assert.Contains("Web designer: 1 seat left of 1", en, StringComparison.Ordinal);
        Assert.DoesNotContain("1/1", en, StringComparison.Ordinal);
        Assert.Contains("残り1席（定員1）", ja, StringComparison.Ordinal);
    }

    [Fact]
    public void Applicants_Seats_SaidAsFilledNotAsAFraction()
    {
        var en = Text(ApplicantsCard.Build(Language.English, Project(seats: 1, taken: 1), []));
        var ja = Text(ApplicantsCard.Build(Language.Japanese, Project(seats: 1, taken: 1), []));

        Assert.Contains("Web designer — 1 of 1 filled", en, StringComparison.Ordinal);
        Assert.DoesNotContain("(1/1)", en, StringComparison.Ordinal);
        Assert.Contains("1名確定（定員1）", ja, StringComparison.Ordinal);
    }

    [Fact]
    public void AskRole_OneSeat_Singular()
    {
        var card = Text(SignUpCards.AskRole(Language.English, Project(seats: 2, taken: 1)));
        Assert.Contains("Web designer — 1 seat left", card, StringComparison.Ordinal);
        Assert.DoesNotContain("seat(s)", card, StringComparison.Ordinal);
    }

    [Fact]
    public void AskHours_ProjectAsksForFour_DefaultsToFour()
    {
        var card = SignUpCards.AskHours(Language.English, 1, 4);
        var input = card["body"]!.AsArray().Select(n => n!.AsObject()).Single(n => (string?)n["id"] == "hours");
        Assert.Equal("4", (string?)input["value"]);
        Assert.Contains("about 4 hours a week", Text(card), StringComparison.Ordinal);
    }

    [Fact]
    public void Confirm_NoNote_NoteLeftOutNotShownAsDash()
    {
        var card = SignUpCards.Confirm(Language.English, 1, "Market website", "Web designer", 4, null, waitlist: false);
        var facts = card["body"]!.AsArray()[1]!["facts"]!.AsArray();
        Assert.DoesNotContain(facts, f => (string?)f!["value"] == "-");
        Assert.DoesNotContain(facts, f => (string?)f!["title"] == "Note");
    }

    [Fact]
    public void Place_OnSiteWithoutPlace_NoDash()
    {
        var ja = Text(ProjectListCard.Build(Language.Japanese, [Project(1, 0, WorkMode.Onsite, place: null)], []));
        Assert.DoesNotContain("現地：-", ja, StringComparison.Ordinal);
        Assert.Contains("現地", ja, StringComparison.Ordinal);
    }

    [Fact]
    public void CancelProject_NobodySignedUp_NoZeroPeople()
    {
        var ja = Text(ConfirmCard.CancelProject(Language.Japanese, 1, "Market website", 0, new JsonObject()));
        Assert.DoesNotContain("0人", ja, StringComparison.Ordinal);
        Assert.DoesNotContain("0 人", ja, StringComparison.Ordinal);
    }

    [Fact]
    public void ProjectForm_RolesHint_ShownOnce()
    {
        var card = Text(ProjectFormCard.Build(Language.English));
        var hint = UiText.For(Language.English).Projects.RolesHint;
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(card, System.Text.RegularExpressions.Regex.Escape(hint)));
    }

    [Fact]
    public void Japanese_Approved_TypedCommandsQuoted()
    {
        var approved = UiText.For(Language.Japanese).Drafting.Approved;
        Assert.Contains("「公開 {0}」と入力", approved, StringComparison.Ordinal);
        Assert.DoesNotContain("公開 {0}** して", approved, StringComparison.Ordinal);
    }
}
