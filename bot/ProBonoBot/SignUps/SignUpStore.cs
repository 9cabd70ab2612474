using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Options;
using ProBonoBot.Cards.Projects;
using ProBonoBot.Club;
using ProBonoBot.Outbox;
using ProBonoBot.Storage;

namespace ProBonoBot.SignUps;

/// <summary>
/// Sign-ups with seat capacity. Every change to a project's seats runs in one transaction that first locks the
/// project (SQLite: the single writer; PostgreSQL: <c>SELECT … FOR UPDATE</c>), so seats are never overbooked
/// and the waitlist keeps arrival order. A freed seat is offered to the first person waiting, and the offer is
/// enqueued in the same transaction.
/// </summary>
public sealed class SignUpStore(Db db, OutboxStore outbox, OutboxSignal signal, IOptions<ClubOptions> club, TimeProvider time)
{
    private const string Columns =
        "seq AS Seq, project_number AS ProjectNumber, role_number AS RoleNumber, user_aad AS UserAad, user_name AS UserName, " +
        "user_teams_id AS UserTeamsId, status AS Status, hours_per_week AS HoursPerWeek, note AS Note";

    public Task<SignUpOutcome> ConfirmAsync(long project, int role, Person person, int hours, string? note, CancellationToken ct) =>
        InProjectAsync(project, async (c, tx, p) =>
        {
            if (p is null)
            {
                return new SignUpOutcome(SignUpResult.UnknownProject);
            }

            if (p.Status != ProjectStatus.Recruiting)
            {
                return new SignUpOutcome(SignUpResult.NotRecruiting, Status: p.Status);
            }

            var seats = await c.QuerySingleOrDefaultAsync<(long Seats, string Name)?>(
                "SELECT seats, name FROM project_roles WHERE project_number = @project AND role_number = @role", new { project, role }, tx).ConfigureAwait(false);
            if (seats is not { } r)
            {
                return new SignUpOutcome(SignUpResult.UnknownRole);
            }

            if (await LiveAsync(c, tx, project, person.Aad).ConfigureAwait(false) is { } existing)
            {
                return new SignUpOutcome(SignUpResult.AlreadySignedUp, Existing: existing);
            }

            var taken = await TakenAsync(c, tx, project, role).ConfigureAwait(false);
            var status = taken < r.Seats ? SignUpStatus.Confirmed : SignUpStatus.Waitlisted;
            var now = time.GetUtcNow();
            var seq = await c.ExecuteScalarAsync<long>(
                """
                INSERT INTO signups (project_number, role_number, user_aad, user_name, user_teams_id, status, hours_per_week, note, created_at, updated_at)
                VALUES (@project, @role, @aad, @name, @teamsId, @status, @hours, @note, @now, @now) RETURNING seq
                """, new { project, role, aad = person.Aad, name = person.Name, teamsId = person.TeamsId, status = (int)status, hours, note, now }, tx)
                .ConfigureAwait(false);
            var position = status == SignUpStatus.Waitlisted ? await PositionAsync(c, tx, project, role, seq).ConfigureAwait(false) : 0;
            await LeaderEventAsync(c, tx, p, status == SignUpStatus.Confirmed ? "signedUp" : "waitlisted", person.Name, r.Name).ConfigureAwait(false);
            return new SignUpOutcome(status == SignUpStatus.Confirmed ? SignUpResult.Confirmed : SignUpResult.Waitlisted, r.Name, position);
        }, ct);

    /// <summary>Withdraws the person's live sign-up; a freed seat is offered to the next in line. Null when there was none.</summary>
    public Task<SignUp?> WithdrawAsync(long project, string aad, CancellationToken ct) => WithdrawAsync(project, aad, null, ct);

