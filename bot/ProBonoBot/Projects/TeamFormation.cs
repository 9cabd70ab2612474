using System.Text.Json;
using ProBonoBot.Cards;
using ProBonoBot.Cards.Json;
using ProBonoBot.Cards.Projects;
using ProBonoBot.Cards.Wording;
using ProBonoBot.Outbox;
using ProBonoBot.People;
using ProBonoBot.Protocol.Activities;
using ProBonoBot.SignUps;
using static ProBonoBot.Hosting.TurnExtensions;

namespace ProBonoBot.Projects;

/// <summary>
/// Confirming a project's team — one set of rules for the chat (<see cref="TeamRoutes"/>) and the dashboard tab: only a
/// recruiting project, empty seats are reported first so the caller can ask, the status moves by a conditional update
/// (a second confirmation changes nothing), and the members, the waitlist and the project's channels are told through
/// the outbox.
/// </summary>
public sealed class TeamFormation(ProjectStore projects, SignUpStore signUps, OutboxStore outbox, LanguageResolver languages)
{
    /// <summary>The roles with seats still free (the caller asks before confirming a team with empty seats).</summary>
    public async Task<IReadOnlyList<EmptySeatModel>> EmptySeatsAsync(Project project, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(project);
        var counts = await projects.CountsAsync(project.Number, ct).ConfigureAwait(false);
        return [.. project.Roles.Select(r => new EmptySeatModel(r.Name, counts.GetValueOrDefault(r.Number).Taken, r.Seats)).Where(e => e.Taken < e.Seats)];
    }

    /// <summary>
    /// Moves a recruiting project to TeamFormed and queues the notices. False when the project was not recruiting (any
    /// more): nothing changed and nothing was sent. <paramref name="extra"/> are queued with the notices (e.g. the
    /// leader's own confirmation when the action came from the tab).
    /// </summary>
    public async Task<bool> FormAsync(Project project, string leaderName, IEnumerable<OutboxItem>? extra, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(project);
        if (!await projects.SetStatusAsync(project.Number, [ProjectStatus.Recruiting], ProjectStatus.TeamFormed, ct).ConfigureAwait(false))
        {
            return false;
        }

        var live = await signUps.LiveForProjectAsync(project.Number, ct).ConfigureAwait(false);
        var members = live.Where(s => s.Status == SignUpStatus.Confirmed).ToList();
        var messages = new List<OutboxItem>();
        foreach (var s in live)
        {
            var personLanguage = await languages.ForPersonAsync(s.UserAad, project.CardLanguage, ct).ConfigureAwait(false);
            var text = UiText.For(personLanguage).Projects;
            var body = s.Status == SignUpStatus.Confirmed
                ? F(text.TeamNotice, Markdown.Escape(project.Title), Names(personLanguage, members), Markdown.Escape(leaderName))
                : F(text.WaitlistClosed, Markdown.Escape(project.Title));
            messages.Add(SignUpNotices.ToPerson(SignUpNotices.Text(body), s.UserAad, s.UserTeamsId, null, null, null));
        }

        foreach (var channel in (await projects.PostedCardsAsync(project.Number, ct).ConfigureAwait(false)).DistinctBy(p => p.ConversationId))
        {
            messages.Add(new OutboxItem(TeamIntroduction(project, members, leaderName), ConversationId: channel.ConversationId, ServiceUrl: channel.ServiceUrl));
        }

        messages.AddRange(extra ?? []);
        await outbox.EnqueueAsync(messages, ct).ConfigureAwait(false);
        return true;
    }

    /// <summary>The channel post introducing the team, with real @mentions of the members.</summary>
    private static string TeamIntroduction(Project project, IReadOnlyList<SignUp> members, string leaderName)
    {
        var mentions = members.Where(m => m.UserTeamsId is not null).Select(m => (Text: Markdown.Mention(m.UserName ?? m.UserAad), Member: m)).ToList();
        // In the project's language; a bilingual project's introduction is one paragraph per language, Japanese first.
        // Each mention entity stands for one <at> tag, so only the first paragraph @mentions; the next names them.
        var text = string.Join("\n\n", project.ChannelLanguages.Select((l, i) =>
            F(UiText.For(l).Projects.TeamThread, Markdown.Escape(project.Title),
                i == 0 && mentions.Count > 0 ? Plurals.List(l, mentions.Select(m => m.Text)) : Names(l, members), Markdown.Escape(leaderName))));
        return JsonSerializer.Serialize(new Activity
        {
            Type = ActivityTypes.Message,
            Text = text,
            Entities = [.. mentions.Select(m => new Entity
            {
                Type = "mention",
                Extra = new Dictionary<string, JsonElement>
                {
                    ["text"] = JsonSerializer.SerializeToElement(m.Text, ProtocolJsonContext.Default.String),
                    ["mentioned"] = JsonSerializer.SerializeToElement(
                        new System.Text.Json.Nodes.JsonObject { ["id"] = m.Member.UserTeamsId, ["name"] = m.Member.UserName }, ProtocolJsonContext.Default.JsonObject),
                },
            })],
        }, ProtocolJsonContext.Default.Activity);
    }

    internal static string Names(Language language, IEnumerable<SignUp> members) => Plurals.List(language, members.Select(m => Markdown.Escape(m.UserName ?? m.UserAad)));
}
