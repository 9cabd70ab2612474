using System.Text.RegularExpressions;
using ProBonoBot.Cards;
using ProBonoBot.Cards.Impact;
using ProBonoBot.Hosting;
using ProBonoBot.People;
using ProBonoBot.Privacy;
using ProBonoBot.Profiles;
using ProBonoBot.Projects;
using ProBonoBot.Protocol.Routing;

namespace ProBonoBot.Impact;

/// <summary>
/// <c>close N</c> / <c>終了 N</c> (the close form), its Save, <c>report</c> / <c>レポート</c> (club leaders: the club report of a
/// fiscal year, optionally leading with one quarter) and <c>my impact</c> / <c>私の活動</c> (every member, in 1:1).
/// </summary>
public sealed partial class ImpactRoutes(
    ProjectClosing closing,
    ReportService reports,
    ReportLinks links,
    ImpactStore store,
    ProfileStore profiles,
    LeaderGate gate,
    PersonalChat personal,
    LanguageResolver languages) : IRouteModule
{
    public void Register(Router router)
    {
        ArgumentNullException.ThrowIfNull(router);
        router.OnMessage("close", ClosePattern(), (turn, ct) => closing.ShowFormAsync(turn, turn.MatchedNumber(), ct));
        router.OnCardAction(ImpactVerbs.Close, closing.SaveAsync);
        router.OnMessage("report", ReportPattern(), ReportAsync);
        router.OnMessage("my impact", MyImpactPattern(), MyImpactAsync);
    }

    private async Task ReportAsync(TurnContext turn, CancellationToken ct)
    {
        var (language, isLeader) = await gate.CheckAsync(turn, ct);
        if (!isLeader)
        {
            return;
        }

        if (!TryParseReport(turn.Match!.Groups["arg"].Value, out var year, out var quarter))
        {
            await personal.SayAsync(turn, UiText.For(language).Impact.ReportUsage, language, ct);
            return;
        }

        var model = await reports.BuildAsync(year ?? reports.CurrentYear, ct);
        var (chart, csv) = await links.UrlsAsync(model.FiscalYear, turn.Person()!.Aad, language, ct);
        await personal.SendCardAsync(turn, ReportCard.Build(language, model, quarter, chart, csv), language, ct);
    }

    /// <summary>"" (this year), "2025", "FY2025", "2025年度", each optionally followed by "Q1"–"Q4" or 「第1四半期」; or a quarter alone.</summary>
    public static bool TryParseReport(string argument, out int? year, out int quarter)
    {
        var m = ReportArgument().Match(argument.Trim());
        year = m.Groups["fy"].Success ? int.Parse(m.Groups["fy"].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
        quarter = m.Groups["q"].Success ? m.Groups["q"].Value[0] - '0' : 0;
        return m.Success && year is null or (>= 2000 and <= 2100);
    }

    private async Task MyImpactAsync(TurnContext turn, CancellationToken ct)
    {
        var language = await languages.ResolveAsync(turn, ct);
        if (turn.Person() is not { } person)
        {
            return;
        }

        var projects = await store.ProjectsOfAsync(person.Aad, ct);
        var used = await store.SkillsUsedAsync(person.Aad, ct);
        var profile = await profiles.GetAsync(person.Aad, ct);
        var model = new MyImpactModel(
            [.. projects.Select(p => new ImpactProjectModel(p.Number, p.Title, p.Status, p.Approved, p.Waiting))],
            [.. used.Select(s => SkillLexicon.Find(s)?.Name(language) ?? s).Distinct(StringComparer.Ordinal)],
            profile is null ? [] : [.. profile.Skills.Select(s => SkillLexicon.Find(s)?.Name(language)).OfType<string>().Concat(profile.OtherSkills)]);
        await personal.SendCardAsync(turn, MyImpactCard.Build(language, model), language, ct);
    }

    [GeneratedRegex(@"^close\s*#?(?<n>\d+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex ClosePattern();

    [GeneratedRegex(@"^report(?:\s+(?<arg>.*))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex ReportPattern();

    [GeneratedRegex(@"^(?:(?:fy\s*)?(?<fy>\d{4})\s*(?:年度)?)?\s*(?:q(?<q>[1-4])|第(?<q>[1-4])四半期)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex ReportArgument();

    [GeneratedRegex(@"^my impact$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex MyImpactPattern();
}
