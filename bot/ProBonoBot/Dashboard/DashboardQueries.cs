using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Options;
using ProBonoBot.Broadcasts;
using ProBonoBot.Drafting;
using ProBonoBot.Storage;

namespace ProBonoBot.Dashboard;

/// <summary>
/// The dashboard's reads, in plain SQL for both dialects. Each page is a handful of indexed queries on one connection:
/// the board counts with GROUP BY and lists a bounded number of projects per column; a project page reads only that
/// project's rows. The milestones and hours tables are read only when they hold rows for the project.
/// </summary>
public sealed class DashboardQueries(Db db, BroadcastStore broadcasts, IOptions<DashboardOptions> options, IOptions<DraftingOptions> drafting, TimeProvider time)
{
    /// <summary>The board's columns: status names and the stored statuses each one holds.</summary>
    public static readonly IReadOnlyList<(string Key, long[] Statuses)> Columns =
    [
        ("draft", [0]), ("recruiting", [1]), ("teamFormed", [2]), ("inProgress", [3]), ("closed", [4, 5]),
    ];

    private const int TextLimit = 160;

    public async Task<object> BoardAsync(string? status, string? text, CancellationToken ct)
    {
        var statuses = Columns.FirstOrDefault(c => string.Equals(c.Key, status, StringComparison.OrdinalIgnoreCase)).Statuses
            ?? [0, 1, 2, 3, 4, 5];
        var pattern = string.IsNullOrWhiteSpace(text) ? null : "%" + EscapeLike(text.Trim().ToLowerInvariant()) + "%";
        var limit = Math.Clamp(options.Value.BoardColumnLimit, 1, 1000);
        var filter = $"{db.In("p.status", "statuses")}" + (pattern is null ? "" : " AND (LOWER(p.partner) LIKE @pattern ESCAPE '\\' OR LOWER(p.title) LIKE @pattern ESCAPE '\\')");
        return await db.ReadAsync(async c =>
        {
            var counts = (await c.QueryAsync<(long Status, long Count)>($"SELECT p.status, COUNT(*) FROM projects p WHERE {filter} GROUP BY p.status",
                new { statuses, pattern }).ConfigureAwait(false)).ToDictionary(r => r.Status, r => r.Count);
            var projects = (await c.QueryAsync<BoardProject>($"""
                SELECT p.number AS Number, p.title AS Title, p.partner AS Partner, p.status AS Status, p.leader_name AS LeaderName, p.updated_at AS UpdatedAt,
                       (SELECT COALESCE(SUM(r.seats), 0) FROM project_roles r WHERE r.project_number = p.number) AS Seats,
                       (SELECT COUNT(*) FROM signups s WHERE s.project_number = p.number AND s.status = 0) AS Confirmed,
                       (SELECT COUNT(*) FROM signups s WHERE s.project_number = p.number AND s.status = 1) AS Waitlisted,
                       (SELECT COUNT(*) FROM signups s WHERE s.project_number = p.number AND s.status = 2) AS Offered
                FROM (SELECT q.number, ROW_NUMBER() OVER (PARTITION BY CASE WHEN q.status = 5 THEN 4 ELSE q.status END ORDER BY q.updated_at DESC, q.number DESC) AS rn
                      FROM projects q WHERE {filter.Replace("p.", "q.", StringComparison.Ordinal)}) ranked
                JOIN projects p ON p.number = ranked.number
                WHERE ranked.rn <= @limit
                ORDER BY p.updated_at DESC, p.number DESC
                """, new { statuses, pattern, limit }).ConfigureAwait(false)).ToList();
            var needCounts = (await c.QueryAsync<(long Status, long Count)>("SELECT status, COUNT(*) FROM needs GROUP BY status").ConfigureAwait(false))
                .ToDictionary(r => r.Status, r => r.Count);
            var briefCounts = (await c.QueryAsync<(long Status, long Count)>("SELECT status, COUNT(*) FROM briefs GROUP BY status").ConfigureAwait(false))
                .ToDictionary(r => r.Status, r => r.Count);
            // Needs submitted that have no brief yet, and the latest briefs not yet turned into a project.
            var needs = (await c.QueryAsync<BoardNeed>("""
                SELECT n.id AS Id, n.author_name AS AuthorName, n.language AS Language, n.need_text AS Text, n.status AS Status, n.created_at AS CreatedAt
                FROM needs n WHERE n.status = 1 AND NOT EXISTS (SELECT 1 FROM briefs b WHERE b.need_id = n.id)
                ORDER BY n.id DESC LIMIT 20
                """).ConfigureAwait(false)).ToList();
            var briefs = await ReadBriefsAsync(c, "b.status IN (0, 1, 3)", 20).ConfigureAwait(false);
            foreach (var need in needs)
            {
                need.Text = Cut(need.Text);
            }

            return new
            {
                filter = new { status = status ?? "", text = text ?? "" },
                counts = Columns.ToDictionary(col => col.Key, col => col.Statuses.Sum(s => counts.GetValueOrDefault(s))),
                needs = new { asking = needCounts.GetValueOrDefault(0), submitted = needCounts.GetValueOrDefault(1), waiting = needs },
                briefs = new { draft = briefCounts.GetValueOrDefault(0), sent = briefCounts.GetValueOrDefault(1), approved = briefCounts.GetValueOrDefault(2), returned = briefCounts.GetValueOrDefault(3), open = briefs },
                columns = Columns.Select(col => new
                {
                    key = col.Key,
                    count = col.Statuses.Sum(s => counts.GetValueOrDefault(s)),
                    projects = projects.Where(p => col.Statuses.Contains(p.Status)).ToList(),
                }),
            };
        }, ct).ConfigureAwait(false);
    }

