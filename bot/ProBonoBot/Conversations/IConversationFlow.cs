using ProBonoBot.Cards;
using ProBonoBot.Protocol.Routing;

namespace ProBonoBot.Conversations;

/// <summary>
/// A multi-turn flow that waits for a typed answer (need intake, the "draft a brief?" question, a sign-up).
/// <c>cancel</c> and <c>help</c> ask every flow whether it is open for this person here, so they work at any step,
/// before any other route or continuation could take the word as an answer.
/// </summary>
public interface IConversationFlow
{
    /// <summary>The flow this person has open in this conversation, or null.</summary>
    Task<OpenFlow?> FindAsync(TurnContext turn, Language language, CancellationToken ct);
}

/// <summary>A flow waiting for an answer: what it is asking (shown by <c>help</c>) and how to drop it (for <c>cancel</c>).</summary>
/// <param name="Help">Explains what is being asked, how to answer, skip and cancel.</param>
/// <param name="CancelAsync">Drops the flow; returns what was dropped and how to resume.</param>
public sealed record OpenFlow(string Help, Func<CancellationToken, Task<string>> CancelAsync);

/// <summary>Every registered flow, asked in registration order.</summary>
public sealed class ConversationFlows(IEnumerable<IConversationFlow> flows)
{
    private readonly IConversationFlow[] _flows = [.. flows];

    public async Task<IReadOnlyList<OpenFlow>> OpenAsync(TurnContext turn, Language language, CancellationToken ct)
    {
        var open = new List<OpenFlow>();
        foreach (var flow in _flows)
        {
            if (await flow.FindAsync(turn, language, ct) is { } found)
            {
                open.Add(found);
            }
        }

        return open;
    }
}
