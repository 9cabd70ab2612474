using ProBonoBot.Cards;
using ProBonoBot.Cards.Impact;
using ProBonoBot.Cards.Json;
using ProBonoBot.Cards.Projects;
using ProBonoBot.Hosting;
using ProBonoBot.Outbox;
using ProBonoBot.People;
using ProBonoBot.Privacy;
using ProBonoBot.Profiles;
using ProBonoBot.Projects;
using ProBonoBot.Protocol.Routing;
using ProBonoBot.SignUps;
using static ProBonoBot.Hosting.TurnExtensions;

namespace ProBonoBot.Impact;

/// <summary>
/// Closing a project: the close form (typed <c>close N</c> or the Completed status button) and its Save. Only the project's
/// leader or a club leader may close; the members and skills on the form are checked against the project again on Save.
/// </summary>
public sealed class ProjectClosing(
    ProjectStore projects,
    SignUpStore signUps,
    LeaderDirectory leaders,
    ImpactStore store,
    PersonalChat personal,
    LanguageResolver languages,
    ProfileStore profiles)
{
    /// <summary>Sends the close form to the person's 1:1 chat, or says why the project cannot be closed by them or now.</summary>
    public async Task ShowFormAsync(TurnContext turn, long? number, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var language = await languages.ResolveAsync(turn, ct);
        var project = number is { } n ? await projects.GetAsync(n, ct) : null;
        if (await RefusalAsync(turn, project, language, ct) is { } refusal)
        {
            await personal.SayAsync(turn, refusal, language, ct);
            return;
        }

        var members = await MembersAsync(project!.Number, ct);
        var skills = SkillLexicon.All.Select(s => (s.Name(language), s.Id)).ToList();
        var model = new CloseFormModel(project.Number, project.Title, [.. members.Select(m => new CloseMemberModel(m.UserAad, m.UserName ?? m.UserAad))], skills);
        var card = CloseCard.Build(language, model);
        if (System.Text.Encoding.UTF8.GetByteCount(card.ToJsonString()) > CloseCard.MaxBytes)
        {
            // A big team: the whole lexicon per member would exceed Teams' card size, so each member is offered the skills of
            // their role and their profile (anything else goes in the free-text box).
            var narrowed = new List<CloseMemberModel>();
            foreach (var m in members)
            {
                var role = project.Role((int)m.RoleNumber);
                var ids = SkillLexicon.In($"{role?.Name} {role?.Skills}").Concat((await profiles.GetAsync(m.UserAad, ct))?.Skills ?? []).ToHashSet(StringComparer.Ordinal);
                narrowed.Add(new CloseMemberModel(m.UserAad, m.UserName ?? m.UserAad, [.. skills.Where(s => ids.Contains(s.Id))]));
            }

            card = CloseCard.Build(language, model with { Members = narrowed });
        }

        await personal.SendCardAsync(turn, card, language, ct);
    }

    /// <summary>The Save of the close form.</summary>
    public async Task<CardActionResult> SaveAsync(TurnContext turn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var language = await languages.ResolveAsync(turn, ct);
        var t = UiText.For(language).Impact;
        var project = turn.DataNumber("project") is { } n ? await projects.GetAsync(n, ct) : null;
        if (await RefusalAsync(turn, project, language, ct) is { } refusal)
        {
            return CardActionResult.Say(refusal);
        }

        var members = await MembersAsync(project!.Number, ct);
        var (outcome, skills) = CloseForm.Read(turn, members.Select(m => m.UserAad).ToHashSet(StringComparer.Ordinal));
        if (skills is null)
        {
            return CardActionResult.Say(F(t.CloseTampered, project.Number));
        }

        if (outcome is null)
        {
            return CardActionResult.Say(t.CloseOutputMissing);
        }

        var thanks = await ThanksAsync(project, members, skills, outcome, ct);
        var names = members.ToDictionary(m => m.UserAad, m => m.UserName, StringComparer.Ordinal);
        return await store.CloseAsync(project.Number, outcome, skills, names, thanks, turn.Person()!.Aad, ct) switch
        {
            CloseResult.Closed => CardActionResult.Say(F(t.Closed, project.Number, Markdown.Escape(project.Title), members.Count)),
            CloseResult.AlreadyClosed => CardActionResult.Say(F(t.CloseAlreadyClosed, project.Number)),
            _ => CardActionResult.Say(await WrongStatusAsync(project.Number, language, ct)),
        };
    }

    /// <summary>Why this person cannot close this project now; null when they can.</summary>
    private async Task<string?> RefusalAsync(TurnContext turn, Project? project, Language language, CancellationToken ct)
    {
        var text = UiText.For(language);
        if (project is null)
        {
            return text.Projects.UnknownProject;
        }

        var aad = turn.Person()?.Aad;
        if (aad is null || (!string.Equals(project.LeaderAad, aad, StringComparison.OrdinalIgnoreCase) && !await leaders.IsLeaderAsync(aad, ct)))
        {
            return F(text.Impact.CloseNotAllowed, project.Number);
        }

        return project.Status switch
        {
            ProjectStatus.Completed => F(text.Impact.CloseAlreadyClosed, project.Number),
            ProjectStatus.TeamFormed or ProjectStatus.InProgress => null,
            _ => await WrongStatusAsync(project.Number, language, ct),
        };
    }

    private async Task<string> WrongStatusAsync(long number, Language language, CancellationToken ct)
    {
        var text = UiText.For(language);
        var now = await projects.GetAsync(number, ct);
        return F(text.Impact.CloseWrongStatus, number, now is null ? text.Projects.UnknownProject : text.Projects.StatusSentence(now.Status, number));
    }

    private async Task<List<SignUp>> MembersAsync(long project, CancellationToken ct) =>
        [.. (await signUps.LiveForProjectAsync(project, ct)).Where(s => s.Status == SignUpStatus.Confirmed)];

    /// <summary>One thank-you card per confirmed member, in their language, for the outbox.</summary>
    private async Task<List<OutboxItem>> ThanksAsync(Project project, List<SignUp> members, IReadOnlyList<MemberSkills> skills, Outcome outcome, CancellationToken ct)
    {
        var hours = await store.HoursByMemberAsync(project.Number, ct);
        var items = new List<OutboxItem>();
        foreach (var m in members)
        {
            var language = await languages.ForPersonAsync(m.UserAad, project.CardLanguage, ct);
            var mine = skills.FirstOrDefault(s => s.Aad == m.UserAad);
            var names = mine is null ? [] : mine.Ids.Select(id => SkillLexicon.Find(id)!.Name(language)).Concat(mine.Other).ToList();
            var (approved, waiting) = hours.GetValueOrDefault(m.UserAad);
            var card = ThanksCard.Build(language, new ThanksModel(project.Number, project.Title, approved, waiting, names,
                outcome.Result ?? outcome.Output, SkillsAddedToProfile: mine?.Ids.Count > 0));
            items.Add(SignUpNotices.ToPerson(SignUpNotices.CardActivity(card), m.UserAad, m.UserTeamsId, null, null, null));
        }

        return items;
    }
}
