using System.Text.RegularExpressions;
using ProBonoBot.Cards;
using ProBonoBot.Cards.Help;
using ProBonoBot.Cards.Json;
using ProBonoBot.Conversations;
using ProBonoBot.Hosting;
using ProBonoBot.People;
using ProBonoBot.Protocol.Activities;
using ProBonoBot.Protocol.Routing;

namespace ProBonoBot.Help;

/// <summary>
/// <c>help</c> / <c>ヘルプ</c> and the welcome card's help button (anything not understood is answered by
/// <see cref="Commands.CommandRoutes"/>). Typed inside a
/// flow (a need being described, a sign-up), <c>help</c> explains that flow instead of showing the general card.
/// </summary>
public sealed partial class HelpRoutes(LanguageResolver languages, ConversationFlows flows) : IRouteModule
{
    public void Register(Router router)
    {
        ArgumentNullException.ThrowIfNull(router);
        router.OnMessage("help", HelpPattern(), TypedHelpAsync);
        router.OnCardAction(Verbs.Help, async (turn, ct) =>
        {
            await SendHelpAsync(turn, ct).ConfigureAwait(false);
            return CardActionResult.Done;
        });
    }

    private async Task TypedHelpAsync(TurnContext turn, CancellationToken ct)
    {
        var language = await languages.ResolveAsync(turn, ct);
        var open = await flows.OpenAsync(turn, language, ct);
        if (open.Count > 0)
        {
            await turn.SendAsync(new Activity { Text = string.Join("\n\n", open.Select(f => f.Help)) }, ct);
            return;
        }

        await SendHelpAsync(turn, ct);
    }

    private async Task SendHelpAsync(TurnContext turn, CancellationToken ct)
    {
        var language = await languages.ResolveAsync(turn, ct).ConfigureAwait(false);
        var inChannel = turn.Activity.Conversation?.ConversationType == ConversationTypes.Channel;
        await turn.SendCardAsync(HelpCard.Build(language, inChannel), ct).ConfigureAwait(false);
    }

    // The word alone or in a short request ("help me", "help please", 「ヘルプをください」, 「使い方を教えて」).
    [GeneratedRegex(@"^(?:(?:help|ｈｅｌｐ)(?:\s+(?:me|please|me please))?|\?|？|(?:ヘルプ|へるぷ|ﾍﾙﾌﾟ)(?:を?(?:ください|お願いします|して))?|(?:使い方|つかいかた)(?:を?(?:教えて(?:ください)?|は[?？]?))?|何ができる(?:の|んですか|ますか)?[?？]?)[。.!！]?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex HelpPattern();
}
