using System.Globalization;
using System.Text.Json;
using ProBonoBot.Cards;
using ProBonoBot.Cards.Profiles;
using ProBonoBot.Protocol.Activities;
using static ProBonoBot.Hosting.TurnExtensions;

namespace ProBonoBot.Profiles;

/// <summary>
/// Reads a submitted profile card. Card data can be edited by the client, so every value is checked against what the
/// card offers: a skill or interest that is not in the lexicon, hours out of range, a text longer than its box allows
/// is an error (all of them listed), and nothing is saved. The short card (welcome) carries skills, hours and mode only;
/// the rest of a stored profile is kept.
/// </summary>
public static class ProfileForm
{
    private const int MaxChoices = 100;

    public static (Profile? Profile, IReadOnlyList<string> Errors) Read(JsonElement data, Profile? current, string aad, string? name, Language language)
    {
        var t = UiText.For(language).Profiles;
        var errors = new List<string>();
        var full = !(data.ValueKind == JsonValueKind.Object && data.TryGetProperty("form", out var form)
            && form.ValueKind == JsonValueKind.String && form.GetString() == "short");
        var keep = current ?? new Profile(aad, name, [], null, [], null, [], null, null);

        var skills = Codes(data, "skills", SkillLexicon.Find, t.FieldSkills, t, errors);
        var hours = Hours(data, t, errors);
        var mode = Mode(data, t, errors);
        var profile = keep with { Name = name ?? keep.Name, Skills = skills, HoursPerMonth = hours, Mode = mode };
        if (full)
        {
            profile = profile with
            {
                SkillsOther = Text(data, "skillsOther", ProfileCards.MaxSkillsOther, t.FieldSkillsOther, t, errors),
                Interests = Codes(data, "interests", Interests.Find, t.FieldInterests, t, errors),
                Languages = Codes(data, "languages", code => code is "ja" or "en" ? code : null, t.FieldLanguages, t, errors),
                Area = Text(data, "area", ProfileCards.MaxArea, t.FieldArea, t, errors),
            };
        }

        return errors.Count > 0 ? (null, errors) : (profile, errors);
    }

    private static string? Raw(JsonElement data, string field, string label, ProfileTexts t, List<string> errors)
    {
        if (data.ValueKind != JsonValueKind.Object || !data.TryGetProperty(field, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (v.ValueKind == JsonValueKind.Number)
        {
            return v.GetRawText();
        }

        if (v.ValueKind != JsonValueKind.String)
        {
            errors.Add(F(t.ErrorUnknownChoice, label));
            return null;
        }

        return v.GetString();
    }

    private static List<string> Codes<T>(JsonElement data, string field, Func<string, T?> find, string label, ProfileTexts t, List<string> errors)
        where T : class
    {
        var raw = Raw(data, field, label, t, errors);
        if (string.IsNullOrWhiteSpace(raw))
        {
            return [];
        }

        var codes = raw.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        if (codes.Count > MaxChoices || codes.Any(c => find(c) is null))
        {
            errors.Add(F(t.ErrorUnknownChoice, label));
            return [];
        }

        return codes;
    }

    private static int? Hours(JsonElement data, ProfileTexts t, List<string> errors)
    {
        var raw = Raw(data, "hours", t.FieldHours, t, errors)?.Normalize(System.Text.NormalizationForm.FormKC).Trim();
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }

        if (!int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var hours) || hours is < 0 or > ProfileCards.MaxHoursPerMonth)
        {
            errors.Add(F(t.ErrorHours, ProfileCards.MaxHoursPerMonth));
            return null;
        }

        return hours;
    }

    private static WorkPreference? Mode(JsonElement data, ProfileTexts t, List<string> errors) =>
        Raw(data, "mode", t.FieldMode, t, errors) switch
        {
            null or "" => null,
            "remote" => WorkPreference.Remote,
            "onsite" => WorkPreference.Onsite,
            "either" => WorkPreference.Either,
            _ => Error<WorkPreference?>(errors, F(t.ErrorUnknownChoice, t.FieldMode)),
        };

    private static string? Text(JsonElement data, string field, int max, string label, ProfileTexts t, List<string> errors)
    {
        var raw = Raw(data, field, label, t, errors);
        if (raw is null || TextHygiene.StripInvisible(raw).Trim() is not { Length: > 0 } text)
        {
            return null;
        }

        // The box allows no more: a longer text was not typed into this card, and is refused rather than cut. Characters are
        // counted as people see them, but a "character" piled with combining marks is bounded too (4 UTF-16 units each).
        if (new StringInfo(text).LengthInTextElements > max || text.Length > max * 4)
        {
            errors.Add(F(t.ErrorTooLong, label, max));
            return null;
        }

        return text;
    }

    private static T Error<T>(List<string> errors, string message)
    {
        errors.Add(message);
        return default!;
    }
}
