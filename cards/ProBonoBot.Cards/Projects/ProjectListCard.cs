using System.Text.Json.Nodes;
using ProBonoBot.Cards.Json;
using static ProBonoBot.Cards.Projects.ProjectFacts;

namespace ProBonoBot.Cards.Projects;

/// <summary>The projects recruiting now (and, for leaders, their drafts), each with its buttons.</summary>
public static class ProjectListCard
{
    public static JsonObject Build(Language language, IReadOnlyList<ProjectCardModel> recruiting, IReadOnlyList<ProjectCardModel> drafts)
    {
        var t = UiText.For(language).Projects;
        var body = new List<JsonNode> { Card.Title(t.ProjectsTitle) };
        if (recruiting.Count == 0)
        {
            body.Add(Card.Text(t.NoProjects, subtle: true));
        }

        foreach (var p in recruiting)
        {
            var seats = p.Roles.Sum(r => r.SeatsLeft);
            body.Add(Card.Container(
            [
                Card.Text($"**#{p.Number} {Markdown.Escape(p.Title)}**"),
                Card.Text($"{Markdown.Escape(p.Partner)} · {F(t.CommitmentValue, p.HoursPerWeek)} · {Place(t, p)}", subtle: true),
                Card.Text(string.Join(" / ", p.Roles.Select(r => $"{Markdown.Escape(r.Name)}: {Seats(t, r)}")), subtle: seats > 0),
                Card.Actions(
                [
                    Card.Execute(t.ButtonSignUp, ProjectVerbs.SignUp, ProjectData(p.Number)),
                    Card.ShowCard(t.ButtonDetails, Details(t, p)),
                ]),
            ], separator: true));
        }

        if (drafts.Count > 0)
        {
            body.Add(Card.Heading(t.DraftsHeading));
            foreach (var p in drafts)
            {
                body.Add(Card.Container(
                [
                    Card.Text($"**#{p.Number} {Markdown.Escape(p.Title)}** ({t.StatusName(p.Status)})"),
                    Card.Actions(
                    [
                        Card.Submit(t.ButtonEdit, ProjectVerbs.Edit, ProjectData(p.Number)),
                        Card.Submit(t.ButtonPublish, ProjectVerbs.ChooseChannels, ProjectData(p.Number)),
                    ]),
                ], separator: true));
            }
        }

        return Card.Create(body);
    }
}
