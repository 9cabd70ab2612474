using Dapper;
using ProBonoBot.Outbox;
using ProBonoBot.Projects;
using ProBonoBot.Storage;

namespace ProBonoBot.Broadcasts;

/// <summary>
/// Broadcasts and their recipients. Starting one writes a row per recipient into the outbox in a single
/// transaction, leaving out muted people and those who already received the project (unless re-sent), and
/// channels that already hold the project (always; see <see cref="ChannelPosts"/>).
/// </summary>
public sealed class BroadcastStore(Db db, TimeProvider time, OutboxSignal signal)
{
    private string Muted => db.IsSqlite ? "COALESCE(s.muted, 0) = 0" : "COALESCE(s.muted, FALSE) = FALSE";

    // The leader who starts a broadcast gets its report, not a copy of the card (needs @createdBy; null leaves nobody out).
    private string People(bool resend) =>
        $"""
        FROM {Reachable} c LEFT JOIN user_settings s ON s.aad_object_id = c.user_aad_object_id
        WHERE {Muted}
        AND (@createdBy IS NULL OR c.user_aad_object_id <> @createdBy)
        {(resend ? string.Empty : "AND NOT EXISTS (SELECT 1 FROM broadcast_deliveries d WHERE d.project_number = @project AND d.user_aad = c.user_aad_object_id)")}
        """;

    /// <summary>
    /// Everyone the bot can write to 1:1, one or more rows per person (group by <c>user_aad_object_id</c>): people
    /// with an active personal chat, and members of the rosters of teams the bot is in who have no personal chat
    /// reference at all (their row has no <c>conversation_id</c>; the outbox creates the chat). Someone whose
    /// personal chat was deactivated (they blocked or removed the bot) is not written to again through a roster.
    /// </summary>
    internal const string Reachable =
        """
        (SELECT p.user_aad_object_id, p.user_id, p.tenant_id, p.bot_id, p.conversation_id, p.service_url, p.locale
         FROM conversation_refs p
         WHERE p.conversation_type = 'personal' AND p.is_active = TRUE AND p.user_aad_object_id IS NOT NULL
         UNION ALL
         SELECT m.aad_object_id, m.teams_user_id, m.tenant_id, m.bot_id, NULL, m.service_url, NULL
         FROM team_members m
         WHERE EXISTS (SELECT 1 FROM conversation_refs t WHERE t.team_id = m.team_id AND t.conversation_type = 'channel' AND t.is_active = TRUE)
         AND NOT EXISTS (SELECT 1 FROM conversation_refs q WHERE q.user_aad_object_id = m.aad_object_id AND q.conversation_type = 'personal'))
        """;

    // A channel that holds the project's card (or is being posted to) is never posted again, "send again" or
    // not: that card is kept up to date in place, so another copy would only be noise. "Send again" is for people.
    private const string ActiveChannels = "FROM conversation_refs c WHERE c.conversation_type = 'channel' AND c.is_active = TRUE";

    private static string Channels { get; } =
        $"{ActiveChannels} AND NOT EXISTS (SELECT 1 FROM channel_posts p WHERE p.project_number = @project AND p.conversation_id = c.conversation_id AND {ChannelPosts.Holds("p")})";

    /// <summary>Who a broadcast would reach; <paramref name="createdBy"/> (the leader starting it) is not counted.</summary>
    public async Task<(int People, int Channels)> CountAsync(long project, bool resend, CancellationToken ct, string? createdBy = null)
    {
        var people = await db.ReadAsync(c => c.ExecuteScalarAsync<long>($"SELECT COUNT(DISTINCT c.user_aad_object_id) {People(resend)}", new { project, createdBy }), ct).ConfigureAwait(false);
        var channels = await db.ReadAsync(c => c.ExecuteScalarAsync<long>($"SELECT COUNT(*) {Channels}", new { project, staleBefore = StaleBefore }), ct).ConfigureAwait(false);
        return ((int)people, (int)channels);
    }

    private DateTimeOffset StaleBefore => time.GetUtcNow() - ChannelPosts.ClaimTimeout;

