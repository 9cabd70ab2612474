using System.Text.Json.Nodes;
using ProBonoBot.Cards.Drafting;
using ProBonoBot.Cards.Json;
using ProBonoBot.Protocol.Activities;
using static ProBonoBot.Hosting.TurnExtensions;

namespace ProBonoBot.Drafting.Grounding;

/// <summary>
/// The final message of a drafting job: the card, and above it a short text line naming the key facts with
/// citation markers (<c>Partner: … [1] · Deadline: … [2]</c>) — Teams only shows citations the message text refers
/// to, and a card's own text cannot hold them — plus the AI label when a model wrote the draft.
/// </summary>
public static class DraftMessage
{
    private const int MaxValue = 60;
    private const int MaxSentence = 150;

    /// <summary>A brief's final message: citations to the sentences its facts rest on, what grounding changed, the AI label.</summary>
    public static Activity Brief(JsonObject card, IReadOnlyList<CitedFact> cited, int changed, bool aiGenerated, DraftingTexts t)
    {
        ArgumentNullException.ThrowIfNull(cited);
        ArgumentNullException.ThrowIfNull(t);
        var activity = Activity.WithAdaptiveCard(card);
        var positions = new Dictionary<SourceSentence, int>();
        var items = new List<string>();
        foreach (var fact in cited)
        {
            if (!positions.TryGetValue(fact.Source, out var position))
            {
                if (positions.Count == AiContent.MaxCitations)
                {
                    continue;
                }

                position = positions.Count + 1;
                positions[fact.Source] = position;
            }

            items.Add($"{fact.Label}: {Markdown.Escape(Clip(fact.Value, MaxValue))} {AiContent.Marker(position)}");
        }

        var lines = new List<string>();
        if (items.Count > 0)
        {
            lines.Add(t.CitationsIntro + " " + string.Join(" · ", items));
        }

        if (changed > 0)
        {
            lines.Add(F(t.GroundingChanged, changed));
        }

        activity.Text = lines.Count > 0 ? string.Join("\n\n", lines) : null;
        // Teams shows a citation's abstract as plain text: escaping it would show the backslashes.
        var citations = positions.Select(p => new Citation(p.Value, p.Key.Source, Clip(p.Key.Sentence, MaxSentence))).ToList();
        AiContent.Apply(activity, aiGenerated, citations);
        return activity;
    }

    /// <summary>A manual's final message: what grounding changed, and the AI label.</summary>
    public static Activity Manual(JsonObject card, int changed, bool aiGenerated, DraftingTexts t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var activity = Activity.WithAdaptiveCard(card);
        if (changed > 0)
        {
            activity.Text = F(t.ManualGroundingChanged, changed);
        }

        AiContent.Apply(activity, aiGenerated, []);
        return activity;
    }

    /// <summary>One line of plain text: control characters (line breaks, tabs, the rest) become spaces, invisible and direction-changing characters go, cut on a whole character.</summary>
    internal static string Clip(string text, int max)
    {
        var flat = new string([.. TextHygiene.StripInvisible(text).Select(c => char.IsControl(c) ? ' ' : c)]).Trim();
        return TextCut.Ellipsis(flat, max);
    }
}
