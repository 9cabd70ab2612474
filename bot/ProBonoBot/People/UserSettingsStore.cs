using Dapper;
using ProBonoBot.Cards;
using ProBonoBot.Storage;

namespace ProBonoBot.People;

/// <summary>Per-person settings chosen in chat, keyed by Entra object id.</summary>
public sealed class UserSettingsStore(Db db, TimeProvider time)
{
    public async Task<Language?> GetLanguageAsync(string aadObjectId, CancellationToken ct)
    {
        var code = await db.ReadAsync(c => c.QuerySingleOrDefaultAsync<string?>(
            "SELECT language FROM user_settings WHERE aad_object_id = @aadObjectId", new { aadObjectId }), ct);
        return code switch
        {
            "ja" => Language.Japanese,
            "en" => Language.English,
            _ => null,
        };
    }

    public Task SetLanguageAsync(string aadObjectId, Language language, CancellationToken ct) =>
        db.WriteAsync(c => c.ExecuteAsync(
            """
            INSERT INTO user_settings (aad_object_id, language, updated_at) VALUES (@aadObjectId, @code, @now)
            ON CONFLICT (aad_object_id) DO UPDATE SET language = @code, updated_at = @now
            """,
            new { aadObjectId, code = language.Code(), now = time.GetUtcNow() }), ct);

    /// <summary>The person's last reported time zone (stored only after validation), or null.</summary>
    public async Task<string?> GetTimeZoneAsync(string aadObjectId, CancellationToken ct) =>
        Cards.Wording.Times.Normalize(await db.ReadAsync(c => c.QuerySingleOrDefaultAsync<string?>(
            "SELECT time_zone FROM user_settings WHERE aad_object_id = @aadObjectId", new { aadObjectId }), ct));

    public Task SetTimeZoneAsync(string aadObjectId, string zone, CancellationToken ct) =>
        db.WriteAsync(c => c.ExecuteAsync(
            """
            INSERT INTO user_settings (aad_object_id, time_zone, updated_at) VALUES (@aadObjectId, @zone, @now)
            ON CONFLICT (aad_object_id) DO UPDATE SET time_zone = @zone, updated_at = @now
            """,
            new { aadObjectId, zone, now = time.GetUtcNow() }), ct);
}
