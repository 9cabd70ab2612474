using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ProBonoBot.Cards;
using ProBonoBot.Cards.Json;
using ProBonoBot.Cards.Drafting;
using ProBonoBot.Cards.Projects;
using ProBonoBot.Hosting;
using ProBonoBot.Outbox;
using ProBonoBot.People;
using ProBonoBot.Projects;
using ProBonoBot.Protocol.Routing;
using ProBonoBot.SignUps;
using static ProBonoBot.Hosting.TurnExtensions;

namespace ProBonoBot.Drafting;

/// <summary>
/// The brief card's buttons. The author edits, regenerates with an instruction, sends to the leaders; a leader
/// approves (→ a Draft project, never published without a human) or sends it back. Card data only names the
/// brief and the version shown: who may act comes from the activity, and a stale version changes nothing.
/// </summary>
public sealed partial class BriefRoutes(
    DraftingStore store,
    DraftingQueue queue,
    LeaderDirectory leaders,
    OutboxStore outbox,
    LanguageResolver languages,
    BriefApproval approval) : IRouteModule
{
    public void Register(Router router)
    {
        ArgumentNullException.ThrowIfNull(router);
        router.OnCardAction(DraftingVerbs.SaveBrief, SaveAsync);
        router.OnCardAction(DraftingVerbs.RegenerateBrief, RegenerateAsync);
        router.OnCardAction(DraftingVerbs.SendBrief, SendAsync);
        router.OnCardAction(DraftingVerbs.ApproveBrief, ApproveAsync);
        router.OnCardAction(DraftingVerbs.ReturnBrief, ReturnAsync);
    }

    /// <summary>The brief named by the card, if the person is its author and the card shows its current, editable version.</summary>
    private async Task<(BriefRow? Brief, Language Language, CardActionResult? Refusal)> AuthorsBriefAsync(TurnContext turn, CancellationToken ct)
    {
        var language = await languages.ResolveAsync(turn, ct).ConfigureAwait(false);
        var t = UiText.For(language).Drafting;
        var brief = turn.DataNumber("brief") is { } id ? await store.BriefAsync(id, ct).ConfigureAwait(false) : null;
        if (brief is null)
        {
            return (null, language, CardActionResult.Say(t.UnknownBrief));
        }

        if (!string.Equals(brief.AuthorAad, turn.Person()?.Aad, StringComparison.OrdinalIgnoreCase))
        {
            return (null, language, CardActionResult.Say(t.NotYourBrief));
        }

        if (turn.DataNumber("version") is not { } shown || shown != brief.Version)
        {
            return (null, language, CardActionResult.Say(F(t.Outdated, turn.DataNumber("version") ?? 0, brief.Version)));
        }

        if (brief.BriefStatus is not (BriefStatus.Draft or BriefStatus.Returned))
        {
            return (null, language, brief.ProjectNumber is { } p ? CardActionResult.Say(F(t.AlreadyApproved, p)) : CardActionResult.ReplaceCard(BriefViews.Card(brief, language, BriefViewer.Author)));
        }

        return (brief, language, null);
    }

    private async Task<CardActionResult> SaveAsync(TurnContext turn, CancellationToken ct)
    {
        var (row, language, refusal) = await AuthorsBriefAsync(turn, ct).ConfigureAwait(false);
        if (row is null)
        {
            return refusal!;
        }

        var t = UiText.For(language).Drafting;
        var brief = BriefRules.Parse(row.BriefJson).Brief!;
        var edited = BriefEditor.Apply(brief, turn.CardAction!.Data);
        var problems = BriefRules.Check(edited, row.Language == "ja" ? Language.Japanese : Language.English);
        if (problems.Count > 0)
        {
            return CardActionResult.Say(string.Join("\n", problems.Select(p => "- " + Markdown.Escape(p))));
        }

        if (!await store.ReviseBriefAsync(row.Id, row.Version, JsonSerializer.Serialize(edited, DraftingJsonContext.Default.ProjectBrief), row.Source, row.Fallback, row.Language, null, ct).ConfigureAwait(false))
        {
            return CardActionResult.Say(F(t.Outdated, row.Version, row.Version + 1));
        }

        var saved = (await store.BriefAsync(row.Id, ct).ConfigureAwait(false))!;
        return CardActionResult.ReplaceCard(BriefViews.Card(saved, language, BriefViewer.Author, F(t.Saved, saved.Version)));
    }

    private async Task<CardActionResult> RegenerateAsync(TurnContext turn, CancellationToken ct)
    {
        var (row, language, refusal) = await AuthorsBriefAsync(turn, ct).ConfigureAwait(false);
        if (row is null)
        {
            return refusal!;
        }

        var t = UiText.For(language).Drafting;
        if (turn.DataText("instruction", BriefCard.MaxInstruction) is not { } instruction)
        {
            return CardActionResult.Say(t.InstructionRequired);
        }

        // "in English" / "日本語で" switches the brief's language; otherwise it keeps its own.
        var target = AsksFor(instruction) ?? (row.Language == "ja" ? Language.Japanese : Language.English);
        var payload = new JsonObject { ["instruction"] = instruction, ["version"] = row.Version }.ToJsonString();
        await queue.EnqueueAsync(turn, JobKinds.Regenerate, row.Id, payload, target, ct).ConfigureAwait(false);
        return CardActionResult.Done;
    }

    private async Task<CardActionResult> SendAsync(TurnContext turn, CancellationToken ct)
    {
        var (row, language, refusal) = await AuthorsBriefAsync(turn, ct).ConfigureAwait(false);
        if (row is null)
        {
            return refusal!;
        }

        var t = UiText.For(language).Drafting;
        var list = await leaders.ListAsync(ct).ConfigureAwait(false);
        if (list.Count == 0)
        {
            return CardActionResult.Say(t.NoLeaders);
        }

        if (!await store.SetBriefStatusAsync(row.Id, row.Version, [(long)BriefStatus.Draft, (long)BriefStatus.Returned], (long)BriefStatus.Sent, null, ct).ConfigureAwait(false))
        {
            return CardActionResult.Say(F(t.Outdated, row.Version, row.Version + 1));
        }

        var sent = (await store.BriefAsync(row.Id, ct).ConfigureAwait(false))!;
        var messages = new List<OutboxItem>();
        foreach (var (aad, _) in list)
        {
            var leaderLanguage = await languages.ForPersonAsync(aad, language, ct).ConfigureAwait(false);
            var card = BriefViews.Card(sent, leaderLanguage, BriefViewer.Leader,
                F(UiText.For(leaderLanguage).Drafting.ReviewTitle, Markdown.Escape(sent.AuthorName ?? "?")));
            messages.Add(SignUpNotices.ToPerson(SignUpNotices.CardActivity(card), aad, null, null, null, null));
        }

        await outbox.EnqueueAsync(messages, ct).ConfigureAwait(false);
        return CardActionResult.ReplaceCard(BriefViews.Card(sent, language, BriefViewer.ReadOnly, F(t.SentToLeaders, list.Count)));
    }

    /// <summary>The brief named by the card, if the person is a leader and the card shows the version sent for review.</summary>
    private async Task<(BriefRow? Brief, Language Language, CardActionResult? Refusal)> ReviewedBriefAsync(TurnContext turn, CancellationToken ct)
    {
        var language = await languages.ResolveAsync(turn, ct).ConfigureAwait(false);
        var t = UiText.For(language).Drafting;
        if (!await leaders.IsLeaderAsync(turn.Person()?.Aad, ct).ConfigureAwait(false))
        {
            return (null, language, CardActionResult.Say(UiText.For(language).Projects.NotALeader));
        }

        var brief = turn.DataNumber("brief") is { } id ? await store.BriefAsync(id, ct).ConfigureAwait(false) : null;
        return BriefApproval.Check(brief, turn.DataNumber("version")) switch
        {
            null => (brief, language, null),
            { Result: BriefApproval.Result.Unknown } => (null, language, CardActionResult.Say(t.UnknownBrief)),
            { Result: BriefApproval.Result.AlreadyApproved } => (null, language, CardActionResult.Say(F(t.AlreadyApproved, brief!.ProjectNumber))),
            { Result: BriefApproval.Result.NotSent } => (null, language, CardActionResult.Say(t.NotSentYet)),
            _ => (null, language, CardActionResult.Say(F(t.Outdated, turn.DataNumber("version") ?? 0, brief!.Version))),
        };
    }

    private async Task<CardActionResult> ApproveAsync(TurnContext turn, CancellationToken ct)
    {
        var (row, language, refusal) = await ReviewedBriefAsync(turn, ct).ConfigureAwait(false);
        if (row is null)
        {
            return refusal!;
        }

        var t = UiText.For(language).Drafting;
        var leader = turn.Person()!;
        var outcome = await approval.ApproveAsync(row, language, leader.Aad, leader.Name, ct).ConfigureAwait(false);
        switch (outcome.Result)
        {
            case BriefApproval.Result.NeedsForm:
                // Rare (a field the form requires is missing): the leader completes the project form by hand.
                await turn.SendCardAsync(ProjectFormCard.Build(language, outcome.Values!, outcome.Errors!), ct).ConfigureAwait(false);
                return CardActionResult.Done;
            case BriefApproval.Result.Approved:
                return CardActionResult.ReplaceCard(BriefViews.Card(outcome.Brief!, language, BriefViewer.ReadOnly, F(t.Approved, outcome.ProjectNumber, Markdown.Escape(outcome.Title!))));
            default:
                return CardActionResult.Say(F(t.AlreadyApproved, outcome.ProjectNumber));
        }
    }

    private async Task<CardActionResult> ReturnAsync(TurnContext turn, CancellationToken ct)
    {
        var (row, language, refusal) = await ReviewedBriefAsync(turn, ct).ConfigureAwait(false);
        if (row is null)
        {
            return refusal!;
        }

        var t = UiText.For(language).Drafting;
        if (turn.DataText("note", BriefCard.MaxInstruction) is not { } note)
        {
            return CardActionResult.Say(t.InstructionRequired);
        }

        if (!await store.SetBriefStatusAsync(row.Id, row.Version, [(long)BriefStatus.Sent], (long)BriefStatus.Returned, null, ct).ConfigureAwait(false))
        {
            return CardActionResult.Say(t.NotSentYet);
        }

        var returned = (await store.BriefAsync(row.Id, ct).ConfigureAwait(false))!;
        var authorLanguage = await languages.ForPersonAsync(row.AuthorAad, language, ct).ConfigureAwait(false);
        var leader = turn.Person()!;
        var authorModel = BriefViews.Model(returned, authorLanguage);
        var authorCard = BriefCard.Build(authorLanguage, authorModel, BriefViewer.Author,
            F(UiText.For(authorLanguage).Drafting.ReturnedNotice, Markdown.Escape(leader.Name), Markdown.Escape(authorModel.Brief.Title), Markdown.Escape(note)));
        await outbox.EnqueueAsync([SignUpNotices.ToPerson(SignUpNotices.CardActivity(authorCard), row.AuthorAad, null, null, null, null)], ct).ConfigureAwait(false);
        return CardActionResult.ReplaceCard(BriefViews.Card(returned, language, BriefViewer.ReadOnly, F(t.ReturnedToAuthor, Markdown.Escape(returned.AuthorName))));
    }

    // Only an explicit request switches the language ("in English", "英語で", "translate into Japanese"); "add an English
    // version" or "a translator for the English list" asks for content, not for the brief's language.
    private static Language? AsksFor(string instruction) =>
        ToEnglish().IsMatch(instruction) ? Language.English
        : ToJapanese().IsMatch(instruction) ? Language.Japanese
        : null;

    [GeneratedRegex(@"^\s*english\s*[.!]?\s*$|\b(?:in|into|to)\s+english\b|英語で(?:書|お願い|作|$)|英語に(?:して|翻訳|直)|英訳", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex ToEnglish();

    [GeneratedRegex(@"^\s*japanese\s*[.!]?\s*$|\b(?:in|into|to)\s+japanese\b|日本語で|日本語に(?:して|翻訳|直)|和訳", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex ToJapanese();
}
