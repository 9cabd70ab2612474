using System.Text.RegularExpressions;
using ProBonoBot.Cards;
using ProBonoBot.Cards.Json;
using ProBonoBot.Cards.Profiles;
using ProBonoBot.Cards.Projects;
using ProBonoBot.Hosting;
using ProBonoBot.People;
using ProBonoBot.Privacy;
using ProBonoBot.Projects;
using ProBonoBot.Protocol.Routing;
using ProBonoBot.SignUps;
using static ProBonoBot.Hosting.TurnExtensions;

namespace ProBonoBot.Profiles;

/// <summary>
/// <c>profile</c> / <c>プロフィール</c> (the card with the current values; Save, Skip), <c>recommend</c> / <c>おすすめ</c>
/// (open projects that fit, with why), and the leader's Invite button on the applicants card (once per project and
/// person, through the outbox). A profile is one person's own: it is shown in their 1:1 chat only.
/// </summary>
public sealed partial class ProfileRoutes(
    ProfileStore profiles,
    ProfileFit fit,
    ProjectStore projects,
    SignUpStore signUps,
    ApplicantsView applicants,
    LeaderGate gate,
    PersonalChat personal,
    LanguageResolver languages) : IRouteModule
{
    /// <summary>At most this many projects in one recommendation card.</summary>
    public const int MaxRecommendations = 10;

    public void Register(Router router)
    {
        ArgumentNullException.ThrowIfNull(router);
        router.OnMessage("profile", ProfilePattern(), (turn, ct) => ShowAsync(turn, null, ct));
        router.OnMessage("recommend", RecommendPattern(), RecommendAsync);
        router.OnCardAction(ProfileVerbs.Show, async (turn, ct) => { await ShowAsync(turn, null, ct); return CardActionResult.Done; });
        router.OnCardAction(ProfileVerbs.Save, SaveAsync);
        router.OnCardAction(ProfileVerbs.Skip, SkipAsync);
        router.OnCardAction(ProfileVerbs.Invite, InviteAsync);
    }

    private async Task ShowAsync(TurnContext turn, string? notice, CancellationToken ct)
    {
        var language = await languages.ResolveAsync(turn, ct);
        var current = turn.Person() is { } person ? await profiles.GetAsync(person.Aad, ct) : null;
        var card = ProfileCards.Form(language, ProfileChoices.For(language), current?.ToValues() ?? ProfileValues.Empty, notice);
        await personal.SendCardAsync(turn, card, language, ct);
    }

    private async Task<CardActionResult> SaveAsync(TurnContext turn, CancellationToken ct)
    {
        var language = await languages.ResolveAsync(turn, ct);
        var t = UiText.For(language).Profiles;
        if (turn.Person() is not { } person)
        {
            return CardActionResult.Say(UiText.For(language).UnknownAction);
        }

        var current = await profiles.GetAsync(person.Aad, ct);
        var (profile, errors) = ProfileForm.Read(turn.CardAction!.Data, current, person.Aad, person.Name, language);
        if (profile is null)
        {
            return CardActionResult.Say(t.ErrorsIntro + "\n\n" + string.Join("\n", errors.Select(e => "- " + e)));
        }

        await profiles.SaveAsync(profile, ct);
        return CardActionResult.Say(t.Saved);
    }

    private async Task<CardActionResult> SkipAsync(TurnContext turn, CancellationToken ct)
    {
        var language = await languages.ResolveAsync(turn, ct);
        if (turn.Person() is { } person)
        {
            await profiles.SkipAsync(person.Aad, person.Name, ct);
        }

        return CardActionResult.Say(UiText.For(language).Profiles.Skipped);
    }

    private async Task RecommendAsync(TurnContext turn, CancellationToken ct)
    {
        var language = await languages.ResolveAsync(turn, ct);
        var t = UiText.For(language).Profiles;
        var person = turn.Person();
        var profile = person is null ? null : await profiles.GetAsync(person.Aad, ct);
        if (person is null || profile is null)
        {
            await ShowAsync(turn, t.NoProfile, ct);
            return;
        }

        var mine = (await signUps.LiveForUserAsync(person.Aad, ct)).Select(s => s.SignUp.ProjectNumber).ToHashSet();
        var ranked = new List<(double Score, RecommendationModel Item)>();
        foreach (var project in await projects.ListAsync(ProjectStatus.Recruiting, ct))
        {
            if (mine.Contains(project.Number) || string.Equals(project.LeaderAad, person.Aad, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (ProfileScorer.Score(profile, await fit.NeedsAsync(project, ct)) is { } f)
            {
                var model = project.ToCard(await projects.CountsAsync(project.Number, ct));
                ranked.Add((f.Score, new RecommendationModel(model, FitReasons.Describe(f, language, forLeader: false))));
            }
        }

        if (ranked.Count == 0)
        {
            await personal.SayAsync(turn, t.NothingFits, language, ct);
            return;
        }

        var items = ranked.OrderByDescending(r => r.Score).ThenBy(r => r.Item.Project.Number).Take(MaxRecommendations).Select(r => r.Item).ToList();
        await personal.SendCardAsync(turn, ProfileCards.Recommendations(language, items), language, ct);
    }

    /// <summary>
    /// A leader invites one member who fits: the card's person id is only a choice among the people who fit now (card data
    /// can be edited), the invitation goes out once per project and person, and the card turns the button into "Invited".
    /// </summary>
    private async Task<CardActionResult> InviteAsync(TurnContext turn, CancellationToken ct)
    {
        var (language, isLeader) = await gate.CheckAsync(turn, ct);
        if (!isLeader)
        {
            return CardActionResult.Done;
        }

        var text = UiText.For(language);
        var t = text.Profiles;
        var aad = turn.DataString("person");
        var project = turn.DataNumber("project") is { } n ? await projects.GetAsync(n, ct) : null;
        if (project is null || string.IsNullOrWhiteSpace(aad))
        {
            return CardActionResult.Say(text.Projects.UnknownProject);
        }

        if (project.Status != ProjectStatus.Recruiting)
        {
            return CardActionResult.Say(F(text.Projects.NotRecruiting, project.Number, Markdown.Escape(project.Title), text.Projects.StatusReason(project.Status)));
        }

        string notice;
        if ((await profiles.InvitedAsync(project.Number, ct)).Contains(aad))
        {
            var name = (await profiles.GetAsync(aad, ct))?.Name ?? aad;
            notice = F(t.AlreadyInvited, name, project.Number);
        }
        else if ((await fit.RankAsync(project, ct)).FirstOrDefault(p => p.Profile.Aad == aad) is not { } person)
        {
            return CardActionResult.Say(F(t.InviteNotFit, project.Number));
        }
        else
        {
            var theirs = await languages.ForPersonAsync(aad, project.CardLanguage, ct);
            var model = project.ToCard(await projects.CountsAsync(project.Number, ct));
            var card = ProfileCards.Invitation(theirs, model, turn.Activity.From?.Name, FitReasons.Describe(person.Fit, theirs, forLeader: false));
            var name = person.Profile.Name ?? aad;
            notice = await profiles.InviteAsync(project.Number, aad, turn.Person()!.Aad, SignUpNotices.CardActivity(card), ct) switch
            {
                InviteResult.Sent => F(t.InviteSent, name),
                InviteResult.AlreadyInvited => F(t.AlreadyInvited, name, project.Number),
                _ => F(t.InviteUnreachable, name),
            };
        }

        return await applicants.CardAsync(language, project.Number, notice, ct) is { } updated
            ? CardActionResult.ReplaceCard(updated)
            : CardActionResult.Say(Markdown.Escape(notice));
    }

    [GeneratedRegex(@"^(profile|my profile|プロフィール)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex ProfilePattern();

    [GeneratedRegex(@"^(recommend|recommendations|おすすめ)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex RecommendPattern();
}
