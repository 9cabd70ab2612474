using System.Data.Common;
using Dapper;
using ProBonoBot.Cards.Projects;
using ProBonoBot.Storage;
using ProBonoBot.Turns;

namespace ProBonoBot.Projects;

/// <summary>Projects, their roles, seat counts and the announcement cards posted for them.</summary>
public sealed class ProjectStore(Db db, TimeProvider time)
{
    // Recruiting and later can only be reached by publishing; published_at remembers it for a project cancelled afterwards.
    private const string ProjectColumns =
        "number AS Number, title AS Title, partner AS Partner, summary AS Summary, objective AS Objective, deliverables AS Deliverables, " +
        "hours_per_week AS HoursPerWeek, start_date AS StartDate, end_date AS EndDate, work_mode AS WorkMode, place AS Place, " +
        "language AS Language, leader_aad AS LeaderAad, leader_name AS LeaderName, status AS Status, card_version AS CardVersion, " +
        "CAST(CASE WHEN published_at IS NOT NULL OR status IN (1, 2, 3, 4) THEN 1 ELSE 0 END AS BIGINT) AS Published";

    /// <summary>Creates a draft project; with a <paramref name="requestKey"/>, a second call with the same key returns the first's number.</summary>
    public Task<long> CreateAsync(ProjectDraft draft, string leaderAad, string? leaderName, CancellationToken ct, string? requestKey = null) =>
        db.WriteAsync(async c =>
        {
            await using var tx = await c.BeginTransactionAsync(ct).ConfigureAwait(false);
            var now = time.GetUtcNow();
            if (await RequestKeys.ClaimAsync(c, tx, requestKey, now) is { Length: > 0 } earlier)
            {
                return long.Parse(earlier, System.Globalization.CultureInfo.InvariantCulture);
            }

            var number = await c.ExecuteScalarAsync<long>(
                """
                INSERT INTO projects (title, partner, summary, objective, deliverables, hours_per_week, start_date, end_date, work_mode, place,
                                      language, leader_aad, leader_name, status, card_version, created_at, updated_at)
                VALUES (@Title, @Partner, @Summary, @Objective, @Deliverables, @HoursPerWeek, @StartDate, @EndDate, @Mode, @Place,
                        @Language, @leaderAad, @leaderName, 0, 1, @now, @now)
                RETURNING number
                """,
                new
                {
                    draft.Title, draft.Partner, draft.Summary, draft.Objective, draft.Deliverables, draft.HoursPerWeek, draft.StartDate,
                    draft.EndDate, Mode = ModeCode(draft.Mode), draft.Place, draft.Language, leaderAad, leaderName, now,
                }, tx).ConfigureAwait(false);
            await InsertRolesAsync(c, tx, number, draft.Roles).ConfigureAwait(false);
            await RequestKeys.SetResultAsync(c, tx, requestKey, number.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await tx.CommitAsync(ct).ConfigureAwait(false);
            return number;
        }, ct);

    /// <summary>Replaces a draft's fields and roles; false when the project is not a draft (any more).</summary>
    public Task<bool> UpdateDraftAsync(long number, ProjectDraft draft, CancellationToken ct) =>
        db.WriteAsync(async c =>
        {
            await using var tx = await c.BeginTransactionAsync(ct).ConfigureAwait(false);
            var updated = await c.ExecuteAsync(
                """
                UPDATE projects SET title = @Title, partner = @Partner, summary = @Summary, objective = @Objective, deliverables = @Deliverables,
                    hours_per_week = @HoursPerWeek, start_date = @StartDate, end_date = @EndDate, work_mode = @Mode, place = @Place,
                    language = @Language, card_version = card_version + 1, updated_at = @now
                WHERE number = @number AND status = 0
                """,
                new
                {
                    draft.Title, draft.Partner, draft.Summary, draft.Objective, draft.Deliverables, draft.HoursPerWeek, draft.StartDate,
                    draft.EndDate, Mode = ModeCode(draft.Mode), draft.Place, draft.Language, now = time.GetUtcNow(), number,
                }, tx).ConfigureAwait(false);
            if (updated == 0)
            {
                return false;
            }

            await c.ExecuteAsync("DELETE FROM project_roles WHERE project_number = @number", new { number }, tx).ConfigureAwait(false);
            await InsertRolesAsync(c, tx, number, draft.Roles).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
            return true;
        }, ct);

    public async Task<Project?> GetAsync(long number, CancellationToken ct) =>
        (await ListWhereAsync("number = @number", new { number }, ct).ConfigureAwait(false)).SingleOrDefault();

    public Task<IReadOnlyList<Project>> ListAsync(ProjectStatus status, CancellationToken ct) =>
        ListWhereAsync("status = @status", new { status = (int)status }, ct);

    /// <summary>
    /// Projects the person is confirmed on (any status), or leads while they are open (draft to in progress);
    /// the leader is matched without case, as the leader checks do.
    /// </summary>
    public Task<IReadOnlyList<Project>> ListOfMemberOrLeaderAsync(string aad, CancellationToken ct) =>
        ListWhereAsync(
            "(LOWER(leader_aad) = LOWER(@aad) AND status IN (0, 1, 2, 3)) OR number IN (SELECT project_number FROM signups WHERE user_aad = @aad AND status = 0)",
            new { aad }, ct);

    /// <summary>
    /// Moves a project from one of <paramref name="from"/> to <paramref name="to"/>; false when it was not in one of them.
    /// Recruiting marks it published: from then on everyone may see it, also after it is cancelled.
    /// </summary>
    public Task<bool> SetStatusAsync(long number, ProjectStatus[] from, ProjectStatus to, CancellationToken ct) =>
        db.WriteAsync(async c => await c.ExecuteAsync(
            $"UPDATE projects SET status = @to, card_version = card_version + 1, updated_at = @now" +
            (to == ProjectStatus.Recruiting ? ", published_at = COALESCE(published_at, @now)" : string.Empty) +
            $" WHERE number = @number AND {db.In("status", "from")}",
            new { number, to = (long)to, from = from.Select(s => (long)s).ToArray(), now = time.GetUtcNow() }).ConfigureAwait(false) == 1, ct);

    /// <summary>Seats taken (confirmed + offered) and people waiting, per role.</summary>
    public async Task<IReadOnlyDictionary<int, (int Taken, int Waitlisted)>> CountsAsync(long number, CancellationToken ct)
    {
        var rows = await db.ReadAsync(c => c.QueryAsync<(long Role, long Taken, long Waiting)>(
            """
            SELECT role_number, SUM(CASE WHEN status IN (0, 2) THEN 1 ELSE 0 END), SUM(CASE WHEN status = 1 THEN 1 ELSE 0 END)
            FROM signups WHERE project_number = @number AND status IN (0, 1, 2) GROUP BY role_number
            """, new { number }), ct).ConfigureAwait(false);
        return rows.ToDictionary(r => (int)r.Role, r => ((int)r.Taken, (int)r.Waiting));
    }

    public async Task<ProjectCardModel?> CardModelAsync(long number, CancellationToken ct)
    {
        var project = await GetAsync(number, ct).ConfigureAwait(false);
        return project?.ToCard(await CountsAsync(number, ct).ConfigureAwait(false));
    }

    /// <summary>Posted copies whose project changed since they were last rendered.</summary>
    public Task<IReadOnlyList<PostedCard>> StalePostedCardsAsync(int limit, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<PostedCard>>(async c => [.. await c.QueryAsync<PostedCard>(
            """
            SELECT pc.project_number AS ProjectNumber, pc.conversation_id AS ConversationId, pc.activity_id AS ActivityId,
                   pc.service_url AS ServiceUrl, p.card_version AS Version
            FROM posted_cards pc JOIN projects p ON p.number = pc.project_number
            WHERE pc.rendered_version < p.card_version
            ORDER BY pc.project_number
            LIMIT @limit
            """, new { limit }).ConfigureAwait(false)], ct);

    public Task<IReadOnlyList<PostedCard>> PostedCardsAsync(long number, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<PostedCard>>(async c => [.. await c.QueryAsync<PostedCard>(
            """
            SELECT project_number AS ProjectNumber, conversation_id AS ConversationId, activity_id AS ActivityId,
                   service_url AS ServiceUrl, rendered_version AS Version
            FROM posted_cards WHERE project_number = @number ORDER BY posted_at
            """, new { number }).ConfigureAwait(false)], ct);

    public Task MarkRenderedAsync(PostedCard card, CancellationToken ct) =>
        db.WriteAsync(c => c.ExecuteAsync(
            "UPDATE posted_cards SET rendered_version = @Version WHERE conversation_id = @ConversationId AND activity_id = @ActivityId AND rendered_version < @Version",
            card), ct);

    private async Task<IReadOnlyList<Project>> ListWhereAsync(string where, object args, CancellationToken ct) =>
        await db.ReadAsync<IReadOnlyList<Project>>(async c =>
        {
            var rows = (await c.QueryAsync<ProjectRow>($"SELECT {ProjectColumns} FROM projects WHERE {where} ORDER BY number", args).ConfigureAwait(false)).ToList();
            if (rows.Count == 0)
            {
                return [];
            }

            var roles = (await c.QueryAsync<(long Project, long Number, string Name, string? Skills, long Seats)>(
                $"SELECT project_number, role_number, name, skills, seats FROM project_roles WHERE {db.In("project_number", "numbers")} ORDER BY role_number",
                new { numbers = rows.Select(r => r.Number).ToArray() }).ConfigureAwait(false)).ToLookup(r => r.Project);
            return [.. rows.Select(r => r.ToProject([.. roles[r.Number].Select(x => new ProjectRole((int)x.Number, x.Name, x.Skills, (int)x.Seats))]))];
        }, ct).ConfigureAwait(false);

    private static async Task InsertRolesAsync(DbConnection c, DbTransaction tx, long number, IReadOnlyList<ProjectRole> roles) =>
        await c.ExecuteAsync(
            "INSERT INTO project_roles (project_number, role_number, name, skills, seats) VALUES (@projectNumber, @roleNumber, @Name, @Skills, @Seats)",
            roles.Select(r => new { projectNumber = number, roleNumber = r.Number, r.Name, r.Skills, r.Seats }), tx).ConfigureAwait(false);

    private static string ModeCode(WorkMode mode) => mode.ToString().ToLowerInvariant();

    private sealed class ProjectRow
    {
        public long Number { get; init; }
        public string Title { get; init; } = string.Empty;
        public string Partner { get; init; } = string.Empty;
        public string Summary { get; init; } = string.Empty;
        public string? Objective { get; init; }
        public string? Deliverables { get; init; }
        public long HoursPerWeek { get; init; }
        public string? StartDate { get; init; }
        public string? EndDate { get; init; }
        public string WorkMode { get; init; } = "remote";
        public string? Place { get; init; }
        public string Language { get; init; } = "ja";
        public string LeaderAad { get; init; } = string.Empty;
        public string? LeaderName { get; init; }
        public long Status { get; init; }
        public long CardVersion { get; init; }
        public long Published { get; init; }

        public Project ToProject(IReadOnlyList<ProjectRole> roles) => new(
            Number, Title, Partner, Summary, Objective, Deliverables, (int)HoursPerWeek, StartDate, EndDate,
            Enum.TryParse<WorkMode>(WorkMode, ignoreCase: true, out var mode) ? mode : Cards.Projects.WorkMode.Remote,
            Place, Language, LeaderAad, LeaderName, (ProjectStatus)Status, CardVersion, roles, Published == 1);
    }
}

/// <summary>One posted copy of an announcement card.</summary>
public sealed record PostedCard(long ProjectNumber, string ConversationId, string ActivityId, string ServiceUrl, long Version);
