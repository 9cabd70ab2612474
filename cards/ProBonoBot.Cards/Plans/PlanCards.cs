using System.Globalization;
using System.Text.Json.Nodes;
using ProBonoBot.Cards.Json;
using ProBonoBot.Cards.Wording;
using static ProBonoBot.Cards.Projects.ProjectFacts;

namespace ProBonoBot.Cards.Plans;

/// <summary>The plan cards (the leader's editable one, the members' read-only one) and the reminder card.</summary>
public static class PlanCards
{
    /// <summary>Longest title of a milestone (the card's input limits it; the bot refuses longer).</summary>
    public const int MaxTitle = 120;

    /// <summary>Longest place of a milestone.</summary>
    public const int MaxPlace = 200;

    /// <summary>Longest duration, in minutes (a full day).</summary>
    public const int MaxMinutes = 1440;

    /// <summary>Names listed per answer in the leader's card; the rest are counted.</summary>
    private const int NamesShown = 8;

    /// <summary>The project leader's card: one row of inputs per milestone, an empty row to add one, and Save.</summary>
    public static JsonObject Leader(Language language, PlanView plan, string? notice = null)
    {
        var t = UiText.For(language).Plans;
        var body = new List<JsonNode>
        {
            Card.Title(F(t.Title, plan.ProjectNumber, Markdown.Escape(plan.ProjectTitle))),
            Card.Text(F(t.LeaderIntro, plan.Zone), subtle: true),
        };
        if (notice is not null)
        {
            body.Add(Card.Text(notice, color: "Accent"));
        }

        var row = 0;
        foreach (var m in plan.Milestones)
        {
            row++;
            var items = new List<JsonNode> { Card.Text(Heading(t, row, m), weight: "Bolder") };
            if (m.Answers is { } a)
            {
                items.Add(Card.Text(F(t.Answers, a.Coming.Count, a.NotComing.Count, a.NoAnswer.Count), subtle: true));
                AddNames(items, language, t.AnswersComing, a.Coming);
                AddNames(items, language, t.AnswersNotComing, a.NotComing);
                AddNames(items, language, t.AnswersNone, a.NoAnswer);
            }

            items.AddRange(Inputs(t, m.Id.ToString(CultureInfo.InvariantCulture), m));
            body.Add(Card.Container(items, separator: true));
        }

        body.Add(Card.Container([Card.Text(t.NewRow, weight: "Bolder"), .. Inputs(t, "new", null)], style: "emphasis", separator: true));
        var data = new JsonObject { ["project"] = plan.ProjectNumber, ["version"] = plan.Version };
        return Card.Create(body, [Card.Execute(t.ButtonSave, PlanVerbs.Save, data, style: "positive")]);
    }

    /// <summary>A member's card: each milestone with its time in their zone, their answer, the answer buttons and the calendar link.</summary>
    public static JsonObject Member(Language language, PlanView plan)
    {
        var t = UiText.For(language).Plans;
        var body = new List<JsonNode>
        {
            Card.Title(F(t.Title, plan.ProjectNumber, Markdown.Escape(plan.ProjectTitle))),
            Card.Text(F(t.MemberIntro, plan.Zone), subtle: true),
        };
        if (plan.Milestones.Count == 0)
        {
            body.Add(Card.Text(t.Empty, subtle: true));
        }

        var row = 0;
        foreach (var m in plan.Milestones)
        {
            row++;
            var items = new List<JsonNode> { Card.Text(Heading(t, row, m), weight: "Bolder"), Facts(t, m) };
            if (m.When is not null && !m.Cancelled)
            {
                items.Add(Card.Text(Answer(t, m.MyAnswer), subtle: true));
                items.Add(Card.Actions(AnswerActions(t, plan.ProjectNumber, m, "plan")));
            }
            else if (m.CalendarUrl is not null)
            {
                items.Add(Card.Actions([OpenUrl(t.ButtonCalendar, m.CalendarUrl)]));
            }

            body.Add(Card.Container(items, separator: true));
        }

        return Card.Create(body);
    }

