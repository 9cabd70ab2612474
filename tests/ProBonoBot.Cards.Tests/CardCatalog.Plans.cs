using System.Text.Json.Nodes;

namespace ProBonoBot.Cards.Tests;

public static partial class CardCatalog
{
    private static Dictionary<string, Func<JsonObject>> Plans() => new()
    {
    };
}
