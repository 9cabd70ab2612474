using Dapper;
using ProBonoBot.Storage;

namespace ProBonoBot.Drafting.Feedback;

/// <summary>What a piece of feedback is about: a brief or a manual, by id.</summary>
public sealed record DraftRef(string Kind, long Id)
{
    public const string Brief = "brief";
    public const string Manual = "manual";
}

/// <summary>One like, dislike or report as stored.</summary>
public sealed record FeedbackRow
{
    public long Id { get; init; }
    public string Kind { get; init; } = string.Empty;
    public string SubjectKind { get; init; } = string.Empty;
    public long SubjectId { get; init; }
    public string? Category { get; init; }
    public string? Comment { get; init; }
    public string PersonAad { get; init; } = string.Empty;
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>How many people liked, disliked or reported drafts of one kind (one per person and draft).</summary>
public sealed record FeedbackCountRow
{
    public string SubjectKind { get; init; } = string.Empty;
    public string Kind { get; init; } = string.Empty;
    public long Count { get; init; }
}

/// <summary>Which message carries which draft, and the feedback on drafts (migration 0008).</summary>
public sealed class FeedbackStore(Db db, TimeProvider time)
{
    public const string Like = "like";
    public const string Dislike = "dislike";
    public const string Report = "report";

    /// <summary>Remembers that <paramref name="activityIds"/> in a conversation show <paramref name="draft"/>; a resend keeps the first.</summary>
    public Task RememberMessageAsync(string conversationId, IEnumerable<string?> activityIds, DraftRef draft, CancellationToken ct) => db.WriteAsync(async c =>
    {
        foreach (var activityId in activityIds.Where(i => !string.IsNullOrEmpty(i)).Distinct(StringComparer.Ordinal))
        {
            await c.ExecuteAsync(
                """
                INSERT INTO draft_messages (conversation_id, activity_id, subject_kind, subject_id, sent_at)
                VALUES (@conversationId, @activityId, @Kind, @Id, @now) ON CONFLICT (conversation_id, activity_id) DO NOTHING
                """, new { conversationId = ConversationKey(conversationId), activityId, draft.Kind, draft.Id, now = time.GetUtcNow() });
        }

        return 0;
    }, ct);

    /// <summary>The draft a message of ours in a conversation shows, if it is one.</summary>
    public Task<DraftRef?> DraftOfMessageAsync(string conversationId, string activityId, CancellationToken ct) =>
        db.ReadAsync(c => c.QuerySingleOrDefaultAsync<DraftRef?>(
            "SELECT subject_kind AS Kind, subject_id AS Id FROM draft_messages WHERE conversation_id = @conversationId AND activity_id = @activityId",
            new { conversationId = ConversationKey(conversationId), activityId }), ct);