    /// <summary>The reminder before a milestone: what, when (in the member's zone), where, and the answer buttons.</summary>
    public static JsonObject Reminder(Language language, ReminderView reminder)
    {
        var t = UiText.For(language).Plans;
        var m = reminder.Milestone;
        var body = new List<JsonNode>();
        if (reminder.Late)
        {
            body.Add(Card.Text(t.ReminderLate, color: "Warning"));
        }

        body.Add(Card.Heading(F(t.ReminderTitle, Markdown.Escape(m.Title))));
        body.Add(Card.Text($"#{reminder.ProjectNumber} {Markdown.Escape(reminder.ProjectTitle)}", subtle: true));
        body.Add(Facts(t, m));
        body.Add(Card.Text(Answer(t, m.MyAnswer), subtle: true));
        return Card.Create(body, AnswerActions(t, reminder.ProjectNumber, m, "reminder"));
    }

    private static string Heading(PlanTexts t, int row, MilestoneView m)
    {
        var kind = m.Kind == "meeting" ? t.KindMeeting : t.KindMilestone;
        return F(m.Cancelled ? t.RowHeadingCancelled : t.RowHeading, row, kind, Markdown.Escape(TextCut.Ellipsis(m.Title, MaxTitle)));
    }

    private static JsonObject Facts(PlanTexts t, MilestoneView m)
    {
        var facts = new List<(string, string)> { (t.FactWhen, m.When ?? t.NotDated) };
        if (m.When is not null)
        {
            facts.Add((t.FactDuration, F(t.Minutes, m.DurationMinutes)));
        }

        if (!string.IsNullOrWhiteSpace(m.Place))
        {
            facts.Add((t.FactPlace, Markdown.Escape(TextCut.Ellipsis(m.Place, MaxPlace))));
        }

        return Card.Facts(facts);
    }

    private static string Answer(PlanTexts t, bool? answer) => answer switch
    {
        true => t.YourAnswerYes,
        false => t.YourAnswerNo,
        null => t.YourAnswerNone,
    };

    private static List<JsonNode> AnswerActions(PlanTexts t, long project, MilestoneView m, string from)
    {
        JsonObject Data(string answer) => new() { ["project"] = project, ["milestone"] = m.Id, ["answer"] = answer, ["from"] = from };
        var actions = new List<JsonNode>
        {
            Card.Execute(t.ButtonYes, PlanVerbs.Answer, Data("yes"), style: m.MyAnswer == true ? "positive" : null),
            Card.Execute(t.ButtonNo, PlanVerbs.Answer, Data("no"), style: m.MyAnswer == false ? "destructive" : null),
        };
        if (m.CalendarUrl is not null)
        {
            actions.Add(OpenUrl(t.ButtonCalendar, m.CalendarUrl));
        }

        return actions;
    }

    private static JsonObject OpenUrl(string title, string url) => new() { ["type"] = "Action.OpenUrl", ["title"] = title, ["url"] = url };

    private static void AddNames(List<JsonNode> items, Language language, string format, IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            return;
        }

        var shown = names.Take(NamesShown).Select(n => Markdown.Escape(TextCut.Ellipsis(n, 40))).ToList();
        if (names.Count > NamesShown)
        {
            shown.Add($"+{names.Count - NamesShown}");
        }

        items.Add(Card.Text(F(format, Plurals.List(language, shown)), subtle: true));
    }

    private static IEnumerable<JsonNode> Inputs(PlanTexts t, string key, MilestoneView? m)
    {
        yield return Card.Choices($"kind.{key}", t.FieldKind, [(t.KindMilestone, "milestone"), (t.KindMeeting, "meeting")], m?.Kind ?? "meeting");
        yield return Card.TextInput($"title.{key}", t.FieldTitle, m?.Title, maxLength: MaxTitle);
        yield return Card.DateInput($"date.{key}", t.FieldDate, m?.Date);
        var time = new JsonObject { ["type"] = "Input.Time", ["id"] = $"time.{key}", ["label"] = t.FieldTime };
        if (m?.Time is { } value)
        {
            time["value"] = value;
        }

        yield return time;
        yield return Card.NumberInput($"minutes.{key}", t.FieldMinutes, 0, MaxMinutes, (m?.DurationMinutes ?? 60).ToString(CultureInfo.InvariantCulture));
        yield return Card.TextInput($"place.{key}", t.FieldPlace, m?.Place, maxLength: MaxPlace);
        if (m is not null)
        {
            yield return new JsonObject
            {
                ["type"] = "Input.Toggle", ["id"] = $"cancel.{key}", ["title"] = t.FieldCancel,
                ["value"] = m.Cancelled ? "true" : "false", ["valueOn"] = "true", ["valueOff"] = "false",
            };
        }
    }
}
