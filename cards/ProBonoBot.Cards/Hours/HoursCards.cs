using System.Globalization;
using System.Text.Json.Nodes;
using ProBonoBot.Cards.Json;
using ProBonoBot.Cards.Wording;

namespace ProBonoBot.Cards.Hours;

/// <summary>The hours card (one tap to log, or edit), <c>my hours</c>, and the leader's approval card.</summary>
public static class HoursCards
{
    /// <summary>Longest note kept with an entry.</summary>
    public const int MaxNote = 300;

    /// <summary>Longest title or name shown in a line of a card.</summary>
    private const int MaxShown = 80;

    /// <summary>Hours as people write them: 4, 1.5, 0.25 (minutes are always whole quarter hours on a card).</summary>
    public static string Hours(long minutes) => (minutes / 60m).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>The card after a milestone or at the end of a week: one big "Log 4 h" button, and an edit area.</summary>
    public static JsonObject Prompt(Language language, HoursAsk ask)
    {
        ArgumentNullException.ThrowIfNull(ask);
        var t = UiText.For(language).Hours;
        var body = new List<JsonNode>
        {
            Card.Heading(t.PromptTitle),
            Card.Text(Plurals.Format(t.PromptIntro, Shown(ask.Title), Markdown.Escape(ask.PeriodLabel))),
        };
        if (ask.Period.StartsWith("w:", StringComparison.Ordinal))
        {
            body.Add(Card.Text(t.PromptWeekHint, subtle: true));
        }

        return Card.Create(body,
        [
            Log(t, ask),
            Card.ShowCard(t.ButtonEdit, EditArea(t, ask)),
        ]);
    }

    /// <summary>The edit card of an existing entry (from <c>my hours</c>).</summary>
    public static JsonObject Edit(Language language, HoursAsk ask)
    {
        ArgumentNullException.ThrowIfNull(ask);
        var t = UiText.For(language).Hours;
        var area = EditArea(t, ask);
        var body = new List<JsonNode>
        {
            Card.Heading(t.EditTitle),
            Card.Text(Plurals.Format(t.PromptIntro, Shown(ask.Title), Markdown.Escape(ask.PeriodLabel))),
        };
        body.AddRange(area["body"]!.AsArray().Select(n => n!.DeepClone()));
        return Card.Create(body, [.. area["actions"]!.AsArray().Select(n => n!.DeepClone())]);
    }

    /// <summary>The member's entries by project, newest first, with totals, Edit buttons and "Log hours" for this week.</summary>
    public static JsonObject Mine(Language language, MyHoursModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var t = UiText.For(language).Hours;
        var body = new List<JsonNode> { Card.Title(t.MyTitle) };
        if (model.WaitingForMyApproval > 0)
        {
            body.Add(Card.Container(
            [
                Card.Text(Plurals.Format(t.MyWaitingApproval, model.WaitingForMyApproval), weight: "Bolder"),
                Card.Actions([Card.Submit(t.ButtonReview, HoursVerbs.Review)]),
            ], style: "attention"));
        }

        if (model.Projects.Count == 0)
        {
            body.Add(Card.Text(t.MyEmpty));
        }
        else
        {
            body.Add(Card.Text(Plurals.Format(t.MyTotals, Hours(model.ApprovedMinutes), Hours(model.WaitingMinutes)), subtle: true));
        }

        foreach (var p in model.Projects)
        {
            var items = new List<JsonNode>
            {
                Card.Text($"**#{p.Project} {Shown(p.Title)}**"),
                Card.Text(Plurals.Format(t.MyProjectTotals, Hours(p.ApprovedMinutes), Hours(p.WaitingMinutes)), subtle: true),
            };
            foreach (var line in p.Lines)
            {
                items.Add(Card.Text($"{Markdown.Escape(line.PeriodLabel)} · {line.Date} · **{Plurals.Format(t.HoursValue, Hours(line.Minutes))}** · {State(t, line)}"));
                if (line.Note is { Length: > 0 } note)
                {
                    items.Add(Card.Text(Markdown.Escape(TextCut.Ellipsis(note, MaxShown)), subtle: true));
                }

                items.Add(Card.Actions([Card.Submit(t.ButtonEdit, HoursVerbs.Edit, new JsonObject { ["entry"] = line.Id })]));
            }

            if (p.ThisWeek is { } week)
            {
                items.Add(Card.Actions([Card.Submit(t.ButtonLogHours, HoursVerbs.LogWeek, new JsonObject { ["project"] = week.Project })]));
            }

            body.Add(Card.Container(items, separator: true));
        }

        return Card.Create(body);
    }

