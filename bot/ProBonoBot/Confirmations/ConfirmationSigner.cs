using System.Globalization;
using System.Text.Json.Nodes;
using ProBonoBot.Cards.Projects;
using ProBonoBot.Hosting;
using ProBonoBot.Protocol.Routing;

namespace ProBonoBot.Confirmations;

/// <summary>What a clicked confirmation turned out to be.</summary>
public enum ConfirmationCheck
{
    /// <summary>No confirmation on the click: ask first.</summary>
    Missing,

    /// <summary>The person pressed Keep: nothing changes.</summary>
    Kept,

    /// <summary>Signed for another person, action or project, or edited: refused.</summary>
    Invalid,

    /// <summary>Older than <see cref="ConfirmationSigner.Lifetime"/>: refused.</summary>
    Expired,

    /// <summary>Genuine, for this person, action and project; the caller still compares <c>state</c> with now.</summary>
    Valid,
}

/// <summary>
/// Signed confirmations for destructive actions. The card's Confirm button carries the state the person saw
/// (a sign-up's sequence number, a project's status) signed with the person's Entra object id, the action and the
/// project through <see cref="LinkSigner"/>; the handler acts only when the signature holds for the clicker and the
/// state is still the same. So a double click acts once (the state moved on), and a card clicked by someone else,
/// for another project, or after things changed is refused without changing anything — no table needed.
/// </summary>
public sealed class ConfirmationSigner(LinkSigner links, TimeProvider time)
{
    /// <summary>How long an unanswered confirmation stays usable.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    /// <summary>The Confirm button's data: the project, the state shown, and the signature.</summary>
    public async Task<JsonObject> SignAsync(string action, long project, string aad, string state, CancellationToken ct)
    {
        var (expires, signature) = await links.SignAsync(Subject(action, project, aad, state), Lifetime, ct);
        return new JsonObject { ["project"] = project, ["state"] = state, ["expires"] = expires, ["sig"] = signature };
    }

    /// <summary>Checks the clicked confirmation; the state returned is what the person was shown when asked.</summary>
    public async Task<(ConfirmationCheck Check, string? State)> CheckAsync(TurnContext turn, string action, long project, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.DataString("answer") == ConfirmCard.Keep)
        {
            return (ConfirmationCheck.Kept, null);
        }

        var signature = turn.DataString("sig");
        var state = turn.DataString("state");
        if (signature is null && state is null)
        {
            return (ConfirmationCheck.Missing, null);
        }

        if (signature is null || state is null || turn.DataNumber("expires") is not { } expires || turn.Person() is not { } person)
        {
            return (ConfirmationCheck.Invalid, null);
        }

        if (expires < time.GetUtcNow().ToUnixTimeSeconds())
        {
            // The signature is not worth checking: an expired confirmation is refused either way.
            return (ConfirmationCheck.Expired, null);
        }

        return await links.VerifyAsync(Subject(action, project, person.Aad, state), expires, signature, ct)
            ? (ConfirmationCheck.Valid, state)
            : (ConfirmationCheck.Invalid, null);
    }

    private static string Subject(string action, long project, string aad, string state) =>
        string.Create(CultureInfo.InvariantCulture, $"confirm:{action}:{project}:{aad.ToUpperInvariant()}:{state}");
}