    /// <summary>Whether <paramref name="draft"/> was sent to the conversation (a channel counts with all its threads).</summary>
    public Task<bool> IsShownInAsync(string conversationId, DraftRef draft, CancellationToken ct) =>
        db.ReadAsync(c => c.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM draft_messages WHERE conversation_id = @conversationId AND subject_kind = @Kind AND subject_id = @Id)",
            new { conversationId = ConversationKey(conversationId), draft.Kind, draft.Id }), ct);

    /// <summary>A channel thread's conversation id carries the thread's root (<c>;messageid=…</c>): the channel is the key.</summary>
    public static string ConversationKey(string conversationId)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        var cut = conversationId.IndexOf(";messageid=", StringComparison.Ordinal);
        return cut < 0 ? conversationId : conversationId[..cut];
    }

    /// <summary>Stores one piece of feedback; false when the same <paramref name="dedupKey"/> was stored before (a redelivery, a double click).</summary>
    /// <remarks>Parameter names differ in more than case: PostgreSQL's client matched <c>@kind</c> and <c>@Kind</c> as one, storing the kind as the subject.</remarks>
    public Task<bool> AddAsync(string kind, DraftRef draft, string? category, string? comment, string personAad, string? personName, string dedupKey, CancellationToken ct) =>
        db.WriteAsync(async c => await c.ExecuteScalarAsync<long?>(
            """
            INSERT INTO draft_feedback (kind, subject_kind, subject_id, category, comment, person_aad, person_name, dedup_key, created_at)
            VALUES (@kind, @subjectKind, @subjectId, @category, @comment, @personAad, @personName, @dedupKey, @now)
            ON CONFLICT (dedup_key) DO NOTHING RETURNING id
            """, new { kind, subjectKind = draft.Kind, subjectId = draft.Id, category, comment, personAad, personName, dedupKey, now = time.GetUtcNow() }) is not null, ct);

    /// <summary>
    /// A person's like or dislike of one message: one row per person and message, the latest reaction and text kept.
    /// Repeated clicks with new words replace the old row instead of adding rows that could push others out of the summary.
    /// </summary>
    public Task ReactAsync(string reaction, DraftRef draft, string conversationId, string messageId, string? comment, string personAad, string? personName, CancellationToken ct) =>
        db.WriteAsync(c => c.ExecuteAsync(
            """
            INSERT INTO draft_feedback (kind, subject_kind, subject_id, category, comment, person_aad, person_name, dedup_key, created_at)
            VALUES (@reaction, @Kind, @Id, NULL, @comment, @personAad, @personName, @key, @now)
            ON CONFLICT (dedup_key) DO UPDATE SET kind = excluded.kind, comment = excluded.comment, person_name = excluded.person_name, created_at = excluded.created_at
            """, new { reaction, draft.Kind, draft.Id, comment, personAad, personName, key = $"reaction|{ConversationKey(conversationId)}|{messageId}|{personAad}", now = time.GetUtcNow() }), ct);

    /// <summary>How many reports <paramref name="personAad"/> sent since <paramref name="since"/>, and whether one of them is about <paramref name="draft"/>.</summary>
    public Task<(long Reports, bool ThisDraft)> ReportsSinceAsync(string personAad, DraftRef draft, DateTimeOffset since, CancellationToken ct) =>
        db.ReadAsync(c => c.QuerySingleAsync<(long, bool)>(
            """
            SELECT COUNT(*), COALESCE(SUM(CASE WHEN subject_kind = @Kind AND subject_id = @Id THEN 1 ELSE 0 END), 0) > 0
            FROM draft_feedback WHERE kind = 'report' AND person_aad = @personAad AND created_at >= @since
            """, new { personAad, draft.Kind, draft.Id, since }), ct);

    /// <summary>
    /// Likes, dislikes and reports since <paramref name="since"/> by kind of draft, counted in the database over all rows:
    /// each person counts once per draft with their latest reaction, and once per draft with a report.
    /// </summary>
    public async Task<IReadOnlyList<FeedbackCountRow>> CountsSinceAsync(DateTimeOffset since, CancellationToken ct) =>
        [.. await db.ReadAsync(c => c.QueryAsync<FeedbackCountRow>(
            """
            SELECT subject_kind AS SubjectKind, kind AS Kind, COUNT(*) AS Count FROM (
                SELECT subject_kind, kind, ROW_NUMBER() OVER (
                    PARTITION BY person_aad, subject_kind, subject_id, CASE WHEN kind = 'report' THEN 1 ELSE 0 END
                    ORDER BY created_at DESC, id DESC) AS n
                FROM draft_feedback WHERE created_at >= @since) latest
            WHERE n = 1 GROUP BY subject_kind, kind
            """, new { since }), ct)];

    /// <summary>
    /// The latest comments since <paramref name="since"/>, at most one per person (their latest report, else their latest
    /// reaction with words): reports first, then newest first, at most <paramref name="limit"/>.
    /// </summary>
    public async Task<IReadOnlyList<FeedbackRow>> LatestCommentsAsync(DateTimeOffset since, int limit, CancellationToken ct) =>
        [.. await db.ReadAsync(c => c.QueryAsync<FeedbackRow>(
            """
            SELECT Id, Kind, SubjectKind, SubjectId, Category, Comment, PersonAad, CreatedAt FROM (
                SELECT id AS Id, kind AS Kind, subject_kind AS SubjectKind, subject_id AS SubjectId, category AS Category, comment AS Comment,
                       person_aad AS PersonAad, created_at AS CreatedAt, CASE WHEN kind = 'report' THEN 0 ELSE 1 END AS Rank,
                       ROW_NUMBER() OVER (PARTITION BY person_aad ORDER BY CASE WHEN kind = 'report' THEN 0 ELSE 1 END, created_at DESC, id DESC) AS n
                FROM draft_feedback
                WHERE created_at >= @since AND (kind = 'report' OR (comment IS NOT NULL AND comment <> ''))) mine
            WHERE n = 1 ORDER BY Rank, CreatedAt DESC, Id DESC LIMIT @limit
            """, new { since, limit }), ct)];

    /// <summary>Feedback since <paramref name="since"/>, newest first (at most <paramref name="limit"/> rows).</summary>
    public async Task<IReadOnlyList<FeedbackRow>> SinceAsync(DateTimeOffset since, int limit, CancellationToken ct) =>
        [.. await db.ReadAsync(c => c.QueryAsync<FeedbackRow>(
            """
            SELECT id AS Id, kind AS Kind, subject_kind AS SubjectKind, subject_id AS SubjectId, category AS Category, comment AS Comment,
                   person_aad AS PersonAad, created_at AS CreatedAt
            FROM draft_feedback WHERE created_at >= @since ORDER BY id DESC LIMIT @limit
            """, new { since, limit }), ct)];
}
