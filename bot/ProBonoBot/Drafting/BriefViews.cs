using System.Text.Json.Nodes;
using ProBonoBot.Cards;
using ProBonoBot.Cards.Json;
using ProBonoBot.Cards.Drafting;
using static ProBonoBot.Hosting.TurnExtensions;

namespace ProBonoBot.Drafting;

/// <summary>A stored brief as its card, and the line that says who drafted a brief or manual.</summary>
public static class BriefViews
{
    /// <summary>The brief card for <paramref name="viewer"/>, in <paramref name="language"/>.</summary>
    public static JsonObject Card(BriefRow row, Language language, BriefViewer viewer, string? headline = null) =>
        BriefCard.Build(language, Model(row, language), viewer, headline);

    /// <summary>The brief card's model.</summary>
    public static BriefCardModel Model(BriefRow row, Language language)
    {
        ArgumentNullException.ThrowIfNull(row);
        var t = UiText.For(language).Drafting;
        var brief = BriefRules.Parse(row.BriefJson).Brief ?? throw new InvalidOperationException("A stored brief does not parse.");
        var (note, isFallback) = SourceNote(t, row.Source, (FallbackReason)row.Fallback);
        return new BriefCardModel(row.Id, (int)row.Version, row.BriefStatus, brief, row.AuthorName ?? "?", note, isFallback, row.ProjectNumber);
    }

    public static (string Note, bool IsFallback) SourceNote(DraftingTexts t, string source, FallbackReason reason)
    {
        ArgumentNullException.ThrowIfNull(t);
        return reason != FallbackReason.None ? (F(t.FallbackLabel, ReasonText(t, reason)), true)
            : source == DraftResult<ProjectBrief>.Offline ? (t.OfflineLabel, false)
            : (F(t.ModelLabel, Markdown.Escape(source)), false);
    }

    public static string ReasonText(DraftingTexts t, FallbackReason reason)
    {
        ArgumentNullException.ThrowIfNull(t);
        return reason switch
        {
            FallbackReason.Timeout => t.ReasonTimeout,
            FallbackReason.RateLimited => t.ReasonRateLimited,
            FallbackReason.ServiceError => t.ReasonServiceError,
            FallbackReason.Refused => t.ReasonRefused,
            FallbackReason.Invalid => t.ReasonInvalid,
            FallbackReason.Budget => t.ReasonBudget,
            _ => t.ReasonUnavailable,
        };
    }
}
