using System.Text.Json.Nodes;
using ProBonoBot.Cards;
using ProBonoBot.Cards.Help;
using ProBonoBot.Cards.Welcome;

namespace ProBonoBot.Cards.Tests;

/// <summary>Every card the bot sends, in each language and variant, by golden-file name.</summary>
public static class CardCatalog
{
    public static IReadOnlyDictionary<string, Func<JsonObject>> All { get; } = new Dictionary<string, Func<JsonObject>>
    {
        ["welcome-personal.en"] = () => WelcomeCard.Build(Language.English, "Haruka Sato", inChannel: false),
        ["welcome-personal.ja"] = () => WelcomeCard.Build(Language.Japanese, "佐藤 遥", inChannel: false),
        ["welcome-noname.en"] = () => WelcomeCard.Build(Language.English, null, inChannel: false),
        ["welcome-noname.ja"] = () => WelcomeCard.Build(Language.Japanese, null, inChannel: false),
        ["welcome-channel.en"] = () => WelcomeCard.Build(Language.English, "Pro Bono Club", inChannel: true),
        ["welcome-channel.ja"] = () => WelcomeCard.Build(Language.Japanese, "プロボノ部", inChannel: true),
        ["help.en"] = () => HelpCard.Build(Language.English, inChannel: false),
        ["help.ja"] = () => HelpCard.Build(Language.Japanese, inChannel: false),
        ["help-channel.en"] = () => HelpCard.Build(Language.English, inChannel: true),
        ["help-channel.ja"] = () => HelpCard.Build(Language.Japanese, inChannel: true),
    };

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var name in All.Keys)
        {
            data.Add(name);
        }

        return data;
    }
}
