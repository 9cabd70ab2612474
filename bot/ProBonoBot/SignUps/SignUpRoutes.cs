using System.Globalization;
using System.Text.RegularExpressions;
using ProBonoBot.Cards;
using ProBonoBot.Cards.Json;
using ProBonoBot.Cards.Projects;
using ProBonoBot.Cards.SignUps;
using ProBonoBot.Confirmations;
using ProBonoBot.Hosting;
using ProBonoBot.Outbox;
using ProBonoBot.People;
using ProBonoBot.Projects;
using ProBonoBot.Protocol.Routing;
using static ProBonoBot.Hosting.TurnExtensions;

namespace ProBonoBot.SignUps;

/// <summary>
/// Signing up in conversation — role, hours, a note, confirm — by card or typed answers, from a channel card
/// (continued in the person's 1:1 chat) or from <c>sign up N</c>; plus my projects, withdraw (asked first) and offers.
/// A project the person may not see (a draft) answers exactly as a number that does not exist.
/// </summary>
public sealed partial class SignUpRoutes(
    ProjectStore projects,
    SignUpStore signUps,
    SignUpSessionStore sessions,
    OutboxStore outbox,
    ProjectVisibility visibility,
    ConfirmationSigner confirmations,
    LanguageResolver languages,
    Broadcasts.BroadcastEngagement engagement) : IRouteModule
{
    private const string WithdrawAction = "withdraw";

    public void Register(Router router)
    {
        ArgumentNullException.ThrowIfNull(router);
        router.OnMessage("sign-up", SignUpPattern(), (turn, ct) => StartAsync(turn, turn.MatchedNumber(), viaOutbox: false, ct));
        router.OnMessage("my-projects", MyProjectsPattern(), MyProjectsAsync);
        router.OnMessage("withdraw", WithdrawPattern(), WithdrawTypedAsync);
        router.OnCardAction(ProjectVerbs.SignUp, SignUpClickedAsync);
        router.OnCardAction(ProjectVerbs.View, ViewAsync);
        router.OnCardAction(ProjectVerbs.Withdraw, WithdrawClickedAsync);
        router.OnCardAction(ProjectVerbs.Answer, AnswerFromCardAsync);
        router.OnCardAction(ProjectVerbs.AcceptOffer, (turn, ct) => OfferAsync(turn, accept: true, ct));
        router.OnCardAction(ProjectVerbs.DeclineOffer, (turn, ct) => OfferAsync(turn, accept: false, ct));
        router.OnContinuation("sign-up", ContinueAsync);
    }

    /// <summary>Starts a sign-up: checks the project, stores the session and asks for the role.</summary>
    private async Task<string?> StartAsync(TurnContext turn, long? number, bool viaOutbox, CancellationToken ct)
    {
        var language = await languages.ResolveAsync(turn, ct).ConfigureAwait(false);
        var text = UiText.For(language);
        var person = turn.Person();
        var model = await visibility.CardModelAsync(number, person?.Aad, ct).ConfigureAwait(false);
        string? problem = null;
        if (person is null || model is null)
        {
            problem = text.Projects.UnknownProject;
        }
        else if (model.Status != ProjectStatus.Recruiting)
        {
            problem = F(text.Projects.NotRecruiting, model.Number, Markdown.Escape(model.Title), text.Projects.StatusReason(model.Status));
        }
        else if (await signUps.LiveAsync(model.Number, person.Aad, ct).ConfigureAwait(false) is { } existing)
        {
            problem = F(text.SignUps.AlreadySignedUp, Markdown.Escape(model.Title), await StandingAsync(text, model, existing, ct).ConfigureAwait(false));
        }

        if (problem is not null)
        {
            if (!viaOutbox)
            {
                await turn.SayAsync(problem, ct).ConfigureAwait(false);
            }

            return problem;
        }

        await sessions.SaveAsync(new SignUpSession { UserAad = person!.Aad, ProjectNumber = model!.Number, Step = SignUpStep.Role }, ct).ConfigureAwait(false);
        var question = SignUpCards.AskRole(language, model);
        if (viaOutbox)
        {
            await outbox.EnqueueAsync([SignUpNotices.ToPerson(SignUpNotices.CardActivity(question), person.Aad, person.TeamsId, person.TenantId, person.ServiceUrl, person.BotId)], ct)
                .ConfigureAwait(false);
        }
        else
        {
            await turn.SendCardAsync(question, ct).ConfigureAwait(false);
        }

        return null;
    }

    private async Task<CardActionResult> SignUpClickedAsync(TurnContext turn, CancellationToken ct)
    {
        var number = turn.DataNumber("project");
        await RecordEngagementAsync(turn, Broadcasts.BroadcastEngagement.Clicked, number, ct).ConfigureAwait(false);
        if (turn.IsPersonalChat() && !turn.CardAction!.IsUniversalAction)
        {
            await StartAsync(turn, number, viaOutbox: false, ct).ConfigureAwait(false);
            return CardActionResult.Done;
        }

        // From a channel card (or any Universal Action): the conversation continues in the 1:1 chat.
        var problem = await StartAsync(turn, number, viaOutbox: true, ct).ConfigureAwait(false);
        if (!turn.CardAction!.IsUniversalAction)
        {
            return CardActionResult.Done;
        }

        if (problem is not null)
        {
            return CardActionResult.Say(problem);
        }

        var language = await languages.ResolveAsync(turn, ct).ConfigureAwait(false);
        return await ViewCardAsync(turn, number!.Value, UiText.For(language).SignUps.ContinueInChat, ct).ConfigureAwait(false);
    }

    /// <summary>The per-user view of an announcement card (card refresh).</summary>
    private async Task<CardActionResult> ViewAsync(TurnContext turn, CancellationToken ct)
    {
        if (turn.DataNumber("project") is not { } number)
        {
            return CardActionResult.Fail(400, "BadRequest", UiText.For(await languages.ResolveAsync(turn, ct).ConfigureAwait(false)).Projects.UnknownProject);
        }

        await RecordEngagementAsync(turn, Broadcasts.BroadcastEngagement.Opened, number, ct).ConfigureAwait(false);
        return await ViewCardAsync(turn, number, null, ct).ConfigureAwait(false);
    }

    /// <summary>A broadcast card's refresh or Sign up in the person's own 1:1 chat counts for the broadcast's report.</summary>
    private Task RecordEngagementAsync(TurnContext turn, string kind, long? number, CancellationToken ct) =>
        number is { } n && turn.IsPersonalChat() && turn.Person() is { } person ? engagement.RecordAsync(kind, n, person.Aad, ct) : Task.CompletedTask;

    private async Task<CardActionResult> ViewCardAsync(TurnContext turn, long number, string? banner, CancellationToken ct)
    {
        var language = await languages.ResolveAsync(turn, ct).ConfigureAwait(false);
        var text = UiText.For(language);
        var model = await visibility.CardModelAsync(number, turn.Person()?.Aad, ct).ConfigureAwait(false);
        if (model is null)
        {
            return CardActionResult.Fail(404, "NotFound", text.Projects.UnknownProject);
        }

        var live = await signUps.LiveForProjectAsync(number, ct).ConfigureAwait(false);
        var mine = turn.Person() is { } person ? live.FirstOrDefault(s => s.UserAad == person.Aad) : null;
        var viewer = mine is null
            ? new ViewerState(ViewerStanding.None, Banner: banner)
            : new ViewerState(mine.Standing, model.Roles.FirstOrDefault(r => r.Number == mine.RoleNumber)?.Name,
                mine.Status == SignUpStatus.Waitlisted ? await signUps.PositionAsync(mine, ct).ConfigureAwait(false) : 0, banner);
        var refresh = live.Where(s => s.UserTeamsId is not null).Select(s => s.UserTeamsId!).ToList();
        return CardActionResult.ReplaceCard(AnnouncementCard.Build(language, model, viewer, refresh));
    }

    private async Task WithdrawTypedAsync(TurnContext turn, CancellationToken ct)
    {
        var (message, ask) = await WithdrawAsync(turn, turn.MatchedNumber(), ct).ConfigureAwait(false);
        await (ask is not null ? turn.SendCardAsync(ask, ct) : turn.SayAsync(message!, ct)).ConfigureAwait(false);
    }

    private async Task<CardActionResult> WithdrawClickedAsync(TurnContext turn, CancellationToken ct)
    {
        var number = turn.DataNumber("project");
        var (message, ask) = await WithdrawAsync(turn, number, ct).ConfigureAwait(false);
        if (turn.CardAction!.IsUniversalAction)
        {
            // On a channel card the question and the answer replace the card for this person only.
            return ask is not null ? CardActionResult.ReplaceCard(ask)
                : number is { } n ? await ViewCardAsync(turn, n, message, ct).ConfigureAwait(false)
                : CardActionResult.Say(message!);
        }

        if (ask is not null)
        {
            // A new message, so the card the button was on (e.g. "my projects") stays as it was.
            await turn.SendCardAsync(ask, ct).ConfigureAwait(false);
            return CardActionResult.Done;
        }

        // Pressed on the question itself: it turns into the answer, with no button left to press twice.
        return turn.DataString("state") is not null || turn.DataString("answer") == ConfirmCard.Keep
            ? CardActionResult.ReplaceCard(ConfirmCard.Answered(message!))
            : CardActionResult.Say(message!);
    }

    /// <summary>
    /// Withdraw asks first: without a confirmation it returns the question card; with Keep it changes nothing; with a
    /// genuine confirmation for this person and the same sign-up it withdraws; anything else is refused.
    /// </summary>
    private async Task<(string? Message, System.Text.Json.Nodes.JsonObject? Ask)> WithdrawAsync(TurnContext turn, long? number, CancellationToken ct)
    {
        var language = await languages.ResolveAsync(turn, ct).ConfigureAwait(false);
        var text = UiText.For(language);
        var person = turn.Person();
        var project = person is null ? null : await visibility.GetAsync(number, person.Aad, ct).ConfigureAwait(false);
        if (person is null || project is null)
        {
            return (text.Projects.UnknownProject, null);
        }

        var (check, state) = await confirmations.CheckAsync(turn, WithdrawAction, project.Number, ct).ConfigureAwait(false);
        var live = await signUps.LiveAsync(project.Number, person.Aad, ct).ConfigureAwait(false);
        var title = Markdown.Escape(project.Title);
        switch (check)
        {
            case ConfirmationCheck.Kept:
                return (live is null ? text.SignUps.NotSignedUp : F(text.SignUps.WithdrawKept, title), null);
            case ConfirmationCheck.Invalid:
                return (text.Projects.ConfirmInvalid, null);
            case ConfirmationCheck.Expired:
                return (text.Projects.ConfirmExpired, null);
        }

        if (live is null)
        {
            // A second click on the same Confirm (a double click) finds the sign-up it withdrew: it says so again,
            // rather than "nothing was changed" over the first click's answer.
            if (check == ConfirmationCheck.Valid && long.TryParse(state, NumberStyles.Integer, CultureInfo.InvariantCulture, out var confirmed)
                && await signUps.StatusAsync(confirmed, person.Aad, ct).ConfigureAwait(false) == SignUpStatus.Withdrawn)
            {
                return (F(text.SignUps.Withdrawn, title), null);
            }

            return (check == ConfirmationCheck.Valid ? F(text.Projects.ConfirmStale, text.SignUps.NotSignedUp) : text.SignUps.NotSignedUp, null);
        }

        var seq = live.Seq.ToString(CultureInfo.InvariantCulture);
        if (check == ConfirmationCheck.Missing)
        {
            var confirm = await confirmations.SignAsync(WithdrawAction, project.Number, person.Aad, seq, ct).ConfigureAwait(false);
            return (null, ConfirmCard.Withdraw(language, project.Number, project.Title, confirm, turn.CardAction?.IsUniversalAction == true));
        }

        if (state != seq)
        {
            return (F(text.Projects.ConfirmStale, text.SignUps.SignUpChanged), null);
        }

        return await signUps.WithdrawAsync(project.Number, person.Aad, live.Seq, ct).ConfigureAwait(false) is null
            ? (F(text.Projects.ConfirmStale, text.SignUps.NotSignedUp), null)
            : (F(text.SignUps.Withdrawn, title), null);
    }

    private async Task<CardActionResult> OfferAsync(TurnContext turn, bool accept, CancellationToken ct)
    {
        var text = UiText.For(await languages.ResolveAsync(turn, ct).ConfigureAwait(false));
        var person = turn.Person();
        var project = person is null ? null : await visibility.GetAsync(turn.DataNumber("project"), person.Aad, ct).ConfigureAwait(false);
        if (person is null || project is null)
        {
            return CardActionResult.Say(text.Projects.UnknownProject);
        }

        var result = accept
            ? await signUps.AcceptOfferAsync(project.Number, person.Aad, ct).ConfigureAwait(false)
            : await signUps.DeclineOfferAsync(project.Number, person.Aad, ct).ConfigureAwait(false);
        if (result is null)
        {
            return CardActionResult.Say(await NoOfferAnswerAsync(text, project, person.Aad, ct).ConfigureAwait(false));
        }

        return CardActionResult.Say(accept
            ? F(text.SignUps.OfferAccepted, Markdown.Escape(project.Role((int)result.RoleNumber)?.Name), Markdown.Escape(project.Title))
            : text.SignUps.OfferDeclined);
    }

    /// <summary>
    /// A second click on Accept or Decline, or one after the offer ran out: say where the person stands now
    /// (confirmed, still waiting, or no longer signed up) rather than only that there is no offer.
    /// </summary>
    private async Task<string> NoOfferAnswerAsync(UiText text, Project project, string aad, CancellationToken ct)
    {
        var live = await signUps.LiveAsync(project.Number, aad, ct);
        var role = live is null ? null : Markdown.Escape(project.Role((int)live.RoleNumber)?.Name);
        return live?.Status switch
        {
            SignUpStatus.Confirmed => F(text.SignUps.OfferAlreadyConfirmed, role, Markdown.Escape(project.Title)),
            SignUpStatus.Waitlisted => F(text.SignUps.OfferStillWaiting, role, Markdown.Escape(project.Title),
                await signUps.PositionAsync(live, ct)),
            _ => F(text.SignUps.NoOffer, Markdown.Escape(project.Title)),
        };
    }

    private async Task MyProjectsAsync(TurnContext turn, CancellationToken ct)
    {
        var language = await languages.ResolveAsync(turn, ct).ConfigureAwait(false);
        var items = new List<MyProjectModel>();
        if (turn.Person() is { } person)
        {
            foreach (var (s, position) in await signUps.LiveForUserAsync(person.Aad, ct).ConfigureAwait(false))
            {
                if (await visibility.GetAsync(s.ProjectNumber, person.Aad, ct).ConfigureAwait(false) is { } p)
                {
                    items.Add(new MyProjectModel(p.Number, p.Title, p.Status, p.Role((int)s.RoleNumber)?.Name ?? "?", s.Standing, position));
                }
            }
        }

        await turn.SendCardAsync(SignUpCards.MyProjects(language, items), ct).ConfigureAwait(false);
    }

    private async Task<CardActionResult> AnswerFromCardAsync(TurnContext turn, CancellationToken ct)
    {
        var text = UiText.For(await languages.ResolveAsync(turn, ct).ConfigureAwait(false));
        var session = turn.Person() is { } person ? await sessions.GetAsync(person.Aad, ct).ConfigureAwait(false) : null;
        if (session is null || session.ProjectNumber != turn.DataNumber("project") || (long)session.Step != turn.DataNumber("step"))
        {
            // A double click on an answered card, an expired session, or edited card data: nothing changes.
            return CardActionResult.Say(text.SignUps.StaleAnswer);
        }

        var input = session.Step switch
        {
            SignUpStep.Role => turn.DataString("role"),
            SignUpStep.Hours => turn.DataString("hours"),
            SignUpStep.Note => turn.DataString("note"),
            _ => null,
        };
        await AnswerAsync(turn, session, input, turn.DataString("answer"), ct).ConfigureAwait(false);
        return CardActionResult.Done;
    }

    private async Task<bool> ContinueAsync(TurnContext turn, CancellationToken ct)
    {
        if (!turn.IsPersonalChat() || turn.Person() is not { } person
            || await sessions.GetAsync(person.Aad, ct).ConfigureAwait(false) is not { } session)
        {
            return false;
        }

        await AnswerAsync(turn, session, turn.Text, command: null, ct).ConfigureAwait(false);
        return true;
    }

    private async Task AnswerAsync(TurnContext turn, SignUpSession session, string? input, string? command, CancellationToken ct)
    {
        var language = await languages.ResolveAsync(turn, ct).ConfigureAwait(false);
        var s = UiText.For(language).SignUps;
        var typed = Normalize(input);
        var model = await projects.CardModelAsync(session.ProjectNumber, ct).ConfigureAwait(false);
        if (command == "cancel" || CancelWords.Contains(typed) || (session.Step == SignUpStep.Confirm && NoWords.Contains(typed)))
        {
            await sessions.DeleteAsync(session.UserAad, ct).ConfigureAwait(false);
            await turn.SayAsync(SignUpFlow.Cancelled(language, session.ProjectNumber, model?.Title), ct).ConfigureAwait(false);
            return;
        }

        if (model is null)
        {
            await sessions.DeleteAsync(session.UserAad, ct).ConfigureAwait(false);
            await turn.SayAsync(UiText.For(language).Projects.UnknownProject, ct).ConfigureAwait(false);
            return;
        }

        switch (session.Step)
        {
            case SignUpStep.Role when FirstNumber(typed) is { } role && model.Roles.Any(r => r.Number == role):
                await sessions.SaveAsync(session with { Step = SignUpStep.Hours, RoleNumber = role }, ct).ConfigureAwait(false);
                await turn.SendCardAsync(SignUpCards.AskHours(language, model.Number, model.HoursPerWeek), ct).ConfigureAwait(false);
                break;
            case SignUpStep.Role:
                await turn.SayAsync(F(s.InvalidRole, model.Roles.Count), ct).ConfigureAwait(false);
                break;
            case SignUpStep.Hours when FirstNumber(typed) is { } hours and >= 1 and <= 40:
                await sessions.SaveAsync(session with { Step = SignUpStep.Note, HoursPerWeek = hours }, ct).ConfigureAwait(false);
                await turn.SendCardAsync(SignUpCards.AskNote(language, model.Number), ct).ConfigureAwait(false);
                break;
            case SignUpStep.Hours:
                await turn.SayAsync(s.InvalidHours, ct).ConfigureAwait(false);
                break;
            case SignUpStep.Note:
                var skip = command == "skip" || string.IsNullOrWhiteSpace(input) || SkipWords.Contains(typed)
                    || string.Equals(typed, Normalize(s.SkipWords), StringComparison.Ordinal);
                var note = skip ? null : TextCut.Cut(input!.Trim(), 500);
                var next = session with { Step = SignUpStep.Confirm, Note = note };
                await sessions.SaveAsync(next, ct).ConfigureAwait(false);
                var chosen = model.Roles.First(r => r.Number == next.RoleNumber);
                await turn.SendCardAsync(SignUpCards.Confirm(language, model.Number, model.Title, chosen.Name, (int)next.HoursPerWeek!.Value, note, chosen.SeatsLeft == 0), ct)
                    .ConfigureAwait(false);
                break;
            case SignUpStep.Confirm when command == "yes" || YesWords.Contains(typed):
                await ConfirmAsync(turn, session, language, model, ct).ConfigureAwait(false);
                break;
            default:
                await turn.SayAsync(s.InvalidConfirm, ct).ConfigureAwait(false);
                break;
        }
    }

    private async Task ConfirmAsync(TurnContext turn, SignUpSession session, Language language, ProjectCardModel model, CancellationToken ct)
    {
        var text = UiText.For(language);
        var outcome = await signUps.ConfirmAsync(model.Number, (int)session.RoleNumber!.Value, turn.Person()!, (int)session.HoursPerWeek!.Value, session.Note, ct)
            .ConfigureAwait(false);
        await sessions.DeleteAsync(session.UserAad, ct).ConfigureAwait(false);
        var message = outcome.Result switch
        {
            SignUpResult.Confirmed => F(text.SignUps.Confirmed, Markdown.Escape(outcome.RoleName), Markdown.Escape(model.Title)),
            SignUpResult.Waitlisted => F(text.SignUps.Waitlisted, Markdown.Escape(outcome.RoleName), outcome.Position, Markdown.Escape(model.Title)),
            SignUpResult.AlreadySignedUp => F(text.SignUps.AlreadySignedUp, Markdown.Escape(model.Title), await StandingAsync(text, model, outcome.Existing!, ct).ConfigureAwait(false)),
            SignUpResult.NotRecruiting => F(text.Projects.NotRecruiting, model.Number, Markdown.Escape(model.Title), text.Projects.StatusReason(outcome.Status ?? model.Status)),
            _ => text.Projects.UnknownProject,
        };
        await turn.SayAsync(message, ct).ConfigureAwait(false);
    }

    private async Task<string> StandingAsync(UiText text, ProjectCardModel model, SignUp signUp, CancellationToken ct)
    {
        var role = Markdown.Escape(model.Roles.FirstOrDefault(r => r.Number == signUp.RoleNumber)?.Name ?? "?");
        return signUp.Status switch
        {
            SignUpStatus.Confirmed => F(text.SignUps.StandingConfirmed, role),
            SignUpStatus.Waitlisted => F(text.SignUps.StandingWaitlisted, role, await signUps.PositionAsync(signUp, ct).ConfigureAwait(false)),
            _ => F(text.SignUps.StandingOffered, role),
        };
    }

    private static readonly HashSet<string> CancelWords = ["cancel", "stop", "quit", "キャンセル", "やめる", "やめます", "中止"];
    private static readonly HashSet<string> NoWords = ["no", "n", "いいえ", "いや"];
    private static readonly HashSet<string> YesWords = ["yes", "y", "ok", "okay", "confirm", "はい", "確定", "お願いします", "ok!"];
    private static readonly HashSet<string> SkipWords = ["skip", "-", "none", "no", "スキップ", "なし", "無し", "特になし"];

    /// <summary>Lower-case, trimmed, full-width digits and letters folded (Japanese keyboards type ２).</summary>
    private static string Normalize(string? text) =>
        (text ?? string.Empty).Normalize(System.Text.NormalizationForm.FormKC).Trim().TrimEnd('。', '.', '!', '！').ToLowerInvariant();

    private static long? FirstNumber(string text) =>
        DigitsPattern().Match(text) is { Success: true } m && long.TryParse(m.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    [GeneratedRegex(@"\d+", RegexOptions.None, 200)]
    private static partial Regex DigitsPattern();

    [GeneratedRegex(@"^(sign ?up|join|参加|応募)\s*#?(?<n>\d+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex SignUpPattern();

    [GeneratedRegex(@"^(my projects|my sign ?ups|参加中|マイプロジェクト)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex MyProjectsPattern();

    [GeneratedRegex(@"^(withdraw|辞退)\s*#?(?<n>\d+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex WithdrawPattern();
}
