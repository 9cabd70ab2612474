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
            "SELECT language FROM user_settings WHERE aad_object_id = @aadObjectId", new { aadObjectId }), ct).ConfigureAwait(false);
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
}
