using System.Text.Json.Nodes;
using ProBonoBot.Cards.Json;

namespace ProBonoBot.Cards.Projects;

/// <summary>Choosing the team channels a project is published to.</summary>
public static class PublishCard
{
    public static JsonObject Build(Language language, long number, string title, IReadOnlyList<ChannelChoice> channels)
    {
        var t = UiText.For(language).Projects;
        var all = string.Join(',', channels.Select(c => c.ConversationId));
        return Card.Create(
            [
                Card.Title(ProjectFacts.F(t.ChooseChannelsTitle, number, Markdown.Escape(title))),
                Card.Choices("channels", t.ChannelsLabel, channels.Select(c => (Markdown.Escape(c.Label), c.ConversationId)), value: all, multiSelect: true, expanded: true),
            ],
            [Card.Submit(t.ButtonPublish.TrimEnd('…', '.'), ProjectVerbs.Publish, ProjectFacts.ProjectData(number))]);
    }
}
