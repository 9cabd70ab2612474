using System.Text.Json;
using ProBonoBot.Cards;
using ProBonoBot.Cards.Drafting;

namespace ProBonoBot.Drafting;

/// <summary>What every brief must satisfy, whoever wrote it: checked on receipt from the model, before anything is stored.</summary>
public static class BriefRules
{
    public const int MaxText = 2000;
    public const int MaxItems = 12;

    /// <summary>Reads the model's JSON strictly (every field, nothing else, no nulls); null and a reason when it is not a brief.</summary>
    public static (ProjectBrief? Brief, string? Error) Parse(string json)
    {
        try
        {
            var brief = JsonSerializer.Deserialize(StripFence(json), DraftingJsonContext.Default.ProjectBrief);
            return brief is null ? (null, "empty") : (brief, null);
        }
        catch (JsonException ex)
        {
            return (null, ex.Message);
        }
    }

    /// <summary>The problems of a brief; empty when it is complete and within limits.</summary>
    public static IReadOnlyList<string> Check(ProjectBrief brief, Language language)
    {
        ArgumentNullException.ThrowIfNull(brief);
        var problems = new List<string>();
        void Text(string name, string? value, int max = MaxText)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                problems.Add($"{name} is empty");
            }
            else if (value.Length > max)
            {
                problems.Add($"{name} is longer than {max} characters");
            }
        }

        void List(string name, IReadOnlyList<string>? items, int min = 1)
        {
            if (items is null || items.Count < min || items.Count > MaxItems)
            {
                problems.Add($"{name} needs {min}–{MaxItems} items");
                return;
            }

            for (var i = 0; i < items.Count; i++)
            {
                Text($"{name}[{i}]", items[i], 500);
            }
        }

        Text(nameof(brief.Title), brief.Title, 120);
        if (brief.Language != language.Code())
        {
            problems.Add($"language must be \"{language.Code()}\"");
        }

        Text("partner.organisation", brief.Partner?.Organisation, 200);
        Text("partner.mission", brief.Partner?.Mission, 500);
        Text("partner.beneficiaries", brief.Partner?.Beneficiaries, 500);
        Text("partner.contact", brief.Partner?.Contact, 200);
        Text(nameof(brief.NeedCategory), brief.NeedCategory, 200);
        Text(nameof(brief.Background), brief.Background);
        Text(nameof(brief.Objective), brief.Objective);
        Text(nameof(brief.Impact), brief.Impact);
        List(nameof(brief.Deliverables), brief.Deliverables);
        List(nameof(brief.InScope), brief.InScope);
        List(nameof(brief.OutOfScope), brief.OutOfScope);
        if (brief.Roles is not { Count: >= 1 and <= 8 })
        {
            problems.Add("roles needs 1–8 items");
        }
        else
        {
            foreach (var role in brief.Roles)
            {
                Text("role.name", role.Name, 80);
                Text("role.skills", role.Skills, 300);
                if (role.Seats is < 1 or > 20 || role.HoursPerWeek is < 1 or > 40)
                {
                    problems.Add($"role {role.Name}: seats must be 1–20 and hoursPerWeek 1–40");
                }
            }
        }

        if (brief.TeamSize is < 1 or > 50)
        {
            problems.Add("teamSize must be 1–50");
        }

        Text(nameof(brief.TimeCommitment), brief.TimeCommitment, 300);
        Text(nameof(brief.Duration), brief.Duration, 200);
        Text(nameof(brief.Start), brief.Start, 200);
        Text(nameof(brief.Deadline), brief.Deadline, 200);
        Text(nameof(brief.DeadlineFlexibility), brief.DeadlineFlexibility, 300);
        if (brief.Phases is not { Count: >= 2 and <= 4 })
        {
            problems.Add("phases needs 2–4 items");
        }
        else
        {
            foreach (var phase in brief.Phases)
            {
                Text("phase.name", phase.Name, 120);
                Text("phase.goal", phase.Goal, 500);
                Text("phase.meeting", phase.Meeting, 200);
            }
        }

        Text(nameof(brief.MeetingCadence), brief.MeetingCadence, 500);
        Text(nameof(brief.Communication), brief.Communication, 500);
        Text(nameof(brief.WorkMode), brief.WorkMode, 200);
        List(nameof(brief.Tools), brief.Tools);
        Text("readiness.owner", brief.Readiness?.Owner, 300);
        Text("readiness.maintainer", brief.Readiness?.Maintainer, 300);
        Text("readiness.knowledgeTransfer", brief.Readiness?.KnowledgeTransfer, 500);
        List(nameof(brief.SuccessCriteria), brief.SuccessCriteria);
        List(nameof(brief.Risks), brief.Risks);
        List(nameof(brief.OpenQuestions), brief.OpenQuestions, 0);
        return problems;
    }

    // Some OpenAI-compatible servers wrap JSON in a Markdown fence even in JSON mode.
    private static string StripFence(string json)
    {
        var text = json.Trim();
        if (text.StartsWith("```", StringComparison.Ordinal))
        {
            var firstLine = text.IndexOf('\n', StringComparison.Ordinal);
            var end = text.LastIndexOf("```", StringComparison.Ordinal);
            if (firstLine > 0 && end > firstLine)
            {
                return text[(firstLine + 1)..end];
            }
        }

        return text;
    }
}
