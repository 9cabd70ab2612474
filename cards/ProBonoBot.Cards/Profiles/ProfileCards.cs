using System.Globalization;
using System.Text.Json.Nodes;
using ProBonoBot.Cards.Json;
using ProBonoBot.Cards.Projects;

namespace ProBonoBot.Cards.Profiles;

/// <summary>The skills profile (full card and the short one in the 1:1 welcome), recommendations and invitations.</summary>
public static class ProfileCards
{
    public const int MaxHoursPerMonth = 200;
    public const int MaxSkillsOther = 200;
    public const int MaxArea = 60;

    /// <summary>The profile card with the person's current values; <paramref name="notice"/> above it (plain text, escaped).</summary>
    public static JsonObject Form(Language language, ProfileOptions options, ProfileValues values, string? notice = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(values);
        var t = UiText.For(language).Profiles;
        var body = new List<JsonNode> { Card.Title(t.Title) };
        if (!string.IsNullOrWhiteSpace(notice))
        {
            body.Add(Card.Text(Markdown.Escape(notice)));
        }

        body.Add(Card.Text(t.Intro, subtle: true));
        body.Add(SkillsInput(t, options, values));
        body.Add(Card.TextInput("skillsOther", t.FieldSkillsOther, values.SkillsOther, maxLength: MaxSkillsOther, placeholder: t.SkillsOtherPlaceholder));
        body.Add(Card.Choices("interests", t.FieldInterests, options.Interests.Select(c => (c.Title, c.Value)), Join(values.Interests), multiSelect: true));
        body.Add(HoursInput(t, values));
        body.Add(Card.Choices("languages", t.FieldLanguages, [(t.LanguageJa, "ja"), (t.LanguageEn, "en")], Join(values.Languages), multiSelect: true, expanded: true));
        body.Add(ModeInput(t, values));
        body.Add(Card.TextInput("area", t.FieldArea, values.Area, maxLength: MaxArea, placeholder: t.AreaPlaceholder));
        return Card.Create(body,
        [
            Card.Submit(t.ButtonSave, ProfileVerbs.Save, new JsonObject { ["form"] = "full" }),
            Card.Submit(t.ButtonSkip, ProfileVerbs.Skip),
        ]);
    }

    /// <summary>
    /// The short profile question asked once, at the end of the 1:1 welcome: skills, hours and how to work behind a
    /// "Set up my profile" button, and "Not now".
    /// </summary>
    public static IReadOnlyList<JsonNode> Prompt(Language language, ProfileOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var t = UiText.For(language).Profiles;
        var form = Card.Inner(
        [
            SkillsInput(t, options, ProfileValues.Empty),
            HoursInput(t, ProfileValues.Empty),
            ModeInput(t, ProfileValues.Empty),
        ]);
        form["actions"] = new JsonArray(Card.Submit(t.ButtonSave, ProfileVerbs.Save, new JsonObject { ["form"] = "short" }));
        return
        [
            Card.Heading(t.PromptTitle),
            Card.Text(t.PromptText),
            Card.Actions([Card.ShowCard(t.ButtonSetUp, form), Card.Submit(t.ButtonNotNow, ProfileVerbs.Skip)]),
        ];
    }

    /// <summary>Open projects that fit, best first, each with why and a Sign up button (as on the projects list).</summary>
    public static JsonObject Recommendations(Language language, IReadOnlyList<RecommendationModel> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var text = UiText.For(language);
        var t = text.Projects;
        var body = new List<JsonNode> { Card.Title(text.Profiles.RecommendTitle), Card.Text(text.Profiles.RecommendIntro, subtle: true) };
        foreach (var (p, reasons) in items)
        {
            body.Add(Card.Container(
            [
                Card.Text($"**#{p.Number} {Markdown.Escape(p.Title)}**"),
                Card.Text($"{Markdown.Escape(p.Partner)} · {ProjectFacts.F(t.CommitmentValue, p.HoursPerWeek)} · {ProjectFacts.Place(t, p)}", subtle: true),
                Card.Text($"{text.Profiles.ReasonsLabel}: {Reasons(reasons)}"),
                Card.Text(string.Join(" / ", p.Roles.Select(r => $"{Markdown.Escape(r.Name)}: {ProjectFacts.Seats(t, r)}")), subtle: true),
                Card.Actions(
                [
                    Card.Execute(t.ButtonSignUp, ProjectVerbs.SignUp, ProjectFacts.ProjectData(p.Number)),
                    Card.ShowCard(t.ButtonDetails, ProjectFacts.Details(t, p)),
                ]),
            ], separator: true));
        }

        return Card.Create(body, [Card.Submit(text.Profiles.ButtonEdit, ProfileVerbs.Show)]);
    }

