using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Options;
using ProBonoBot.Outbox;
using ProBonoBot.Projects;
using ProBonoBot.Storage;

namespace ProBonoBot.Broadcasts;

/// <summary>
/// Broadcasts and their recipients. Starting one writes a row per recipient into the outbox in a single
/// transaction, leaving out muted people, people whose topics do not include the project's, those who already received
/// the project (unless re-sent), and channels that already hold the project (always; see <see cref="ChannelPosts"/>);
/// people over the daily cap get the project in the next day's digest instead (see <see cref="DailyCap"/>).
/// A scheduled broadcast is stored without recipients and started by the same transaction when it is claimed.
/// </summary>
public sealed class BroadcastStore(Db db, TimeProvider time, OutboxSignal signal, IOptions<BroadcastOptions>? options = null)
{
    /// <summary>Broadcast statuses as stored.</summary>
    public const int Running = 0, Completed = 1, Cancelled = 2, Scheduled = 3;

    private readonly BroadcastOptions _options = options?.Value ?? new BroadcastOptions();

    /// <summary><c>column IN @list</c>: Dapper expands the list on SQLite; Npgsql takes it as one array parameter.</summary>
    internal static string In(bool sqlite, string column, string parameter) => sqlite ? $"{column} IN @{parameter}" : $"{column} = ANY(@{parameter})";

    private string Muted => db.IsSqlite ? "COALESCE(s.muted, 0) = 0" : "COALESCE(s.muted, FALSE) = FALSE";

    /// <summary>A person's language as targeting sees it: chosen, else from the Teams locale; NULL when neither is known.</summary>
    private const string PersonLanguage =
        "COALESCE(s.language, CASE WHEN c.locale LIKE 'ja%' THEN 'ja' WHEN COALESCE(c.locale, '') <> '' THEN 'en' END)";

    // The leader who starts a broadcast gets its report, not a copy of the card (needs @createdBy; null leaves nobody out).
    private string People(Targeting t) =>
        $"""
        FROM {Reachable} c LEFT JOIN user_settings s ON s.aad_object_id = c.user_aad_object_id
        WHERE {Muted}
        AND (@createdBy IS NULL OR c.user_aad_object_id <> @createdBy)
        {(t.Resend ? string.Empty : "AND NOT EXISTS (SELECT 1 FROM broadcast_deliveries d WHERE d.project_number = @project AND d.user_aad = c.user_aad_object_id)")}
        {t.Target switch
        {
            Targeting.ByTeams => $"AND EXISTS (SELECT 1 FROM team_members tm WHERE tm.aad_object_id = c.user_aad_object_id AND {In(db.IsSqlite, "tm.team_id", "teams")})",
            Targeting.ByGroup => "AND EXISTS (SELECT 1 FROM group_members gm WHERE gm.aad_object_id = c.user_aad_object_id AND gm.group_id = @group)",
            Targeting.ByFit => $"AND {In(db.IsSqlite, "c.user_aad_object_id", "fit")}",
            _ => string.Empty,
        }}
        {(t.Language == Targeting.All ? string.Empty : $"AND {PersonLanguage} = @language")}
        AND (@category IS NULL
             OR NOT EXISTS (SELECT 1 FROM user_topics ut WHERE ut.aad_object_id = c.user_aad_object_id)
             OR EXISTS (SELECT 1 FROM user_topics ut WHERE ut.aad_object_id = c.user_aad_object_id AND ut.topic = @category))
        """;

    private static DynamicParameters PeopleArgs(long project, Targeting t, IReadOnlyCollection<string>? fit, string? createdBy, object? more = null)
    {
        var args = new DynamicParameters(more);
        args.AddDynamicParams(new
        {
            project, createdBy, teams = (t.Teams ?? []).ToArray(), group = t.Group, fit = (fit ?? []).ToArray(), language = t.Language, category = t.Category,
        });
        return args;
    }

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
    public Task<(int People, int Channels)> CountAsync(long project, bool resend, CancellationToken ct, string? createdBy = null) =>
        CountAsync(project, Targeting.Everyone with { Resend = resend }, null, createdBy, ct);

