using System.Globalization;
using System.Text.Json;
using ProBonoBot.Cards.Drafting;
using ProBonoBot.Cards.Json;

namespace ProBonoBot.Drafting;

/// <summary>Applies the brief card's edit form to a brief; fields left out of the form keep their value.</summary>
public static class BriefEditor
{
    public static ProjectBrief Apply(ProjectBrief brief, JsonElement data)
    {
        ArgumentNullException.ThrowIfNull(brief);
        string Text(string name, string current) => S(data, name) is { } v ? Cap(v.Trim(), BriefRules.MaxText) : current;
        IReadOnlyList<string> Lines(string name, IReadOnlyList<string> current) => S(data, name) is { } v
            ? [.. v.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(BriefRules.MaxItems).Select(l => Cap(l, 500))]
            : current;

        IReadOnlyList<BriefRole> roles = S(data, "roles") is { } r ? Roles(r, brief) : brief.Roles;
        return brief with
        {
            Title = Text("title", brief.Title),
            Partner = brief.Partner with { Organisation = Text("organisation", brief.Partner.Organisation), Contact = Text("contact", brief.Partner.Contact) },
            Background = Text("background", brief.Background),
            Objective = Text("objective", brief.Objective),
            Deliverables = Lines("deliverables", brief.Deliverables),
            Roles = roles,
            TeamSize = roles.Sum(x => x.Seats),
            TimeCommitment = Text("time", brief.TimeCommitment),
            Start = Text("start", brief.Start),
            Deadline = Text("deadline", brief.Deadline),
            OpenQuestions = Lines("questions", brief.OpenQuestions),

            // An edit by hand supersedes what the last regeneration could not apply.
            Revision = null,
        };
    }

    /// <summary>"name | skills | seats" per line; hours a week stay as they were for the role of that name.</summary>
    private static List<BriefRole> Roles(string text, ProjectBrief brief)
    {
        var hours = brief.Roles.Count > 0 ? brief.Roles[0].HoursPerWeek : 5;
        var roles = new List<BriefRole>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(8))
        {
            var parts = line.Replace('｜', '|').Split('|', StringSplitOptions.TrimEntries);
            var seats = parts.Length >= 3 && int.TryParse(parts[2].Normalize(System.Text.NormalizationForm.FormKC), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? Math.Clamp(n, 1, 20) : 1;
            var name = Cap(parts[0], 80);
            var previous = brief.Roles.FirstOrDefault(x => x.Name == name);
            roles.Add(new BriefRole(name, parts.Length >= 2 ? Cap(parts[1], 300) : previous?.Skills ?? string.Empty, seats, previous?.HoursPerWeek ?? hours));
        }

        return roles;
    }

    private static string? S(JsonElement data, string name) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string Cap(string text, int max) => TextCut.Cut(text, max);
}
