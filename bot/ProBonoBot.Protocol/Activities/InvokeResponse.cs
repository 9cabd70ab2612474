using System.Text.Json.Nodes;

namespace ProBonoBot.Protocol.Activities;

/// <summary>The HTTP answer to an invoke: the status code of the HTTP response and its JSON body.</summary>
public sealed record InvokeResponse(int Status, JsonNode? Body)
{
    public const string CardContentType = "application/vnd.microsoft.card.adaptive";
    public const string MessageContentType = "application/vnd.microsoft.activity.message";
    public const string ErrorContentType = "application/vnd.microsoft.error";

    /// <summary>Replaces the card for the user who clicked.</summary>
    public static InvokeResponse Card(JsonNode card) =>
        new(200, new JsonObject { ["statusCode"] = 200, ["type"] = CardContentType, ["value"] = card });

    /// <summary>Shows a short message to the user who clicked.</summary>
    public static InvokeResponse Message(string text) =>
        new(200, new JsonObject { ["statusCode"] = 200, ["type"] = MessageContentType, ["value"] = text });

    /// <summary>An Universal Actions error: HTTP 200 whose body carries the error status for the client.</summary>
    public static InvokeResponse Error(int statusCode, string code, string message) =>
        new(200, new JsonObject
        {
            ["statusCode"] = statusCode,
            ["type"] = ErrorContentType,
            ["value"] = new JsonObject { ["code"] = code, ["message"] = message },
        });

    /// <summary>No handler for the invoke name.</summary>
    public static InvokeResponse NotImplemented { get; } = new(501, null);
}