    /// <summary>
    /// Who a broadcast with <paramref name="targeting"/> would reach now (each person once, however many teams they are in);
    /// <paramref name="fit"/> is the people whose profile fits, for <see cref="Targeting.ByFit"/>. The daily cap does not
    /// lower the count: people over it still get the project, in the next day's digest.
    /// </summary>
    public async Task<(int People, int Channels)> CountAsync(long project, Targeting targeting, IReadOnlyCollection<string>? fit, string? createdBy, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(targeting);
        var people = targeting.ToPeople
            ? await db.ReadAsync(c => c.ExecuteScalarAsync<long>($"SELECT COUNT(DISTINCT c.user_aad_object_id) {People(targeting)}", PeopleArgs(project, targeting, fit, createdBy)), ct)
            : 0;
        var channels = targeting.ToChannels
            ? await db.ReadAsync(c => c.ExecuteScalarAsync<long>($"SELECT COUNT(*) {Channels}", new { project, staleBefore = StaleBefore }), ct)
            : 0;
        return ((int)people, (int)channels);
    }

    private DateTimeOffset StaleBefore => time.GetUtcNow() - ChannelPosts.ClaimTimeout;

    /// <summary>Creates the broadcast and its outbox rows; returns its id and recipient count (0: nobody to send to).</summary>
    /// <remarks>With a <paramref name="requestKey"/>, a second start with the same key returns the first broadcast and sends nothing more.</remarks>
    public Task<(long Id, int Total)> StartAsync(long project, string audience, bool resend, string createdBy,
        string japaneseActivity, string englishActivity, string channelActivity, CancellationToken ct, string? requestKey = null) =>
        StartAsync(project, Targeting.Everyone with { Audience = audience, Resend = resend }, null, createdBy,
            new BroadcastActivities(japaneseActivity, englishActivity, channelActivity), ct, requestKey);

