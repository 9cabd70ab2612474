using System.Globalization;
using System.Text.Json;
using ProBonoBot.Cards;
using ProBonoBot.Cards.Projects;

namespace ProBonoBot.Projects;

/// <summary>Turns the project form's inputs into a <see cref="ProjectDraft"/>, or into the list of what to fix.</summary>
public static class ProjectFormParser
{
    public static ProjectFormValues Read(JsonElement data, long? number) => new(
        number,
        S(data, "title"), S(data, "partner"), S(data, "summary"), S(data, "objective"), S(data, "deliverables"), S(data, "roles"),
        S(data, "hours"), S(data, "start"), S(data, "end"), S(data, "mode"), S(data, "place"), S(data, "language"));

    public static ProjectFormValues From(Project p) => new(
        p.Number, p.Title, p.Partner, p.Summary, p.Objective, p.Deliverables,
        string.Join('\n', p.Roles.Select(r => $"{r.Name} | {r.Skills} | {r.Seats}")),
        p.HoursPerWeek.ToString(CultureInfo.InvariantCulture), p.StartDate, p.EndDate,
        p.Mode.ToString().ToLowerInvariant(), p.Place, p.Language);

    public static (ProjectDraft? Draft, IReadOnlyList<string> Errors) Parse(ProjectFormValues v, Language language)
    {
        ArgumentNullException.ThrowIfNull(v);
        var t = UiText.For(language).Projects;
        var errors = new List<string>();
        string Required(string? value, string label, int max)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add(F(t.ErrorRequired, label));
                return string.Empty;
            }

            return Limit(value, label, max);
        }

        string? Optional(string? value, string label, int max) => string.IsNullOrWhiteSpace(value) ? null : Limit(value, label, max);

        string Limit(string value, string label, int max)
        {
            var trimmed = value.Trim();
            if (trimmed.Length > max)
            {
                errors.Add(F(t.ErrorTooLong, label, max));
            }

            return trimmed;
        }

        var title = Required(v.Title, t.FieldTitle, ProjectFormCard.MaxTitle);
        var partner = Required(v.Partner, t.FieldPartner, ProjectFormCard.MaxShort);
        var summary = Required(v.Summary, t.FieldSummary, ProjectFormCard.MaxLong);
        var objective = Optional(v.Objective, t.FieldObjective, ProjectFormCard.MaxLong);
        var deliverables = Optional(v.Deliverables, t.FieldDeliverables, ProjectFormCard.MaxLong);
        var place = Optional(v.Place, t.FieldPlace, ProjectFormCard.MaxShort);

        if (!int.TryParse(v.HoursPerWeek, NumberStyles.Integer, CultureInfo.InvariantCulture, out var hours) || hours is < 1 or > 40)
        {
            errors.Add(t.ErrorHours);
        }

        var start = Date(v.Start, t.FieldStart, t, errors);
        var end = Date(v.End, t.FieldEnd, t, errors);
        if (start is not null && end is not null && string.CompareOrdinal(end, start) < 0)
        {
            errors.Add(t.ErrorDateOrder);
        }

        var mode = v.Mode switch
        {
            "onsite" => WorkMode.Onsite,
            "hybrid" => WorkMode.Hybrid,
            _ => WorkMode.Remote,
        };
        var projectLanguage = v.Language is "en" or "both" ? v.Language : "ja";
        var roles = Roles(v.Roles, t, errors);
        return errors.Count > 0
            ? (null, errors)
            : (new ProjectDraft(title, partner, summary, objective, deliverables, hours, start, end, mode, place, projectLanguage, roles), errors);
    }

    private static List<ProjectRole> Roles(string? text, ProjectTexts t, List<string> errors)
    {
        var roles = new List<ProjectRole>();
        var lines = (text ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            // Accept full-width bars too: Japanese keyboards type ｜.
            var parts = lines[i].Replace('｜', '|').Split('|', StringSplitOptions.TrimEntries);
            var seatsText = parts.Length >= 2 ? parts[^1] : "1";
            if (parts.Length is < 1 or > 3 || string.IsNullOrWhiteSpace(parts[0]) || parts[0].Length > 80
                || !int.TryParse(seatsText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seats) || seats is < 1 or > 20)
            {
                errors.Add(F(t.ErrorRoles, i + 1));
                continue;
            }

            var skills = parts.Length == 3 && parts[1].Length > 0 ? parts[1] : null;
            roles.Add(new ProjectRole(roles.Count + 1, parts[0], skills, seats));
        }

        if (roles.Count == 0 && lines.Length == 0)
        {
            errors.Add(t.ErrorNoRoles);
        }

        return roles;
    }

    private static string? Date(string? value, string label, ProjectTexts t, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        errors.Add(F(t.ErrorDate, label));
        return null;
    }

    private static string? S(JsonElement data, string name) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var v)
            ? v.ValueKind switch
            {
                JsonValueKind.String => v.GetString(),
                JsonValueKind.Number => v.GetRawText(),
                _ => null,
            }
            : null;

    private static string F(string format, params object?[] args) => ProBonoBot.Cards.Wording.Plurals.Format(format, args);
}
