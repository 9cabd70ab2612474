using System.Globalization;
using Dapper;
using ProBonoBot.Storage;
using ProBonoBot.Turns;

namespace ProBonoBot.Drafting;

/// <summary>Needs, briefs, manuals, drafting jobs and token usage.</summary>
public sealed class DraftingStore(Db db, TimeProvider time, Microsoft.Extensions.Options.IOptions<DraftingOptions> options) : ITokenBudget
{
    private const string NeedColumns = "id AS Id, author_aad AS AuthorAad, author_name AS AuthorName, conversation_id AS ConversationId, service_url AS ServiceUrl, language AS Language, need_text AS NeedText, answers AS Answers, pending AS Pending, status AS Status";
    private const string BriefColumns = "id AS Id, need_id AS NeedId, author_aad AS AuthorAad, author_name AS AuthorName, language AS Language, version AS Version, brief_json AS BriefJson, source AS Source, fallback AS Fallback, status AS Status, project_number AS ProjectNumber";
    private const string ManualColumns = "id AS Id, project_number AS ProjectNumber, kind AS Kind, version AS Version, language AS Language, document_json AS DocumentJson, source AS Source, fallback AS Fallback, instruction AS Instruction, created_by AS CreatedBy, created_at AS CreatedAt";
    private const string JobColumns = "id AS Id, kind AS Kind, subject_id AS SubjectId, person_aad AS PersonAad, person_name AS PersonName, conversation_id AS ConversationId, conversation_type AS ConversationType, service_url AS ServiceUrl, language AS Language, payload AS Payload, attempts AS Attempts, result_id AS ResultId";

    /// <summary>Long-running model calls renew it; after a crash another instance (or this one restarted) picks the job up.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    // ---- needs ----

    /// <summary>Records a need; with a <paramref name="requestKey"/>, a second call with the same key returns the first's id.</summary>
    public Task<long> CreateNeedAsync(NeedRow need, CancellationToken ct, string? requestKey = null) => db.WriteAsync(async c =>
    {
        var now = time.GetUtcNow();
        await using var tx = await c.BeginTransactionAsync(ct);
        if (await RequestKeys.ClaimAsync(c, tx, requestKey, now) is { Length: > 0 } earlier)
        {
            return long.Parse(earlier, CultureInfo.InvariantCulture);
        }

        // A new need replaces any question still open for the same person; a proposal never agreed to is not kept.
        await c.ExecuteAsync("UPDATE needs SET status = 2, updated_at = @now WHERE author_aad = @AuthorAad AND status = 0", new { need.AuthorAad, now }, tx).ConfigureAwait(false);
        await c.ExecuteAsync("UPDATE needs SET status = 2, need_text = '', updated_at = @now WHERE author_aad = @AuthorAad AND status = 3", new { need.AuthorAad, now }, tx);
        var id = await c.ExecuteScalarAsync<long>(
            """
            INSERT INTO needs (author_aad, author_name, conversation_id, service_url, language, need_text, answers, pending, status, created_at, updated_at)
            VALUES (@AuthorAad, @AuthorName, @ConversationId, @ServiceUrl, @Language, @NeedText, @Answers, @Pending, @Status, @now, @now) RETURNING id
            """, new { need.AuthorAad, need.AuthorName, need.ConversationId, need.ServiceUrl, need.Language, need.NeedText, need.Answers, need.Pending, need.Status, now }, tx).ConfigureAwait(false);
        await RequestKeys.SetResultAsync(c, tx, requestKey, id.ToString(CultureInfo.InvariantCulture));
        await tx.CommitAsync(ct);
        return id;
    }, ct);

    public Task<NeedRow?> OpenNeedAsync(string aad, CancellationToken ct) =>
        db.ReadAsync(c => c.QuerySingleOrDefaultAsync<NeedRow?>($"SELECT {NeedColumns} FROM needs WHERE author_aad = @aad AND status = 0 ORDER BY id DESC LIMIT 1", new { aad }), ct);

    /// <summary>The person's latest need still waiting for them: questions being asked (0) or a proposal to answer (3).</summary>
    /// A proposal left unanswered for <see cref="ProposalLifetime"/> has expired: its text is blanked first, so a
    /// "yes" or "ok" typed hours later is ordinary chat and `help` is the general help again.
    public Task<NeedRow?> WaitingNeedAsync(string aad, CancellationToken ct) => db.WriteAsync(async c =>
    {
        var now = time.GetUtcNow();
        await c.ExecuteAsync(
            "UPDATE needs SET status = 2, need_text = '', answers = '{}', pending = '', updated_at = @now WHERE author_aad = @aad AND status = 3 AND updated_at < @since",
            new { aad, now, since = now - ProposalLifetime });
        return await c.QuerySingleOrDefaultAsync<NeedRow?>($"SELECT {NeedColumns} FROM needs WHERE author_aad = @aad AND status IN (0, 3) ORDER BY id DESC LIMIT 1", new { aad });
    }, ct);

