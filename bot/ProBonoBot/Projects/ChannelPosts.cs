using Dapper;
using ProBonoBot.Outbox;
using ProBonoBot.Storage;

namespace ProBonoBot.Projects;

/// <summary>What a claim on posting a project into a channel found.</summary>
public enum ChannelClaim
{
    /// <summary>This caller posts it now.</summary>
    Claimed,

    /// <summary>The same caller (a replayed activity) posted it already.</summary>
    PostedByUs,

    /// <summary>The channel holds the project, or another caller is posting it right now.</summary>
    Held,
}

/// <summary>
/// Once per project and channel: the <c>channel_posts</c> row is claimed in the same statement that decides to
/// post (a unique key, so it holds across instances and replays), then completed with the posted activity id,
/// which is also recorded in <c>posted_cards</c> so the card stays live. A claim whose post never happened does
/// not block the channel forever: a turn's claim without an activity id is given up after
/// <see cref="ClaimTimeout"/> (or taken again at once by the same activity when it is replayed); a broadcast's
/// claim lives as long as its outbox row is pending or sent.
/// </summary>
public sealed class ChannelPosts(Db db, TimeProvider time, OutboxStore outbox)
{
    /// <summary>
    /// Longer than a post with all its connector retries can take, so a slow post is never doubled, and short
    /// enough that a crash between claim and post only holds the channel for a few minutes.
    /// </summary>
    public static readonly TimeSpan ClaimTimeout = TimeSpan.FromMinutes(3);

    /// <summary>SQL: channel_posts row <paramref name="p"/> stands for a card in the channel, or one on its way (needs @staleBefore).</summary>
    public static string Holds(string p) =>
        $"({p}.activity_id IS NOT NULL OR ({p}.outbox_id IS NULL AND {p}.claimed_at >= @staleBefore) " +
        $"OR EXISTS (SELECT 1 FROM outbox o WHERE o.id = {p}.outbox_id AND o.status IN (0, 1)))";

    /// <summary>SQL: row <paramref name="p"/> may be claimed by @claimant (needs @staleBefore).</summary>
    public static string Takeable(string p) => $"(({p}.claimed_by = @claimant AND {p}.activity_id IS NULL) OR NOT {Holds(p)})";

    /// <summary>The cut-off for <see cref="Holds"/>: turn claims older than this are abandoned.</summary>
    public DateTimeOffset StaleBefore => time.GetUtcNow() - ClaimTimeout;

    /// <summary>The claimant name of a turn: its conversation and activity id (a replay is the same claimant).</summary>
    public static string TurnClaimant(string? conversationId, string? activityId) =>
        activityId is { Length: > 0 } ? $"turn:{conversationId}|{activityId}" : $"turn:{Guid.NewGuid():N}";

    /// <summary>Claims the right to post <paramref name="project"/> into <paramref name="conversationId"/>.</summary>
    public Task<ChannelClaim> ClaimAsync(long project, string conversationId, string claimant, CancellationToken ct) =>
        db.WriteAsync(async c =>
        {
            var now = time.GetUtcNow();
            var args = new { project, conversationId, claimant, now, staleBefore = now - ClaimTimeout };
            var claimed = await c.ExecuteAsync(
                $"""
                INSERT INTO channel_posts (project_number, conversation_id, claimed_by, claimed_at)
                VALUES (@project, @conversationId, @claimant, @now)
                ON CONFLICT (project_number, conversation_id) DO UPDATE
                SET claimed_by = excluded.claimed_by, claimed_at = excluded.claimed_at, outbox_id = NULL
                WHERE {Takeable("channel_posts")}
                """, args);
            if (claimed == 1)
            {
                return ChannelClaim.Claimed;
            }

            var holder = await c.QuerySingleOrDefaultAsync<string?>(
                "SELECT claimed_by FROM channel_posts WHERE project_number = @project AND conversation_id = @conversationId", args);
            return holder == claimant ? ChannelClaim.PostedByUs : ChannelClaim.Held;
        }, ct);

