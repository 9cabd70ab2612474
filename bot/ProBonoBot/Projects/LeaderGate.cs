using ProBonoBot.Cards;
using ProBonoBot.Hosting;
using ProBonoBot.People;
using ProBonoBot.Protocol.Routing;

namespace ProBonoBot.Projects;

/// <summary>The check in front of every leader command: the person's language, and a polite refusal for non-leaders.</summary>
public sealed class LeaderGate(LeaderDirectory leaders, LanguageResolver languages)
{
    /// <summary>True for leaders; everyone else has been told, and nothing is to change.</summary>
    public async Task<(Language Language, bool IsLeader)> CheckAsync(TurnContext turn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var language = await languages.ResolveAsync(turn, ct).ConfigureAwait(false);
        var isLeader = await leaders.IsLeaderAsync(turn.Activity.From?.AadObjectId, ct).ConfigureAwait(false);
        if (!isLeader)
        {
            await turn.SayAsync(UiText.For(language).Projects.NotALeader, ct).ConfigureAwait(false);
        }

        return (language, isLeader);
    }
}
