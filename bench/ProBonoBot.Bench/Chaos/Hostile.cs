using System.Text.Json.Nodes;
using ProBonoBot.Testing;

namespace ProBonoBot.Bench.Chaos;

/// <summary>One malformed or hostile request: its raw body, the token it carries, and the conversation it names (if any).</summary>
internal sealed record HostileRequest(string Kind, string Body, string Token, string? Conversation);

/// <summary>
/// Malformed and hostile activities, as an attacker or a broken client would send them: bad JSON, NUL and lone
/// surrogate escapes, a 156 KB text of <c>&lt;at&gt;</c>, a token signed with an unknown key, and Entra ID tokens
/// of another app of the tenant (no <c>serviceurl</c> claim) acting as a leader.
/// </summary>
internal static class Hostile
{
    private const string Lone = "\"__LONE_SURROGATE__\"";

    public static IReadOnlyList<HostileRequest> Round(int round, ChaosActivities a, LocalIssuer issuer, string serviceUrl, string token, string leaderAad)
    {
        string Conv(string kind) => $"a:chaos-hostile-{round}-{kind}";
        string Id(string kind) => $"hostile-{round}-{kind}";
        string User(string kind) => $"aad-chaos-hostile-{round}-{kind}";
        HostileRequest Json(string kind, JsonObject activity, string? bearer = null, string? lone = null) =>
            new(kind, lone is null ? activity.ToJsonString() : activity.ToJsonString().Replace(Lone, lone, StringComparison.Ordinal), bearer ?? token,
                (string?)activity["conversation"]?["id"]);
        JsonObject Message(string kind, string text, string? name = null, string? id = null) =>
            a.Message(Conv(kind), User(kind), name ?? "Hostile", id ?? Id(kind), text);
        JsonObject LeaderSave(string kind) => a.Submit(Conv(kind), leaderAad, "Leader impostor", Id(kind), new JsonObject
        {
            ["verb"] = "projectSave", ["title"] = $"Forged project {round}-{kind}", ["partner"] = "Forged", ["summary"] = "Created with a foreign token.",
            ["roles"] = "Analyst | | 2", ["hours"] = "2", ["language"] = "en",
        }, "card-forged");

        var surrogateValue = a.Submit(Conv("surrogate-value"), User("surrogate-value"), "Hostile", Id("surrogate-value"),
            new JsonObject { ["verb"] = "withdraw", ["project"] = "__LONE_SURROGATE__" }, "card-hostile");
        var surrogateLanguage = a.Submit(Conv("surrogate-language"), User("surrogate-language"), "Hostile", Id("surrogate-language"),
            new JsonObject { ["verb"] = "setLanguage", ["language"] = "__LONE_SURROGATE__" }, "card-hostile");
        var surrogateVerb = a.Invoke(Conv("surrogate-verb"), User("surrogate-verb"), "Hostile", Id("surrogate-verb"), "__LONE_SURROGATE__", new JsonObject(), "card-hostile");
        var surrogateData = a.Invoke(Conv("surrogate-data"), User("surrogate-data"), "Hostile", Id("surrogate-data"), "projectView",
            new JsonObject { ["project"] = "__LONE_SURROGATE__" }, "card-hostile");
        return
        [
            new("bad-json", "{\"type\":\"message\",\"id\":\"broken\",\"text\":\"help", token, null),
            new("not-an-object", "[1,2,3]", token, null),
            Json("nul-text", Message("nul-text", "help\u0000")),
            Json("nul-name", Message("nul-name", "projects", name: "Eve\u0000")),
            Json("nul-id", Message("nul-id", "help", id: $"hostile-{round}-nul\u0000id")),
            Json("surrogate-text", Message("surrogate-text", "__LONE_SURROGATE__"), lone: "\"\\udc00\""),
            Json("surrogate-value", surrogateValue, lone: "\"\\ud800\""),
            Json("surrogate-language", surrogateLanguage, lone: "\"\\ud800\""),
            Json("surrogate-verb", surrogateVerb, lone: "\"\\udc00\""),
            Json("surrogate-data", surrogateData, lone: "\"\\ud800\""),
            Json("at-flood", Message("at-flood", string.Concat(Enumerable.Repeat("<at>", 39_000)))),
            Json("forged-key", LeaderSave("forged-key"), issuer.BotConnectorToken(BenchBot.AppId, serviceUrl, signWithUnknownKey: true)),
            Json("entra-v2", LeaderSave("entra-v2"), issuer.EntraToken(ChaosActivities.Tenant, BenchBot.AppId, v2: true)),
            Json("entra-v1", LeaderSave("entra-v1"), issuer.EntraToken(ChaosActivities.Tenant, BenchBot.AppId, v2: false)),
        ];
    }

    /// <summary>Requests that must be refused (401) whatever else the bot does.</summary>
    public static bool IsForged(HostileRequest r) => r.Kind is "forged-key" or "entra-v2" or "entra-v1";
}
