using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using ProBonoBot.Cards;
using ProBonoBot.Cards.Drafting;
using ProBonoBot.Cards.Projects;
using ProBonoBot.Hosting;
using ProBonoBot.People;
using ProBonoBot.Protocol.Activities;
using ProBonoBot.Protocol.Routing;
using ProBonoBot.Turns;
using static ProBonoBot.Hosting.TurnExtensions;
using ProBonoBot.Cards.Json;

namespace ProBonoBot.Drafting;

/// <summary>
/// Needs in conversation: <c>new need</c> / <c>相談</c> → up to three clarifying questions when the partner, the
/// deliverable or the deadline is missing → a brief drafted in the background. In a 1:1 chat a free-text message is
/// read by <see cref="NeedIntent"/> first: a plain need starts intake, a possible one is answered with "Shall I turn
/// this into a project brief?" (the text waits in <c>needs</c> with status <see cref="NeedStatus.Proposed"/>), anything
/// else is not drafted. Answers are checked by <see cref="NeedAnswerCheck"/> before they are stored.
/// </summary>
public sealed partial class NeedRoutes(
    DraftingStore store,
    DraftingQueue queue,
    LanguageResolver languages,
    IOptions<DraftingOptions> options) : IRouteModule
{
    private const int MinNeedChars = 20;
    private const int MinNeedCharsJapanese = 12;

    /// <summary>A message this long that is not drafted gets a hint on how to start a need.</summary>
    private const int HintChars = 120;
    private const int HintCharsJapanese = 50;

    public void Register(Router router)
    {
        ArgumentNullException.ThrowIfNull(router);
        router.OnMessage("new-need", NewNeedPattern(), (turn, ct) => StartAsync(turn, turn.Match?.Groups["text"].Value, ct));
        router.OnCardAction(DraftingVerbs.ProposeYes, async (turn, ct) => Answered(await AcceptAsync(turn, turn.DataNumber("need"), typed: false, ct)));
        router.OnCardAction(DraftingVerbs.ProposeNo, async (turn, ct) => Answered(await DeclineAsync(turn, turn.DataNumber("need"), ct)));
        router.OnContinuation("need", ContinueAsync);
    }

    private static CardActionResult Answered(string? message) =>
        message is null ? CardActionResult.Done : CardActionResult.ReplaceCard(ConfirmCard.Answered(message));

    private async Task StartAsync(TurnContext turn, string? text, CancellationToken ct)
    {
        var language = await languages.ResolveAsync(turn, ct);
        var t = UiText.For(language).Drafting;
        if (NewNeed(turn, language, string.Empty) is not { } need)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            await store.CreateNeedAsync(need with { Pending = "need" }, ct, turn.KeyFor("need.create"));
            await turn.SayAsync(t.NeedPrompt, ct);
            return;
        }

        if (await CheckTextAsync(turn, text, language, ct))
        {
            var pending = Questions(text.Trim());
            var id = await store.CreateNeedAsync(need with { NeedText = text.Trim(), Pending = pending, Status = pending.Length == 0 ? NeedStatus.Submitted : NeedStatus.Asking }, ct, turn.KeyFor("need.create"));
            await NextAsync(turn, id, pending, language, ct);
        }
    }

    private static NeedRow? NewNeed(TurnContext turn, Language language, string text) => turn.Person() is not { } person ? null : new NeedRow
    {
        AuthorAad = person.Aad, AuthorName = person.Name, ConversationId = turn.Activity.Conversation!.Id!, ServiceUrl = turn.Activity.ServiceUrl!,
        Language = language.Code(), NeedText = text,
    };

    /// <summary>An answer to the open question or to the proposal, or a free-text message in a 1:1 chat read for its intent.</summary>
    private async Task<bool> ContinueAsync(TurnContext turn, CancellationToken ct)
    {
        var person = turn.Person();
        var text = turn.Text.Trim();
        if (person is null || text.Length == 0)
        {
            return false;
        }

        var waiting = await store.WaitingNeedAsync(person.Aad, ct);
        if (waiting is not null && waiting.ConversationId == turn.Activity.Conversation?.Id)
        {
            if (waiting.Status == NeedStatus.Asking)
            {
                await AnswerAsync(turn, waiting, text, ct);
                return true;
            }

            // A proposal: a typed yes or no answers it; any other message is read afresh below.
            var word = NeedIntent.Fold(text).TrimEnd('.', '!', '。');
            if (YesWords.Contains(word))
            {
                await AcceptAsync(turn, waiting.Id, typed: true, ct);
                return true;
            }

            if (NoWords.Contains(word))
            {
                await turn.SayAsync((await DeclineAsync(turn, waiting.Id, ct))!, ct);
                return true;
            }
        }

        if (!turn.IsPersonalChat())
        {
            return false;
        }

        switch (NeedIntent.Classify(text))
        {
            case NeedIntentKind.Need:
                await StartAsync(turn, text, ct);
                return true;
            case NeedIntentKind.Ask:
                await ProposeAsync(turn, text, ct);
                return true;
        }

        if (text.Length < (Languages.LooksJapanese(text) ? HintCharsJapanese : HintChars))
        {
            return false;
        }

        // Not drafted; a long message gets one line on how to start a need, in case it was one.
        var ui = UiText.For(await languages.ResolveAsync(turn, ct));
        await turn.SayAsync(ui.NotUnderstood + "\n\n" + ui.NotUnderstoodNeedHint, ct);
        return true;
    }

    /// <summary>Keeps the message as a proposal and asks whether to draft a brief from it.</summary>
    private async Task ProposeAsync(TurnContext turn, string text, CancellationToken ct)
    {
        var language = await languages.ResolveAsync(turn, ct);
        if (NewNeed(turn, language, text) is { } need && await CheckTextAsync(turn, text, language, ct))
        {
            var id = await store.CreateNeedAsync(need with { Status = NeedStatus.Proposed }, ct, turn.KeyFor("need.create"));
            await turn.SendCardAsync(ProposeCard.Build(language, id), ct);
        }
    }

    /// <summary>The proposal named by <paramref name="id"/>, if it is this person's; else the message to show.</summary>
    private async Task<(NeedRow? Need, Language Language, string? Refusal)> ProposalAsync(TurnContext turn, long? id, CancellationToken ct)
    {
        var language = await languages.ResolveAsync(turn, ct);
        var t = UiText.For(language).Drafting;
        if (turn.Person() is { } person)
        {
            await store.WaitingNeedAsync(person.Aad, ct); // an expired proposal is closed (and its text blanked) first
        }

        var need = id is { } n ? await store.NeedAsync(n, ct) : null;
        if (need is null || !string.Equals(need.AuthorAad, turn.Person()?.Aad, StringComparison.OrdinalIgnoreCase))
        {
            return (null, language, t.ProposeClosed);
        }

        language = need.Language == "ja" ? Language.Japanese : Language.English;
        t = UiText.For(language).Drafting;
        return need.Status switch
        {
            NeedStatus.Proposed => (need, language, null),
            NeedStatus.Asking or NeedStatus.Submitted => (null, language, t.ProposeAlreadyAccepted),
            _ => (null, language, t.ProposeClosed),
        };
    }

    /// <summary>"Yes, draft a brief": the kept text becomes a need and intake goes on; a second click changes nothing and says so.</summary>
    /// <returns>The message for the card (null when <paramref name="typed"/>: it was said already).</returns>
    private async Task<string?> AcceptAsync(TurnContext turn, long? id, bool typed, CancellationToken ct)
    {
        var (need, language, refusal) = await ProposalAsync(turn, id, ct);
        var t = UiText.For(language).Drafting;
        var pending = need is null ? string.Empty : Questions(need.NeedText);
        if (need is null || !await store.AcceptProposalAsync(need.Id, need.AuthorAad, pending, pending.Length == 0 ? NeedStatus.Submitted : NeedStatus.Asking, ct))
        {
            var message = refusal ?? t.ProposeAlreadyAccepted;
            if (typed)
            {
                await turn.SayAsync(message, ct);
            }

            return typed ? null : message;
        }

        if (typed)
        {
            await turn.SayAsync(t.ProposeAccepted, ct);
        }

        await NextAsync(turn, need.Id, pending, language, ct);
        return typed ? null : t.ProposeAccepted;
    }

    /// <summary>"No": the proposal is closed and its text not kept.</summary>
    private async Task<string?> DeclineAsync(TurnContext turn, long? id, CancellationToken ct)
    {
        var (need, language, refusal) = await ProposalAsync(turn, id, ct);
        if (need is null)
        {
            return refusal;
        }

        var t = UiText.For(language).Drafting;
        return await store.DropNeedAsync(need.Id, NeedStatus.Proposed, ct) ? t.ProposeDeclined : t.ProposeClosed;
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
        var skip = asked != "need" && SkipPattern().IsMatch(NeedIntent.Fold(text));
        if (!skip && NeedAnswerCheck.Check(asked, text) is not AnswerProblem.None and var problem)
        {
            // Never stored under a field it was not asked for: say why, and ask again with an example.
            await turn.SayAsync(Reask(UiText.For(language).Drafting, asked, problem), ct);
            return;
        }

        if (asked == "need")
        {
            if (!await CheckTextAsync(turn, text, language, ct))
            {
                return;
            }

            var questions = Questions(text);
            // The need text itself arrives as the answer to "what is the need?".
            var id = await store.CreateNeedAsync(need with { NeedText = text, Pending = questions, Status = questions.Length == 0 ? NeedStatus.Submitted : NeedStatus.Asking }, ct, turn.KeyFor("need.create"));
            await NextAsync(turn, id, questions, language, ct);
            return;
        }

        var answers = JsonSerializer.Deserialize(need.Answers, DraftingJsonContext.Default.NeedAnswers) ?? NeedAnswers.None;
        var value = skip ? null : TextCut.Cut(text, 300);
        answers = asked switch
        {
            "partner" => answers with { Partner = value is null ? null : NeedAnswerCheck.PartnerName(value) ?? value },
            "deliverable" => answers with { Deliverable = value },
            "deadline" => answers with { Deadline = value },
            _ => answers,
        };
        var rest = string.Join(',', pending.Skip(1));
        if (await store.AnswerAsync(need.Id, need.Pending, JsonSerializer.Serialize(answers, DraftingJsonContext.Default.NeedAnswers), rest, rest.Length == 0 ? NeedStatus.Submitted : NeedStatus.Asking, ct))
        {
            await NextAsync(turn, need.Id, rest, language, ct);
        }
    }

    private static string Reask(DraftingTexts t, string asked, AnswerProblem problem)
    {
        var why = problem switch
        {
            AnswerProblem.NoTimeExpression => t.AnswerNoDate,
            AnswerProblem.NotAName => t.AnswerNotName,
            AnswerProblem.Command => t.AnswerCommand,
            _ => t.AnswerConfused,
        };
        return string.Join("\n\n", why, Question(t, asked), F(t.AnswerExample, Example(t, asked)), t.AnswerSkipOrCancel);
    }

    /// <summary>The text of an intake question.</summary>
    internal static string Question(DraftingTexts t, string asked) => asked switch
    {
        "need" => t.NeedPrompt,
        "partner" => t.QuestionPartner,
        "deliverable" => t.QuestionDeliverable,
        _ => t.QuestionDeadline,
    };

    /// <summary>An example answer to an intake question.</summary>
    internal static string Example(DraftingTexts t, string asked) => asked switch
    {
        "need" => t.ExampleNeed,
        "partner" => t.ExamplePartner,
        "deliverable" => t.ExampleDeliverable,
        _ => t.ExampleDeadline,
    };

    /// <summary>Asks the next question, or queues the brief when none is left.</summary>
    private async Task NextAsync(TurnContext turn, long needId, string pending, Language language, CancellationToken ct)
    {
        var t = UiText.For(language).Drafting;
        var next = pending.Split(',', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        if (next is not null)
        {
            await turn.SayAsync(Question(t, next) + "\n\n" + t.SkipHint, ct);
            return;
        }

        await queue.EnqueueAsync(turn, JobKinds.Brief, needId, "{}", language, ct);
    }

    private async Task<bool> CheckTextAsync(TurnContext turn, string text, Language language, CancellationToken ct)
    {
        var t = UiText.For(language).Drafting;
        var trimmed = text.Trim();
        if (trimmed.Length < (Languages.LooksJapanese(trimmed) ? MinNeedCharsJapanese : MinNeedChars))
        {
            await turn.SayAsync(t.NeedTooShort, ct);
            return false;
        }

        if (trimmed.Length > options.Value.MaxNeedChars)
        {
            await turn.SayAsync(F(t.NeedTooLong, options.Value.MaxNeedChars), ct);
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

    private static readonly HashSet<string> YesWords = ["yes", "y", "ok", "okay", "sure", "yes please", "はい", "お願いします", "おねがいします", "作成して", "うん"];
    private static readonly HashSet<string> NoWords = ["no", "n", "no thanks", "nope", "いいえ", "いや", "不要", "結構です", "大丈夫です"];

    [GeneratedRegex(@"^(skip|pass|don't know|dont know|unknown|n/a|none|スキップ|わからない|分からない|わかりません|分かりません|不明|未定|なし|特になし)[。.!！]?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex SkipPattern();
}
