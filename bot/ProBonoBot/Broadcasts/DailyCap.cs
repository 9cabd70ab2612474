using System.Data.Common;
using Dapper;
using ProBonoBot.Cards;
using ProBonoBot.Cards.Wording;

namespace ProBonoBot.Broadcasts;

/// <summary>
/// At most <see cref="BroadcastOptions.PerPersonPerDay"/> broadcasts per person per day. The day is the person's own:
/// midnight to midnight in the time zone their Teams client last reported, else Japan time for Japanese readers (most of
/// the club, and what roster members with no known language get) and UTC for English ones — so "today" means what the
/// reader would call today. A broadcast counts when it was queued to them and not cancelled or undeliverable. Whoever is
/// over the cap is taken out of this broadcast's outbox rows and gets the project in one digest card at
/// <see cref="BroadcastOptions.DigestAt"/> on their next day (a row in <c>broadcast_digests</c>, so it survives restarts).
/// </summary>
internal static class DailyCap
{
    private sealed record Recipient
    {
        public string Aad { get; init; } = string.Empty;
        public string? Zone { get; init; }
        public string? Language { get; init; }
    }

    private sealed record Earlier
    {
        public string Aad { get; init; } = string.Empty;
        public DateTimeOffset At { get; init; }
    }

    /// <summary>Moves the people of broadcast <paramref name="id"/> who are over the cap to the digest; returns how many.</summary>
    public static async Task<int> DeferAsync(DbConnection c, DbTransaction tx, bool sqlite, long id, long project, BroadcastOptions options, DateTimeOffset now)
    {
        if (options.PerPersonPerDay <= 0)
        {
            return 0;
        }

        var recipients = (await c.QueryAsync<Recipient>(
            """
            SELECT o.user_aad AS Aad, s.time_zone AS Zone, s.language AS Language
            FROM outbox o LEFT JOIN user_settings s ON s.aad_object_id = o.user_aad
            WHERE o.broadcast_id = @id AND o.user_aad IS NOT NULL
            """, new { id }, tx)).ToList();
        if (recipients.Count == 0)
        {
            return 0;
        }

        // A local day never started more than 26 hours ago (UTC+14 and a daylight-saving hour included).
        var earlier = (await c.QueryAsync<Earlier>(
            """
            SELECT user_aad AS Aad, created_at AS At FROM outbox
            WHERE broadcast_id IS NOT NULL AND broadcast_id <> @id AND user_aad IS NOT NULL AND status IN (0, 1) AND created_at >= @since
            """, new { id, since = now - TimeSpan.FromHours(26) }, tx))
            .GroupBy(e => e.Aad, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.At).ToList(), StringComparer.Ordinal);

        var over = new List<(string Aad, DateTimeOffset Due)>();
        foreach (var person in recipients)
        {
            if (!earlier.TryGetValue(person.Aad, out var times))
            {
                continue;
            }

            var zone = Zone(person);
            var dayStart = DayStart(now, zone);
            if (times.Count(t => t >= dayStart) >= options.PerPersonPerDay)
            {
                over.Add((person.Aad, NextDayAt(now, zone, options.DigestAt)));
            }
        }

        foreach (var batch in over.Chunk(400))
        {
            await c.ExecuteAsync($"DELETE FROM outbox WHERE broadcast_id = @id AND {BroadcastStore.In(sqlite, "user_aad", "people")}",
                new { id, people = batch.Select(p => p.Aad).ToArray() }, tx);
            await c.ExecuteAsync(
                """
                INSERT INTO broadcast_digests (user_aad, project_number, broadcast_id, due_at, sent_at, created_at)
                VALUES (@Aad, @project, @id, @Due, NULL, @now)
                ON CONFLICT (user_aad, project_number) DO UPDATE SET broadcast_id = @id, due_at = @Due, sent_at = NULL, created_at = @now
                """, batch.Select(p => new { p.Aad, p.Due, project, id, now }), tx);
        }

        return over.Count;
    }

    private static TimeZoneInfo Zone(Recipient person)
    {
        var id = Times.ZoneFor(person.Language == "en" ? Language.English : Language.Japanese, person.Zone);
        return id == "UTC" ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(id);
    }

    /// <summary>The start of <paramref name="now"/>'s day in <paramref name="zone"/>, as an instant.</summary>
    internal static DateTimeOffset DayStart(DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        return Instant(local.Date, zone);
    }

    /// <summary>The next day's <paramref name="at"/> (local time) in <paramref name="zone"/>, as an instant.</summary>
    internal static DateTimeOffset NextDayAt(DateTimeOffset now, TimeZoneInfo zone, TimeSpan at)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        return Instant(local.Date.AddDays(1) + at, zone);
    }

    private static DateTimeOffset Instant(DateTime local, TimeZoneInfo zone)
    {
        // A local time skipped by a daylight-saving change is moved an hour on; an ambiguous one takes the first.
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddHours(1);
        }

        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
    }
}
