using System.Text.Json.Nodes;
using ProBonoBot.Cards.Json;

namespace ProBonoBot.Cards.Drafting;

/// <summary>Likes, dislikes and reports on one kind of draft.</summary>
public sealed record FeedbackCounts(int Likes, int Dislikes, int Reports);

/// <summary>One comment for the leaders' summary: a report (with its category) or a like/dislike with text (already shortened).</summary>
public sealed record FeedbackComment(string Kind, bool IsManual, long DraftId, string? Category, string Comment, DateTimeOffset At);

/// <summary>The leaders' summary of feedback on drafts.</summary>
public sealed record FeedbackSummaryModel(int Days, FeedbackCounts Briefs, FeedbackCounts Manuals, IReadOnlyList<FeedbackComment> Latest);

/// <summary>The "Report a problem" form on brief and manual cards, and the leaders' feedback summary.</summary>
public static class FeedbackCards
{
    public const string CategoryFacts = "facts";
    public const string CategoryHarmful = "harmful";
    public const string CategoryPrivate = "private";
    public const string CategoryOther = "other";
    public const string ReportKind = "report";
    public const string DislikeKind = "dislike";
    public const int MaxDetails = 1000;

    public static IReadOnlyList<string> Categories { get; } = [CategoryFacts, CategoryHarmful, CategoryPrivate, CategoryOther];

    /// <summary>The card's "Report a problem" button: what is wrong and a short text; <paramref name="data"/> names the draft.</summary>
    public static JsonObject ReportAction(Language language, JsonObject data)
    {
        var t = UiText.For(language).Feedback;
        // Input ids are prefixed: a card's inputs share one namespace with the brief's edit form.
        var category = Card.Choices("reportCategory", t.ReportWhat, Categories.Select(c => (t.Category(c), c)), expanded: true);
        category["isRequired"] = true;
        category["errorMessage"] = t.ReportChoose;
        return Card.ShowCard(t.ButtonReport, Card.Inner([
            category,
            Card.TextInput("reportDetails", t.ReportDetails, multiline: true, maxLength: MaxDetails, placeholder: t.ReportDetailsPlaceholder),
            Card.Actions([Card.Execute(t.ReportSend, DraftingVerbs.ReportDraft, data)]),
        ]));
    }

    /// <summary>"brief #12" / "マニュアル #3".</summary>
    public static string DraftName(Language language, bool isManual, long id) =>
        ProBonoBot.Cards.Wording.Plurals.Format(isManual ? UiText.For(language).Feedback.DraftManual : UiText.For(language).Feedback.DraftBrief, id);

    /// <param name="timeZone">The reader's zone, for the comments' dates.</param>
    public static JsonObject Summary(Language language, FeedbackSummaryModel model, string? timeZone = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var t = UiText.For(language).Feedback;
        string Counts(FeedbackCounts c) => ProBonoBot.Cards.Wording.Plurals.Format(t.SummaryCounts, c.Likes, c.Dislikes, c.Reports);
        var body = new List<JsonNode>
        {
            Card.Title(ProBonoBot.Cards.Wording.Plurals.Format(t.SummaryTitle, model.Days)),
            Card.Text(t.SummaryIntro, subtle: true),
            Card.Facts([(t.SummaryBriefs, Counts(model.Briefs)), (t.SummaryManuals, Counts(model.Manuals))]),
            Card.Heading(t.SummaryLatest),
        };
        if (model.Latest.Count == 0)
        {
            body.Add(Card.Text(t.SummaryNone, subtle: true));
        }

        foreach (var c in model.Latest)
        {
            var label = c.Kind == ReportKind ? ProBonoBot.Cards.Wording.Plurals.Format(t.SummaryReport, t.Category(c.Category))
                : c.Kind == DislikeKind ? t.SummaryDislike : t.SummaryLike;
            var comment = c.Comment;
            var line = $"**{Markdown.Escape(label)}** · {Markdown.Escape(DraftName(language, c.IsManual, c.DraftId))} · {Wording.Times.Date(c.At, language, timeZone)}";
            body.Add(Card.Text(comment.Length == 0 ? line : line + "\n\n" + Markdown.Escape(comment), color: c.Kind == ReportKind ? "Attention" : null));
        }

        return Card.Create(body);
    }
}
