using System.Data.Common;
using System.Text.Json;
using Dapper;
using ProBonoBot.Outbox;
using ProBonoBot.SignUps;
using ProBonoBot.Storage;

namespace ProBonoBot.Profiles;

/// <summary>What became of an invitation.</summary>
public enum InviteResult
{
    Sent,
    AlreadyInvited,
    Unreachable,
}

/// <summary>Skills profiles, whether the short profile question was asked, and leaders' invitations.</summary>
public sealed class ProfileStore(Db db, TimeProvider time, OutboxStore outbox, OutboxSignal signal)
{
    private const string Columns =
        "aad_object_id AS Aad, name AS Name, skills AS Skills, skills_other AS SkillsOther, interests AS Interests, " +
        "hours_per_month AS HoursPerMonth, languages AS Languages, work_mode AS WorkMode, area AS Area";

    /// <summary>The person's saved profile; null when they never saved one (asked or skipped only).</summary>
    public async Task<Profile?> GetAsync(string aad, CancellationToken ct) =>
        (await db.ReadAsync(c => c.QueryAsync<Row>($"SELECT {Columns} FROM profiles WHERE aad_object_id = @aad AND saved_at IS NOT NULL", new { aad }), ct))
        .Select(r => r.ToProfile()).SingleOrDefault();

    /// <summary>Every saved profile.</summary>
    public async Task<IReadOnlyList<Profile>> SavedAsync(CancellationToken ct) =>
        [.. (await db.ReadAsync(c => c.QueryAsync<Row>($"SELECT {Columns} FROM profiles WHERE saved_at IS NOT NULL ORDER BY aad_object_id"), ct)).Select(r => r.ToProfile())];

    public Task SaveAsync(Profile profile, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return db.WriteAsync(c => c.ExecuteAsync(
            """
            INSERT INTO profiles (aad_object_id, name, skills, skills_other, interests, hours_per_month, languages, work_mode, area, asked_at, saved_at, updated_at)
            VALUES (@Aad, @Name, @Skills, @SkillsOther, @Interests, @HoursPerMonth, @Languages, @Mode, @Area, @now, @now, @now)
            ON CONFLICT (aad_object_id) DO UPDATE SET name = COALESCE(excluded.name, profiles.name), skills = excluded.skills,
                skills_other = excluded.skills_other, interests = excluded.interests, hours_per_month = excluded.hours_per_month,
                languages = excluded.languages, work_mode = excluded.work_mode, area = excluded.area,
                asked_at = COALESCE(profiles.asked_at, excluded.asked_at), saved_at = excluded.saved_at, updated_at = excluded.updated_at
            """,
            new
            {
                profile.Aad, profile.Name, Skills = string.Join(',', profile.Skills), profile.SkillsOther, Interests = string.Join(',', profile.Interests),
                profile.HoursPerMonth, Languages = string.Join(',', profile.Languages), Mode = profile.Mode?.ToString().ToLowerInvariant(), profile.Area,
                now = time.GetUtcNow(),
            }), ct);
    }

