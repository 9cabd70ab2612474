namespace ProBonoBot.Cards.Drafting;

/// <summary>
/// A scoped project brief (the thirteen parts in PRODUCT.md). The same shape is the LLM's JSON schema, the
/// offline drafter's output and what the brief card shows. Unknown facts hold the language's to-confirm marker.
/// </summary>
public sealed record ProjectBrief(
    string Title,
    string Language,
    PartnerProfile Partner,
    string NeedCategory,
    string Background,
    string Objective,
    string Impact,
    IReadOnlyList<string> Deliverables,
    IReadOnlyList<string> InScope,
    IReadOnlyList<string> OutOfScope,
    IReadOnlyList<BriefRole> Roles,
    int TeamSize,
    string TimeCommitment,
    string Duration,
    string Start,
    string Deadline,
    string DeadlineFlexibility,
    IReadOnlyList<BriefPhase> Phases,
    string MeetingCadence,
    string Communication,
    string WorkMode,
    IReadOnlyList<string> Tools,
    BriefReadiness Readiness,
    IReadOnlyList<string> SuccessCriteria,
    IReadOnlyList<string> Risks,
    IReadOnlyList<string> OpenQuestions,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] BriefRevision? Revision = null);

/// <summary>What a regeneration did with its instruction: what was applied and what was not (the offline drafter cannot do everything).</summary>
public sealed record BriefRevision(string Instruction, IReadOnlyList<string> Applied, IReadOnlyList<string> NotApplied);

/// <summary>Who the partner is, whom they serve and who speaks for them.</summary>
public sealed record PartnerProfile(string Organisation, string Mission, string Beneficiaries, string Contact);

/// <summary>A role the project needs: skills, seats and hours a week per person.</summary>
public sealed record BriefRole(string Name, string Skills, int Seats, int HoursPerWeek);

/// <summary>A phase, ending in a meeting with the partner.</summary>
public sealed record BriefPhase(string Name, string Goal, string Meeting);

/// <summary>Who owns and maintains the result at the partner, and how knowledge is handed over.</summary>
public sealed record BriefReadiness(string Owner, string Maintainer, string KnowledgeTransfer);

/// <summary>The three kinds of manual a project team can ask for.</summary>
public enum ManualKind
{
    Operational,
    Onboarding,
    Phase,
}

/// <summary>A drafted manual: a title and Markdown sections.</summary>
public sealed record ManualDocument(string Title, IReadOnlyList<ManualSection> Sections)
{
    /// <summary>The whole manual as one Markdown document.</summary>
    public string ToMarkdown()
    {
        var builder = new System.Text.StringBuilder();
        builder.Append("# ").Append(Title).Append("\n\n");
        foreach (var section in Sections)
        {
            builder.Append("## ").Append(section.Heading).Append("\n\n").Append(section.Body.Trim()).Append("\n\n");
        }

        return builder.ToString().TrimEnd() + "\n";
    }

    /// <summary>Reads Markdown with one <c># title</c> and <c>## section</c> headings (what the model is asked to write).</summary>
    public static ManualDocument FromMarkdown(string markdown, string fallbackTitle)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var title = fallbackTitle;
        var sections = new List<ManualSection>();
        string? heading = null;
        var body = new System.Text.StringBuilder();
        void Flush()
        {
            if (heading is not null)
            {
                sections.Add(new ManualSection(heading, body.ToString().Trim()));
            }

            body.Clear();
        }

        foreach (var raw in markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.StartsWith("# ", StringComparison.Ordinal) && heading is null && sections.Count == 0)
            {
                title = line[2..].Trim();
            }
            else if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                Flush();
                heading = line[3..].Trim();
            }
            else if (heading is not null)
            {
                body.Append(line).Append('\n');
            }
        }

        Flush();
        return new ManualDocument(title, sections);
    }
}

/// <summary>One section of a manual; the body is Markdown.</summary>
public sealed record ManualSection(string Heading, string Body);