    public async Task<object?> ProjectAsync(long number, CancellationToken ct)
    {
        var result = await db.ReadAsync<object?>(async c =>
        {
            var project = await c.QuerySingleOrDefaultAsync<ProjectRow>("""
                SELECT number AS Number, title AS Title, partner AS Partner, summary AS Summary, objective AS Objective, deliverables AS Deliverables,
                       hours_per_week AS HoursPerWeek, start_date AS StartDate, end_date AS EndDate, work_mode AS WorkMode, place AS Place,
                       language AS Language, leader_name AS LeaderName, status AS Status, created_at AS CreatedAt, updated_at AS UpdatedAt, published_at AS PublishedAt
                FROM projects WHERE number = @number
                """, new { number }).ConfigureAwait(false);
            if (project is null)
            {
                return null;
            }

            var roles = (await c.QueryAsync<RoleRow>("""
                SELECT r.role_number AS Number, r.name AS Name, r.skills AS Skills, r.seats AS Seats,
                       (SELECT COUNT(*) FROM signups s WHERE s.project_number = r.project_number AND s.role_number = r.role_number AND s.status = 0) AS Confirmed,
                       (SELECT COUNT(*) FROM signups s WHERE s.project_number = r.project_number AND s.role_number = r.role_number AND s.status = 1) AS Waitlisted,
                       (SELECT COUNT(*) FROM signups s WHERE s.project_number = r.project_number AND s.role_number = r.role_number AND s.status = 2) AS Offered
                FROM project_roles r WHERE r.project_number = @number ORDER BY r.role_number
                """, new { number }).ConfigureAwait(false)).ToList();
            var signUps = (await c.QueryAsync<SignUpRow>("""
                SELECT seq AS Seq, role_number AS Role, user_name AS Name, status AS Status, hours_per_week AS HoursPerWeek, note AS Note,
                       offered_until AS OfferedUntil, created_at AS CreatedAt
                FROM signups WHERE project_number = @number AND status IN (0, 1, 2) ORDER BY status, seq LIMIT 2000
                """, new { number }).ConfigureAwait(false)).ToList();
            var withdrawn = await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM signups WHERE project_number = @number AND status IN (3, 4)", new { number }).ConfigureAwait(false);
            var milestones = (await c.QueryAsync<MilestoneRow>("""
                SELECT id AS Id, kind AS Kind, title AS Title, starts_at AS StartsAt, duration_minutes AS DurationMinutes, place AS Place,
                       CASE WHEN cancelled THEN 1 ELSE 0 END AS Cancelled
                FROM milestones WHERE project_number = @number ORDER BY starts_at, id LIMIT 200
                """, new { number }).ConfigureAwait(false)).ToList();
            var hours = (await c.QueryAsync<HoursRow>("""
                SELECT MAX(user_name) AS Name,
                       SUM(CASE WHEN status = 1 THEN minutes ELSE 0 END) AS Approved,
                       SUM(CASE WHEN status = 0 THEN minutes ELSE 0 END) AS Waiting,
                       SUM(CASE WHEN status = 2 THEN minutes ELSE 0 END) AS Rejected
                FROM hours WHERE project_number = @number GROUP BY user_aad ORDER BY MAX(user_name)
                """, new { number }).ConfigureAwait(false)).ToList();
            var projectBroadcasts = (await c.QueryAsync<BroadcastSummary>(BroadcastSql("WHERE b.project_number = @number", 50), new { number }).ConfigureAwait(false)).ToList();
            return new
            {
                project,
                roles,
                signUps = signUps.Select(s => new { s.Seq, s.Role, s.Name, s.Status, s.HoursPerWeek, Note = s.Note is null ? null : Cut(s.Note), s.OfferedUntil, s.CreatedAt }),
                withdrawn,
                milestones,
                hours = hours.Count == 0 ? null : hours,
                broadcasts = projectBroadcasts,
            };
        }, ct).ConfigureAwait(false);
        return result;
    }

