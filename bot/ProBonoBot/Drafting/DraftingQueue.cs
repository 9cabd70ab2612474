using Microsoft.Extensions.Options;
using ProBonoBot.Cards;
using ProBonoBot.Cards.Wording;
using ProBonoBot.Hosting;
using ProBonoBot.Protocol.Activities;
using ProBonoBot.Protocol.Routing;
using ProBonoBot.Turns;
using static ProBonoBot.Hosting.TurnExtensions;

namespace ProBonoBot.Drafting;

/// <summary>Queues drafting jobs from a turn: the per-person hourly limit, one job per subject at a time, then wakes the worker.</summary>
public sealed class DraftingQueue(DraftingStore store, DraftingSignal signal, IOptions<DraftingOptions> options, TimeProvider time, People.PersonTimeZones timeZones)
{
    /// <summary>True when queued; otherwise the person has been told why not.</summary>
    public async Task<bool> EnqueueAsync(TurnContext turn, string kind, long subject, string payload, Language language, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var t = UiText.For(language).Drafting;
        var person = turn.Person()!;
        var since = time.GetUtcNow() - TimeSpan.FromHours(1);
        if (await store.JobsSinceAsync(person.Aad, since, ct).ConfigureAwait(false) >= options.Value.RequestsPerUserPerHour)
        {
            var oldest = await store.OldestJobSinceAsync(person.Aad, since, ct).ConfigureAwait(false) ?? time.GetUtcNow();
            var zone = await timeZones.ForTurnAsync(turn, ct);
            await turn.SayAsync(F(t.RateLimited, options.Value.RequestsPerUserPerHour, Times.Clock(oldest + TimeSpan.FromHours(1), language, zone)), ct).ConfigureAwait(false);
            return false;
        }

        var id = await store.EnqueueAsync(new DraftingJob
        {
            Kind = kind, SubjectId = subject, PersonAad = person.Aad, PersonName = person.Name,
            ConversationId = turn.Activity.Conversation!.Id!, ConversationType = turn.Activity.Conversation.ConversationType ?? ConversationTypes.Personal,
            ServiceUrl = turn.Activity.ServiceUrl!, Language = language.Code(), Payload = payload,
        }, ct, turn.KeyFor("drafting.job")).ConfigureAwait(false);
        if (id is null)
        {
            await turn.SayAsync(t.Busy, ct).ConfigureAwait(false);
            return false;
        }

        signal.Notify();
        return true;
    }
}
