using Dapper;
using ProBonoBot.Cards.Broadcasts;
using ProBonoBot.Storage;

namespace ProBonoBot.Broadcasts;

/// <summary>
/// Records, once per person and broadcast, that a recipient opened the card or clicked Sign up, and adds up the report's
/// figures. "Opened" is a card refresh: Teams asks the bot for the person's view of a card (an <c>adaptiveCard/action</c>
/// invoke with the refresh verb) when they look at it — in a 1:1 chat always (fewer than 60 people are in it), in larger
/// conversations only for the 60 people listed in the card's <c>refresh.userIds</c>. Clients without Universal Actions
/// (older mobile clients, Outlook) never ask, so "opened" is a lower bound. Only refreshes and clicks in the person's
/// own 1:1 chat count, and only for a project a broadcast brought them (the broadcast is taken from our records,
/// never from card data).
/// </summary>
public sealed class BroadcastEngagement(Db db, TimeProvider time)
{
    public const string Opened = "opened";
    public const string Clicked = "clicked";

    /// <summary>Records <paramref name="kind"/> for the broadcast that brought <paramref name="project"/> to <paramref name="aad"/>, if one did.</summary>
    public Task RecordAsync(string kind, long project, string aad, CancellationToken ct) =>
        db.WriteAsync(c => c.ExecuteAsync(
            """
            INSERT INTO broadcast_engagement (broadcast_id, user_aad, kind, at)
            SELECT d.broadcast_id, d.user_aad, @kind, @now FROM broadcast_deliveries d WHERE d.project_number = @project AND d.user_aad = @aad
            ON CONFLICT (broadcast_id, user_aad, kind) DO NOTHING
            """, new { kind, project, aad, now = time.GetUtcNow() }), ct);

    /// <summary>
    /// The figures of broadcast <paramref name="id"/>: people delivered to, who opened the card, who clicked Sign up (on it or
    /// on the digest that carried it), recipients holding a confirmed seat signed up since it started, 1:1 chats the bot
    /// opened to deliver it, and people waiting for the next day's digest.
    /// </summary>
    public async Task<BroadcastOutcome> FiguresAsync(long id, CancellationToken ct)
    {
        var chatColumn = await HasCreatedChatAsync(ct);
        return await db.ReadAsync(async c =>
        {
            var row = await c.QuerySingleAsync<Row>(
                $"""
                SELECT
                  (SELECT COUNT(*) FROM outbox WHERE broadcast_id = @id AND user_aad IS NOT NULL AND status = 1) AS Delivered,
                  (SELECT COUNT(*) FROM broadcast_engagement WHERE broadcast_id = @id AND kind = 'opened') AS Opened,
                  (SELECT COUNT(*) FROM broadcast_engagement WHERE broadcast_id = @id AND kind = 'clicked') AS Clicked,
                  (SELECT COUNT(DISTINCT s.user_aad) FROM signups s JOIN broadcasts b ON b.id = @id AND s.project_number = b.project_number
                   WHERE s.status = 0 AND s.created_at >= COALESCE(b.started_at, b.created_at)
                   AND EXISTS (SELECT 1 FROM broadcast_deliveries d WHERE d.broadcast_id = @id AND d.user_aad = s.user_aad)) AS SignedUp,
                  {(chatColumn ? "(SELECT COUNT(*) FROM outbox WHERE broadcast_id = @id AND created_chat = TRUE)" : "0")} AS ChatsCreated,
                  (SELECT COUNT(*) FROM broadcast_digests WHERE broadcast_id = @id) AS Deferred
                """, new { id });
            return new BroadcastOutcome((int)row.Delivered, (int)row.Opened, (int)row.Clicked, (int)row.SignedUp, (int)row.ChatsCreated, (int)row.Deferred);
        }, ct);
    }

    private bool _hasCreatedChat;

    // outbox.created_chat comes with the roster migration (0013); until it is applied the figure is 0. Once seen it stays.
    private async Task<bool> HasCreatedChatAsync(CancellationToken ct)
    {
        if (!_hasCreatedChat)
        {
            _hasCreatedChat = await db.ReadAsync(c => c.ExecuteScalarAsync<long>(
                db.IsSqlite
                    ? "SELECT COUNT(*) FROM pragma_table_info('outbox') WHERE name = 'created_chat'"
                    : "SELECT COUNT(*) FROM information_schema.columns WHERE table_name = 'outbox' AND column_name = 'created_chat' AND table_schema = current_schema()"), ct) > 0;
        }

        return _hasCreatedChat;
    }

    private sealed record Row
    {
        public long Delivered { get; init; }
        public long Opened { get; init; }
        public long Clicked { get; init; }
        public long SignedUp { get; init; }
        public long ChatsCreated { get; init; }
        public long Deferred { get; init; }
    }
}
