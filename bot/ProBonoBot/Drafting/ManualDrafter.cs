using ProBonoBot.Cards.Drafting;
using ProBonoBot.Drafting.Grounding;

namespace ProBonoBot.Drafting;

/// <summary>
/// Drafts a manual as Markdown, streamed as it is written; offline when no model is configured or it fails.
/// Every result is grounded in the project, its brief and the need.
/// </summary>
public sealed class ManualDrafter(DraftingModel model, ModelCaller caller, ITokenBudget budget, ILogger<ManualDrafter> logger)
{
    private const int MinSections = 3;

    public async Task<DraftResult<ManualDocument>> DraftAsync(ManualRequest request, DraftProgress? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await DraftUngroundedAsync(request, progress, ct).ConfigureAwait(false);
        var (manual, report) = ManualGrounding.Ground(result.Value, request);
        if (report.Changed > 0)
        {
            Log.DraftGrounded(logger, "manual", report.Changed);
        }

        return result with { Value = manual, Grounding = report };
    }

    private async Task<DraftResult<ManualDocument>> DraftUngroundedAsync(ManualRequest request, DraftProgress? progress, CancellationToken ct)
    {
        if (model.Client is null)
        {
            return Offline(request, FallbackReason.None, 0);
        }

        if (!await budget.HasRoomAsync(ct).ConfigureAwait(false))
        {
            return Offline(request, FallbackReason.Budget, 0);
        }

        var reply = await caller.CallAsync(Prompts.Manual(request), null, progress, ct).ConfigureAwait(false);
        await budget.SpendAsync(reply.Tokens, CancellationToken.None).ConfigureAwait(false);
        if (reply.Failure != FallbackReason.None)
        {
            return Offline(request, reply.Failure, reply.Tokens);
        }

        var document = ManualDocument.FromMarkdown(reply.Text, OfflineManualWriter.Write(request).Title);
        return document.Sections.Count >= MinSections && document.Sections.All(s => s.Body.Length > 0)
            ? new DraftResult<ManualDocument>(document, model.Name, FallbackReason.None, reply.Tokens)
            : Offline(request, FallbackReason.Invalid, reply.Tokens);
    }

    private DraftResult<ManualDocument> Offline(ManualRequest request, FallbackReason reason, long tokens)
    {
        if (reason != FallbackReason.None)
        {
            Log.DraftFellBack(logger, "manual", reason.ToString());
        }

        return new DraftResult<ManualDocument>(OfflineManualWriter.Write(request), DraftResult<ManualDocument>.Offline, reason, tokens);
    }
}
