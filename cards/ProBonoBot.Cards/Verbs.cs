namespace ProBonoBot.Cards;

/// <summary>The verbs carried by the cards' buttons; the bot routes on them.</summary>
public static class Verbs
{
    public const string Help = "help";
    public const string SetLanguage = "setLanguage";
}
