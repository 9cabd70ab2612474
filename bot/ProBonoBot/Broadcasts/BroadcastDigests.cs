using Dapper;
using ProBonoBot.Cards;
using ProBonoBot.Cards.Broadcasts;
using ProBonoBot.Outbox;
using ProBonoBot.Cards.Projects;
using ProBonoBot.Projects;
using ProBonoBot.Storage;

namespace ProBonoBot.Broadcasts;

/// <summary>
/// The digest for people over the daily cap (see <see cref="DailyCap"/>): when a person's digest is due, one card lists
/// the projects that waited for them and are still recruiting. Claiming the rows (a conditional UPDATE) and queueing the
/// card happen in one transaction, so across restarts and instances each person gets it once. Someone who muted
/// broadcasts meanwhile, or can no longer be reached, gets nothing.
/// </summary>
public sealed class BroadcastDigests(Db db, TimeProvider time, OutboxSignal signal)
{
    private sealed record Waiting
    {
        public long Number { get; init; }
        public string Title { get; init; } = string.Empty;
        public string Summary { get; init; } = string.Empty;
        public string Language { get; init; } = "ja";
    }

    private sealed record Address
    {
        public string? TeamsId { get; init; }
        public string? TenantId { get; init; }
        public string? BotId { get; init; }
        public string? ConversationId { get; init; }
        public string? ServiceUrl { get; init; }
        public string? Language { get; init; }
        public long Muted { get; init; }
    }

    /// <summary>People with a digest due now.</summary>
    public Task<IReadOnlyList<string>> DueAsync(int limit, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<string>>(async c => [.. await c.QueryAsync<string>(
            "SELECT user_aad FROM broadcast_digests WHERE sent_at IS NULL AND due_at <= @now GROUP BY user_aad ORDER BY MIN(due_at) LIMIT @limit",
            new { now = time.GetUtcNow(), limit })], ct);

    /// <summary>Claims <paramref name="aad"/>'s due digest rows and queues their card; false when another instance took them first.</summary>
    public Task<bool> SendAsync(string aad, CancellationToken ct) =>
        db.WriteAsync(async c =>
        {
            await using var tx = await c.BeginTransactionAsync(ct);
            var now = time.GetUtcNow();
            var numbers = (await c.QueryAsync<long>(
                "UPDATE broadcast_digests SET sent_at = @now WHERE user_aad = @aad AND sent_at IS NULL AND due_at <= @now RETURNING project_number",
                new { aad, now }, tx)).ToList();
            if (numbers.Count == 0)
            {
                return false;
            }

            var waiting = (await c.QueryAsync<Waiting>(
                $"SELECT number AS Number, title AS Title, summary AS Summary, language AS Language FROM projects WHERE {BroadcastStore.In(db.IsSqlite, "number", "numbers")} AND status = @recruiting ORDER BY number",
                new { numbers = numbers.ToArray(), recruiting = (int)ProjectStatus.Recruiting }, tx)).ToList();
            var address = await c.QuerySingleOrDefaultAsync<Address>(
                $"""
                SELECT MAX(c.user_id) AS TeamsId, MAX(c.tenant_id) AS TenantId, MAX(c.bot_id) AS BotId, MAX(c.conversation_id) AS ConversationId,
                       MAX(c.service_url) AS ServiceUrl,
                       COALESCE(MAX(s.language), CASE WHEN MAX(c.locale) LIKE 'ja%' THEN 'ja' WHEN COALESCE(MAX(c.locale), '') <> '' THEN 'en' END) AS Language,
                       MAX(CASE WHEN s.muted = TRUE THEN 1 ELSE 0 END) AS Muted
                FROM {BroadcastStore.Reachable} c LEFT JOIN user_settings s ON s.aad_object_id = c.user_aad_object_id
                WHERE c.user_aad_object_id = @aad
                GROUP BY c.user_aad_object_id
                """, new { aad }, tx);
            if (waiting.Count > 0 && address is { Muted: 0, ServiceUrl: not null })
            {
                var text = address.Language switch
                {
                    "ja" => UiText.For(Language.Japanese),
                    "en" => UiText.For(Language.English),
                    // Language unknown (a roster member who never wrote): the projects' own language, both when they differ.
                    _ => waiting.Select(w => w.Language).Distinct().Count() == 1 ? UiText.ForProject(waiting[0].Language) : UiText.Bilingual,
                };
                var card = BroadcastCards.Digest(text, [.. waiting.Select(w => (w.Number, w.Title, w.Summary))]);
                var activity = BroadcastTargets.Serialize(card, ProBonoBot.Cards.Wording.Plurals.Format(text.Broadcasts.DigestSummary, waiting.Count));
                await c.ExecuteAsync(
                    """
                    INSERT INTO outbox (user_aad, user_teams_id, tenant_id, bot_id, conversation_id, service_url, activity, status, attempts, not_before, created_at)
                    VALUES (@aad, @TeamsId, @TenantId, @BotId, @ConversationId, @ServiceUrl, @activity, 0, 0, @now, @now)
                    """, new { aad, address.TeamsId, address.TenantId, address.BotId, address.ConversationId, address.ServiceUrl, activity, now }, tx);
            }

            await tx.CommitAsync(ct);
            signal.Notify();
            return true;
        }, ct);
}