    /// <summary>
    /// Creates the broadcast for <paramref name="targeting"/> and its outbox rows; returns its id and recipient count (0:
    /// nobody to send to, nothing stored). People get the card in their language; people whose language is unknown
    /// (roster members who never wrote to the bot) get the project's channel text.
    /// </summary>
    public Task<(long Id, int Total)> StartAsync(long project, Targeting targeting, IReadOnlyCollection<string>? fit, string createdBy,
        BroadcastActivities activities, CancellationToken ct, string? requestKey = null) =>
        db.WriteAsync(async c =>
        {
            await using var tx = await c.BeginTransactionAsync(ct);
            var now = time.GetUtcNow();
            if (await Turns.RequestKeys.ClaimAsync(c, tx, requestKey, now) is { Length: > 0 } earlier)
            {
                var previous = long.Parse(earlier, System.Globalization.CultureInfo.InvariantCulture);
                return (previous, (int)await c.ExecuteScalarAsync<long>("SELECT total FROM broadcasts WHERE id = @previous", new { previous }, tx));
            }

            var id = await c.ExecuteScalarAsync<long>(
                """
                INSERT INTO broadcasts (project_number, audience, created_by, status, total, created_at, started_at, targeting, category)
                VALUES (@project, @audience, @createdBy, 0, 0, @now, @now, @targeting, @category) RETURNING id
                """,
                new { project, audience = targeting.Audience, createdBy, now, targeting = targeting.ToJson(), category = targeting.Category }, tx);
            var total = await FillAsync(c, tx, id, project, targeting, fit, createdBy, activities, now);
            if (total == 0)
            {
                await tx.RollbackAsync(ct);
                return (0L, 0);
            }

            await Turns.RequestKeys.SetResultAsync(c, tx, requestKey, id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await tx.CommitAsync(ct);
            signal.Notify();
            return (id, total);
        }, ct);

    /// <summary>Stores a broadcast to start at <paramref name="sendAt"/> (UTC); its recipients are chosen then.</summary>
    public Task<long> ScheduleAsync(long project, Targeting targeting, string createdBy, DateTimeOffset sendAt, CancellationToken ct, string? requestKey = null) =>
        db.WriteAsync(async c =>
        {
            ArgumentNullException.ThrowIfNull(targeting);
            await using var tx = await c.BeginTransactionAsync(ct);
            var now = time.GetUtcNow();
            if (await Turns.RequestKeys.ClaimAsync(c, tx, requestKey, now) is { Length: > 0 } earlier)
            {
                return long.Parse(earlier, System.Globalization.CultureInfo.InvariantCulture);
            }

            var id = await c.ExecuteScalarAsync<long>(
                """
                INSERT INTO broadcasts (project_number, audience, created_by, status, total, created_at, send_at, targeting, category)
                VALUES (@project, @audience, @createdBy, 3, 0, @now, @sendAt, @targeting, @category) RETURNING id
                """,
                new { project, audience = targeting.Audience, createdBy, now, sendAt = sendAt.ToUniversalTime(), targeting = targeting.ToJson(), category = targeting.Category }, tx);
            await Turns.RequestKeys.SetResultAsync(c, tx, requestKey, id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await tx.CommitAsync(ct);
            return id;
        }, ct);

    /// <summary>Scheduled broadcasts whose time has come (none before it).</summary>
    public Task<IReadOnlyList<BroadcastRow>> DueAsync(CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<BroadcastRow>>(async c => [.. await c.QueryAsync<BroadcastRow>(
            $"{SelectRow} WHERE status = 3 AND send_at <= @now ORDER BY send_at, id", new { now = time.GetUtcNow() })], ct);

    /// <summary>
    /// Starts a scheduled broadcast: claims it (status Scheduled → Running, only once its time has come) and writes its
    /// recipients in the same transaction, so across restarts and instances it starts exactly once. Returns false when
    /// another instance took it, it was cancelled, or it is not due. With nobody to send to it is completed, empty.
    /// </summary>
    public Task<(bool Claimed, int Total)> StartScheduledAsync(long id, IReadOnlyCollection<string>? fit, BroadcastActivities activities, CancellationToken ct) =>
        db.WriteAsync(async c =>
        {
            await using var tx = await c.BeginTransactionAsync(ct);
            var now = time.GetUtcNow();
            var row = await c.QuerySingleOrDefaultAsync<BroadcastRow>($"{SelectRow} WHERE id = @id", new { id }, tx);
            if (row is null || await c.ExecuteAsync("UPDATE broadcasts SET status = 0, started_at = @now WHERE id = @id AND status = 3 AND send_at <= @now", new { id, now }, tx) != 1)
            {
                return (false, 0);
            }

            var targeting = Targeting.FromJson(row.Targeting) ?? Targeting.Everyone;
            var total = await FillAsync(c, tx, id, row.ProjectNumber, targeting, fit, row.CreatedBy, activities, now);
            if (total == 0)
            {
                await c.ExecuteAsync("UPDATE broadcasts SET status = 1, completed_at = @now WHERE id = @id", new { id, now }, tx);
            }

            await tx.CommitAsync(ct);
            signal.Notify();
            return (true, total);
        }, ct);

    /// <summary>A scheduled broadcast that can no longer start (its project stopped recruiting) is cancelled.</summary>
    public Task<bool> DropScheduledAsync(long id, CancellationToken ct) =>
        db.WriteAsync(async c => await c.ExecuteAsync(
            "UPDATE broadcasts SET status = 2, completed_at = @now WHERE id = @id AND status = 3", new { id, now = time.GetUtcNow() }) == 1, ct);

    /// <summary>Writes the recipients of broadcast <paramref name="id"/> into the outbox; returns how many (people deferred to a digest included).</summary>
    private async Task<int> FillAsync(DbConnection c, DbTransaction tx, long id, long project, Targeting targeting, IReadOnlyCollection<string>? fit,
        string createdBy, BroadcastActivities activities, DateTimeOffset now)
    {
        var total = 0;
        if (targeting.ToPeople)
        {
            // One row per person (their most recent 1:1 chat), in their language; the project's channel text when it is unknown.
            total += await c.ExecuteAsync(
                $"""
                INSERT INTO outbox (user_aad, user_teams_id, tenant_id, bot_id, conversation_id, service_url, activity, status, attempts, not_before, created_at, broadcast_id)
                SELECT c.user_aad_object_id, MAX(c.user_id), MAX(c.tenant_id), MAX(c.bot_id), MAX(c.conversation_id), MAX(c.service_url),
                       CASE COALESCE(MAX(s.language), CASE WHEN MAX(c.locale) LIKE 'ja%' THEN 'ja' WHEN COALESCE(MAX(c.locale), '') <> '' THEN 'en' END)
                            WHEN 'ja' THEN @ja WHEN 'en' THEN @en ELSE @channel END,
                       0, 0, @now, @now, @id
                {People(targeting)}
                GROUP BY c.user_aad_object_id
                """, PeopleArgs(project, targeting, fit, createdBy, new { id, now, ja = activities.Japanese, en = activities.English, channel = activities.Channel }), tx);
            await c.ExecuteAsync(
                """
                INSERT INTO broadcast_deliveries (project_number, user_aad, broadcast_id)
                SELECT @project, user_aad, @id FROM outbox WHERE broadcast_id = @id AND user_aad IS NOT NULL
                ON CONFLICT (project_number, user_aad) DO UPDATE SET broadcast_id = @id
                """, new { project, id }, tx);
            await DailyCap.DeferAsync(c, tx, db.IsSqlite, id, project, _options, now);
        }

        if (targeting.ToChannels)
        {
            // Claim each channel that does not hold the project in this transaction (the unique key makes a
            // concurrent Publish or broadcast skip it), then post only where this broadcast holds the claim.
            var claimant = $"broadcast:{id}";
            var args = new { project, id, now, channel = activities.Channel, claimant, staleBefore = now - ChannelPosts.ClaimTimeout };
            await c.ExecuteAsync(
                $"""
                INSERT INTO channel_posts (project_number, conversation_id, claimed_by, claimed_at)
                SELECT @project, c.conversation_id, @claimant, @now {ActiveChannels}
                ON CONFLICT (project_number, conversation_id) DO UPDATE
                SET claimed_by = excluded.claimed_by, claimed_at = excluded.claimed_at, outbox_id = NULL
                WHERE {ChannelPosts.Takeable("channel_posts")}
                """, args, tx);
            total += await c.ExecuteAsync(
                $"""
                INSERT INTO outbox (conversation_id, service_url, activity, status, attempts, not_before, created_at, broadcast_id)
                SELECT c.conversation_id, c.service_url, @channel, 0, 0, @now, @now, @id {ActiveChannels}
                AND EXISTS (SELECT 1 FROM channel_posts p WHERE p.project_number = @project AND p.conversation_id = c.conversation_id AND p.claimed_by = @claimant)
                """, args, tx);
            await c.ExecuteAsync(
                """
                UPDATE channel_posts SET outbox_id =
                    (SELECT o.id FROM outbox o WHERE o.broadcast_id = @id AND o.user_aad IS NULL AND o.conversation_id = channel_posts.conversation_id)
                WHERE project_number = @project AND claimed_by = @claimant
                """, args, tx);
        }

        await c.ExecuteAsync("UPDATE broadcasts SET total = @total WHERE id = @id", new { id, total }, tx);
        return total;
    }

    public Task SetReportAsync(long id, string conversationId, string activityId, string serviceUrl, CancellationToken ct) =>
        db.WriteAsync(c => c.ExecuteAsync(
            "UPDATE broadcasts SET report_conversation_id = @conversationId, report_activity_id = @activityId, report_service_url = @serviceUrl WHERE id = @id",
            new { id, conversationId, activityId, serviceUrl }), ct);

    /// <summary>
    /// Stops what is not sent yet — a running broadcast's pending messages, or a scheduled broadcast before it starts — and
    /// returns how many messages were withdrawn (0 for a scheduled one: it had none yet).
    /// </summary>
    public Task<int> CancelAsync(long id, CancellationToken ct) =>
        db.WriteAsync(async c =>
        {
            await using var tx = await c.BeginTransactionAsync(ct);
            var cancelled = await c.ExecuteAsync("UPDATE outbox SET status = @cancelled WHERE broadcast_id = @id AND status = 0",
                new { id, cancelled = (int)DeliveryStatus.Cancelled }, tx);
            await c.ExecuteAsync("UPDATE broadcasts SET status = 2, completed_at = @now WHERE id = @id AND status IN (0, 3)", new { id, now = time.GetUtcNow() }, tx);

            // Nobody over the cap hears of a cancelled broadcast in a digest either.
            await c.ExecuteAsync("DELETE FROM broadcast_digests WHERE broadcast_id = @id AND sent_at IS NULL", new { id }, tx);
            await tx.CommitAsync(ct);
            return cancelled;
        }, ct);

    private const string SelectRow =
        """
        SELECT id AS Id, project_number AS ProjectNumber, created_by AS CreatedBy, status AS Status, total AS Total,
               report_conversation_id AS ReportConversationId, report_activity_id AS ReportActivityId, report_service_url AS ReportServiceUrl,
               send_at AS SendAt, targeting AS Targeting, category AS Category, COALESCE(started_at, created_at) AS StartedAt
        FROM broadcasts
        """;

    public Task<BroadcastRow?> GetAsync(long id, CancellationToken ct) =>
        db.ReadAsync(c => c.QuerySingleOrDefaultAsync<BroadcastRow>($"{SelectRow} WHERE id = @id", new { id }), ct);

    /// <summary>The scheduled and running broadcasts of a project, newest first (for <c>cancel broadcast N</c>).</summary>
    public Task<IReadOnlyList<BroadcastRow>> OpenForProjectAsync(long project, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<BroadcastRow>>(async c => [.. await c.QueryAsync<BroadcastRow>(
            $"{SelectRow} WHERE project_number = @project AND status IN (0, 3) ORDER BY id DESC", new { project })], ct);

    public Task<IReadOnlyList<long>> ActiveAsync(CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<long>>(async c => [.. await c.QueryAsync<long>("SELECT id FROM broadcasts WHERE status = 0 ORDER BY id")], ct);

    /// <summary>Counts by delivery status, and how many were sent in the last <paramref name="window"/>.</summary>
    public async Task<(IReadOnlyDictionary<DeliveryStatus, int> Counts, int RecentlySent)> CountsAsync(long id, TimeSpan window, CancellationToken ct)
    {
        var rows = await db.ReadAsync(c => c.QueryAsync<(long Status, long Count)>(
            "SELECT status, COUNT(*) FROM outbox WHERE broadcast_id = @id GROUP BY status", new { id }), ct);
        var recent = await db.ReadAsync(c => c.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM outbox WHERE broadcast_id = @id AND status = 1 AND sent_at >= @since", new { id, since = time.GetUtcNow() - window }), ct);
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
            """, new { id })], ct);
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
    public DateTimeOffset? SendAt { get; init; }
    public string? Targeting { get; init; }
    public string? Category { get; init; }
    public DateTimeOffset StartedAt { get; init; }
}

/// <summary>The announcement as one message activity (JSON) per kind of reader: Japanese, English, and the project's channel text.</summary>
public sealed record BroadcastActivities(string Japanese, string English, string Channel);
