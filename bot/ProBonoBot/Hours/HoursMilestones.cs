using Dapper;
using ProBonoBot.Storage;

namespace ProBonoBot.Hours;

/// <summary>A milestone or meeting of a project's plan, as hours need it (table <c>milestones</c>, owned by the plan).</summary>
public sealed record MilestoneInfo
{
    public long Id { get; init; }
    public long ProjectNumber { get; init; }
    public string Kind { get; init; } = string.Empty;
    public string Title { get; init; } = string.Empty;
    public DateTimeOffset? StartsAt { get; init; }
    public long DurationMinutes { get; init; }

    public bool IsMeeting => Kind == "meeting";
}

/// <summary>Reads milestones for hours cards and labels with its own SQL, so hours depend on the table, not on the plan's code.</summary>
public sealed class HoursMilestones(Db db)
{
    public const string Select =
        "SELECT m.id AS Id, m.project_number AS ProjectNumber, m.kind AS Kind, m.title AS Title, m.starts_at AS StartsAt, m.duration_minutes AS DurationMinutes FROM milestones m";

    public Task<IReadOnlyDictionary<long, MilestoneInfo>> ByIdsAsync(IReadOnlyCollection<long> ids, CancellationToken ct) =>
        ids is null || ids.Count == 0
            ? Task.FromResult<IReadOnlyDictionary<long, MilestoneInfo>>(new Dictionary<long, MilestoneInfo>())
            : db.ReadAsync<IReadOnlyDictionary<long, MilestoneInfo>>(async c =>
                (await c.QueryAsync<MilestoneInfo>($"{Select} WHERE {db.In("m.id", "ids")}", new { ids = ids.ToArray() })).ToDictionary(m => m.Id), ct);

    /// <summary>Dated, not cancelled milestones of projects with a team (TeamFormed or InProgress) that started in the window.</summary>
    public Task<IReadOnlyList<MilestoneInfo>> StartedBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<MilestoneInfo>>(async c => [.. await c.QueryAsync<MilestoneInfo>(
            $"""
            {Select} JOIN projects p ON p.number = m.project_number
            WHERE m.starts_at IS NOT NULL AND m.cancelled = FALSE AND p.status IN (2, 3) AND m.starts_at >= @from AND m.starts_at <= @to
            ORDER BY m.starts_at, m.id
            """, new { from, to })], ct);
}
