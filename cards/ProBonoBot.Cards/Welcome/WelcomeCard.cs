using System.Globalization;
using System.Text.Json.Nodes;
using ProBonoBot.Cards.Json;

namespace ProBonoBot.Cards.Welcome;

/// <summary>The card the bot sends when it is installed in a chat or a team.</summary>
public static class WelcomeCard
{
    /// <param name="language">The language to show.</param>
    /// <param name="name">The user's display name (1:1) or the team's name (channel); may be empty.</param>
    /// <param name="inChannel">True for a team channel, where people must @mention the bot.</param>
    /// <param name="profile">The short profile question to add (asked once, in a 1:1 welcome), or null.</param>
    public static JsonObject Build(Language language, string? name, bool inChannel, Profiles.ProfileOptions? profile = null)
    {
        var text = UiText.For(language);
        var other = language == Language.Japanese ? Language.English : Language.Japanese;
        var greeting = string.IsNullOrWhiteSpace(name)
            ? text.WelcomeIntroNoName
            : ProBonoBot.Cards.Wording.Plurals.Format(inChannel ? text.WelcomeChannelIntro : text.WelcomeIntro, Markdown.Escape(name));
        List<JsonNode> body =
        [
            Card.Title(text.WelcomeTitle),
            Card.Text(greeting),
            Card.Heading(text.WelcomeStepsTitle),
            Card.Facts(text.WelcomeSteps.Select((step, i) => ((i + 1).ToString(CultureInfo.InvariantCulture) + ".", step))),
            Card.Text(text.WelcomeNext, subtle: true),
        ];
        if (profile is not null)
        {
            body.AddRange(Profiles.ProfileCards.Prompt(language, profile));
        }

        return Card.Create(
            body,
            [
                Card.Submit(text.ButtonHelp, Verbs.Help),
                Card.Submit(text.ButtonOtherLanguage, Verbs.SetLanguage, new JsonObject { ["language"] = other.Code() }),
            ]);
    }
}