    /// <summary>A leader's invitation to one member: the project, why they fit, and Sign up.</summary>
    public static JsonObject Invitation(Language language, ProjectCardModel project, string? leaderName, IReadOnlyList<string> reasons)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(reasons);
        var text = UiText.For(language);
        var t = text.Projects;
        var p = text.Profiles;
        var lead = string.IsNullOrWhiteSpace(leaderName)
            ? ProjectFacts.F(p.InvitationTextNoLeader, project.Number, Markdown.Escape(project.Title))
            : ProjectFacts.F(p.InvitationText, Markdown.Escape(leaderName), project.Number, Markdown.Escape(project.Title));
        var body = new List<JsonNode> { Card.Title(p.InvitationTitle), Card.Text(lead) };
        if (reasons.Count > 0)
        {
            body.Add(Card.Text(ProjectFacts.F(p.InvitationWhy, Reasons(reasons)), subtle: true));
        }

        body.Add(Card.Text(Markdown.Escape(SummaryText.Preview(project.Summary))));
        body.Add(ProjectFacts.Facts(t, project, withStatus: false));
        body.AddRange(ProjectFacts.Roles(t, project));
        return Card.Create(body,
        [
            Card.Execute(t.ButtonSignUp, ProjectVerbs.SignUp, ProjectFacts.ProjectData(project.Number), style: "positive"),
            Card.ShowCard(t.ButtonDetails, ProjectFacts.Details(t, project)),
        ]);
    }

    /// <summary>The "members who fit" section of the applicants card, each with Invite (or "Invited").</summary>
    internal static IEnumerable<JsonNode> FitSection(Language language, long project, IReadOnlyList<FitPersonModel> people)
    {
        var p = UiText.For(language).Profiles;
        yield return Card.Heading(p.FitHeading);
        if (people.Count == 0)
        {
            yield return Card.Text(p.FitNone, subtle: true);
            yield break;
        }

        foreach (var person in people)
        {
            var items = new List<JsonNode>
            {
                Card.Text($"**{Markdown.Escape(person.Name)}**"),
                Card.Text(Reasons(person.Reasons), subtle: true),
            };
            items.Add(person.Invited
                ? Card.Text("✓ " + p.Invited, color: "Good")
                : Card.Actions([Card.Submit(p.ButtonInvite, ProfileVerbs.Invite, new JsonObject { ["project"] = project, ["person"] = person.Aad })]));
            yield return Card.Container(items, separator: true);
        }
    }

    /// <summary>Reasons are plain text (they quote a profile's free text): escaped here, the one place they are shown.</summary>
    private static string Reasons(IEnumerable<string> reasons) => string.Join(" · ", reasons.Select(r => Markdown.Escape(r)));

    private static JsonObject SkillsInput(ProfileTexts t, ProfileOptions options, ProfileValues values) =>
        Card.Choices("skills", t.FieldSkills, options.Skills.Select(c => (c.Title, c.Value)), Join(values.Skills), multiSelect: true);

    private static JsonObject HoursInput(ProfileTexts t, ProfileValues values) =>
        Card.NumberInput("hours", t.FieldHours, 0, MaxHoursPerMonth, values.HoursPerMonth?.ToString(CultureInfo.InvariantCulture));

    private static JsonObject ModeInput(ProfileTexts t, ProfileValues values) =>
        Card.Choices("mode", t.FieldMode, [(t.ModeRemote, "remote"), (t.ModeOnsite, "onsite"), (t.ModeEither, "either")], values.Mode, expanded: true);

    private static string Join(IEnumerable<string> values) => string.Join(',', values);
}
