namespace ProBonoBot.Drafting;

/// <summary>The answers to the clarifying questions (null: not asked or skipped).</summary>
public sealed record NeedAnswers(string? Partner = null, string? Deliverable = null, string? Deadline = null)
{
    public static NeedAnswers None { get; } = new();

    /// <summary>The answers as lines for the prompt or the source text; empty when none.</summary>
    public string ToText() => string.Join('\n', new[] { ("partner", Partner), ("deliverable", Deliverable), ("deadline", Deadline) }
        .Where(a => !string.IsNullOrWhiteSpace(a.Item2)).Select(a => $"{a.Item1}: {a.Item2}"));
}

/// <summary>What to draft a brief from: the need, answers, language, and for a regeneration the previous brief and the instruction.</summary>
public sealed record BriefRequest(string Need, NeedAnswers Answers, Cards.Language Language, Cards.Drafting.ProjectBrief? Previous = null, string? Instruction = null);