    /// <summary>Withdraws the live sign-up only if it is still the one numbered <paramref name="seq"/> (what a confirmation was asked for).</summary>
    public Task<SignUp?> WithdrawAsync(long project, string aad, long? seq, CancellationToken ct) =>
        InProjectAsync(project, async (c, tx, p) =>
        {
            if (p is null || await LiveAsync(c, tx, project, aad).ConfigureAwait(false) is not { } signUp || (seq is { } only && signUp.Seq != only))
            {
                return null;
            }

            await SetStatusAsync(c, tx, signUp.Seq, SignUpStatus.Withdrawn).ConfigureAwait(false);
            await LeaderEventAsync(c, tx, p, "withdrew", signUp.UserName, await RoleNameAsync(c, tx, project, signUp.RoleNumber).ConfigureAwait(false)).ConfigureAwait(false);
            if (signUp.Status != SignUpStatus.Waitlisted)
            {
                await OfferNextAsync(c, tx, p, signUp.RoleNumber).ConfigureAwait(false);
            }

            return signUp with { Status = SignUpStatus.Withdrawn };
        }, ct);

    /// <summary>Accepts an open offer: Offered → Confirmed. False when there is no live offer.</summary>
    public Task<SignUp?> AcceptOfferAsync(long project, string aad, CancellationToken ct) =>
        InProjectAsync(project, async (c, tx, p) =>
        {
            var signUp = p is null ? null : await LiveAsync(c, tx, project, aad).ConfigureAwait(false);
            if (p is null || signUp is not { Status: SignUpStatus.Offered })
            {
                return null;
            }

            var open = await c.ExecuteAsync("UPDATE signups SET status = 0, offered_until = NULL, updated_at = @now WHERE seq = @seq AND status = 2 AND offered_until >= @now",
                new { seq = signUp.Seq, now = time.GetUtcNow() }, tx).ConfigureAwait(false);
            if (open == 0)
            {
                return null;
            }

            await LeaderEventAsync(c, tx, p, "accepted", signUp.UserName, await RoleNameAsync(c, tx, project, signUp.RoleNumber).ConfigureAwait(false)).ConfigureAwait(false);
            return signUp with { Status = SignUpStatus.Confirmed };
        }, ct);

    /// <summary>Declines an open offer; the seat goes to the next in line.</summary>
    public Task<SignUp?> DeclineOfferAsync(long project, string aad, CancellationToken ct) =>
        InProjectAsync(project, async (c, tx, p) =>
        {
            var signUp = p is null ? null : await LiveAsync(c, tx, project, aad).ConfigureAwait(false);
            if (p is null || signUp is not { Status: SignUpStatus.Offered })
            {
                return null;
            }

            await SetStatusAsync(c, tx, signUp.Seq, SignUpStatus.Declined).ConfigureAwait(false);
            await LeaderEventAsync(c, tx, p, "declined", signUp.UserName, await RoleNameAsync(c, tx, project, signUp.RoleNumber).ConfigureAwait(false)).ConfigureAwait(false);
            await OfferNextAsync(c, tx, p, signUp.RoleNumber).ConfigureAwait(false);
            return signUp with { Status = SignUpStatus.Declined };
        }, ct);

    /// <summary>Offers past their deadline are declined and passed on; returns how many expired.</summary>
    public async Task<int> ExpireOffersAsync(CancellationToken ct)
    {
        var expired = await db.ReadAsync(c => c.QueryAsync<(long Project, string Aad)>(
            "SELECT project_number, user_aad FROM signups WHERE status = 2 AND offered_until < @now", new { now = time.GetUtcNow() }), ct).ConfigureAwait(false);
        var count = 0;
        foreach (var (project, aad) in expired)
        {
            var done = await InProjectAsync(project, async (c, tx, p) =>
            {
                var signUp = p is null ? null : await LiveAsync(c, tx, project, aad).ConfigureAwait(false);
                if (p is null || signUp is not { Status: SignUpStatus.Offered })
                {
                    return false;
                }

                var changed = await c.ExecuteAsync("UPDATE signups SET status = 4, updated_at = @now WHERE seq = @seq AND status = 2 AND offered_until < @now",
                    new { seq = signUp.Seq, now = time.GetUtcNow() }, tx).ConfigureAwait(false);
                if (changed == 1)
                {
                    await OfferNextAsync(c, tx, p, signUp.RoleNumber).ConfigureAwait(false);
                }

                return changed == 1;
            }, ct).ConfigureAwait(false);
            count += done ? 1 : 0;
        }

        return count;
    }

