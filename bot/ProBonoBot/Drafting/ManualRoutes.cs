using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ProBonoBot.Cards;
using ProBonoBot.Cards.Drafting;
using ProBonoBot.Hosting;
using ProBonoBot.People;
using ProBonoBot.Projects;
using ProBonoBot.Protocol.Routing;
using static ProBonoBot.Hosting.TurnExtensions;

namespace ProBonoBot.Drafting;

/// <summary>
/// <c>manual</c> / <c>マニュアル</c> [number] → pick the project and the kind → a drafted manual card with a
/// download link; <i>Ask for a revision</i> drafts the next version. Only the project's confirmed members and leaders;
/// a draft the person may not see answers exactly as a number that does not exist.
/// </summary>
public sealed partial class ManualRoutes(
    ProjectVisibility visibility,
    ProjectAccess access,
    DraftingStore store,
    DraftingQueue queue,
    LanguageResolver languages) : IRouteModule
{
    public void Register(Router router)
    {
        ArgumentNullException.ThrowIfNull(router);
        router.OnMessage("manual", ManualPattern(), ChooseAsync);
        router.OnCardAction(DraftingVerbs.CreateManual, CreateAsync);
        router.OnCardAction(DraftingVerbs.ReviseManual, ReviseAsync);
    }

    private async Task ChooseAsync(TurnContext turn, CancellationToken ct)
    {
        var language = await languages.ResolveAsync(turn, ct).ConfigureAwait(false);
        var t = UiText.For(language).Drafting;
        var person = turn.Person();
        if (person is null)
        {
            return;
        }

        if (turn.MatchedNumber() is { } number)
        {
            var project = await visibility.GetAsync(number, person.Aad, ct).ConfigureAwait(false);
            if (project is null || !await access.CanUseManualsAsync(project, person.Aad, ct).ConfigureAwait(false))
            {
                await turn.SayAsync(project is null ? UiText.For(language).Projects.UnknownProject : F(t.ManualNotMember, number), ct).ConfigureAwait(false);
                return;
            }

            await turn.SendCardAsync(ManualCards.Choose(language, [new ManualProjectChoice(project.Number, project.Title)]), ct).ConfigureAwait(false);
            return;
        }

        var mine = await access.ProjectsOfAsync(person.Aad, ct).ConfigureAwait(false);
        if (mine.Count == 0)
        {
            await turn.SayAsync(t.ManualNoProjects, ct).ConfigureAwait(false);
            return;
        }

        await turn.SendCardAsync(ManualCards.Choose(language, mine), ct).ConfigureAwait(false);
    }

    private async Task<CardActionResult> CreateAsync(TurnContext turn, CancellationToken ct)
    {
        var language = await languages.ResolveAsync(turn, ct).ConfigureAwait(false);
        if (turn.DataNumber("project") is null)
        {
            // "Draft it" pressed before a project was picked: say what to pick, not that a project is missing.
            return CardActionResult.Say(UiText.For(language).Drafting.ManualChooseProject);
        }

        var (project, refusal) = await ProjectForAsync(turn, turn.DataNumber("project"), language, ct).ConfigureAwait(false);
        if (project is null)
        {
            return refusal!;
        }

        var kind = Enum.TryParse<ManualKind>(turn.DataString("kind"), ignoreCase: true, out var k) && Enum.IsDefined(k) ? k : ManualKind.Operational;
        var payload = new JsonObject { ["kind"] = kind.ToString().ToLowerInvariant(), ["instruction"] = turn.DataText("instruction", BriefCard.MaxInstruction) }.ToJsonString();
        await queue.EnqueueAsync(turn, JobKinds.Manual, project.Number, payload, language, ct).ConfigureAwait(false);
        return CardActionResult.Done;
    }

    private async Task<CardActionResult> ReviseAsync(TurnContext turn, CancellationToken ct)
    {
        var language = await languages.ResolveAsync(turn, ct).ConfigureAwait(false);
        var t = UiText.For(language).Drafting;
        var manual = turn.DataNumber("manual") is { } id ? await store.ManualAsync(id, ct).ConfigureAwait(false) : null;
        if (manual is null)
        {
            return CardActionResult.Say(t.UnknownManual);
        }

        var (project, refusal) = await ProjectForAsync(turn, manual.ProjectNumber, language, ct).ConfigureAwait(false);
        if (project is null)
        {
            return refusal!;
        }

        if (turn.DataText("instruction", BriefCard.MaxInstruction) is not { } instruction)
        {
            return CardActionResult.Say(t.InstructionRequired);
        }

        var payload = new JsonObject { ["kind"] = manual.Kind, ["instruction"] = instruction, ["previous"] = manual.Id }.ToJsonString();
        await queue.EnqueueAsync(turn, JobKinds.Manual, project.Number, payload, language, ct).ConfigureAwait(false);
        return CardActionResult.Done;
    }

    private async Task<(Project? Project, CardActionResult? Refusal)> ProjectForAsync(TurnContext turn, long? number, Language language, CancellationToken ct)
    {
        var project = await visibility.GetAsync(number, turn.Person()?.Aad, ct).ConfigureAwait(false);
        if (project is null)
        {
            return (null, CardActionResult.Say(UiText.For(language).Projects.UnknownProject));
        }

        return await access.CanUseManualsAsync(project, turn.Person()?.Aad ?? string.Empty, ct).ConfigureAwait(false)
            ? (project, null)
            : (null, CardActionResult.Say(F(UiText.For(language).Drafting.ManualNotMember, project.Number)));
    }

    [GeneratedRegex(@"^(manual|manuals|guide|マニュアル|手順書|ガイド)(\s*#?(?<n>[0-9０-９]+))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex ManualPattern();
}
