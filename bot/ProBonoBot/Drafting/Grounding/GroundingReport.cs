using ProBonoBot.Cards.Drafting;
using static ProBonoBot.Hosting.TurnExtensions;
using ProBonoBot.Cards.Json;

namespace ProBonoBot.Drafting.Grounding;

/// <summary>What grounding did to a draft: how many facts it turned into questions, the questions, and where the kept facts came from.</summary>
public sealed record GroundingReport(int Changed, IReadOnlyList<string> Questions, IReadOnlyList<CitedFact> Cited)
{
    public static GroundingReport None { get; } = new(0, [], []);
}

/// <summary>A kept fact (a field's label and value) and the source sentence it rests on.</summary>
public sealed record CitedFact(string Label, string Value, SourceSentence Source);

/// <summary>One grounding pass over a draft: checks fields, replaces what no source states, collects questions and citations.</summary>
internal sealed class GroundingPass(GroundingSources sources, DraftingTexts t, string questionFormat)
{
    private const int MaxShown = 80;
    private readonly List<string> _questions = [];
    private readonly List<CitedFact> _cited = [];
    private int _changed;

    public string Marker => t.ToConfirm;

    public GroundingReport Report => new(_changed, [.. _questions], [.. _cited]);

    /// <summary>A field that is one fact (an organisation, a date, a contact): anything unstated makes all of it To confirm.</summary>
    public string Whole(string label, string value, FactKinds kinds, Func<string, SourceSentence?>? rest = null, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Contains(Marker, StringComparison.Ordinal))
        {
            return value;
        }

        var facts = FactExtractor.Extract(value, kinds);
        var supports = facts.Select(sources.Support).ToList();
        var anchor = rest?.Invoke(value);
        if (supports.Any(s => s is null) || (rest is not null && anchor is null) || (required && facts.Count == 0 && anchor is null))
        {
            Ask(label, value);
            return Marker;
        }

        if ((supports.FirstOrDefault() ?? anchor) is { Sentence.Length: > 0 } source)
        {
            _cited.Add(new CitedFact(label, value, source));
        }

        return value;
    }

    /// <summary>Prose: each fact no source states is replaced in place by the marker, with a question.</summary>
    public string Prose(string label, string value, FactKinds kinds)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value;
        }

        var result = value;
        foreach (var fact in FactExtractor.Extract(value, kinds).Where(f => sources.Support(f) is null).OrderByDescending(f => f.Index))
        {
            result = result[..fact.Index] + Marker + result[fact.End..];
            Ask(label, fact.Text);
        }

        return result;
    }

    /// <summary>Records a fact that was turned into a question.</summary>
    public void Ask(string label, string value)
    {
        _changed++;
        var shown = value.Trim();
        shown = TextCut.Ellipsis(shown, MaxShown);
        var question = F(questionFormat, label, shown);
        if (!_questions.Contains(question, StringComparer.Ordinal))
        {
            _questions.Add(question);
        }
    }
}