    public Task<List<BroadcastSummary>> BroadcastsAsync(CancellationToken ct) =>
        db.ReadAsync(async c => (await c.QueryAsync<BroadcastSummary>(BroadcastSql("", 50)).ConfigureAwait(false)).ToList(), ct);

    public async Task<object?> BroadcastAsync(long id, CancellationToken ct)
    {
        var summary = await db.ReadAsync(c => c.QuerySingleOrDefaultAsync<BroadcastSummary>(BroadcastSql("WHERE b.id = @id", 1), new { id }), ct).ConfigureAwait(false);
        if (summary is null)
        {
            return null;
        }

        var finished = await db.ReadAsync(async c => (await c.QueryAsync<(long Status, DateTimeOffset At)>(
            "SELECT status, sent_at FROM outbox WHERE broadcast_id = @id AND status <> 0 AND sent_at IS NOT NULL ORDER BY sent_at", new { id }).ConfigureAwait(false)).ToList(), ct)
            .ConfigureAwait(false);
        var undelivered = await broadcasts.UndeliveredAsync(id, ct).ConfigureAwait(false);
        return new
        {
            broadcast = summary,
            timeline = Timeline(finished, summary.CreatedAt),
            notReached = undelivered.Take(1000).Select(u => new NotReached(u.PersonName, u.TeamName, u.ChannelName, Reason(u.Status), u.Result is { Length: > 0 } r ? Cut(r) : null)),
            notReachedTotal = undelivered.Count,
        };
    }

