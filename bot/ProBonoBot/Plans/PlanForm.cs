using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ProBonoBot.Cards;
using ProBonoBot.Cards.Json;
using ProBonoBot.Cards.Plans;
using ProBonoBot.Protocol.Activities;
using static ProBonoBot.Hosting.TurnExtensions;

namespace ProBonoBot.Plans;

/// <summary>
/// The leader's plan card, read and checked. Card data can be edited, so every row must be a milestone of this plan, and
/// kinds, titles, places, dates, times (a real local time in the leader's zone) and durations are checked: any error
/// refuses the whole card with one sentence per problem, and nothing is saved.
/// </summary>
public static partial class PlanForm
{
    public static (IReadOnlyList<MilestoneInput> Rows, IReadOnlyList<string> Errors) Read(
        JsonElement data, StoredPlan plan, Language language, string zoneId, int maxMilestones)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var t = UiText.For(language).Plans;
        var fields = Fields(data);
        var known = plan.Milestones.Select(m => m.Id.ToString(CultureInfo.InvariantCulture)).ToHashSet(StringComparer.Ordinal);
        if (fields.Keys.Any(k => k != "new" && !known.Contains(k)))
        {
            return ([], [t.ErrorUnknownMilestone]);
        }

        var zone = PlanViews.Zone(zoneId);
        var rows = new List<MilestoneInput>();
        var errors = new List<string>();
        var number = 0;
        foreach (var current in plan.Milestones)
        {
            number++;
            var view = PlanViews.View(current, language, zoneId, DateTimeOffset.UnixEpoch);
            var f = fields.GetValueOrDefault(current.Id.ToString(CultureInfo.InvariantCulture)) ?? [];
            string Get(string name, string? fallback) => f.TryGetValue(name, out var v) ? v : fallback ?? string.Empty;
            var row = ReadRow(t, number, current.Id, Get("kind", current.Kind), Get("title", current.Title), Get("date", view.Date), Get("time", view.Time),
                Get("minutes", view.DurationMinutes.ToString(CultureInfo.InvariantCulture)), Get("place", current.Place), Get("cancel", current.Cancelled ? "true" : "false"), zone, zoneId, errors);
            if (row is not null)
            {
                // An unchanged local date and time keeps its instant (re-reading an ambiguous hour must not move it).
                rows.Add(Get("date", view.Date) == (view.Date ?? string.Empty) && Get("time", view.Time) == (view.Time ?? string.Empty) ? row with { StartsAt = current.StartsAt } : row);
            }
        }

        if (fields.TryGetValue("new", out var added) && !string.IsNullOrWhiteSpace(added.GetValueOrDefault("title") + added.GetValueOrDefault("date") + added.GetValueOrDefault("time") + added.GetValueOrDefault("place")))
        {
            number++;
            string Get(string name) => added.GetValueOrDefault(name) ?? string.Empty;
            if (ReadRow(t, number, null, Get("kind"), Get("title"), Get("date"), Get("time"), Get("minutes"), Get("place"), "false", zone, zoneId, errors) is { } row)
            {
                rows.Add(row);
            }

            if (plan.Milestones.Count + 1 > maxMilestones)
            {
                errors.Add(F(t.ErrorTooMany, maxMilestones));
            }
        }

        return errors.Count > 0 ? ([], errors) : (rows, []);
    }

    private static MilestoneInput? ReadRow(PlanTexts t, int row, long? id, string kind, string title, string date, string time, string minutes, string place,
        string cancel, TimeZoneInfo zone, string zoneId, List<string> errors)
    {
        var before = errors.Count;
        kind = kind.Trim();
        if (kind is not (Milestone.KindMilestone or Milestone.KindMeeting))
        {
            errors.Add(F(t.ErrorKind, row));
        }

        title = SingleLine(TextHygiene.StripInvisible(title)).Trim();
        if (title.Length == 0)
        {
            errors.Add(F(t.ErrorTitle, row));
        }
        else if (title.Length > PlanCards.MaxTitle)
        {
            errors.Add(F(t.ErrorTitleLong, row, PlanCards.MaxTitle));
        }

        var placeText = SingleLine(TextHygiene.StripInvisible(place)).Trim();
        if (placeText.Length > PlanCards.MaxPlace)
        {
            errors.Add(F(t.ErrorPlaceLong, row, PlanCards.MaxPlace));
        }

        var duration = 60;
        if (minutes.Trim().Length > 0 && (!int.TryParse(minutes.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out duration) || duration > PlanCards.MaxMinutes))
        {
            errors.Add(F(t.ErrorMinutes, row, PlanCards.MaxMinutes));
        }

        var startsAt = ReadInstant(t, row, date.Trim(), time.Trim(), zone, zoneId, errors);
        return errors.Count > before
            ? null
            : new MilestoneInput(id, kind, title, startsAt, duration, placeText.Length == 0 ? null : placeText, cancel.Trim() == "true");
    }

    private static DateTimeOffset? ReadInstant(PlanTexts t, int row, string date, string time, TimeZoneInfo zone, string zoneId, List<string> errors)
    {
        if (date.Length == 0)
        {
            if (time.Length > 0)
            {
                errors.Add(F(t.ErrorTimeWithoutDate, row));
            }

            return null;
        }

        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) || day.Year is < 2000 or > 2100)
        {
            errors.Add(F(t.ErrorDate, row));
            return null;
        }

        // A date without a time is at 10:00, the time a seeded plan uses.
        var clock = new TimeOnly(10, 0);
        if (time.Length > 0 && !TimeOnly.TryParseExact(time, ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out clock))
        {
            errors.Add(F(t.ErrorTime, row));
            return null;
        }

        if (PlanViews.Instant(day, clock, zone) is { } instant)
        {
            return instant;
        }

        errors.Add(F(t.ErrorTimeGap, row, clock.ToString("HH:mm", CultureInfo.InvariantCulture), zoneId));
        return null;
    }

    /// <summary>The card's inputs by row key ("12" or "new") and field name; other data is ignored.</summary>
    private static Dictionary<string, Dictionary<string, string>> Fields(JsonElement data)
    {
        var fields = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        if (data.ValueKind != JsonValueKind.Object)
        {
            return fields;
        }

        foreach (var p in data.EnumerateObject())
        {
            var match = FieldName().Match(p.Name);
            if (!match.Success)
            {
                continue;
            }

            var value = p.Value.ValueKind switch
            {
                JsonValueKind.String => p.Value.GetString() ?? string.Empty,
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => p.Value.GetRawText(),
                _ => string.Empty,
            };
            var key = match.Groups["row"].Value;
            if (!fields.TryGetValue(key, out var row))
            {
                fields[key] = row = new Dictionary<string, string>(StringComparer.Ordinal);
            }

            row[match.Groups["field"].Value] = value.Length > 4000 ? value[..4000] : value;
        }

        return fields;
    }

    [GeneratedRegex(@"^(?<field>kind|title|date|time|minutes|place|cancel)\.(?<row>new|[0-9]{1,18})$", RegexOptions.CultureInvariant, 100)]
    private static partial Regex FieldName();

    /// <summary>Titles and places are one line: line and paragraph breaks become spaces.</summary>
    private static string SingleLine(string text) => LineBreaks().Replace(text, " ");

    [System.Text.RegularExpressions.GeneratedRegex(@"[\r\n\u2028\u2029\u0085]+", System.Text.RegularExpressions.RegexOptions.CultureInvariant, 200)]
    private static partial System.Text.RegularExpressions.Regex LineBreaks();
}
