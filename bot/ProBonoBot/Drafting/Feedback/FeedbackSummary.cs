using ProBonoBot.Cards.Drafting;

namespace ProBonoBot.Drafting.Feedback;

/// <summary>Counts and the latest comments for the leaders' summary.</summary>
public static class FeedbackSummary
{
    /// <summary>Comments are cut to this many characters in the summary; the whole text stays stored.</summary>
    public const int MaxCommentShown = 200;

    /// <summary>The summary over <paramref name="rows"/> (newest first) of the last <paramref name="days"/> days, with up to <paramref name="comments"/> comments.</summary>
    public static FeedbackSummaryModel Build(IReadOnlyList<FeedbackRow> rows, int days, int comments)
    {
        ArgumentNullException.ThrowIfNull(rows);
        // A person who changed their mind on a draft counts once, with their latest reaction; every report counts.
        var reactions = rows.Where(r => r.Kind != FeedbackStore.Report)
            .GroupBy(r => (r.PersonAad, r.SubjectKind, r.SubjectId))
            .Select(g => g.First())
            .ToList();
        FeedbackCounts Counts(string kind) => new(
            reactions.Count(r => r.SubjectKind == kind && r.Kind == FeedbackStore.Like),
            reactions.Count(r => r.SubjectKind == kind && r.Kind == FeedbackStore.Dislike),
            rows.Count(r => r.SubjectKind == kind && r.Kind == FeedbackStore.Report));
        var latest = rows.Where(r => r.Kind == FeedbackStore.Report)
            .Concat(rows.Where(r => r.Kind != FeedbackStore.Report && !string.IsNullOrWhiteSpace(r.Comment)))
            .Take(comments)
            .Select(r => new FeedbackComment(r.Kind, r.SubjectKind == DraftRef.Manual, r.SubjectId, r.Category, Shorten(r.Comment ?? string.Empty), r.CreatedAt))
            .ToList();
        return new FeedbackSummaryModel(days, Counts(DraftRef.Brief), Counts(DraftRef.Manual), latest);
    }

    /// <summary>The text cut to <see cref="MaxCommentShown"/> characters with "…", never between the halves of a surrogate pair.</summary>
    public static string Shorten(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= MaxCommentShown)
        {
            return text;
        }

        var cut = char.IsHighSurrogate(text[MaxCommentShown - 1]) ? MaxCommentShown - 1 : MaxCommentShown;
        return text[..cut] + "…";
    }
}
