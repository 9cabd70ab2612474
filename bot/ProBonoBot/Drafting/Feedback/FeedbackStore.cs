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

    /// <summary>A channel thread's conversation id carries the thread's root (<c>;messageid=…</c>): the channel is the key.</summary>
    public static string ConversationKey(string conversationId)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        var cut = conversationId.IndexOf(";messageid=", StringComparison.Ordinal);
        return cut < 0 ? conversationId : conversationId[..cut];
    }

    /// <summary>Stores one piece of feedback; false when the same <paramref name="dedupKey"/> was stored before (a redelivery, a double click).</summary>
    public Task<bool> AddAsync(string kind, DraftRef draft, string? category, string? comment, string personAad, string? personName, string dedupKey, CancellationToken ct) =>
        db.WriteAsync(async c => await c.ExecuteScalarAsync<long?>(
            """
            INSERT INTO draft_feedback (kind, subject_kind, subject_id, category, comment, person_aad, person_name, dedup_key, created_at)
            VALUES (@kind, @Kind, @Id, @category, @comment, @personAad, @personName, @dedupKey, @now)
            ON CONFLICT (dedup_key) DO NOTHING RETURNING id
            """, new { kind, draft.Kind, draft.Id, category, comment, personAad, personName, dedupKey, now = time.GetUtcNow() }) is not null, ct);

    /// <summary>Feedback since <paramref name="since"/>, newest first (at most <paramref name="limit"/> rows).</summary>
    public async Task<IReadOnlyList<FeedbackRow>> SinceAsync(DateTimeOffset since, int limit, CancellationToken ct) =>
        [.. await db.ReadAsync(c => c.QueryAsync<FeedbackRow>(
            """
            SELECT id AS Id, kind AS Kind, subject_kind AS SubjectKind, subject_id AS SubjectId, category AS Category, comment AS Comment,
                   person_aad AS PersonAad, created_at AS CreatedAt
            FROM draft_feedback WHERE created_at >= @since ORDER BY id DESC LIMIT @limit
            """, new { since, limit }), ct)];
}
