using Microsoft.Extensions.AI;
using ProBonoBot.Cards;
using ProBonoBot.Cards.Drafting;
using ProBonoBot.Drafting.Grounding;

namespace ProBonoBot.Drafting;

/// <summary>
/// Drafts a brief: with the model when one is configured (structured output, validated on receipt, one repair
/// retry), otherwise — or when the model fails, refuses or the budget is spent — offline, with the reason kept.
/// Every result, whichever path made it, is grounded in the need, the answers and the instruction.
/// </summary>
public sealed class BriefDrafter(DraftingModel model, ModelCaller caller, ITokenBudget budget, ILogger<BriefDrafter> logger)
{
    public async Task<DraftResult<ProjectBrief>> DraftAsync(BriefRequest request, DraftProgress? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await DraftUngroundedAsync(request, progress, ct).ConfigureAwait(false);
        var (brief, report) = BriefGrounding.Ground(result.Value, BriefGrounding.Sources(request), request.Language);
        if (report.Changed > 0)
        {
            Log.DraftGrounded(logger, "brief", report.Changed);
        }

        return result with { Value = brief, Grounding = report };
    }

    private async Task<DraftResult<ProjectBrief>> DraftUngroundedAsync(BriefRequest request, DraftProgress? progress, CancellationToken ct)
    {
        if (model.Client is null)
        {
            return Offline(request, FallbackReason.None, 0);
        }

        if (!await budget.HasRoomAsync(ct).ConfigureAwait(false))
        {
            return Offline(request, FallbackReason.Budget, 0);
        }

        var messages = Prompts.Brief(request).ToList();
        var format = ChatResponseFormat.ForJsonSchema(BriefSchema.Element, BriefSchema.Name, "A scoped pro bono project brief.");
        DraftProgress? render = progress is null ? null : (text, c) => progress(PartialBrief.Render(text, request.Language), c);
        var reply = await caller.CallAsync(messages, format, render, ct).ConfigureAwait(false);
        var tokens = reply.Tokens;
        try
        {
            if (reply.Failure != FallbackReason.None)
            {
                return Offline(request, reply.Failure, tokens);
            }

            var (brief, problems) = Validate(reply.Text, request.Language);
            if (brief is null)
            {
                messages.Add(new ChatMessage(ChatRole.Assistant, reply.Text));
                messages.Add(Prompts.Repair(problems));
                var repaired = await caller.CallAsync(messages, format, null, ct).ConfigureAwait(false);
                tokens += repaired.Tokens;
                if (repaired.Failure != FallbackReason.None)
                {
                    return Offline(request, repaired.Failure, tokens);
                }

                (brief, _) = Validate(repaired.Text, request.Language);
                if (brief is null)
                {
                    return Offline(request, FallbackReason.Invalid, tokens);
                }
            }

            return new DraftResult<ProjectBrief>(brief, model.Name, FallbackReason.None, tokens);
        }
        finally
        {
            await budget.SpendAsync(tokens, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static (ProjectBrief? Brief, IReadOnlyList<string> Problems) Validate(string json, Language language)
    {
        var (brief, error) = BriefRules.Parse(json);
        if (brief is null)
        {
            return (null, [$"not valid JSON for the schema ({error})"]);
        }

        var problems = BriefRules.Check(brief, language);
        return problems.Count == 0 ? (brief, problems) : (null, problems);
    }

    private DraftResult<ProjectBrief> Offline(BriefRequest request, FallbackReason reason, long tokens)
    {
        if (reason != FallbackReason.None)
        {
            Log.DraftFellBack(logger, "brief", reason.ToString());
        }

        return new DraftResult<ProjectBrief>(OfflineBriefWriter.Write(request), DraftResult<ProjectBrief>.Offline, reason, tokens);
    }
}

/// <summary>The daily token budget shared by all users.</summary>
public interface ITokenBudget
{
    Task<bool> HasRoomAsync(CancellationToken ct);

    Task SpendAsync(long tokens, CancellationToken ct);
}

/// <summary>No limit (the rubric command).</summary>
public sealed class UnlimitedBudget : ITokenBudget
{
    public Task<bool> HasRoomAsync(CancellationToken ct) => Task.FromResult(true);

    public Task SpendAsync(long tokens, CancellationToken ct) => Task.CompletedTask;
}
