using System.Text.Json.Nodes;
using ProBonoBot.Cards.Json;

namespace ProBonoBot.Cards.Projects;

/// <summary>Pieces shared by the project cards: facts, roles, places.</summary>
internal static class ProjectFacts
{
    public static string F(string format, params object?[] args) => ProBonoBot.Cards.Wording.Plurals.Format(format, args);

    /// <summary>"On site: Kyoto"; with no place given, only the way of working (never "On site: -").</summary>
    public static string Place(ProjectTexts t, ProjectCardModel p) => (p.Mode, string.IsNullOrWhiteSpace(p.Place)) switch
    {
        (WorkMode.Onsite, false) => F(t.PlaceOnsite, Markdown.Escape(p.Place!.Trim())),
        (WorkMode.Hybrid, false) => F(t.PlaceHybrid, Markdown.Escape(p.Place!.Trim())),
        (WorkMode.Onsite, true) => t.ModeOnsite,
        (WorkMode.Hybrid, true) => t.ModeHybrid,
        _ => t.PlaceRemote,
    };

    /// <summary>Seats still open, in words: "1 seat left of 2", 「残り1席（定員2）」, or full with the waitlist.</summary>
    public static string Seats(ProjectTexts t, RoleCardModel role) =>
        role.SeatsLeft > 0 ? F(t.RoleSeatsLeft, role.SeatsLeft, role.Seats) : F(t.RoleFull, role.Waitlisted);

    public static string Period(ProjectTexts t, ProjectCardModel p) =>
        p.Start is null && p.End is null ? t.PeriodUndecided : $"{Markdown.Escape(p.Start ?? "?")} – {Markdown.Escape(p.End ?? "?")}";

    public static string LanguageName(ProjectTexts t, string code) => code switch
    {
        "en" => t.LanguageEn,
        "both" => t.LanguageBoth,
        _ => t.LanguageJa,
    };

    public static JsonObject Facts(ProjectTexts t, ProjectCardModel p, bool withStatus)
    {
        var facts = new List<(string, string)>
        {
            (t.FactPartner, Markdown.Escape(p.Partner)),
            (t.FactCommitment, F(t.CommitmentValue, p.HoursPerWeek)),
            (t.FactPeriod, Period(t, p)),
            (t.FactPlace, Place(t, p)),
            (t.FactLanguage, LanguageName(t, p.Language)),
        };
        if (!string.IsNullOrWhiteSpace(p.LeaderName))
        {
            facts.Add((t.FactLeader, Markdown.Escape(p.LeaderName)));
        }

        if (withStatus)
        {
            facts.Add((t.FactStatus, t.StatusName(p.Status)));
        }

        return Card.Facts(facts);
    }

    public static IEnumerable<JsonNode> Roles(ProjectTexts t, ProjectCardModel p)
    {
        yield return Card.Heading(t.RolesHeading);
        foreach (var role in p.Roles)
        {
            var skills = string.IsNullOrWhiteSpace(role.Skills) ? string.Empty : " — " + Markdown.Escape(role.Skills);
            var seats = Seats(t, role);
            yield return Card.Text($"**{role.Number}. {Markdown.Escape(role.Name)}**{skills}");
            yield return Card.Text(seats, subtle: role.SeatsLeft > 0, color: role.SeatsLeft > 0 ? null : "Warning");
        }
    }

    public static JsonObject Details(ProjectTexts t, ProjectCardModel p)
    {
        var body = new List<JsonNode>();
        if (!string.IsNullOrWhiteSpace(p.Objective))
        {
            body.Add(Card.Text(t.FactObjective, weight: "Bolder"));
            body.Add(Card.Text(Markdown.Escape(p.Objective)));
        }

        if (!string.IsNullOrWhiteSpace(p.Deliverables))
        {
            body.Add(Card.Text(t.FactDeliverables, weight: "Bolder"));
            body.Add(Card.Text(Markdown.Escape(p.Deliverables)));
        }

        if (body.Count == 0 || SummaryText.Preview(p.Summary) != p.Summary)
        {
            // The card shows a shortened summary: the whole of it is here, first.
            body.Insert(0, Card.Text(Markdown.Escape(p.Summary)));
        }

        return Card.Inner(body);
    }

    public static JsonObject ProjectData(long number) => new() { ["project"] = number };
}