    public Task<SignUp?> LiveAsync(long project, string aad, CancellationToken ct) =>
        db.ReadAsync(c => LiveAsync(c, null, project, aad), ct);

    /// <summary>The status of one of the person's sign-ups (by its number), or null when there is no such sign-up of theirs.</summary>
    public Task<SignUpStatus?> StatusAsync(long seq, string aad, CancellationToken ct) =>
        db.ReadAsync(c => c.QuerySingleOrDefaultAsync<SignUpStatus?>(
            "SELECT status FROM signups WHERE seq = @seq AND user_aad = @aad", new { seq, aad }), ct);

    /// <summary>Everyone with a live sign-up on the project, in arrival order.</summary>
    public Task<IReadOnlyList<SignUp>> LiveForProjectAsync(long project, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<SignUp>>(async c => [.. await c.QueryAsync<SignUp>(
            $"SELECT {Columns} FROM signups WHERE project_number = @project AND status IN (0, 1, 2) ORDER BY seq", new { project }).ConfigureAwait(false)], ct);

    /// <summary>The person's live sign-ups with their waitlist positions.</summary>
    public Task<IReadOnlyList<(SignUp SignUp, int Position)>> LiveForUserAsync(string aad, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<(SignUp, int)>>(async c =>
        {
            var rows = await c.QueryAsync<SignUp>($"SELECT {Columns} FROM signups WHERE user_aad = @aad AND status IN (0, 1, 2) ORDER BY seq", new { aad }).ConfigureAwait(false);
            var result = new List<(SignUp, int)>();
            foreach (var s in rows)
            {
                result.Add((s, s.Status == SignUpStatus.Waitlisted ? await PositionAsync(c, null, s.ProjectNumber, s.RoleNumber, s.Seq).ConfigureAwait(false) : 0));
            }

            return result;
        }, ct);

    public Task<int> PositionAsync(SignUp signUp, CancellationToken ct) =>
        db.ReadAsync(c => PositionAsync(c, null, signUp.ProjectNumber, signUp.RoleNumber, signUp.Seq), ct);

    /// <summary>Runs <paramref name="work"/> in a transaction holding the project's lock; notifies the outbox after commit.</summary>
    internal Task<T> InProjectAsync<T>(long project, Func<DbConnection, DbTransaction, LockedProject?, Task<T>> work, CancellationToken ct) =>
        db.WriteAsync(async c =>
        {
            await using var tx = await c.BeginTransactionAsync(ct).ConfigureAwait(false);
            var row = await c.QuerySingleOrDefaultAsync<(long Number, long Status, string Title, string Language, string LeaderAad)?>(
                "SELECT number, status, title, language, leader_aad FROM projects WHERE number = @project" + (db.IsSqlite ? string.Empty : " FOR UPDATE"),
                new { project }, tx).ConfigureAwait(false);
            var locked = row is { } r ? new LockedProject(r.Number, (ProjectStatus)r.Status, r.Title, r.Language, r.LeaderAad) : null;
            var result = await work(c, tx, locked).ConfigureAwait(false);
            if (locked is not null)
            {
                await c.ExecuteAsync("UPDATE projects SET card_version = card_version + 1 WHERE number = @project", new { project }, tx).ConfigureAwait(false);
            }

            await tx.CommitAsync(ct).ConfigureAwait(false);
            signal.Notify();
            return result;
        }, ct);

    private async Task OfferNextAsync(DbConnection c, DbTransaction tx, LockedProject p, long role)
    {
        var seats = await c.ExecuteScalarAsync<long>("SELECT seats FROM project_roles WHERE project_number = @project AND role_number = @role",
            new { project = p.Number, role }, tx).ConfigureAwait(false);
        if (p.Status is not (ProjectStatus.Recruiting or ProjectStatus.TeamFormed) || await TakenAsync(c, tx, p.Number, role).ConfigureAwait(false) >= seats)
        {
            return;
        }

        var next = await c.QueryFirstOrDefaultAsync<(long Seq, string Aad, string? TeamsId)?>(
            "SELECT seq, user_aad, user_teams_id FROM signups WHERE project_number = @project AND role_number = @role AND status = 1 ORDER BY seq LIMIT 1",
            new { project = p.Number, role }, tx).ConfigureAwait(false);
        if (next is not { } n)
        {
            return;
        }

        var until = time.GetUtcNow() + club.Value.OfferTimeout;
        await c.ExecuteAsync("UPDATE signups SET status = 2, offered_until = @until, updated_at = @now WHERE seq = @seq",
            new { seq = n.Seq, until, now = time.GetUtcNow() }, tx).ConfigureAwait(false);
        var language = await SignUpNotices.LanguageOfAsync(c, tx, n.Aad, p.Language).ConfigureAwait(false);
        var roleName = await RoleNameAsync(c, tx, p.Number, role).ConfigureAwait(false);
        var deadline = SignUpNotices.Deadline(until, language, await SignUpNotices.TimeZoneOfAsync(c, tx, n.Aad).ConfigureAwait(false), time.GetUtcNow());
        await outbox.EnqueueAsync(c, tx, [SignUpNotices.Offer(language, p.Number, p.Title, roleName, deadline, new OfferTarget(n.Aad, n.TeamsId, null, null, null))])
            .ConfigureAwait(false);
    }

    private async Task LeaderEventAsync(DbConnection c, DbTransaction tx, LockedProject p, string kind, string? userName, string roleName) =>
        await c.ExecuteAsync(
            "INSERT INTO leader_events (project_number, leader_aad, kind, user_name, role_name, created_at, sent) VALUES (@project, @leader, @kind, @userName, @roleName, @now, FALSE)",
            new { project = p.Number, leader = p.LeaderAad, kind, userName, roleName, now = time.GetUtcNow() }, tx).ConfigureAwait(false);

    private Task<int> SetStatusAsync(DbConnection c, DbTransaction tx, long seq, SignUpStatus status) =>
        c.ExecuteAsync("UPDATE signups SET status = @status, offered_until = NULL, updated_at = @now WHERE seq = @seq",
            new { seq, status = (int)status, now = time.GetUtcNow() }, tx);

    private static Task<SignUp?> LiveAsync(DbConnection c, DbTransaction? tx, long project, string aad) =>
        c.QuerySingleOrDefaultAsync<SignUp>($"SELECT {Columns} FROM signups WHERE project_number = @project AND user_aad = @aad AND status IN (0, 1, 2)",
            new { project, aad }, tx);

    private static Task<long> TakenAsync(DbConnection c, DbTransaction tx, long project, long role) =>
        c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM signups WHERE project_number = @project AND role_number = @role AND status IN (0, 2)",
            new { project, role }, tx);

    private static async Task<int> PositionAsync(DbConnection c, DbTransaction? tx, long project, long role, long seq) =>
        (int)await c.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM signups WHERE project_number = @project AND role_number = @role AND status = 1 AND seq <= @seq",
            new { project, role, seq }, tx).ConfigureAwait(false);

    private static async Task<string> RoleNameAsync(DbConnection c, DbTransaction tx, long project, long role) =>
        await c.ExecuteScalarAsync<string>("SELECT name FROM project_roles WHERE project_number = @project AND role_number = @role",
            new { project, role }, tx).ConfigureAwait(false) ?? "?";
}

/// <summary>The project row read under its lock.</summary>
internal sealed record LockedProject(long Number, ProjectStatus Status, string Title, string Language, string LeaderAad);
