using System.Collections.Concurrent;
using ProBonoBot.Cards.Wording;
using ProBonoBot.Protocol.Activities;
using ProBonoBot.Protocol.Routing;

namespace ProBonoBot.People;

/// <summary>
/// Each person's time zone: the last valid one their Teams client reported (kept in <c>user_settings</c>, so a
/// proactive message — a seat offer, a report — can use it too). Unknown or hostile values are ignored.
/// </summary>
public sealed class PersonTimeZones(UserSettingsStore settings)
{
    // Most messages repeat the zone already stored; skip the write when this process stored the same value.
    private readonly ConcurrentDictionary<string, string> _lastWritten = new(StringComparer.Ordinal);

    /// <summary>Remembers the zone the activity reports, when it is a real IANA zone and it changed.</summary>
    public async Task RecordAsync(TurnContext turn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Activity.From?.AadObjectId is not { Length: > 0 } aad || Times.Normalize(turn.Activity.GetLocalTimeZone()) is not { } zone
            || (_lastWritten.TryGetValue(aad, out var last) && last == zone))
        {
            return;
        }

        await settings.SetTimeZoneAsync(aad, zone, ct);
        _lastWritten[aad] = zone;
    }

    /// <summary>The zone for a reply in this turn: the one the activity reports, else the stored one.</summary>
    public async Task<string?> ForTurnAsync(TurnContext turn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (Times.Normalize(turn.Activity.GetLocalTimeZone()) is { } zone)
        {
            return zone;
        }

        return turn.Activity.From?.AadObjectId is { Length: > 0 } aad ? await ForPersonAsync(aad, ct) : null;
    }

    /// <summary>The stored zone of a person (for proactive messages); null when never reported.</summary>
    public Task<string?> ForPersonAsync(string aad, CancellationToken ct) => settings.GetTimeZoneAsync(aad, ct);
}
