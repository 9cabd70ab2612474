using ProBonoBot.Cards;
using ProBonoBot.Conversations;
using ProBonoBot.Hosting;
using ProBonoBot.Protocol.Routing;
using static ProBonoBot.Hosting.TurnExtensions;

namespace ProBonoBot.Drafting;

/// <summary>
/// A need waiting for its author in this conversation — intake questions or the "draft a brief?" proposal — for
/// <c>help</c> (what is being asked) and <c>cancel</c> (drops it, text and answers not kept).
/// </summary>
public sealed class NeedFlow(DraftingStore store) : IConversationFlow
{
    public async Task<OpenFlow?> FindAsync(TurnContext turn, Language language, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Person() is not { } person || await store.WaitingNeedAsync(person.Aad, ct) is not { } need
            || need.ConversationId != turn.Activity.Conversation?.Id)
        {
            return null;
        }

        var t = UiText.For(language).Drafting;
        if (need.Status == NeedStatus.Proposed)
        {
            return new OpenFlow(t.HelpPropose, async c =>
            {
                await store.DropNeedAsync(need.Id, NeedStatus.Proposed, c);
                return t.ProposeCancelled;
            });
        }

        var pending = need.Pending.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var asked = pending.FirstOrDefault() ?? "need";
        string help;
        if (asked == "need")
        {
            help = F(t.HelpNeedText, t.ExampleNeed);
        }
        else
        {
            // The questions are the facts the need lacks, so their number is known from the need alone.
            var total = Math.Max(pending.Length, NeedRoutes.Questions(need.NeedText).Split(',', StringSplitOptions.RemoveEmptyEntries).Length);
            help = F(t.HelpNeedQuestion, total - pending.Length + 1, total, NeedRoutes.Question(t, asked), NeedRoutes.Example(t, asked));
        }

        return new OpenFlow(help, async c =>
        {
            await store.DropNeedAsync(need.Id, NeedStatus.Asking, c);
            return t.NeedCancelled;
        });
    }
}
