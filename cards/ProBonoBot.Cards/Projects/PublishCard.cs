using System.Text.Json.Nodes;
using ProBonoBot.Cards.Json;

namespace ProBonoBot.Cards.Projects;

/// <summary>
/// Choosing the team channels a project is published to: every channel of every team the bot is in, the General
/// channels ticked; a line says how to add the bot to another team.
/// </summary>
public static class PublishCard
{
    public static JsonObject Build(Language language, long number, string title, IReadOnlyList<ChannelChoice> channels)
    {
        var t = UiText.For(language).Projects;
        var ticked = string.Join(',', channels.Where(c => c.Preselected).Select(c => c.ConversationId));
        return Card.Create(
            [
                Card.Title(ProjectFacts.F(t.ChooseChannelsTitle, number, Markdown.Escape(title))),
                Card.Choices("channels", t.ChannelsLabel, channels.Select(c => (Markdown.Escape(c.Label), c.ConversationId)), value: ticked, multiSelect: true, expanded: true),
                Card.Text(t.ChannelsHint, subtle: true),
            ],
            [Card.Submit(t.ButtonPublish.TrimEnd('…', '.'), ProjectVerbs.Publish, ProjectFacts.ProjectData(number))]);
    }
}
