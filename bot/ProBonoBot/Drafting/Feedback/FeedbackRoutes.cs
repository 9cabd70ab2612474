using System.Text.RegularExpressions;
using ProBonoBot.Cards;
using ProBonoBot.Cards.Drafting;
using ProBonoBot.Cards.Json;
using ProBonoBot.Hosting;
using ProBonoBot.Outbox;
using ProBonoBot.People;
using ProBonoBot.Privacy;
using ProBonoBot.Projects;
using ProBonoBot.Protocol.Activities;
using ProBonoBot.Protocol.Routing;
using ProBonoBot.SignUps;
using static ProBonoBot.Hosting.TurnExtensions;

namespace ProBonoBot.Drafting.Feedback;

/// <summary>
/// Feedback on drafted briefs and manuals: Teams' 👍 / 👎 buttons (<c>message/submitAction</c>, answered 200 with an
/// empty body as Teams requires), the cards' <i>Report a problem</i> form (stored, confirmed, every leader told in
/// 1:1), and <c>feedback</c> / <c>フィードバック</c>, the leaders' summary.
/// </summary>
public sealed partial class FeedbackRoutes(
    FeedbackStore store,
    DraftingStore drafts,
    ProjectStore projects,
    ProjectAccess access,
    LeaderDirectory leaders,
    LeaderGate gate,
    PersonalChat personal,
    OutboxStore outbox,
    LanguageResolver languages,
    PersonTimeZones timeZones,
    TimeProvider time,
    ILogger<FeedbackRoutes> logger) : IRouteModule
{
    public const int SummaryDays = 30;
    public const int SummaryComments = 8;

    /// <summary>Reports one person may send in <see cref="ReportWindow"/>; each one reaches every leader.</summary>
    public const int ReportsPerDay = 5;

    /// <summary>The window of the report limits: a draft is reported once in it per person.</summary>
    public static readonly TimeSpan ReportWindow = TimeSpan.FromHours(24);

    // Teams shows its own "feedback submitted" and fails on any body: 200 with nothing in it.
    private static readonly InvokeResponse Accepted = new(200, null);

    // A feedback invoke that is not one (unknown reaction, not the form's JSON, text over the limit): nothing stored.
    private static readonly InvokeResponse BadRequest = new(400, null);

    public void Register(Router router)
    {
        ArgumentNullException.ThrowIfNull(router);
        router.OnInvoke(FeedbackInvoke.Name, SubmitActionAsync);
        router.OnCardAction(DraftingVerbs.ReportDraft, ReportAsync);
        router.OnMessage("feedback", FeedbackPattern(), SummaryAsync);
    }

    private async Task<InvokeResponse> SubmitActionAsync(TurnContext turn, CancellationToken ct)
    {
        if (FeedbackInvoke.Read(turn.Activity.Value) is not { } submission)
        {
            FeedbackLog.Refused(logger);
            return BadRequest;
        }

        // The buttons sit under a message of ours: replyToId names it, and the message names the draft.
        var person = turn.Person();
        var conversation = turn.Activity.Conversation?.Id;
        if (person is null || conversation is null || turn.Activity.ReplyToId is not { Length: > 0 } messageId
            || await store.DraftOfMessageAsync(conversation, messageId, ct) is not { } draft)
        {
            FeedbackLog.Unattributed(logger);
            return Accepted;
        }

        await store.ReactAsync(submission.Reaction, draft, conversation, messageId, submission.Text, person.Aad, person.Name, ct);
        FeedbackLog.Stored(logger, submission.Reaction, draft.Kind, draft.Id, "stored");
        return Accepted;
    }

    private async Task<CardActionResult> ReportAsync(TurnContext turn, CancellationToken ct)
    {
        var language = await languages.ResolveAsync(turn, ct);
        var t = UiText.For(language).Feedback;
        var person = turn.Person();
        var found = person is null ? null : await DraftAsync(turn, person.Aad, ct);
        if (person is null || found is not { } draft)
        {
            return CardActionResult.Say(t.ReportUnknownDraft);
        }

        if (turn.DataString("reportCategory") is not { } category || !FeedbackCards.Categories.Contains(category))
        {
            return CardActionResult.Say(t.ReportChoose);
        }

        // Every report tells every leader in 1:1: one draft is reported once a day per person, and a person sends at most
        // ReportsPerDay reports a day, so one member cannot flood the leaders' chats.
        var now = time.GetUtcNow();
        var (recent, thisDraft) = await store.ReportsSinceAsync(person.Aad, draft.Ref, now - ReportWindow, ct);
        if (thisDraft)
        {
            return CardActionResult.Say(t.ReportAlready);
        }

        if (recent >= ReportsPerDay)
        {
            FeedbackLog.ReportLimited(logger, draft.Ref.Kind, draft.Ref.Id);
            return CardActionResult.Say(t.ReportDailyLimit);
        }

        var details = turn.DataText("reportDetails", FeedbackCards.MaxDetails);
        // The key makes concurrent clicks (a double click, a redelivery) one report: per person, draft and UTC day.
        var key = $"report|{person.Aad}|{draft.Ref.Kind}|{draft.Ref.Id}|{now:yyyy-MM-dd}";
        if (!await store.AddAsync(FeedbackStore.Report, draft.Ref, category, details, person.Aad, person.Name, key, ct))
        {
            return CardActionResult.Say(t.ReportAlready);
        }

        FeedbackLog.Stored(logger, FeedbackStore.Report, draft.Ref.Kind, draft.Ref.Id, "stored");
        await NotifyLeadersAsync(person, draft, category, details, language, ct);
        return CardActionResult.Say(t.ReportThanks);
    }

    private async Task NotifyLeadersAsync(Person reporter, (DraftRef Ref, string Title) draft, string category, string? details, Language language, CancellationToken ct)
    {
        var messages = new List<OutboxItem>();
        foreach (var (aad, _) in await leaders.ListAsync(ct))
        {
            var leaderLanguage = await languages.ForPersonAsync(aad, language, ct);
            var t = UiText.For(leaderLanguage).Feedback;
            var text = F(t.ReportNotice, Markdown.Escape(reporter.Name ?? "?"), Markdown.Escape(FeedbackCards.DraftName(leaderLanguage, draft.Ref.Kind == DraftRef.Manual, draft.Ref.Id)),
                Markdown.Escape(draft.Title), Markdown.Escape(t.Category(category)));
            if (details is not null)
            {
                text += "\n\n" + F(t.ReportNoticeDetails, Markdown.Escape(details));
            }

            messages.Add(SignUpNotices.ToPerson(SignUpNotices.Text(text), aad, null, null, null, null));
        }

        if (messages.Count > 0)
        {
            await outbox.EnqueueAsync(messages, ct);
        }
    }

    /// <summary>
    /// The draft the card names, if it exists and the person may see it: its author, a leader, a manual's project
    /// member, or anyone in the conversation (a channel) the draft was posted to — the click comes from that card.
    /// </summary>
    private async Task<(DraftRef Ref, string Title)?> DraftAsync(TurnContext turn, string aad, CancellationToken ct)
    {
        if (turn.DataNumber("brief") is { } briefId)
        {
            var brief = await drafts.BriefAsync(briefId, ct);
            if (brief is null || (!string.Equals(brief.AuthorAad, aad, StringComparison.OrdinalIgnoreCase) && !await leaders.IsLeaderAsync(aad, ct)
                && !await ShownHereAsync(turn, new DraftRef(DraftRef.Brief, brief.Id), ct)))
            {
                return null;
            }

            return (new DraftRef(DraftRef.Brief, brief.Id), BriefRules.Parse(brief.BriefJson).Brief?.Title ?? "?");
        }

        if (turn.DataNumber("manual") is { } manualId && await drafts.ManualAsync(manualId, ct) is { } manual
            && await projects.GetAsync(manual.ProjectNumber, ct) is { } project
            && (await access.CanUseManualsAsync(project, aad, ct) || await ShownHereAsync(turn, new DraftRef(DraftRef.Manual, manual.Id), ct)))
        {
            return (new DraftRef(DraftRef.Manual, manual.Id), project.Title);
        }

        return null;
    }

    private async Task<bool> ShownHereAsync(TurnContext turn, DraftRef draft, CancellationToken ct) =>
        turn.Activity.Conversation?.Id is { } conversation && await store.IsShownInAsync(conversation, draft, ct);

    private async Task SummaryAsync(TurnContext turn, CancellationToken ct)
    {
        var (language, isLeader) = await gate.CheckAsync(turn, ct);
        if (!isLeader)
        {
            return;
        }

        var since = time.GetUtcNow().AddDays(-SummaryDays);
        var summary = FeedbackSummary.Build(await store.CountsSinceAsync(since, ct), await store.LatestCommentsAsync(since, SummaryComments, ct), SummaryDays);
        var zone = await timeZones.ForTurnAsync(turn, ct);
        await personal.SendCardAsync(turn, FeedbackCards.Summary(language, summary, zone), language, ct);
    }

    [GeneratedRegex(@"^(feedback|フィードバック)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex FeedbackPattern();
}
