namespace ProBonoBot.Profiles;

/// <summary>How a member likes to work.</summary>
public enum WorkPreference
{
    Remote,
    Onsite,
    Either,
}

/// <summary>A member's skills profile as stored (codes: skill ids, interest keys, ja/en).</summary>
public sealed record Profile(
    string Aad,
    string? Name,
    IReadOnlyList<string> Skills,
    string? SkillsOther,
    IReadOnlyList<string> Interests,
    int? HoursPerMonth,
    IReadOnlyList<string> Languages,
    WorkPreference? Mode,
    string? Area)
{
    /// <summary>The card's view of it.</summary>
    public Cards.Profiles.ProfileValues ToValues() =>
        new(Skills, SkillsOther, Interests, HoursPerMonth, Languages, Mode?.ToString().ToLowerInvariant(), Area);

    /// <summary>Free-text skills one by one ("写真撮影、経理" → 写真撮影, 経理).</summary>
    public IReadOnlyList<string> OtherSkills =>
        string.IsNullOrWhiteSpace(SkillsOther) ? []
        : [.. SkillsOther.Split([',', '、', '，', ';', '；', '/', '／', '\n', '・'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(s => s.Length is >= 2 and <= 40).Distinct(StringComparer.OrdinalIgnoreCase)];
}
