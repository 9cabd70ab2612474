using System.Text.RegularExpressions;
using ProBonoBot.Cards;
using ProBonoBot.Cards.Commands;
using ProBonoBot.Cards.Projects;
using ProBonoBot.Hosting;
using ProBonoBot.People;
using ProBonoBot.Privacy;
using ProBonoBot.Projects;
using ProBonoBot.Protocol.Activities;
using ProBonoBot.Protocol.Routing;
using ProBonoBot.SignUps;

namespace ProBonoBot.Commands;

/// <summary>
/// Installs <see cref="CommandText"/> as the router's normaliser, answers a command typed without its number with the
/// projects to pick from (as buttons that type the full command), and answers what no route or flow took: greetings,
/// thanks, a 👍, the closest command as a button, else "did not understand".
/// </summary>
public sealed partial class CommandRoutes(
    ProjectStore projects,
    SignUpStore signUps,
    ProjectVisibility visibility,
    LeaderGate gate,
    PersonalChat personal,
    LanguageResolver languages) : IRouteModule
{
    public void Register(Router router)
    {
        ArgumentNullException.ThrowIfNull(router);
        router.UseCommandText(CommandText.Normalize);
        router.OnMessage("pick-project", MissingNumberPattern(), PickAsync);
        router.OnUnrecognizedMessage(NotUnderstoodAsync);
    }

    private async Task PickAsync(TurnContext turn, CancellationToken ct)
    {
        var command = turn.Match!.Groups["c"].Value.ToLowerInvariant().Replace("signup", "sign up", StringComparison.Ordinal);
        if (command is "sign up" or "withdraw" or "plan")
        {
            var language = await languages.ResolveAsync(turn, ct);
            var card = command switch
            {
                "sign up" => await SignUpChoicesAsync(language, ct),
                "withdraw" => await WithdrawChoicesAsync(turn, language, ct),
                _ => await PlanChoicesAsync(turn, language, ct),
            };
            await SendAsync(turn, card, ct);
            return;
        }

        var (lang, isLeader) = await gate.CheckAsync(turn, ct);
        if (!isLeader)
        {
            return;
        }

        var t = UiText.For(lang).Commands;
        var (question, none, statuses) = command switch
        {
            "publish" => (t.PickPublish, t.NoneToPublish, new[] { ProjectStatus.Draft, ProjectStatus.Recruiting }),
            "edit" => (t.PickEdit, t.NoneToEdit, [ProjectStatus.Draft]),
            "applicants" => (t.PickApplicants, t.NoneRecruiting, [ProjectStatus.Recruiting]),
            "close" => (t.PickClose, t.NoneToClose, [ProjectStatus.TeamFormed, ProjectStatus.InProgress]),
            _ => (t.PickBroadcast, t.NoneRecruiting, [ProjectStatus.Recruiting]),
        };
        var list = new List<ProjectChoice>();
        foreach (var status in statuses)
        {
            list.AddRange((await projects.ListAsync(status, ct)).Select(p => new ProjectChoice(p.Number, p.Title)));
        }

        var typed = CommandWords.All.First(c => c.Canonical == command);
        // Leaders' lists go to their 1:1 chat, as every leader command's answer does.
        if (list.Count == 0)
        {
            await personal.SayAsync(turn, none, lang, ct);
        }
        else
        {
            await personal.SendCardAsync(turn, CommandCards.Pick(lang, question, Typed(typed, lang), [.. list.OrderBy(p => p.Number)]), lang, ct);
        }
    }

    private async Task<Choices> SignUpChoicesAsync(Language language, CancellationToken ct)
    {
        var t = UiText.For(language).Commands;
        var open = await projects.ListAsync(ProjectStatus.Recruiting, ct);
        return open.Count == 0
            ? new Choices(t.NoneToSignUp, null)
            : new Choices(null, CommandCards.Pick(language, t.PickSignUp, Typed(CommandWords.All.First(c => c.Canonical == "sign up"), language), [.. open.Select(p => new ProjectChoice(p.Number, p.Title))]));
    }

    private async Task<Choices> WithdrawChoicesAsync(TurnContext turn, Language language, CancellationToken ct)
    {
        var t = UiText.For(language).Commands;
        var list = new List<ProjectChoice>();
        if (turn.Person() is { } person)
        {
            foreach (var (s, _) in await signUps.LiveForUserAsync(person.Aad, ct))
            {
                if (await visibility.GetAsync(s.ProjectNumber, person.Aad, ct) is { } p)
                {
                    list.Add(new ProjectChoice(p.Number, p.Title));
                }
            }
        }

        return list.Count == 0
            ? new Choices(t.NoneToWithdraw, null)
            : new Choices(null, CommandCards.Pick(language, t.PickWithdraw, Typed(CommandWords.All.First(c => c.Canonical == "withdraw"), language), list));
    }

    /// <summary>The projects whose plan the person may see: those they are confirmed on or lead while open.</summary>
    private async Task<Choices> PlanChoicesAsync(TurnContext turn, Language language, CancellationToken ct)
    {
        var t = UiText.For(language).Commands;
        var list = turn.Person() is { } person
            ? (await projects.ListOfMemberOrLeaderAsync(person.Aad, ct)).Select(p => new ProjectChoice(p.Number, p.Title)).ToList()
            : [];
        return list.Count == 0
            ? new Choices(t.NoneToPlan, null)
            : new Choices(null, CommandCards.Pick(language, t.PickPlan, Typed(CommandWords.All.First(c => c.Canonical == "plan"), language), list));
    }

    private static async Task SendAsync(TurnContext turn, Choices choices, CancellationToken ct)
    {
        if (choices.Card is { } card)
        {
            await turn.SendCardAsync(card, ct);
        }
        else
        {
            await turn.SayAsync(choices.Text!, ct);
        }
    }

    private static string Typed(CommandWord word, Language language) => language == Language.Japanese ? word.Japanese : word.English;

    /// <summary>What no route or flow took: small talk answered, a near miss suggested, else "did not understand".</summary>
    private async Task NotUnderstoodAsync(TurnContext turn, CancellationToken ct)
    {
        var language = await languages.ResolveAsync(turn, ct);
        var ui = UiText.For(language);
        var text = turn.CardAction is null ? turn.CommandText : string.Empty;
        switch (NearMiss.Classify(text))
        {
            case SmallTalk.Greeting:
                await turn.SendCardAsync(CommandCards.Greeting(language, FirstName(turn.Activity.From?.Name, language)), ct);
                return;
            case SmallTalk.Thanks:
                await turn.SayAsync(ui.Commands.Thanks, ct);
                return;
            case SmallTalk.Acknowledgement:
                await turn.SayAsync(ui.Commands.Acknowledged, ct);
                return;
        }

        if (NearMiss.Suggest(text) is { } suggestion)
        {
            await turn.SendCardAsync(CommandCards.DidYouMean(language, suggestion), ct);
            return;
        }

        await turn.SendAsync(new Activity { Text = ui.NotUnderstood }, ct);
    }

    /// <summary>"Haruka Sato" → Haruka; a Japanese name is used whole (with さん after it in the Japanese greeting).</summary>
    private static string? FirstName(string? name, Language language) =>
        string.IsNullOrWhiteSpace(name) ? null : language == Language.Japanese || Languages.LooksJapanese(name) ? name.Trim() : name.Trim().Split(' ')[0];

    private sealed record Choices(string? Text, System.Text.Json.Nodes.JsonObject? Card);

    [GeneratedRegex(@"^(?<c>sign ?up|withdraw|applicants|publish|broadcast|edit|close|plan)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex MissingNumberPattern();
}
