using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ProBonoBot.Cards.Json;
using ProBonoBot.Protocol.Activities;
using ProBonoBot.Protocol.Routing;
using ProBonoBot.SignUps;

namespace ProBonoBot.Hosting;

/// <summary>Small helpers the feature handlers share.</summary>
public static class TurnExtensions
{
    public static Task<ResourceResponse> SayAsync(this TurnContext turn, string text, CancellationToken ct) =>
        turn.SendAsync(new Activity { Text = text }, ct);

    public static Task<ResourceResponse> SendCardAsync(this TurnContext turn, JsonObject card, CancellationToken ct) =>
        turn.SendAsync(Activity.WithAdaptiveCard(card), ct);

    /// <summary>The person who sent the activity — identity only from the activity, never from card data.</summary>
    public static Person? Person(this TurnContext turn) =>
        turn.Activity.From?.AadObjectId is { Length: > 0 } aad
            ? new Person(aad, turn.Activity.From.Name, turn.Activity.From.Id, turn.Activity.GetTenantId(), turn.Activity.ServiceUrl, turn.Activity.Recipient?.Id)
            : null;

    public static bool IsPersonalChat(this TurnContext turn) =>
        turn.Activity.Conversation?.ConversationType is null or ConversationTypes.Personal;

    /// <summary>The number captured as <c>n</c> by the message route; full-width digits (Japanese IMEs) count too.</summary>
    public static long? MatchedNumber(this TurnContext turn) =>
        turn.Match?.Groups["n"] is { Success: true } g
        && long.TryParse(g.Value.Normalize(System.Text.NormalizationForm.FormKC), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>An integer field of the card action's data (as number or numeric string).</summary>
    public static long? DataNumber(this TurnContext turn, string name)
    {
        if (turn.CardAction?.Data is not { ValueKind: JsonValueKind.Object } data || !data.TryGetProperty(name, out var v))
        {
            return null;
        }

        return v.ValueKind switch
        {
            JsonValueKind.Number when v.TryGetInt64(out var n) => n,
            JsonValueKind.String when long.TryParse(v.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) => s,
            _ => null,
        };
    }

    /// <summary>A string field of the card action's data.</summary>
    public static string? DataString(this TurnContext turn, string name) =>
        turn.CardAction?.Data is { ValueKind: JsonValueKind.Object } data && data.TryGetProperty(name, out var v)
            ? v.ValueKind switch
            {
                JsonValueKind.String => v.GetString(),
                JsonValueKind.Number => v.GetRawText(),
                _ => null,
            }
            : null;

    /// <summary>
    /// A free-text field of the card action's data, without invisible or direction-changing characters, trimmed and cut
    /// to <paramref name="max"/> characters on a whole character; null when empty.
    /// </summary>
    public static string? DataText(this TurnContext turn, string name, int max) =>
        turn.DataString(name) is { } raw && TextHygiene.StripInvisible(raw).Trim() is { Length: > 0 } text ? TextCut.Cut(text, max) : null;

    public static string F(string format, params object?[] args) => ProBonoBot.Cards.Wording.Plurals.Format(format, args);
}