    /// <summary>
    /// A project's waiting entries for its leader: a toggle per entry (on by default) and the hours to correct, then
    /// Approve selected / Reject selected. The data names each entry with its version, so a changed entry is skipped.
    /// </summary>
    public static JsonObject Approval(Language language, ApprovalModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var t = UiText.For(language).Hours;
        var body = new List<JsonNode>
        {
            Card.Heading(Plurals.Format(t.ApproveTitle, model.Project, Shown(model.Title))),
            Card.Text(t.ApproveIntro, subtle: true),
        };
        foreach (var line in model.Lines)
        {
            var items = new List<JsonNode>
            {
                Card.Text($"**{Shown(line.Name)}** · {Markdown.Escape(line.PeriodLabel)} · {line.Date} · **{Plurals.Format(t.HoursValue, Hours(line.Minutes))}**"),
            };
            if (line.Note is { Length: > 0 } note)
            {
                items.Add(Card.Text(Markdown.Escape(TextCut.Ellipsis(note, MaxNote)), subtle: true));
            }

            items.Add(Toggle($"a{line.Id}", t.FieldApprove));
            items.Add(Card.NumberInput($"h{line.Id}", t.FieldCorrect, 0, (int)(line.MaxMinutes / 60), Hours(line.Minutes)));
            body.Add(Card.Container(items, separator: true));
        }

        if (model.More > 0)
        {
            body.Add(Card.Text(Plurals.Format(t.ApproveMore, model.More), subtle: true));
        }

        var data = new JsonObject
        {
            ["project"] = model.Project,
            ["entries"] = string.Join(",", model.Lines.Select(l => $"{l.Id}:{l.Version}")),
        };
        return Card.Create(body,
        [
            Card.Submit(t.ButtonApproveSelected, HoursVerbs.Approve, data),
            Card.Submit(t.ButtonRejectSelected, HoursVerbs.Reject, data),
        ]);
    }

    private static JsonObject Log(HoursTexts t, HoursAsk ask)
    {
        var action = Card.Submit(Plurals.Format(t.ButtonLog, Hours(ask.Minutes)), HoursVerbs.Log, Data(ask));
        action["data"]!["minutes"] = ask.Minutes;
        action["style"] = "positive";
        return action;
    }

    private static JsonObject EditArea(HoursTexts t, HoursAsk ask)
    {
        var inner = Card.Inner(
        [
            Card.NumberInput("hours", t.FieldHours, 0, 80, Hours(ask.Minutes)),
            Card.DateInput("date", t.FieldDate, ask.Date),
            Card.TextInput("note", t.FieldNote, ask.Note, multiline: true, maxLength: MaxNote),
        ]);
        inner["actions"] = new JsonArray(Card.Submit(t.ButtonSave, HoursVerbs.Save, Data(ask)));
        return inner;
    }

    private static JsonObject Data(HoursAsk ask) => new() { ["project"] = ask.Project, ["period"] = ask.Period, ["day"] = ask.Date };

    private static JsonObject Toggle(string id, string title) => new()
    {
        ["type"] = "Input.Toggle",
        ["id"] = id,
        ["title"] = title,
        ["value"] = "true",
        ["valueOn"] = "true",
        ["valueOff"] = "false",
    };

    private static string State(HoursTexts t, MyHoursLine line) => line.State switch
    {
        HoursState.Approved => t.StatusApproved,
        HoursState.Rejected => t.StatusRejected,
        HoursState.Corrected => Plurals.Format(t.StatusCorrected, Hours(line.LoggedMinutes ?? 0)),
        _ => t.StatusWaiting,
    };

    private static string Shown(string text) => Markdown.Escape(TextCut.Ellipsis(text, MaxShown));
}
