using Dapper;
using ProBonoBot.Storage;

namespace ProBonoBot.Tests.Impact;

/// <summary>
/// A club's history across FY2024–FY2026 (fiscal years from April, dates in Asia/Tokyo) whose report figures are worked out by
/// hand in <see cref="ClubReportTests"/>: edges on 31 March / 1 April (in UTC and in Tokyo), a second brief version, waiting and
/// rejected hours, a cancelled need, a withdrawn and a waitlisted sign-up, and Alice on two projects.
/// </summary>
internal static class ReportSeed
{
    public const string Alice = "aad-alice";
    public const string Bob = "aad-bob";
    public const string Carol = "aad-carol";
    public const string Dave = "aad-dave";

    public static async Task SeedAsync(Db db)
    {
        await db.WriteAsync(async c =>
        {
            async Task<long> Project(string partner, string createdUtc, long status) => await c.ExecuteScalarAsync<long>(
                """
                INSERT INTO projects (title, partner, summary, hours_per_week, leader_aad, language, status, created_at, updated_at)
                VALUES ('Project', @partner, 'Summary', 5, 'aad-leader', 'en', @status, @at, @at) RETURNING number
                """, new { partner, status, at = At(createdUtc) });
            async Task SignUp(long project, string aad, long status, string createdUtc, string updatedUtc) => await c.ExecuteAsync(
                """
                INSERT INTO signups (project_number, role_number, user_aad, user_name, status, created_at, updated_at)
                VALUES (@project, 1, @aad, @aad, @status, @created, @updated)
                """, new { project, aad, status, created = At(createdUtc), updated = At(updatedUtc) });
            async Task Hours(long project, string aad, string workedOn, long minutes, long status) => await c.ExecuteAsync(
                """
                INSERT INTO hours (project_number, user_aad, period, worked_on, minutes, status, created_at, updated_at)
                VALUES (@project, @aad, @period, @workedOn, @minutes, @status, @now, @now)
                """, new { project, aad, period = "d:" + workedOn, workedOn, minutes, status, now = At("2026-05-01T00:00:00Z") });
            async Task<long> Need(string createdUtc, long status) => await c.ExecuteScalarAsync<long>(
                """
                INSERT INTO needs (author_aad, conversation_id, service_url, language, need_text, status, created_at, updated_at)
                VALUES ('aad-leader', 'a:1', 'https://x', 'ja', 'need', @status, @at, @at) RETURNING id
                """, new { status, at = At(createdUtc) });
            async Task Brief(long need, int version, string createdUtc) => await c.ExecuteAsync(
                """
                INSERT INTO briefs (need_id, author_aad, language, version, brief_json, source, created_at, updated_at)
                VALUES (@need, 'aad-leader', 'ja', @version, '{}', 'offline', @at, @at)
                """, new { need, version, at = At(createdUtc) });
            async Task Closed(long project, string closedUtc) => await c.ExecuteAsync(
                "INSERT INTO project_outcomes (project_number, output, closed_by, closed_at) VALUES (@project, 'done', 'aad-leader', @at)",
                new { project, at = At(closedUtc) });

            var p1 = await Project("Noto Wood", "2025-05-10T01:00:00Z", 4);
            var p2 = await Project("noto wood ", "2025-09-30T16:00:00Z", 3);      // 1 Oct 01:00 in Tokyo: Q3
            var p3 = await Project("Kaga Shelter", "2026-03-31T14:00:00Z", 2);    // 31 Mar 23:00 in Tokyo: FY2025 Q4
            var p4 = await Project("Suzu Library", "2026-03-31T15:00:00Z", 5);    // 1 Apr 00:00 in Tokyo: FY2026
            var p5 = await Project("Wajima Market", "2024-12-01T00:00:00Z", 4);
            await Closed(p1, "2025-11-20T03:00:00Z");
            await Closed(p5, "2026-04-01T02:00:00Z");

            await SignUp(p1, Alice, 0, "2025-05-15T00:00:00Z", "2025-05-15T00:00:00Z");
            await SignUp(p1, Bob, 0, "2025-06-01T00:00:00Z", "2025-06-20T00:00:00Z");
            await SignUp(p2, Alice, 0, "2025-10-05T00:00:00Z", "2025-10-05T00:00:00Z");
            await SignUp(p2, "aad-frank", 1, "2025-10-06T00:00:00Z", "2025-10-06T00:00:00Z");   // waitlisted
            await SignUp(p3, Carol, 0, "2026-03-31T14:30:00Z", "2026-03-31T14:30:00Z");
            await SignUp(p4, "aad-erin", 3, "2026-04-02T00:00:00Z", "2026-04-03T00:00:00Z");    // withdrawn
            await SignUp(p5, Dave, 0, "2024-12-10T00:00:00Z", "2025-01-05T00:00:00Z");

            await Hours(p1, Alice, "2025-06-30", 90, 1);
            await Hours(p1, Alice, "2025-07-01", 60, 1);
            await Hours(p1, Bob, "2025-06-15", 45, 1);
            await Hours(p1, Bob, "2025-07-10", 600, 0);     // waiting
            await Hours(p1, Bob, "2025-08-10", 300, 2);     // rejected
            await Hours(p2, Alice, "2025-10-10", 120, 1);
            await Hours(p3, Carol, "2026-03-31", 30, 1);
            await Hours(p3, Carol, "2026-04-01", 200, 1);
            await Hours(p5, Dave, "2025-03-31", 50, 1);

            var n1 = await Need("2025-04-01T00:00:00Z", 1);
            var n2 = await Need("2025-03-31T15:30:00Z", 1);   // 1 Apr 00:30 in Tokyo
            await Need("2025-03-31T14:30:00Z", 1);            // 31 Mar 23:30 in Tokyo: FY2024
            await Need("2025-08-01T00:00:00Z", 2);            // cancelled
            var n5 = await Need("2025-12-01T00:00:00Z", 0);
            await Need("2026-03-31T15:30:00Z", 1);            // FY2026
            await Brief(n1, 1, "2025-04-02T00:00:00Z");
            await Brief(n1, 2, "2025-07-01T00:00:00Z");       // a second version is not a second brief
            await Brief(n2, 1, "2025-06-30T15:30:00Z");       // 1 Jul in Tokyo: Q2
            await Brief(n5, 1, "2025-12-05T00:00:00Z");
            return 0;
        }, default);
    }

    private static DateTimeOffset At(string utc) => DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture);
}
