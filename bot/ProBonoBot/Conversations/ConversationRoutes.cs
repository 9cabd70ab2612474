using System.Text.RegularExpressions;
using ProBonoBot.Cards;
using ProBonoBot.Hosting;
using ProBonoBot.People;
using ProBonoBot.Protocol.Routing;

namespace ProBonoBot.Conversations;

/// <summary>
/// <c>cancel</c> / <c>キャンセル</c> / <c>やめる</c> / <c>stop</c> / <c>中止</c> / <c>quit</c> (full-width too): drops every flow
/// the person has open here and says what was dropped; with none open, says there is nothing to cancel.
/// A route, not a continuation, so no flow can store the word as an answer.
/// </summary>
public sealed partial class ConversationRoutes(ConversationFlows flows, LanguageResolver languages) : IRouteModule
{
    public void Register(Router router)
    {
        ArgumentNullException.ThrowIfNull(router);
        router.OnMessage("cancel", CancelPattern(), CancelAsync);
    }

    private async Task CancelAsync(TurnContext turn, CancellationToken ct)
    {
        var language = await languages.ResolveAsync(turn, ct);
        var open = await flows.OpenAsync(turn, language, ct);
        if (open.Count == 0)
        {
            await turn.SayAsync(UiText.For(language).NothingToCancel, ct);
            return;
        }

        var said = new List<string>();
        foreach (var flow in open)
        {
            said.Add(await flow.CancelAsync(ct));
        }

        await turn.SayAsync(string.Join("\n\n", said), ct);
    }

    // The word alone or in a short form ("cancel please", "stop it", 「キャンセルしたい」, 「やっぱりやめます」).
    [GeneratedRegex(@"^(?:(?:cancel|stop|quit|abort)(?:\s+(?:please|it|that|this|now|the need|the sign-?up|everything))?(?:\s+please)?|ｃａｎｃｅｌ|ｓｔｏｐ|ｑｕｉｔ|(?:やっぱり|やはり)?(?:キャンセル|ｷｬﾝｾﾙ)(?:する|します|したい|して|してください|でお願いします|お願いします)?|(?:やっぱり|やはり)?(?:やめる|やめます|やめて|やめたい|やめておきます|やめときます|止める|中止|中止します|取り消し|取り消します|とりけし))[。.!！]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex CancelPattern();
}