    /// <summary>How long "Shall I turn this into a project brief?" waits for an answer (the sign-up session's span).</summary>
    public static readonly TimeSpan ProposalLifetime = TimeSpan.FromMinutes(30);

    /// <summary>"Yes, draft a brief": the proposal becomes a need with its questions; false when it was no longer a proposal (a double click).</summary>
    public Task<bool> AcceptProposalAsync(long id, string aad, string pending, long status, CancellationToken ct) => db.WriteAsync(async c =>
        await c.ExecuteAsync(
            "UPDATE needs SET pending = @pending, status = @status, updated_at = @now WHERE id = @id AND author_aad = @aad AND status = 3 AND updated_at >= @since",
            new { id, aad, pending, status, now = time.GetUtcNow(), since = time.GetUtcNow() - ProposalLifetime }) == 1, ct);

    /// <summary>Cancel or "No": the need is closed and its text and answers are not kept; false when it was no longer in <paramref name="expectedStatus"/>.</summary>
    public Task<bool> DropNeedAsync(long id, long expectedStatus, CancellationToken ct) => db.WriteAsync(async c =>
        await c.ExecuteAsync(
            "UPDATE needs SET status = 2, need_text = '', answers = '{}', pending = '', updated_at = @now WHERE id = @id AND status = @expectedStatus",
            new { id, expectedStatus, now = time.GetUtcNow() }) == 1, ct);

    public Task<NeedRow?> NeedAsync(long id, CancellationToken ct) =>
        db.ReadAsync(c => c.QuerySingleOrDefaultAsync<NeedRow?>($"SELECT {NeedColumns} FROM needs WHERE id = @id", new { id }), ct);

    /// <summary>Records an answer; false when the need was no longer waiting for it (a double delivery).</summary>
    public Task<bool> AnswerAsync(long id, string expectedPending, string answers, string pending, long status, CancellationToken ct) => db.WriteAsync(async c =>
        await c.ExecuteAsync(
            "UPDATE needs SET answers = @answers, pending = @pending, status = @status, updated_at = @now WHERE id = @id AND status = 0 AND pending = @expectedPending",
            new { id, answers, pending, status, expectedPending, now = time.GetUtcNow() }).ConfigureAwait(false) == 1, ct);

    // ---- briefs ----

    public Task<BriefRow?> BriefAsync(long id, CancellationToken ct) =>
        db.ReadAsync(c => c.QuerySingleOrDefaultAsync<BriefRow?>($"SELECT {BriefColumns} FROM briefs WHERE id = @id", new { id }), ct);

    public Task<BriefRow?> BriefForProjectAsync(long project, CancellationToken ct) =>
        db.ReadAsync(c => c.QuerySingleOrDefaultAsync<BriefRow?>($"SELECT {BriefColumns} FROM briefs WHERE project_number = @project ORDER BY id DESC LIMIT 1", new { project }), ct);

    /// <summary>Saves a job's first brief and marks the job's result in one transaction (a replay then only re-sends it).</summary>
    public Task<long> SaveNewBriefAsync(long jobId, BriefRow brief, CancellationToken ct) => db.WriteAsync(async c =>
    {
        await using var tx = await c.BeginTransactionAsync(ct).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var id = await c.ExecuteScalarAsync<long>(
            """
            INSERT INTO briefs (need_id, author_aad, author_name, language, version, brief_json, source, fallback, status, created_at, updated_at)
            VALUES (@NeedId, @AuthorAad, @AuthorName, @Language, 1, @BriefJson, @Source, @Fallback, 0, @now, @now) RETURNING id
            """, new { brief.NeedId, brief.AuthorAad, brief.AuthorName, brief.Language, brief.BriefJson, brief.Source, brief.Fallback, now }, tx).ConfigureAwait(false);
        await c.ExecuteAsync("UPDATE drafting_jobs SET result_id = @id, updated_at = @now WHERE id = @jobId", new { id, jobId, now }, tx).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return id;
    }, ct);

