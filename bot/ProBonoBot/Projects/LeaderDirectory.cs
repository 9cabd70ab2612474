using Dapper;
using Microsoft.Extensions.Options;
using ProBonoBot.Club;
using ProBonoBot.Storage;

namespace ProBonoBot.Projects;

/// <summary>Who leads the club: <c>Club:Leaders</c> from configuration plus those added from chat.</summary>
public sealed class LeaderDirectory(Db db, IOptions<ClubOptions> club, TimeProvider time)
{
    public async Task<bool> IsLeaderAsync(string? aad, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(aad))
        {
            return false;
        }

        if (club.Value.Leaders.Contains(aad, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        return await db.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM leaders WHERE aad_object_id = @aad", new { aad }), ct)
            .ConfigureAwait(false) > 0;
    }

    public bool IsConfigured(string aad) => club.Value.Leaders.Contains(aad, StringComparer.OrdinalIgnoreCase);

    /// <summary>All leaders with a display name where one is known.</summary>
    public async Task<IReadOnlyList<(string Aad, string Name)>> ListAsync(CancellationToken ct)
    {
        var added = await db.ReadAsync(c => c.QueryAsync<(string Aad, string? Name)>("SELECT aad_object_id, name FROM leaders ORDER BY added_at"), ct).ConfigureAwait(false);
        var all = club.Value.Leaders.Select(a => (Aad: a, Name: (string?)null)).Concat(added).DistinctBy(l => l.Aad.ToUpperInvariant()).ToList();
        var names = await db.ReadAsync(c => c.QueryAsync<(string Aad, string Name)>(
            $"SELECT user_aad_object_id, user_name FROM conversation_refs WHERE {db.In("user_aad_object_id", "ids")} AND user_name IS NOT NULL",
            new { ids = all.Select(l => l.Aad).ToArray() }), ct).ConfigureAwait(false);
        var byAad = names.GroupBy(n => n.Aad).ToDictionary(g => g.Key, g => g.First().Name);
        return [.. all.Select(l => (l.Aad, l.Name ?? byAad.GetValueOrDefault(l.Aad) ?? l.Aad))];
    }

    public Task AddAsync(string aad, string? name, string addedBy, CancellationToken ct) =>
        db.WriteAsync(c => c.ExecuteAsync(
            "INSERT INTO leaders (aad_object_id, name, added_by, added_at) VALUES (@aad, @name, @addedBy, @now) ON CONFLICT (aad_object_id) DO NOTHING",
            new { aad, name, addedBy, now = time.GetUtcNow() }), ct);

    public Task<int> RemoveAsync(string aad, CancellationToken ct) =>
        db.WriteAsync(c => c.ExecuteAsync("DELETE FROM leaders WHERE aad_object_id = @aad", new { aad }), ct);

    /// <summary>People the bot knows (from their 1:1 chats) whose name matches: exact first, else containing.</summary>
    public async Task<IReadOnlyList<(string Aad, string Name)>> FindPeopleAsync(string name, CancellationToken ct)
    {
        var people = (await db.ReadAsync(c => c.QueryAsync<(string Aad, string Name)>(
            "SELECT DISTINCT user_aad_object_id, user_name FROM conversation_refs WHERE conversation_type = 'personal' AND user_aad_object_id IS NOT NULL AND user_name IS NOT NULL"),
            ct).ConfigureAwait(false)).ToList();
        var wanted = name.Trim();
        var exact = people.Where(p => string.Equals(p.Name, wanted, StringComparison.OrdinalIgnoreCase)).ToList();
        return exact.Count > 0 ? exact : [.. people.Where(p => p.Name.Contains(wanted, StringComparison.OrdinalIgnoreCase))];
    }
}
