using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.Options;
using ProBonoBot.Cards;
using ProBonoBot.Cards.Json;
using ProBonoBot.Cards.Wording;
using ProBonoBot.Cards.Broadcasts;
using ProBonoBot.Cards.Projects;
using ProBonoBot.Hosting;
using ProBonoBot.People;
using ProBonoBot.Privacy;
using ProBonoBot.Projects;
using ProBonoBot.Protocol.Routing;
using ProBonoBot.Turns;
using ProBonoBot.SignUps;
using ProBonoBot.Storage;
using static ProBonoBot.Hosting.TurnExtensions;

namespace ProBonoBot.Broadcasts;

/// <summary>
/// <c>broadcast N</c> / <c>配信 N</c> for leaders (audience card → count → confirm above the threshold → start now or
/// at a time → live report), <c>cancel broadcast N</c> / <c>配信中止 N</c>, and for everyone <c>mute</c> /
/// <c>unmute</c> (<c>配信停止</c> / <c>配信再開</c>) and <c>topics</c> / <c>トピック</c>. The audience card and the report
/// (with the link to who was not reached) only ever go to the leader's 1:1 chat; started from a channel, a pointer stays there.
/// </summary>
public sealed partial class BroadcastRoutes(
    BroadcastStore broadcasts,
    BroadcastReporter reporter,
    BroadcastTargets targets,
    ProjectStore projects,
    LeaderDirectory leaders,
    LeaderGate gate,
    PersonalChat personal,
    LanguageResolver languages,
    PersonTimeZones zones,
    IOptions<BroadcastOptions> options,
    Db db,
    TimeProvider time) : IRouteModule
{
    public void Register(Router router)
    {
        ArgumentNullException.ThrowIfNull(router);
        router.OnMessage("broadcast", BroadcastPattern(), ChooseAudienceAsync);
        router.OnMessage("cancel-broadcast", CancelBroadcastPattern(), CancelTypedAsync);
        router.OnMessage("mute", MutePattern(), (turn, ct) => MuteAsync(turn, true, ct));
        router.OnMessage("unmute", UnmutePattern(), (turn, ct) => MuteAsync(turn, false, ct));
        router.OnMessage("topics", TopicsPattern(), TopicsAsync);
        router.OnCardAction(BroadcastCards.StartVerb, StartAsync);
        router.OnCardAction(BroadcastCards.CountVerb, CountAsync);
        router.OnCardAction(BroadcastCards.CancelVerb, CancelAsync);
        router.OnCardAction(BroadcastCards.TopicsVerb, SaveTopicsAsync);
    }

    private async Task<(Language Language, Project? Project)> CheckAsync(TurnContext turn, long? number, CancellationToken ct)
    {
        var (language, isLeader) = await gate.CheckAsync(turn, ct);
        if (!isLeader)
        {
            return (language, null);
        }

        var t = UiText.For(language).Projects;

        var project = number is { } n ? await projects.GetAsync(n, ct) : null;
        if (project is null || project.Status != ProjectStatus.Recruiting)
        {
            await personal.SayAsync(turn, project is null ? t.UnknownProject : F(t.NotRecruiting, project.Number, Markdown.Escape(project.Title), t.StatusReason(project.Status)), language, ct);
            return (language, null);
        }

        return (language, project);
    }

    private async Task<string> ZoneAsync(TurnContext turn, Language language, CancellationToken ct) =>
        Times.ZoneFor(language, await zones.ForTurnAsync(turn, ct));

    /// <summary>The audience card for the given choices, with the count for them (or for everyone when they are not usable).</summary>
    private async Task<JsonObject> AudienceCardAsync(TurnContext turn, Language language, Project project, AudienceOptions choicesOffered, AudienceChoices choices,
        Targeting? targeting, string? error, CancellationToken ct)
    {
        targeting ??= Targeting.Everyone with { Category = choices.Topic is { } topic && choicesOffered.Topics.Any(t => t.Key == topic) ? topic : null };
        var (people, channels) = await broadcasts.CountAsync(project.Number, targeting, await targets.FitAsync(targeting, project.Number, ct), turn.Activity.From?.AadObjectId, ct);
        var preview = AnnouncementCard.Build(language, project.ToCard(await projects.CountsAsync(project.Number, ct)), ViewerState.Nobody);
        return BroadcastCards.Audience(language, project.Number, project.Title, people, channels, preview, choicesOffered, choices, error);
    }

    private async Task ChooseAudienceAsync(TurnContext turn, CancellationToken ct)
    {
        var (language, project) = await CheckAsync(turn, turn.MatchedNumber(), ct);
        if (project is not null)
        {
            var offered = await targets.OptionsAsync(language, await ZoneAsync(turn, language, ct), ct);
            var choices = new AudienceChoices(Topic: BroadcastTargets.GuessTopic(project));
            var card = await AudienceCardAsync(turn, language, project, offered, choices, null, null, ct);
            await personal.SendCardAsync(turn, card, language, ct);
        }
    }

    /// <summary>
    /// Reads the card: the project (checked), what it offered, and the leader's answer (or why it cannot be used). When
    /// only counting, a time not chosen yet is not an error.
    /// </summary>
    private async Task<(Language Language, Project? Project, AudienceOptions Offered, AudienceForm? Form, string? Error)> ReadAsync(TurnContext turn, bool withTime, CancellationToken ct)
    {
        var (language, project) = await CheckAsync(turn, turn.DataNumber("project"), ct);
        if (project is null)
        {
            return (language, null, AudienceOptions.None, null, null);
        }

        var zone = await ZoneAsync(turn, language, ct);
        var offered = await targets.OptionsAsync(language, zone, ct);
        var (form, error) = AudienceForm.Parse(turn, offered, language, zone, time.GetUtcNow(), options.Value.MaxScheduleAhead, withTime);
        return (language, project, offered, form, error);
    }

    private async Task<CardActionResult> CountAsync(TurnContext turn, CancellationToken ct)
    {
        var (language, project, offered, form, error) = await ReadAsync(turn, withTime: false, ct);
        if (project is null)
        {
            return CardActionResult.Done;
        }

        return CardActionResult.ReplaceCard(await AudienceCardAsync(turn, language, project, offered, form?.Choices ?? AudienceForm.Read(turn), form?.Targeting, error, ct));
    }

    private async Task<CardActionResult> StartAsync(TurnContext turn, CancellationToken ct)
    {
        var (language, project, offered, form, error) = await ReadAsync(turn, withTime: true, ct);
        if (project is null)
        {
            return CardActionResult.Done;
        }

        if (form is null)
        {
            // Tampered or incomplete: say why on the card itself; nothing is stored or sent.
            return CardActionResult.ReplaceCard(await AudienceCardAsync(turn, language, project, offered, AudienceForm.Read(turn), null, error, ct));
        }

        var leader = turn.Activity.From!.AadObjectId!;
        var fit = await targets.FitAsync(form.Targeting, project.Number, ct);
        var (people, _) = await broadcasts.CountAsync(project.Number, form.Targeting, fit, leader, ct);
        if (people > options.Value.ConfirmAbove && turn.DataString("confirmed") != "true")
        {
            return CardActionResult.ReplaceCard(BroadcastCards.Confirm(language, project.Number, project.Title, people, form.ToData()));
        }

        long id;
        if (form.SendAt is { } sendAt)
        {
            id = await broadcasts.ScheduleAsync(project.Number, form.Targeting, leader, sendAt, ct, turn.KeyFor("broadcast.schedule"));
        }
        else
        {
            (id, _) = await broadcasts.StartAsync(project.Number, form.Targeting, fit, leader, await targets.ActivitiesAsync(project, ct), ct, turn.KeyFor("broadcast.start"));
            if (id == 0)
            {
                await personal.SayAsync(turn, UiText.For(language).Broadcasts.NothingToSend, language, ct);
                return CardActionResult.Done;
            }
        }

        var progress = await reporter.ProgressAsync(id, language, withLink: false, ct);
        var posted = await personal.SendCardAsync(turn, BroadcastCards.Report(language, progress!), language, ct);
        if (posted is { ActivityId.Length: > 0 })
        {
            // Always the leader's 1:1 chat: the reporter keeps this card current and adds the download link at the end.
            await broadcasts.SetReportAsync(id, posted.ConversationId, posted.ActivityId, posted.ServiceUrl, ct);
            if (await broadcasts.GetAsync(id, ct) is { Status: BroadcastStore.Completed or BroadcastStore.Cancelled })
            {
                // The reporter may have closed a small broadcast before this card existed: bring it to its final state once.
                await reporter.ReportAsync(id, ct);
            }
        }

        return CardActionResult.Done;
    }

    private async Task<CardActionResult> CancelAsync(TurnContext turn, CancellationToken ct)
    {
        var language = await languages.ResolveAsync(turn, ct);
        var broadcast = turn.DataNumber("broadcast") is { } id ? await broadcasts.GetAsync(id, ct) : null;
        if (broadcast is null || !await leaders.IsLeaderAsync(turn.Activity.From?.AadObjectId, ct))
        {
            return CardActionResult.Say(UiText.For(language).Projects.NotALeader);
        }

        var message = await CancelOneAsync(broadcast, language, ct);
        if (broadcast.ReportConversationId is not null)
        {
            await reporter.ReportAsync(broadcast.Id, ct);
        }

        return CardActionResult.Say(message);
    }

    private async Task<string> CancelOneAsync(BroadcastRow broadcast, Language language, CancellationToken ct)
    {
        var b = UiText.For(language).Broadcasts;
        var cancelled = await broadcasts.CancelAsync(broadcast.Id, ct);
        return broadcast.Status == BroadcastStore.Scheduled ? b.CancelledScheduled : F(b.Cancelled, cancelled);
    }

    private async Task CancelTypedAsync(TurnContext turn, CancellationToken ct)
    {
        var (language, isLeader) = await gate.CheckAsync(turn, ct);
        if (!isLeader)
        {
            return;
        }

        var number = turn.MatchedNumber() ?? 0;
        if (await projects.GetAsync(number, ct) is null)
        {
            await personal.SayAsync(turn, UiText.For(language).Projects.UnknownProject, language, ct);
            return;
        }

        var open = await broadcasts.OpenForProjectAsync(number, ct);
        if (open.Count == 0)
        {
            await personal.SayAsync(turn, F(UiText.For(language).Broadcasts.NothingToCancel, number), language, ct);
            return;
        }

        var said = new List<string>();
        foreach (var broadcast in open)
        {
            said.Add(await CancelOneAsync(broadcast, language, ct));
            if (broadcast.ReportConversationId is not null)
            {
                await reporter.ReportAsync(broadcast.Id, ct);
            }
        }

        await personal.SayAsync(turn, string.Join("\n\n", said), language, ct);
    }

    private async Task TopicsAsync(TurnContext turn, CancellationToken ct)
    {
        var language = await languages.ResolveAsync(turn, ct);
        var chosen = turn.Activity.From?.AadObjectId is { Length: > 0 } aad ? await TopicsOfAsync(aad, ct) : [];
        await turn.SendCardAsync(BroadcastCards.Topics(language, BroadcastTargets.Topics(language), chosen), ct);
    }

    private Task<IReadOnlyList<string>> TopicsOfAsync(string aad, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<string>>(async c => [.. await c.QueryAsync<string>("SELECT topic FROM user_topics WHERE aad_object_id = @aad ORDER BY topic", new { aad })], ct);

    private async Task<CardActionResult> SaveTopicsAsync(TurnContext turn, CancellationToken ct)
    {
        var language = await languages.ResolveAsync(turn, ct);
        var b = UiText.For(language).Broadcasts;
        var known = BroadcastTargets.Topics(language);
        var chosen = (turn.DataString("topics") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        if (turn.Activity.From?.AadObjectId is not { Length: > 0 } aad || chosen.Any(t => !known.Any(k => k.Key == t)))
        {
            return CardActionResult.Say(b.TopicsUnknown);
        }

        await db.WriteAsync(async c =>
        {
            await using var tx = await c.BeginTransactionAsync(ct);
            await c.ExecuteAsync("DELETE FROM user_topics WHERE aad_object_id = @aad", new { aad }, tx);
            await c.ExecuteAsync("INSERT INTO user_topics (aad_object_id, topic) VALUES (@aad, @topic)", chosen.Select(topic => new { aad, topic }), tx);
            await tx.CommitAsync(ct);
            return 0;
        }, ct);
        return CardActionResult.Say(chosen.Count == 0
            ? b.TopicsAll
            : F(b.TopicsSaved, string.Join(language == Language.Japanese ? "、" : ", ", known.Where(k => chosen.Contains(k.Key)).Select(k => k.Name))));
    }

    private async Task MuteAsync(TurnContext turn, bool mute, CancellationToken ct)
    {
        var language = await languages.ResolveAsync(turn, ct);
        if (turn.Activity.From?.AadObjectId is { Length: > 0 } aad)
        {
            var value = db.IsSqlite ? (object)(mute ? 1 : 0) : mute;
            await db.WriteAsync(c => c.ExecuteAsync(
                """
                INSERT INTO user_settings (aad_object_id, muted, updated_at) VALUES (@aad, @value, @now)
                ON CONFLICT (aad_object_id) DO UPDATE SET muted = @value, updated_at = @now
                """, new { aad, value, now = time.GetUtcNow() }), ct);
        }

        var b = UiText.For(language).Broadcasts;
        await turn.SayAsync(mute ? b.Muted : b.Unmuted, ct);
    }

    [GeneratedRegex(@"^(broadcast|配信)\s*#?(?<n>\d+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex BroadcastPattern();

    [GeneratedRegex(@"^(cancel\s+broadcast|配信中止|配信取り消し|配信取消)\s*#?(?<n>\d+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex CancelBroadcastPattern();

    [GeneratedRegex(@"^(topics|トピック|配信トピック)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex TopicsPattern();

    [GeneratedRegex(@"^(mute|配信停止)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex MutePattern();

    [GeneratedRegex(@"^(unmute|配信再開)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex UnmutePattern();
}