    /// <summary>A new version of a draft (or returned) brief; false when it moved on (sent, approved) or the version is stale.</summary>
    public Task<bool> ReviseBriefAsync(long id, long expectedVersion, string json, string source, long fallback, string language, long? jobId, CancellationToken ct) => db.WriteAsync(async c =>
    {
        await using var tx = await c.BeginTransactionAsync(ct).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var changed = await c.ExecuteAsync(
            """
            UPDATE briefs SET brief_json = @json, source = @source, fallback = @fallback, language = @language, version = version + 1, status = 0, updated_at = @now
            WHERE id = @id AND version = @expectedVersion AND status IN (0, 3)
            """, new { id, expectedVersion, json, source, fallback, language, now }, tx).ConfigureAwait(false);
        if (changed == 1 && jobId is { } job)
        {
            await c.ExecuteAsync("UPDATE drafting_jobs SET result_id = @id, updated_at = @now WHERE id = @job", new { id, job, now }, tx).ConfigureAwait(false);
        }

        await tx.CommitAsync(ct).ConfigureAwait(false);
        return changed == 1;
    }, ct);

    /// <summary>Moves a brief between statuses at a known version; false when someone else moved it first.</summary>
    public Task<bool> SetBriefStatusAsync(long id, long version, long[] from, long to, long? project, CancellationToken ct) => db.WriteAsync(async c =>
        await c.ExecuteAsync(
            $"UPDATE briefs SET status = @to, project_number = COALESCE(@project, project_number), updated_at = @now WHERE id = @id AND version = @version AND {db.In("status", "from")}",
            new { id, version, from, to, project, now = time.GetUtcNow() }).ConfigureAwait(false) == 1, ct);

    public Task LinkProjectAsync(long id, long project, CancellationToken ct) => db.WriteAsync(c =>
        c.ExecuteAsync("UPDATE briefs SET project_number = @project, updated_at = @now WHERE id = @id", new { id, project, now = time.GetUtcNow() }), ct);

    // ---- manuals ----

    public Task<long> SaveManualAsync(long jobId, ManualRow manual, CancellationToken ct) => db.WriteAsync(async c =>
    {
        await using var tx = await c.BeginTransactionAsync(ct).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var version = await c.ExecuteScalarAsync<long>("SELECT COALESCE(MAX(version), 0) + 1 FROM manuals WHERE project_number = @ProjectNumber AND kind = @Kind", new { manual.ProjectNumber, manual.Kind }, tx).ConfigureAwait(false);
        var id = await c.ExecuteScalarAsync<long>(
            """
            INSERT INTO manuals (project_number, kind, version, language, document_json, source, fallback, instruction, created_by, created_at)
            VALUES (@ProjectNumber, @Kind, @version, @Language, @DocumentJson, @Source, @Fallback, @Instruction, @CreatedBy, @now) RETURNING id
            """, new { manual.ProjectNumber, manual.Kind, version, manual.Language, manual.DocumentJson, manual.Source, manual.Fallback, manual.Instruction, manual.CreatedBy, now }, tx).ConfigureAwait(false);
        await c.ExecuteAsync("UPDATE drafting_jobs SET result_id = @id, updated_at = @now WHERE id = @jobId", new { id, jobId, now }, tx).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return id;
    }, ct);

    public Task<ManualRow?> ManualAsync(long id, CancellationToken ct) =>
        db.ReadAsync(c => c.QuerySingleOrDefaultAsync<ManualRow?>($"SELECT {ManualColumns} FROM manuals WHERE id = @id", new { id }), ct);

    public async Task<IReadOnlyList<ManualRow>> ManualVersionsAsync(long project, string kind, CancellationToken ct) =>
        [.. await db.ReadAsync(c => c.QueryAsync<ManualRow>($"SELECT {ManualColumns} FROM manuals WHERE project_number = @project AND kind = @kind ORDER BY version DESC", new { project, kind }), ct).ConfigureAwait(false)];

    // ---- jobs ----

