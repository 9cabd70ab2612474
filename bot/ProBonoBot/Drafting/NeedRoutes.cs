using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using ProBonoBot.Cards;
using ProBonoBot.Hosting;
using ProBonoBot.People;
using ProBonoBot.Protocol.Activities;
using ProBonoBot.Protocol.Routing;
using ProBonoBot.Turns;
using static ProBonoBot.Hosting.TurnExtensions;

namespace ProBonoBot.Drafting;

/// <summary>
/// Needs in conversation: <c>new need</c> / <c>相談</c> (or a pasted description in a 1:1 chat) → up to three
/// clarifying questions when the partner, the deliverable or the deadline is missing → a brief drafted in the background.
/// </summary>
public sealed partial class NeedRoutes(
    DraftingStore store,
    DraftingQueue queue,
    LanguageResolver languages,
    IOptions<DraftingOptions> options) : IRouteModule
{
    private const int MinNeedChars = 20;
    private const int MinNeedCharsJapanese = 12;

    /// <summary>A pasted need: a message this long that is no command is taken as a need (1:1 chats only).</summary>
    private const int PastedNeedChars = 120;
    private const int PastedNeedCharsJapanese = 50;

    public void Register(Router router)
    {
        ArgumentNullException.ThrowIfNull(router);
        router.OnMessage("new-need", NewNeedPattern(), (turn, ct) => StartAsync(turn, turn.Match?.Groups["text"].Value, ct));
        router.OnContinuation("need", ContinueAsync);
    }

    private async Task StartAsync(TurnContext turn, string? text, CancellationToken ct)
    {
        var language = await languages.ResolveAsync(turn, ct).ConfigureAwait(false);
        var t = UiText.For(language).Drafting;
        var person = turn.Person();
        if (person is null)
        {
            return;
        }

        var need = new NeedRow
        {
            AuthorAad = person.Aad, AuthorName = person.Name, ConversationId = turn.Activity.Conversation!.Id!, ServiceUrl = turn.Activity.ServiceUrl!,
            Language = language.Code(), NeedText = string.Empty, Pending = "need",
        };
        if (string.IsNullOrWhiteSpace(text))
        {
            await store.CreateNeedAsync(need, ct, turn.KeyFor("need.create")).ConfigureAwait(false);
            await turn.SayAsync(t.NeedPrompt, ct).ConfigureAwait(false);
            return;
        }

        if (await CheckTextAsync(turn, text, language, ct).ConfigureAwait(false))
        {
            var pending = Questions(text.Trim());
            var id = await store.CreateNeedAsync(need with { NeedText = text.Trim(), Pending = pending, Status = pending.Length == 0 ? 1 : 0 }, ct, turn.KeyFor("need.create")).ConfigureAwait(false);
            await NextAsync(turn, id, pending, language, ct).ConfigureAwait(false);
        }
    }

    /// <summary>An answer to the open question, or a need pasted into a 1:1 chat.</summary>
    private async Task<bool> ContinueAsync(TurnContext turn, CancellationToken ct)
    {
        var person = turn.Person();
        var text = turn.Text.Trim();
        if (person is null || text.Length == 0)
        {
            return false;
        }

        var open = await store.OpenNeedAsync(person.Aad, ct).ConfigureAwait(false);
        if (open is not null && open.ConversationId == turn.Activity.Conversation?.Id)
        {
            await AnswerAsync(turn, open, text, ct).ConfigureAwait(false);
            return true;
        }

        var japanese = Languages.LooksJapanese(text);
        if (turn.IsPersonalChat() && text.Length >= (japanese ? PastedNeedCharsJapanese : PastedNeedChars))
        {
            await StartAsync(turn, text, ct).ConfigureAwait(false);
            return true;
        }

        return false;
    }

    private async Task AnswerAsync(TurnContext turn, NeedRow need, string text, CancellationToken ct)
    {
        var language = need.Language == "ja" ? Language.Japanese : Language.English;
        var pending = need.Pending.Split(',', StringSplitOptions.RemoveEmptyEntries);
        if (pending.Length == 0)
        {
            return;
        }

        var asked = pending[0];
        if (asked == "need")
        {
            if (!await CheckTextAsync(turn, text, language, ct).ConfigureAwait(false))
            {
                return;
            }

            var questions = Questions(text);
            // The need text itself arrives as the answer to "what is the need?".
            var id = await store.CreateNeedAsync(need with { NeedText = text, Pending = questions, Status = questions.Length == 0 ? 1 : 0 }, ct, turn.KeyFor("need.create")).ConfigureAwait(false);
            await NextAsync(turn, id, questions, language, ct).ConfigureAwait(false);
            return;
        }

        var answers = JsonSerializer.Deserialize(need.Answers, DraftingJsonContext.Default.NeedAnswers) ?? NeedAnswers.None;
        var value = SkipPattern().IsMatch(text) ? null : text.Length > 300 ? text[..300] : text;
        answers = asked switch
        {
            "partner" => answers with { Partner = value },
            "deliverable" => answers with { Deliverable = value },
            "deadline" => answers with { Deadline = value },
            _ => answers,
        };
        var rest = string.Join(',', pending.Skip(1));
        if (await store.AnswerAsync(need.Id, need.Pending, JsonSerializer.Serialize(answers, DraftingJsonContext.Default.NeedAnswers), rest, rest.Length == 0 ? 1 : 0, ct).ConfigureAwait(false))
        {
            await NextAsync(turn, need.Id, rest, language, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Asks the next question, or queues the brief when none is left.</summary>
    private async Task NextAsync(TurnContext turn, long needId, string pending, Language language, CancellationToken ct)
    {
        var t = UiText.For(language).Drafting;
        var next = pending.Split(',', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        if (next is not null)
        {
            var question = next switch
            {
                "partner" => t.QuestionPartner,
                "deliverable" => t.QuestionDeliverable,
                _ => t.QuestionDeadline,
            };
            await turn.SayAsync(question + "\n\n" + t.SkipHint, ct).ConfigureAwait(false);
            return;
        }

        await queue.EnqueueAsync(turn, JobKinds.Brief, needId, "{}", language, ct).ConfigureAwait(false);
    }

    private async Task<bool> CheckTextAsync(TurnContext turn, string text, Language language, CancellationToken ct)
    {
        var t = UiText.For(language).Drafting;
        var trimmed = text.Trim();
        if (trimmed.Length < (Languages.LooksJapanese(trimmed) ? MinNeedCharsJapanese : MinNeedChars))
        {
            await turn.SayAsync(t.NeedTooShort, ct).ConfigureAwait(false);
            return false;
        }

        if (trimmed.Length > options.Value.MaxNeedChars)
        {
            await turn.SayAsync(F(t.NeedTooLong, options.Value.MaxNeedChars), ct).ConfigureAwait(false);
            return false;
        }

        return true;
    }

    /// <summary>The essentials the need does not state, in the order they are asked.</summary>
    internal static string Questions(string need)
    {
        var facts = NeedReader.Read(need);
        var missing = new List<string>();
        if (facts.Organisation is null)
        {
            missing.Add("partner");
        }

        if (facts.Categories.Count == 0)
        {
            missing.Add("deliverable");
        }

        if (facts.Deadline is null)
        {
            missing.Add("deadline");
        }

        return string.Join(',', missing);
    }

    [GeneratedRegex(@"^(new need|need|相談|新しい相談|ニーズ)(?:[\s:：]+(?<text>[\s\S]+))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex NewNeedPattern();

    [GeneratedRegex(@"^(skip|pass|don't know|dont know|unknown|n/a|none|スキップ|わからない|分からない|わかりません|分かりません|不明|未定|なし|特になし)[。.!！]?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex SkipPattern();
}
