namespace ProBonoBot.Cards.Impact;

/// <summary>Verbs of the close form.</summary>
public static class ImpactVerbs
{
    public const string Close = "projectClose";
}