    public async Task<object> DraftingAsync(CancellationToken ct)
    {
        var today = time.GetUtcNow().UtcDateTime.Date;
        var days = Enumerable.Range(0, 14).Select(i => today.AddDays(-13 + i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToArray();
        return await db.ReadAsync(async c =>
        {
            var waiting = await ReadBriefsAsync(c, "b.status = 1", 100).ConfigureAwait(false);
            var feedback = (await c.QueryAsync<FeedbackRow>("""
                SELECT id AS Id, kind AS Kind, subject_kind AS SubjectKind, subject_id AS SubjectId, category AS Category, comment AS Comment,
                       person_name AS PersonName, created_at AS CreatedAt
                FROM draft_feedback ORDER BY id DESC LIMIT 50
                """).ConfigureAwait(false)).ToList();
            foreach (var f in feedback)
            {
                f.Comment = f.Comment is null ? null : Cut(f.Comment);
            }

            var feedbackCounts = (await c.QueryAsync<(string Kind, long Count)>("SELECT kind, COUNT(*) FROM draft_feedback GROUP BY kind").ConfigureAwait(false))
                .ToDictionary(r => r.Kind, r => r.Count, StringComparer.Ordinal);
            var usage = (await c.QueryAsync<UsageRow>($"SELECT day AS Day, tokens AS Tokens FROM drafting_usage WHERE {db.In("day", "days")}", new { days }).ConfigureAwait(false))
                .ToDictionary(u => u.Day, u => u.Tokens, StringComparer.Ordinal);
            return (object)new
            {
                waiting,
                feedback,
                feedbackCounts = new { like = feedbackCounts.GetValueOrDefault("like"), dislike = feedbackCounts.GetValueOrDefault("dislike"), report = feedbackCounts.GetValueOrDefault("report") },
                tokens = new
                {
                    today = usage.GetValueOrDefault(days[^1]),
                    budget = drafting.Value.DailyTokenBudget,
                    days = days.Select(d => new { day = d, tokens = usage.GetValueOrDefault(d) }),
                },
            };
        }, ct).ConfigureAwait(false);
    }

    private static async Task<List<BoardBrief>> ReadBriefsAsync(DbConnection c, string where, int limit)
    {
        var briefs = (await c.QueryAsync<BoardBrief>($"""
            SELECT b.id AS Id, b.need_id AS NeedId, b.author_name AS AuthorName, b.language AS Language, b.version AS Version, b.source AS Source,
                   b.fallback AS Fallback, b.status AS Status, b.project_number AS ProjectNumber, b.updated_at AS UpdatedAt, b.brief_json AS BriefJson
            FROM briefs b WHERE {where} ORDER BY b.id DESC LIMIT {limit}
            """).ConfigureAwait(false)).ToList();
        foreach (var b in briefs)
        {
            b.Title = TitleOf(b.BriefJson);
        }

        return [.. briefs.Select(b => new BoardBrief
        {
            Id = b.Id, NeedId = b.NeedId, AuthorName = b.AuthorName, Language = b.Language, Version = b.Version, Source = b.Source, Fallback = b.Fallback,
            Status = b.Status, ProjectNumber = b.ProjectNumber, UpdatedAt = b.UpdatedAt, Title = b.Title,
        })];
    }

    private static string BroadcastSql(string where, int limit) => $"""
        SELECT b.id AS Id, b.project_number AS ProjectNumber, p.title AS ProjectTitle, b.audience AS Audience, b.status AS Status, b.total AS Total,
               b.created_at AS CreatedAt, b.send_at AS SendAt, b.completed_at AS CompletedAt,
               COALESCE(f.pending, 0) AS Pending, COALESCE(f.delivered, 0) AS Delivered, COALESCE(f.failed, 0) AS Failed,
               COALESCE(f.blocked, 0) AS Blocked, COALESCE(f.notfound, 0) AS NotFound, COALESCE(f.notinstalled, 0) AS NotInstalled
        FROM broadcasts b
        LEFT JOIN projects p ON p.number = b.project_number
        LEFT JOIN (SELECT o.broadcast_id,
                          SUM(CASE WHEN o.status = 0 THEN 1 ELSE 0 END) AS pending,
                          SUM(CASE WHEN o.status = 1 THEN 1 ELSE 0 END) AS delivered,
                          SUM(CASE WHEN o.status = 2 THEN 1 ELSE 0 END) AS failed,
                          SUM(CASE WHEN o.status = 3 THEN 1 ELSE 0 END) AS blocked,
                          SUM(CASE WHEN o.status = 4 THEN 1 ELSE 0 END) AS notfound,
                          SUM(CASE WHEN o.status = 5 THEN 1 ELSE 0 END) AS notinstalled
                   FROM outbox o WHERE o.broadcast_id IN (SELECT b2.id FROM broadcasts b2 {where.Replace("b.", "b2.", StringComparison.Ordinal)} ORDER BY b2.id DESC LIMIT {limit})
                   GROUP BY o.broadcast_id) f ON f.broadcast_id = b.id
        {where}
        ORDER BY b.id DESC LIMIT {limit}
        """;

    /// <summary>Cumulative figures in at most 40 steps from the start of the broadcast to its last delivery.</summary>
    internal static IReadOnlyList<DeliveryPoint> Timeline(IReadOnlyList<(long Status, DateTimeOffset At)> finished, DateTimeOffset start)
    {
        if (finished.Count == 0)
        {
            return [];
        }

        var first = finished[0].At < start ? finished[0].At : start;
        var last = finished[^1].At;
        var steps = 40;
        var span = (last - first).Ticks;
        var points = new List<DeliveryPoint> { new(first, 0, 0, 0) };
        long delivered = 0, failed = 0, blocked = 0;
        var index = 0;
        for (var step = 1; step <= steps; step++)
        {
            var until = span == 0 ? last : first + TimeSpan.FromTicks(span * step / steps);
            while (index < finished.Count && finished[index].At <= until)
            {
                switch (finished[index].Status)
                {
                    case 1: delivered++; break;
                    case 3: blocked++; break;
                    default: failed++; break;
                }

                index++;
            }

            if (points[^1].Delivered != delivered || points[^1].Failed != failed || points[^1].Blocked != blocked || step == steps)
            {
                points.Add(new DeliveryPoint(until, delivered, failed, blocked));
            }

            if (span == 0)
            {
                break;
            }
        }

        return points;
    }

    private static string Reason(long status) => status switch
    {
        2 => "failed",
        3 => "blocked",
        4 => "notFound",
        5 => "notInstalled",
        _ => "other",
    };

    private static string? TitleOf(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String
                ? Cut(t.GetString()!)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal static string Cut(string text) => Cards.Json.TextCut.Cut(text, TextLimit);

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}

/// <summary>A project's own columns, for its page.</summary>
public sealed class ProjectRow
{
    public long Number { get; init; }
    public string Title { get; init; } = "";
    public string Partner { get; init; } = "";
    public string Summary { get; init; } = "";
    public string? Objective { get; init; }
    public string? Deliverables { get; init; }
    public long HoursPerWeek { get; init; }
    public string? StartDate { get; init; }
    public string? EndDate { get; init; }
    public string WorkMode { get; init; } = "";
    public string? Place { get; init; }
    public string Language { get; init; } = "";
    public string? LeaderName { get; init; }
    public long Status { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
}
