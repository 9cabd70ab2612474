using System.Text.RegularExpressions;
using Dapper;
using ProBonoBot.Cards;
using ProBonoBot.Cards.Json;
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
/// <c>broadcast N</c> / <c>配信 N</c> for leaders (audience card → start → live report), and <c>mute</c> /
/// <c>unmute</c> (<c>配信停止</c> / <c>配信再開</c>) for everyone. The audience card and the report (with the link to who
/// was not reached) only ever go to the leader's 1:1 chat; started from a channel, a pointer stays there.
/// </summary>
public sealed partial class BroadcastRoutes(
    BroadcastStore broadcasts,
    BroadcastReporter reporter,
    ProjectStore projects,
    LeaderDirectory leaders,
    LeaderGate gate,
    PersonalChat personal,
    LanguageResolver languages,
    Db db,
    TimeProvider time) : IRouteModule
{
    public void Register(Router router)
    {
        ArgumentNullException.ThrowIfNull(router);
        router.OnMessage("broadcast", BroadcastPattern(), ChooseAudienceAsync);
        router.OnMessage("mute", MutePattern(), (turn, ct) => MuteAsync(turn, true, ct));
        router.OnMessage("unmute", UnmutePattern(), (turn, ct) => MuteAsync(turn, false, ct));
        router.OnCardAction(BroadcastCards.StartVerb, async (turn, ct) => { await StartAsync(turn, ct).ConfigureAwait(false); return CardActionResult.Done; });
        router.OnCardAction(BroadcastCards.CancelVerb, CancelAsync);
    }

    private async Task<(Language Language, Project? Project)> CheckAsync(TurnContext turn, long? number, CancellationToken ct)
    {
        var (language, isLeader) = await gate.CheckAsync(turn, ct).ConfigureAwait(false);
        if (!isLeader)
        {
            return (language, null);
        }

        var t = UiText.For(language).Projects;

        var project = number is { } n ? await projects.GetAsync(n, ct).ConfigureAwait(false) : null;
        if (project is null || project.Status != ProjectStatus.Recruiting)
        {
            await personal.SayAsync(turn, project is null ? t.UnknownProject : F(t.NotRecruiting, project.Number, Markdown.Escape(project.Title), t.StatusReason(project.Status)), language, ct).ConfigureAwait(false);
            return (language, null);
        }

        return (language, project);
    }

    private async Task ChooseAudienceAsync(TurnContext turn, CancellationToken ct)
    {
        var (language, project) = await CheckAsync(turn, turn.MatchedNumber(), ct).ConfigureAwait(false);
        if (project is not null)
        {
            var (people, channels) = await broadcasts.CountAsync(project.Number, resend: false, ct, turn.Activity.From?.AadObjectId).ConfigureAwait(false);
            var preview = AnnouncementCard.Build(language, project.ToCard(await projects.CountsAsync(project.Number, ct).ConfigureAwait(false)), ViewerState.Nobody);
            await personal.SendCardAsync(turn, BroadcastCards.Audience(language, project.Number, project.Title, people, channels, preview), language, ct).ConfigureAwait(false);
        }
    }

    private async Task StartAsync(TurnContext turn, CancellationToken ct)
    {
        var (language, project) = await CheckAsync(turn, turn.DataNumber("project"), ct).ConfigureAwait(false);
        if (project is null)
        {
            return;
        }

        var audience = turn.DataString("audience") is "people" or "channels" or "both" ? turn.DataString("audience")! : "both";
        var resend = turn.DataString("resend") == "true";
        var model = project.ToCard(await projects.CountsAsync(project.Number, ct).ConfigureAwait(false));
        string Card(UiText text) => SignUpNotices.CardActivity(AnnouncementCard.Build(text, model, ViewerState.Nobody));

        // People get it in their own language; channels in the project's (both, for a bilingual project).
        var (id, _) = await broadcasts.StartAsync(project.Number, audience, resend, turn.Activity.From!.AadObjectId!,
            Card(UiText.For(Language.Japanese)), Card(UiText.For(Language.English)), Card(project.ChannelText), ct, turn.KeyFor("broadcast.start")).ConfigureAwait(false);
        if (id == 0)
        {
            await personal.SayAsync(turn, UiText.For(language).Broadcasts.NothingToSend, language, ct).ConfigureAwait(false);
            return;
        }

        var progress = await reporter.ProgressAsync(id, language, withLink: false, ct).ConfigureAwait(false);
        var posted = await personal.SendCardAsync(turn, BroadcastCards.Report(language, progress!), language, ct).ConfigureAwait(false);
        if (posted is { ActivityId.Length: > 0 })
        {
            // Always the leader's 1:1 chat: the reporter keeps this card current and adds the download link at the end.
            await broadcasts.SetReportAsync(id, posted.ConversationId, posted.ActivityId, posted.ServiceUrl, ct).ConfigureAwait(false);
            if (await broadcasts.GetAsync(id, ct).ConfigureAwait(false) is { Status: not 0 })
            {
                // The reporter may have closed a small broadcast before this card existed: bring it to its final state once.
                await reporter.ReportAsync(id, ct).ConfigureAwait(false);
            }
        }
    }

    private async Task<CardActionResult> CancelAsync(TurnContext turn, CancellationToken ct)
    {
        var language = await languages.ResolveAsync(turn, ct).ConfigureAwait(false);
        var broadcast = turn.DataNumber("broadcast") is { } id ? await broadcasts.GetAsync(id, ct).ConfigureAwait(false) : null;
        if (broadcast is null || !await leaders.IsLeaderAsync(turn.Activity.From?.AadObjectId, ct).ConfigureAwait(false))
        {
            return CardActionResult.Say(UiText.For(language).Projects.NotALeader);
        }

        var cancelled = await broadcasts.CancelAsync(broadcast.Id, ct).ConfigureAwait(false);
        return CardActionResult.Say(F(UiText.For(language).Broadcasts.Cancelled, cancelled));
    }

    private async Task MuteAsync(TurnContext turn, bool mute, CancellationToken ct)
    {
        var language = await languages.ResolveAsync(turn, ct).ConfigureAwait(false);
        if (turn.Activity.From?.AadObjectId is { Length: > 0 } aad)
        {
            var value = db.IsSqlite ? (object)(mute ? 1 : 0) : mute;
            await db.WriteAsync(c => c.ExecuteAsync(
                """
                INSERT INTO user_settings (aad_object_id, muted, updated_at) VALUES (@aad, @value, @now)
                ON CONFLICT (aad_object_id) DO UPDATE SET muted = @value, updated_at = @now
                """, new { aad, value, now = time.GetUtcNow() }), ct).ConfigureAwait(false);
        }

        var b = UiText.For(language).Broadcasts;
        await turn.SayAsync(mute ? b.Muted : b.Unmuted, ct).ConfigureAwait(false);
    }

    [GeneratedRegex(@"^(broadcast|配信)\s*#?(?<n>\d+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex BroadcastPattern();

    [GeneratedRegex(@"^(mute|配信停止)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex MutePattern();

    [GeneratedRegex(@"^(unmute|配信再開)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex UnmutePattern();
}
