using System.Text.RegularExpressions;
using ProBonoBot.Cards;
using ProBonoBot.Cards.Help;
using ProBonoBot.Cards.Json;
using ProBonoBot.Hosting;
using ProBonoBot.People;
using ProBonoBot.Protocol.Activities;
using ProBonoBot.Protocol.Routing;

namespace ProBonoBot.Help;

/// <summary><c>help</c> / <c>ヘルプ</c>, the welcome card's help button, and the answer to anything not understood.</summary>
public sealed partial class HelpRoutes(LanguageResolver languages) : IRouteModule
{
    public void Register(Router router)
    {
        ArgumentNullException.ThrowIfNull(router);
        router.OnMessage("help", HelpPattern(), SendHelpAsync);
        router.OnCardAction(Verbs.Help, async (turn, ct) =>
        {
            await SendHelpAsync(turn, ct).ConfigureAwait(false);
            return CardActionResult.Done;
        });
        router.OnUnrecognizedMessage(async (turn, ct) =>
        {
            var language = await languages.ResolveAsync(turn, ct).ConfigureAwait(false);
            await turn.SendAsync(new Activity { Text = UiText.For(language).NotUnderstood }, ct).ConfigureAwait(false);
        });
    }

    private async Task SendHelpAsync(TurnContext turn, CancellationToken ct)
    {
        var language = await languages.ResolveAsync(turn, ct).ConfigureAwait(false);
        var inChannel = turn.Activity.Conversation?.ConversationType == ConversationTypes.Channel;
        await turn.SendCardAsync(HelpCard.Build(language, inChannel), ct).ConfigureAwait(false);
    }

    [GeneratedRegex(@"^(help|\?|？|ヘルプ|へるぷ|使い方|つかいかた|何ができる[?？]?)[。.!！]?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex HelpPattern();
}