    /// <summary>Queues a job unless the same person already has the same one queued or running (double clicks).</summary>
    /// <remarks>With a <paramref name="requestKey"/>, a second call with the same key returns the first job's id and queues nothing.</remarks>
    public Task<long?> EnqueueAsync(DraftingJob job, CancellationToken ct, string? requestKey = null) => db.WriteAsync<long?>(async c =>
    {
        await using var tx = await c.BeginTransactionAsync(ct).ConfigureAwait(false);
        if (await RequestKeys.ClaimAsync(c, tx, requestKey, time.GetUtcNow()) is { Length: > 0 } earlier)
        {
            return long.Parse(earlier, CultureInfo.InvariantCulture);
        }

        var busy = await c.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM drafting_jobs WHERE person_aad = @PersonAad AND kind = @Kind AND subject_id = @SubjectId AND status IN (0, 1)",
            new { job.PersonAad, job.Kind, job.SubjectId }, tx).ConfigureAwait(false);
        if (busy > 0)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var id = await c.ExecuteScalarAsync<long>(
            """
            INSERT INTO drafting_jobs (kind, subject_id, person_aad, person_name, conversation_id, conversation_type, service_url, language, payload, status, created_at, updated_at)
            VALUES (@Kind, @SubjectId, @PersonAad, @PersonName, @ConversationId, @ConversationType, @ServiceUrl, @Language, @Payload, 0, @now, @now) RETURNING id
            """, new { job.Kind, job.SubjectId, job.PersonAad, job.PersonName, job.ConversationId, job.ConversationType, job.ServiceUrl, job.Language, job.Payload, now }, tx).ConfigureAwait(false);
        await RequestKeys.SetResultAsync(c, tx, requestKey, id.ToString(CultureInfo.InvariantCulture));
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return id;
    }, ct);

    /// <summary>Claims the next queued job, or a running one whose lease ran out (its instance stopped).</summary>
    public Task<DraftingJob?> ClaimAsync(CancellationToken ct) => db.WriteAsync(async c =>
    {
        var now = time.GetUtcNow();
        var lockClause = db.IsSqlite ? string.Empty : "FOR UPDATE SKIP LOCKED";
        return await c.QuerySingleOrDefaultAsync<DraftingJob?>(
            $"""
            UPDATE drafting_jobs SET status = 1, attempts = attempts + 1, lease_until = @leaseUntil, updated_at = @now
            WHERE id = (SELECT id FROM drafting_jobs
                        WHERE status = 0 OR (status = 1 AND lease_until < @now)
                        ORDER BY id LIMIT 1 {lockClause})
            RETURNING {JobColumns}
            """, new { now, leaseUntil = now + Lease }).ConfigureAwait(false);
    }, ct);

    public Task<long?> JobResultAsync(long id, CancellationToken ct) =>
        db.ReadAsync(c => c.ExecuteScalarAsync<long?>("SELECT result_id FROM drafting_jobs WHERE id = @id", new { id }), ct);

    public Task RenewAsync(long id, CancellationToken ct) => db.WriteAsync(c =>
        c.ExecuteAsync("UPDATE drafting_jobs SET lease_until = @leaseUntil WHERE id = @id AND status = 1", new { id, leaseUntil = time.GetUtcNow() + Lease }), ct);

    public Task FinishAsync(long id, bool failed, long tokens, CancellationToken ct) => db.WriteAsync(c =>
        c.ExecuteAsync("UPDATE drafting_jobs SET status = @status, tokens = tokens + @tokens, lease_until = NULL, updated_at = @now WHERE id = @id",
            new { id, status = failed ? 3 : 2, tokens, now = time.GetUtcNow() }), ct);

    /// <summary>A single instance on SQLite owns every running job: after its restart they are due at once.</summary>
    public Task<int> ReleaseRunningAsync(CancellationToken ct) => db.WriteAsync(c =>
        c.ExecuteAsync("UPDATE drafting_jobs SET lease_until = @past WHERE status = 1", new { past = DateTimeOffset.UnixEpoch }), ct);

    /// <summary>Jobs a person asked for since <paramref name="since"/> (the per-user rate limit).</summary>
    public Task<long> JobsSinceAsync(string aad, DateTimeOffset since, CancellationToken ct) =>
        db.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM drafting_jobs WHERE person_aad = @aad AND created_at >= @since", new { aad, since }), ct);

    public Task<DateTimeOffset?> OldestJobSinceAsync(string aad, DateTimeOffset since, CancellationToken ct) =>
        db.ReadAsync(c => c.ExecuteScalarAsync<DateTimeOffset?>("SELECT MIN(created_at) FROM drafting_jobs WHERE person_aad = @aad AND created_at >= @since", new { aad, since }), ct);

    // ---- token budget ----

    public async Task<bool> HasRoomAsync(CancellationToken ct) =>
        options.Value.DailyTokenBudget <= 0 || await UsedTodayAsync(ct).ConfigureAwait(false) < options.Value.DailyTokenBudget;

    public Task<long> UsedTodayAsync(CancellationToken ct) =>
        db.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COALESCE(MAX(tokens), 0) FROM drafting_usage WHERE day = @day", new { day = Today() }), ct);

    public Task SpendAsync(long tokens, CancellationToken ct) => tokens <= 0 ? Task.CompletedTask : db.WriteAsync(c =>
        c.ExecuteAsync("INSERT INTO drafting_usage (day, tokens) VALUES (@day, @tokens) ON CONFLICT (day) DO UPDATE SET tokens = drafting_usage.tokens + @tokens",
            new { day = Today(), tokens }), ct);

    private string Today() => time.GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