    /// <summary>Creates the broadcast and its outbox rows; returns its id and recipient count (0: nobody to send to).</summary>
    /// <remarks>With a <paramref name="requestKey"/>, a second start with the same key returns the first broadcast and sends nothing more.</remarks>
    public Task<(long Id, int Total)> StartAsync(long project, string audience, bool resend, string createdBy,
        string japaneseActivity, string englishActivity, string channelActivity, CancellationToken ct, string? requestKey = null) =>
        db.WriteAsync(async c =>
        {
            await using var tx = await c.BeginTransactionAsync(ct).ConfigureAwait(false);
            var now = time.GetUtcNow();
            if (await Turns.RequestKeys.ClaimAsync(c, tx, requestKey, now) is { Length: > 0 } earlier)
            {
                var previous = long.Parse(earlier, System.Globalization.CultureInfo.InvariantCulture);
                return (previous, (int)await c.ExecuteScalarAsync<long>("SELECT total FROM broadcasts WHERE id = @previous", new { previous }, tx));
            }

            var id = await c.ExecuteScalarAsync<long>(
                "INSERT INTO broadcasts (project_number, audience, created_by, status, total, created_at) VALUES (@project, @audience, @createdBy, 0, 0, @now) RETURNING id",
                new { project, audience, createdBy, now }, tx).ConfigureAwait(false);
            var total = 0;
            if (audience is "people" or "both")
            {
                // One row per person (their most recent 1:1 chat), in their language.
                total += await c.ExecuteAsync(
                    $"""
                    INSERT INTO outbox (user_aad, user_teams_id, tenant_id, bot_id, conversation_id, service_url, activity, status, attempts, not_before, created_at, broadcast_id)
                    SELECT c.user_aad_object_id, MAX(c.user_id), MAX(c.tenant_id), MAX(c.bot_id), MAX(c.conversation_id), MAX(c.service_url),
                           CASE WHEN COALESCE(MAX(s.language), CASE WHEN MAX(c.locale) LIKE 'ja%' THEN 'ja' ELSE 'en' END) = 'ja' THEN @ja ELSE @en END,
                           0, 0, @now, @now, @id
                    {People(resend)}
                    GROUP BY c.user_aad_object_id
                    """, new { project, id, now, createdBy, ja = japaneseActivity, en = englishActivity }, tx).ConfigureAwait(false);
                await c.ExecuteAsync(
                    """
                    INSERT INTO broadcast_deliveries (project_number, user_aad, broadcast_id)
                    SELECT @project, user_aad, @id FROM outbox WHERE broadcast_id = @id AND user_aad IS NOT NULL
                    ON CONFLICT (project_number, user_aad) DO UPDATE SET broadcast_id = @id
                    """, new { project, id }, tx).ConfigureAwait(false);
            }

            if (audience is "channels" or "both")
            {
                // Claim each channel that does not hold the project in this transaction (the unique key makes a
                // concurrent Publish or broadcast skip it), then post only where this broadcast holds the claim.
                var claimant = $"broadcast:{id}";
                var args = new { project, id, now, channel = channelActivity, claimant, staleBefore = StaleBefore };
                await c.ExecuteAsync(
                    $"""
                    INSERT INTO channel_posts (project_number, conversation_id, claimed_by, claimed_at)
                    SELECT @project, c.conversation_id, @claimant, @now {ActiveChannels}
                    ON CONFLICT (project_number, conversation_id) DO UPDATE
                    SET claimed_by = excluded.claimed_by, claimed_at = excluded.claimed_at, outbox_id = NULL
                    WHERE {ChannelPosts.Takeable("channel_posts")}
                    """, args, tx).ConfigureAwait(false);
                total += await c.ExecuteAsync(
                    $"""
                    INSERT INTO outbox (conversation_id, service_url, activity, status, attempts, not_before, created_at, broadcast_id)
                    SELECT c.conversation_id, c.service_url, @channel, 0, 0, @now, @now, @id {ActiveChannels}
                    AND EXISTS (SELECT 1 FROM channel_posts p WHERE p.project_number = @project AND p.conversation_id = c.conversation_id AND p.claimed_by = @claimant)
                    """, args, tx).ConfigureAwait(false);
                await c.ExecuteAsync(
                    """
                    UPDATE channel_posts SET outbox_id =
                        (SELECT o.id FROM outbox o WHERE o.broadcast_id = @id AND o.user_aad IS NULL AND o.conversation_id = channel_posts.conversation_id)
                    WHERE project_number = @project AND claimed_by = @claimant
                    """, args, tx).ConfigureAwait(false);
            }

            await c.ExecuteAsync("UPDATE broadcasts SET total = @total WHERE id = @id", new { id, total }, tx).ConfigureAwait(false);
            if (total == 0)
            {
                await tx.RollbackAsync(ct).ConfigureAwait(false);
                return (0L, 0);
            }

            await Turns.RequestKeys.SetResultAsync(c, tx, requestKey, id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await tx.CommitAsync(ct).ConfigureAwait(false);
            signal.Notify();
            return (id, total);
        }, ct);

    public Task SetReportAsync(long id, string conversationId, string activityId, string serviceUrl, CancellationToken ct) =>
        db.WriteAsync(c => c.ExecuteAsync(
            "UPDATE broadcasts SET report_conversation_id = @conversationId, report_activity_id = @activityId, report_service_url = @serviceUrl WHERE id = @id",
            new { id, conversationId, activityId, serviceUrl }), ct);

    /// <summary>Stops what is not sent yet; returns how many messages were withdrawn.</summary>
    public Task<int> CancelAsync(long id, CancellationToken ct) =>
        db.WriteAsync(async c =>
        {
            await using var tx = await c.BeginTransactionAsync(ct).ConfigureAwait(false);
            var cancelled = await c.ExecuteAsync("UPDATE outbox SET status = @cancelled WHERE broadcast_id = @id AND status = 0",
                new { id, cancelled = (int)DeliveryStatus.Cancelled }, tx).ConfigureAwait(false);
            await c.ExecuteAsync("UPDATE broadcasts SET status = 2, completed_at = @now WHERE id = @id AND status = 0", new { id, now = time.GetUtcNow() }, tx).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
            return cancelled;
        }, ct);

    public Task<BroadcastRow?> GetAsync(long id, CancellationToken ct) =>
        db.ReadAsync(c => c.QuerySingleOrDefaultAsync<BroadcastRow>(
            """
            SELECT id AS Id, project_number AS ProjectNumber, created_by AS CreatedBy, status AS Status, total AS Total,
                   report_conversation_id AS ReportConversationId, report_activity_id AS ReportActivityId, report_service_url AS ReportServiceUrl
            FROM broadcasts WHERE id = @id
            """, new { id }), ct);

    public Task<IReadOnlyList<long>> ActiveAsync(CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<long>>(async c => [.. await c.QueryAsync<long>("SELECT id FROM broadcasts WHERE status = 0 ORDER BY id").ConfigureAwait(false)], ct);

    /// <summary>Counts by delivery status, and how many were sent in the last <paramref name="window"/>.</summary>
    public async Task<(IReadOnlyDictionary<DeliveryStatus, int> Counts, int RecentlySent)> CountsAsync(long id, TimeSpan window, CancellationToken ct)
    {
        var rows = await db.ReadAsync(c => c.QueryAsync<(long Status, long Count)>(
            "SELECT status, COUNT(*) FROM outbox WHERE broadcast_id = @id GROUP BY status", new { id }), ct).ConfigureAwait(false);
        var recent = await db.ReadAsync(c => c.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM outbox WHERE broadcast_id = @id AND status = 1 AND sent_at >= @since", new { id, since = time.GetUtcNow() - window }), ct).ConfigureAwait(false);
        return (rows.ToDictionary(r => (DeliveryStatus)r.Status, r => (int)r.Count), (int)recent);
    }

    public Task CompleteAsync(long id, CancellationToken ct) =>
        db.WriteAsync(c => c.ExecuteAsync("UPDATE broadcasts SET status = 1, completed_at = @now WHERE id = @id AND status = 0", new { id, now = time.GetUtcNow() }), ct);

    /// <summary>
    /// Recipients not reached, for the CSV report, with what the bot knows to name them: a person's name from their
    /// 1:1 chat, a channel's team and channel name.
    /// </summary>
    public Task<IReadOnlyList<Undelivered>> UndeliveredAsync(long id, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<Undelivered>>(async c => [.. await c.QueryAsync<Undelivered>(
            """
            SELECT o.user_aad AS UserAad, o.conversation_id AS ConversationId, o.status AS Status, o.result AS Result,
                   (SELECT MAX(p.user_name) FROM conversation_refs p WHERE o.user_aad IS NOT NULL AND p.user_aad_object_id = o.user_aad) AS PersonName,
                   ch.team_name AS TeamName, ch.channel_name AS ChannelName, ch.team_id AS TeamId
            FROM outbox o LEFT JOIN conversation_refs ch ON o.user_aad IS NULL AND ch.conversation_id = o.conversation_id
            WHERE o.broadcast_id = @id AND o.status NOT IN (0, 1) ORDER BY o.id
            """, new { id }).ConfigureAwait(false)], ct);
}

/// <summary>One recipient a broadcast did not reach (a person when <see cref="UserAad"/> is set, else a channel).</summary>
public sealed record Undelivered
{
    public string? UserAad { get; init; }
    public string? ConversationId { get; init; }
    public long Status { get; init; }
    public string? Result { get; init; }
    public string? PersonName { get; init; }
    public string? TeamName { get; init; }
    public string? ChannelName { get; init; }
    public string? TeamId { get; init; }
}

/// <summary>A broadcast as stored.</summary>
public sealed record BroadcastRow
{
    public long Id { get; init; }
    public long ProjectNumber { get; init; }
    public string CreatedBy { get; init; } = string.Empty;
    public long Status { get; init; }
    public long Total { get; init; }
    public string? ReportConversationId { get; init; }
    public string? ReportActivityId { get; init; }
    public string? ReportServiceUrl { get; init; }
}
