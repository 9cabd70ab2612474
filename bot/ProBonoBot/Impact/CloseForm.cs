using System.Text.Json;
using ProBonoBot.Cards.Impact;
using ProBonoBot.Hosting;
using ProBonoBot.Profiles;
using ProBonoBot.Protocol.Routing;

namespace ProBonoBot.Impact;

/// <summary>The skills a leader picked for one member: lexicon ids and free-text skills.</summary>
public sealed record MemberSkills(string Aad, IReadOnlyList<string> Ids, IReadOnlyList<string> Other)
{
    public IEnumerable<string> All => Ids.Concat(Other).Distinct(StringComparer.Ordinal);
}

/// <summary>What the leader wrote on the close form.</summary>
public sealed record Outcome(string Output, string? Result, string? Impact, string? Feedback);

/// <summary>
/// Reads the close form's data. Member ids and skill ids come from the card, which a user could edit: a member who is not
/// confirmed on the project or a skill that is not in the lexicon makes the whole form invalid (nothing is saved).
/// </summary>
public static class CloseForm
{
    private const int MaxFreeSkills = 10;
    private const int MaxFreeSkillLength = 40;

    /// <returns>The outcome (null when the output is missing) and the skills per member; null skills when the form was tampered with.</returns>
    public static (Outcome? Outcome, IReadOnlyList<MemberSkills>? Skills) Read(TurnContext turn, IReadOnlySet<string> members)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(members);
        var output = turn.DataText("output", CloseCard.MaxText);
        var outcome = output is null ? null : new Outcome(output, turn.DataText("outcome", CloseCard.MaxText), turn.DataText("impact", CloseCard.MaxText),
            turn.DataText("feedback", CloseCard.MaxFeedback));

        var picked = new Dictionary<string, (List<string> Ids, List<string> Other)>(StringComparer.Ordinal);
        if (turn.CardAction?.Data is { ValueKind: JsonValueKind.Object } data)
        {
            foreach (var field in data.EnumerateObject())
            {
                var isSkills = field.Name.StartsWith(CloseCard.SkillsPrefix, StringComparison.Ordinal);
                var isOther = field.Name.StartsWith(CloseCard.OtherPrefix, StringComparison.Ordinal);
                if (!isSkills && !isOther)
                {
                    continue;
                }

                var aad = field.Name[(isSkills ? CloseCard.SkillsPrefix : CloseCard.OtherPrefix).Length..];
                if (!members.Contains(aad) || field.Value.ValueKind != JsonValueKind.String)
                {
                    return (outcome, null);
                }

                var entry = picked.TryGetValue(aad, out var e) ? e : picked[aad] = ([], []);
                var text = turn.DataText(field.Name, isSkills ? 4000 : CloseCard.MaxOtherSkills) ?? string.Empty;
                if (isSkills)
                {
                    foreach (var id in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        if (SkillLexicon.Find(id) is null)
                        {
                            return (outcome, null);
                        }

                        entry.Ids.Add(id);
                    }
                }
                else
                {
                    entry.Other.AddRange(FreeSkills(text));
                }
            }
        }

        return (outcome, [.. picked.Select(p => new MemberSkills(p.Key, [.. p.Value.Ids.Distinct(StringComparer.Ordinal)], p.Value.Other))]);
    }

    /// <summary>"写真撮影、経理" → 写真撮影, 経理 (at most ten, each at most 40 characters).</summary>
    private static List<string> FreeSkills(string text) =>
        [.. text.Split([',', '、', '，', ';', '；', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(s => s.Length <= MaxFreeSkillLength).Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxFreeSkills)];
}