    /// <summary>Completes a claim with the posted message and keeps that copy live.</summary>
    public Task RecordPostedAsync(long project, string conversationId, string claimant, string activityId, string serviceUrl, long version, CancellationToken ct) =>
        db.WriteAsync(async c =>
        {
            await using var tx = await c.BeginTransactionAsync(ct);
            var args = new { project, conversationId, claimant, activityId, serviceUrl, version, now = time.GetUtcNow() };
            await c.ExecuteAsync(
                """
                UPDATE channel_posts SET activity_id = @activityId, posted_at = @now
                WHERE project_number = @project AND conversation_id = @conversationId AND claimed_by = @claimant AND activity_id IS NULL
                """, args, tx);
            await c.ExecuteAsync(
                """
                INSERT INTO posted_cards (project_number, conversation_id, activity_id, service_url, rendered_version, posted_at)
                VALUES (@project, @conversationId, @activityId, @serviceUrl, @version, @now)
                ON CONFLICT (conversation_id, activity_id) DO NOTHING
                """, args, tx);
            await tx.CommitAsync(ct);
            return 0;
        }, ct);

    /// <summary>Gives up a claim whose post failed, so the next Publish or broadcast may try again.</summary>
    public Task ReleaseAsync(long project, string conversationId, string claimant, CancellationToken ct) =>
        db.WriteAsync(c => c.ExecuteAsync(
            "DELETE FROM channel_posts WHERE project_number = @project AND conversation_id = @conversationId AND claimed_by = @claimant AND activity_id IS NULL",
            new { project, conversationId, claimant }), ct);

    /// <summary>
    /// Marks a conversation-targeted outbox row sent and, when it was a broadcast's channel post, completes its
    /// claim and tracks the copy, all in one transaction. The copy starts at rendered version 0 so the card
    /// clock brings it up to date (a broadcast's card is a snapshot taken at its start).
    /// </summary>
    public Task CompleteSentAsync(OutboxRow row, string activityId, CancellationToken ct) =>
        db.WriteAsync(async c =>
        {
            ArgumentNullException.ThrowIfNull(row);
            await using var tx = await c.BeginTransactionAsync(ct);
            await outbox.CompleteAsync(c, tx, row.Id, DeliveryStatus.Sent, activityId);
            var args = new { id = row.Id, activityId, serviceUrl = row.ServiceUrl, now = time.GetUtcNow() };
            if (await c.ExecuteAsync("UPDATE channel_posts SET activity_id = @activityId, posted_at = @now WHERE outbox_id = @id AND activity_id IS NULL", args, tx) > 0
                && row.ServiceUrl is not null)
            {
                await c.ExecuteAsync(
                    """
                    INSERT INTO posted_cards (project_number, conversation_id, activity_id, service_url, rendered_version, posted_at)
                    SELECT project_number, conversation_id, @activityId, @serviceUrl, 0, @now FROM channel_posts WHERE outbox_id = @id
                    ON CONFLICT (conversation_id, activity_id) DO NOTHING
                    """, args, tx);
            }

            await tx.CommitAsync(ct);
            return 0;
        }, ct);

    /// <summary>
    /// Forgets a copy whose message is gone (the connector answered 404): it is not updated any more, and when it
    /// was the channel's last copy of the project the channel no longer counts as holding it.
    /// </summary>
    public Task DropCopyAsync(PostedCard copy, CancellationToken ct) =>
        db.WriteAsync(async c =>
        {
            ArgumentNullException.ThrowIfNull(copy);
            await using var tx = await c.BeginTransactionAsync(ct);
            await c.ExecuteAsync("DELETE FROM posted_cards WHERE conversation_id = @ConversationId AND activity_id = @ActivityId", copy, tx);
            const string Others = "SELECT MIN(pc.activity_id) FROM posted_cards pc WHERE pc.project_number = @ProjectNumber AND pc.conversation_id = @ConversationId";
            await c.ExecuteAsync(
                $"DELETE FROM channel_posts WHERE project_number = @ProjectNumber AND conversation_id = @ConversationId AND activity_id = @ActivityId AND ({Others}) IS NULL",
                copy, tx);
            await c.ExecuteAsync(
                $"UPDATE channel_posts SET activity_id = ({Others}) WHERE project_number = @ProjectNumber AND conversation_id = @ConversationId AND activity_id = @ActivityId",
                copy, tx);
            await tx.CommitAsync(ct);
            return 0;
        }, ct);
}