    /// <summary>
    /// Adds lexicon skill ids to a person's profile inside the caller's transaction (a closed project's skills): kept in order,
    /// no duplicates. A person without a profile gets one holding these skills (saved, so it counts like one they saved).
    /// </summary>
    public async Task AddSkillsAsync(DbConnection c, DbTransaction tx, string aad, string? name, IReadOnlyCollection<string> skills)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(skills);
        var current = await c.QuerySingleOrDefaultAsync<string?>("SELECT skills FROM profiles WHERE aad_object_id = @aad", new { aad }, tx) ?? string.Empty;
        var merged = current.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Concat(skills).Distinct(StringComparer.Ordinal);
        await c.ExecuteAsync(
            """
            INSERT INTO profiles (aad_object_id, name, skills, saved_at, updated_at) VALUES (@aad, @name, @skills, @now, @now)
            ON CONFLICT (aad_object_id) DO UPDATE SET skills = excluded.skills, name = COALESCE(profiles.name, excluded.name),
                saved_at = COALESCE(profiles.saved_at, excluded.saved_at), updated_at = excluded.updated_at
            """, new { aad, name, skills = string.Join(',', merged), now = time.GetUtcNow() }, tx);
    }

    /// <summary>"Skip" / "Not now": remembered as asked, a saved profile left as it is.</summary>
    public Task SkipAsync(string aad, string? name, CancellationToken ct) => MarkAskedAsync(aad, name, ct);

    /// <summary>Records that the short profile question is being asked; false when it was asked (or a profile saved) before.</summary>
    public Task<bool> MarkAskedAsync(string aad, string? name, CancellationToken ct) =>
        db.WriteAsync(async c => await c.ExecuteAsync(
            """
            INSERT INTO profiles (aad_object_id, name, asked_at, updated_at) VALUES (@aad, @name, @now, @now)
            ON CONFLICT (aad_object_id) DO UPDATE SET asked_at = excluded.asked_at, updated_at = excluded.updated_at
            WHERE profiles.asked_at IS NULL AND profiles.saved_at IS NULL
            """, new { aad, name, now = time.GetUtcNow() }) == 1, ct);

    /// <summary>Everyone who has a sign-up for the project, in any state (applied, waiting, withdrawn…).</summary>
    public async Task<IReadOnlySet<string>> ApplicantsAsync(long project, CancellationToken ct) =>
        (await db.ReadAsync(c => c.QueryAsync<string>("SELECT DISTINCT user_aad FROM signups WHERE project_number = @project", new { project }), ct))
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>The need category its brief gave the project (the brief it was made from), if any.</summary>
    public async Task<string?> BriefCategoryAsync(long project, CancellationToken ct)
    {
        var json = await db.ReadAsync(c => c.QuerySingleOrDefaultAsync<string?>(
            "SELECT brief_json FROM briefs WHERE project_number = @project ORDER BY version DESC, id DESC LIMIT 1", new { project }), ct);
        if (json is null)
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("needCategory", out var v) && v.ValueKind == JsonValueKind.String
                ? v.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public async Task<IReadOnlySet<string>> InvitedAsync(long project, CancellationToken ct) =>
        (await db.ReadAsync(c => c.QueryAsync<string>("SELECT aad_object_id FROM project_invitations WHERE project_number = @project", new { project }), ct))
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Invites once: records the invitation and queues <paramref name="activity"/> for the person's 1:1 chat in one
    /// transaction (the outbox creates the chat when there is none yet). A second call for the same project and person
    /// sends nothing. Someone with no 1:1 chat and no team roster entry, or who blocked the bot, cannot be invited.
    /// </summary>
    public async Task<InviteResult> InviteAsync(long project, string aad, string invitedBy, string activity, CancellationToken ct)
    {
        var result = await db.WriteAsync(async c =>
        {
            await using var tx = await c.BeginTransactionAsync(ct);
            if (await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM project_invitations WHERE project_number = @project AND aad_object_id = @aad",
                    new { project, aad }, tx) > 0)
            {
                return InviteResult.AlreadyInvited;
            }

            var target = await TargetAsync(c, tx, aad, activity);
            if (target is null)
            {
                return InviteResult.Unreachable;
            }

            var inserted = await c.ExecuteAsync(
                """
                INSERT INTO project_invitations (project_number, aad_object_id, invited_by, invited_at) VALUES (@project, @aad, @invitedBy, @now)
                ON CONFLICT (project_number, aad_object_id) DO NOTHING
                """, new { project, aad, invitedBy, now = time.GetUtcNow() }, tx);
            if (inserted == 0)
            {
                return InviteResult.AlreadyInvited;
            }

            await outbox.EnqueueAsync(c, tx, [target]);
            await tx.CommitAsync(ct);
            return InviteResult.Sent;
        }, ct);
        if (result == InviteResult.Sent)
        {
            signal.Notify();
        }

        return result;
    }

    /// <summary>The person's 1:1 chat (unless they blocked the bot), else a team roster entry the outbox can open a chat from.</summary>
    private static async Task<OutboxItem?> TargetAsync(System.Data.Common.DbConnection c, System.Data.Common.DbTransaction tx, string aad, string activity)
    {
        var personal = await c.QueryFirstOrDefaultAsync<Target>(
            """
            SELECT user_id AS TeamsId, tenant_id AS TenantId, bot_id AS BotId, service_url AS ServiceUrl,
                   CAST(CASE WHEN is_active = TRUE THEN 1 ELSE 0 END AS BIGINT) AS Active
            FROM conversation_refs WHERE conversation_type = 'personal' AND user_aad_object_id = @aad ORDER BY updated_at DESC LIMIT 1
            """, new { aad }, tx);
        if (personal is not null)
        {
            return personal.Active == 1 ? SignUpNotices.ToPerson(activity, aad, personal.TeamsId, personal.TenantId, personal.ServiceUrl, personal.BotId) : null;
        }

        var member = await c.QueryFirstOrDefaultAsync<Target>(
            """
            SELECT m.teams_user_id AS TeamsId, m.tenant_id AS TenantId, m.bot_id AS BotId, m.service_url AS ServiceUrl, CAST(1 AS BIGINT) AS Active
            FROM team_members m
            WHERE m.aad_object_id = @aad AND m.bot_id IS NOT NULL
              AND EXISTS (SELECT 1 FROM conversation_refs t WHERE t.team_id = m.team_id AND t.conversation_type = 'channel' AND t.is_active = TRUE)
            ORDER BY m.seen_at DESC LIMIT 1
            """, new { aad }, tx);
        return member is null ? null : SignUpNotices.ToPerson(activity, aad, member.TeamsId, member.TenantId, member.ServiceUrl, member.BotId);
    }

    private sealed record Target(string? TeamsId, string? TenantId, string? BotId, string? ServiceUrl, long Active);

    private sealed class Row
    {
        public string Aad { get; init; } = string.Empty;
        public string? Name { get; init; }
        public string Skills { get; init; } = string.Empty;
        public string? SkillsOther { get; init; }
        public string Interests { get; init; } = string.Empty;
        public long? HoursPerMonth { get; init; }
        public string Languages { get; init; } = string.Empty;
        public string? WorkMode { get; init; }
        public string? Area { get; init; }

        public Profile ToProfile() => new(Aad, Name, Split(Skills), SkillsOther, Split(Interests), (int?)HoursPerMonth, Split(Languages),
            Enum.TryParse<WorkPreference>(WorkMode, ignoreCase: true, out var mode) ? mode : null, Area);

        private static string[] Split(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
