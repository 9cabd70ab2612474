using Dapper;
using Microsoft.Extensions.Options;
using ProBonoBot.Cards.SignUps;
using ProBonoBot.Club;
using ProBonoBot.Storage;

namespace ProBonoBot.SignUps;

/// <summary>A sign-up in conversation, between questions.</summary>
public sealed record SignUpSession
{
    public string UserAad { get; init; } = string.Empty;
    public long ProjectNumber { get; init; }
    public SignUpStep Step { get; init; }
    public long? RoleNumber { get; init; }
    public long? HoursPerWeek { get; init; }
    public string? Note { get; init; }
}

/// <summary>Sign-up conversations in the database: a restart mid-sign-up continues at the same question.</summary>
public sealed class SignUpSessionStore(Db db, IOptions<ClubOptions> club, TimeProvider time)
{
    public Task<SignUpSession?> GetAsync(string aad, CancellationToken ct) =>
        db.ReadAsync(c => c.QuerySingleOrDefaultAsync<SignUpSession>(
            """
            SELECT user_aad AS UserAad, project_number AS ProjectNumber, step AS Step, role_number AS RoleNumber,
                   hours_per_week AS HoursPerWeek, note AS Note
            FROM signup_sessions WHERE user_aad = @aad AND expires_at > @now
            """, new { aad, now = time.GetUtcNow() }), ct);

    /// <summary>Saves the session and extends its expiry.</summary>
    public Task SaveAsync(SignUpSession session, CancellationToken ct) =>
        db.WriteAsync(c => c.ExecuteAsync(
            """
            INSERT INTO signup_sessions (user_aad, project_number, step, role_number, hours_per_week, note, expires_at, updated_at)
            VALUES (@UserAad, @ProjectNumber, @Step, @RoleNumber, @HoursPerWeek, @Note, @expires, @now)
            ON CONFLICT (user_aad) DO UPDATE SET project_number = @ProjectNumber, step = @Step, role_number = @RoleNumber,
                hours_per_week = @HoursPerWeek, note = @Note, expires_at = @expires, updated_at = @now
            """,
            new
            {
                session.UserAad, session.ProjectNumber, Step = (int)session.Step, session.RoleNumber, session.HoursPerWeek, session.Note,
                expires = time.GetUtcNow() + club.Value.SignUpSessionTimeout, now = time.GetUtcNow(),
            }), ct);

    public Task DeleteAsync(string aad, CancellationToken ct) =>
        db.WriteAsync(c => c.ExecuteAsync("DELETE FROM signup_sessions WHERE user_aad = @aad", new { aad }), ct);

    public Task<int> PurgeExpiredAsync(CancellationToken ct) =>
        db.WriteAsync(c => c.ExecuteAsync("DELETE FROM signup_sessions WHERE expires_at <= @now", new { now = time.GetUtcNow() }), ct);
}
