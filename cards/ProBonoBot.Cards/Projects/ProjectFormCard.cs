using System.Text.Json.Nodes;
using ProBonoBot.Cards.Json;

namespace ProBonoBot.Cards.Projects;

/// <summary>The leader's form for a new project or an edit of a draft; shows the errors of the last save.</summary>
public static class ProjectFormCard
{
    public const int MaxTitle = 120;
    public const int MaxShort = 200;
    public const int MaxLong = 2000;

    public static JsonObject Build(Language language, ProjectFormValues? values = null, IReadOnlyList<string>? errors = null)
    {
        var t = UiText.For(language).Projects;
        var v = values ?? new ProjectFormValues(null, null, null, null, null, null, null, "5", null, null, "remote", null, language.Code());
        var body = new List<JsonNode>
        {
            Card.Title(v.Number is { } n ? ProjectFacts.F(t.FormTitleEdit, n) : t.FormTitleNew),
        };
        if (errors is { Count: > 0 })
        {
            body.Add(Card.Container(
                [Card.Text(t.FormErrors, weight: "Bolder", color: "Attention"), .. errors.Select(e => (JsonNode)Card.Text("- " + e, color: "Attention"))],
                style: "attention"));
        }

        body.AddRange(
        [
            Card.TextInput("title", t.FieldTitle, v.Title, errorMessage: Required(t, t.FieldTitle), maxLength: MaxTitle),
            Card.TextInput("partner", t.FieldPartner, v.Partner, errorMessage: Required(t, t.FieldPartner), maxLength: MaxShort),
            Card.TextInput("summary", t.FieldSummary, v.Summary, multiline: true, errorMessage: Required(t, t.FieldSummary), maxLength: MaxLong),
            Card.TextInput("objective", t.FieldObjective, v.Objective, multiline: true, maxLength: MaxLong),
            Card.TextInput("deliverables", t.FieldDeliverables, v.Deliverables, multiline: true, maxLength: MaxLong),
            Card.TextInput("roles", t.FieldRoles, v.Roles, multiline: true, errorMessage: Required(t, t.FieldRoles), maxLength: MaxLong, placeholder: t.RolesPlaceholder),
            Card.Text(t.RolesHint, subtle: true),
            Card.NumberInput("hours", t.FieldHours, 1, 40, v.HoursPerWeek),
            Card.DateInput("start", t.FieldStart, v.Start),
            Card.DateInput("end", t.FieldEnd, v.End),
            Card.Choices("mode", t.FieldMode, [(t.ModeRemote, "remote"), (t.ModeOnsite, "onsite"), (t.ModeHybrid, "hybrid")], v.Mode ?? "remote"),
            Card.TextInput("place", t.FieldPlace, v.Place, maxLength: MaxShort),
            Card.Choices("language", t.FieldLanguage, [(t.LanguageJa, "ja"), (t.LanguageEn, "en"), (t.LanguageBoth, "both")], v.Language ?? "ja"),
        ]);
        var data = v.Number is { } number ? new JsonObject { ["project"] = number } : null;
        return Card.Create(body, [Card.Submit(t.ButtonSave, ProjectVerbs.Save, data)]);
    }

    private static string Required(ProjectTexts t, string label) => ProjectFacts.F(t.ErrorRequired, label);
}
