using ProBonoBot.Cards.Drafting;
using ProBonoBot.Cards.Json;

namespace ProBonoBot.Drafting.Feedback;

/// <summary>Counts and the latest comments for the leaders' summary.</summary>
public static class FeedbackSummary
{
    /// <summary>Comments are cut to this many characters in the summary; the whole text stays stored.</summary>
    public const int MaxCommentShown = 200;

    /// <summary>The summary of the last <paramref name="days"/> days from the store's counts and its latest comments (already one per person, in order).</summary>
    public static FeedbackSummaryModel Build(IReadOnlyList<FeedbackCountRow> counts, IReadOnlyList<FeedbackRow> comments, int days)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(comments);
        int Count(string subject, string kind) => (int)counts.Where(c => c.SubjectKind == subject && c.Kind == kind).Sum(c => c.Count);
        FeedbackCounts Counts(string subject) => new(Count(subject, FeedbackStore.Like), Count(subject, FeedbackStore.Dislike), Count(subject, FeedbackStore.Report));
        var latest = comments
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

        return TextCut.Cut(text, MaxCommentShown) + "…";
    }
}
