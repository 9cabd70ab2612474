using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Data.Sqlite;
using ProBonoBot.Testing;

namespace ProBonoBot.Bench;

/// <summary>
/// The dashboard's reads on a busy club: <c>projects</c> projects (two roles each, all five board stages) and
/// <c>signups</c> sign-ups (confirmed, waitlisted, offered, withdrawn) seeded with SQL into SQLite, plus needs, briefs and
/// broadcasts with their outbox rows. The bot runs as deployed (Teams SSO: every request carries a leader's token from the
/// local issuer). Times <c>requests</c> GETs each of the board API and of a project API (random projects) after a warm-up,
/// one at a time, and prints their p95. Bar: both ≤ 200 ms.
/// </summary>
internal sealed class DashboardBenchmark(string root, int projects, int signUps, int requests)
{
    private const string Tenant = "tenant-bench";
    private const string Leader = "aad-dashboard-leader";
    private const double BarMs = 200;

    public async Task<int> RunAsync()
    {
        Console.Error.WriteLine($"== dashboard: {projects} projects, {signUps} sign-ups; {requests} GETs of the board and of project pages");
        await using var issuer = await LocalIssuer.StartAsync();
        await using var connector = await FakeConnector.StartAsync();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var dataDir = Directory.CreateTempSubdirectory("probonobot-dashboard-").FullName;
        var database = $"Data Source={Path.Combine(dataDir, "bench.db")}";
        Process? bot = null;
        try
        {
            var port = FreePort.Next();
            var audience = $"api://127.0.0.1:{port}/botid-{BenchBot.AppId}";
            bot = BenchBot.Start(root, port, issuer, connector, database, new Dictionary<string, string>
            {
                ["Storage__Provider"] = "Sqlite",
                ["Bot__PublicBaseUrl"] = $"http://127.0.0.1:{port}",
                ["Dashboard__OpenIdMetadataUrl"] = issuer.EntraMetadataUrl.ToString(),
                ["Club__Leaders__0"] = Leader,
            });
            await Processes.WaitHealthyAsync(http, $"http://127.0.0.1:{port}/healthz", bot);
            var seeding = Stopwatch.StartNew();
            await SeedAsync(database);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  seeded in {seeding.Elapsed.TotalSeconds:F1} s"));

            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issuer.UserToken(Tenant, audience, Leader, "Bench Leader"));
            var baseUrl = $"http://127.0.0.1:{port}/dashboard/api";
            var random = new Random(15);
            await TimeAsync(http, () => $"{baseUrl}/board", 20);
            await TimeAsync(http, () => $"{baseUrl}/projects/{random.Next(1, projects + 1)}", 20);
            var board = await TimeAsync(http, () => $"{baseUrl}/board", requests);
            var project = await TimeAsync(http, () => $"{baseUrl}/projects/{random.Next(1, projects + 1)}", requests);
            var filtered = await TimeAsync(http, () => $"{baseUrl}/board?status=recruiting&q=partner%201", Math.Max(10, requests / 4));
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  board p50 {P(board, 0.5):F1} ms, filtered board p95 {P(filtered, 0.95):F1} ms, project p50 {P(project, 0.5):F1} ms, bot peak RSS {Processes.PeakRssMiB(bot):F0} MiB"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"RESULT dashboard board_p95_ms={P(board, 0.95):F1} project_p95_ms={P(project, 0.95):F1}"));
            var met = P(board, 0.95) <= BarMs && P(project, 0.95) <= BarMs;
            Console.Error.WriteLine(met ? "  BAR met (both p95 ≤ 200 ms)." : "  BAR NOT met.");
            return met ? 0 : 1;
        }
        finally
        {
            Processes.Stop(bot);
            SqliteConnection.ClearAllPools();
            Directory.Delete(dataDir, recursive: true);
        }
    }

    private static double P(List<double> sorted, double q) => sorted[Math.Clamp((int)Math.Ceiling(sorted.Count * q) - 1, 0, sorted.Count - 1)];

    private static async Task<List<double>> TimeAsync(HttpClient http, Func<string> url, int count)
    {
        var times = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await http.GetAsync(url());
            var body = await response.Content.ReadAsByteArrayAsync();
            clock.Stop();
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"GET {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}");
            }

            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return times;
    }

    /// <summary>Everything in one transaction with prepared statements.</summary>
    private async Task SeedAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString + ";Default Timeout=60");
        await connection.OpenAsync();
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
        var start = DateTimeOffset.UtcNow.AddDays(-90);
        await using var project = Command(connection, tx, """
            INSERT INTO projects (number, title, partner, summary, hours_per_week, language, leader_aad, leader_name, status, card_version, created_at, updated_at, published_at)
            VALUES ($n, $title, $partner, 'Help a partner with its website and volunteers.', 4, $language, $leader, 'Bench Leader', $status, 1, $at, $at, $published);
            INSERT INTO project_roles (project_number, role_number, name, skills, seats) VALUES ($n, 1, 'Designer', 'design', 6), ($n, 2, 'Developer', 'web', 8);
            """, "$n", "$title", "$partner", "$language", "$leader", "$status", "$at", "$published");
        for (var n = 1; n <= projects; n++)
        {
            var status = n % 5 == 0 ? (n % 10 == 0 ? 5 : 4) : n % 5; // all stages: 0 draft … 4 completed, 5 cancelled
            status = n % 7 == 0 ? 0 : status;
            var at = start.AddMinutes(n * 97);
            Set(project, n, $"Project {n}: a website for partner {n % 120}", $"Partner {n % 120}", n % 3 == 0 ? "en" : "ja", Leader, status, at,
                status == 0 ? DBNull.Value : at);
            await project.ExecuteNonQueryAsync();
        }

        await using var signUp = Command(connection, tx, """
            INSERT INTO signups (project_number, role_number, user_aad, user_name, user_teams_id, status, hours_per_week, note, offered_until, created_at, updated_at)
            VALUES ($p, $role, $aad, $name, $teams, $status, 4, $note, $until, $at, $at)
            """, "$p", "$role", "$aad", "$name", "$teams", "$status", "$note", "$until", "$at");
        for (var i = 0; i < signUps; i++)
        {
            var p = (i % projects) + 1;
            var k = i / projects; // the k-th sign-up of this project
            var status = k < 12 ? 0 : k < 16 ? 1 : k < 17 ? 2 : 3;
            var at = start.AddMinutes(p * 97 + k * 11);
            Set(signUp, p, k % 2 == 0 ? 1 : 2, $"aad-member-{i}", i % 2 == 0 ? $"メンバー {i}" : $"Member {i}", $"29:member-{i}", status,
                k % 4 == 0 ? "Available on weekends" : DBNull.Value, status == 2 ? at.AddDays(2) : DBNull.Value, at);
            await signUp.ExecuteNonQueryAsync();
        }

        await using var need = Command(connection, tx, """
            INSERT INTO needs (id, author_aad, author_name, conversation_id, service_url, language, need_text, status, created_at, updated_at)
            VALUES ($id, 'aad-partner', 'Partner contact', 'a:partner', 'http://127.0.0.1', 'ja', $text, 1, $at, $at);
            INSERT INTO briefs (need_id, author_aad, author_name, language, brief_json, source, status, created_at, updated_at)
            SELECT $id, 'aad-partner', 'Partner contact', 'ja', $json, 'offline', $briefStatus, $at, $at WHERE $id % 4 <> 0;
            """, "$id", "$text", "$at", "$json", "$briefStatus");
        for (var id = 1; id <= Math.Max(10, projects / 5); id++)
        {
            Set(need, id, $"We need help with our volunteer sign-up sheet ({id}).", start.AddHours(id), $"{{\"title\":\"Brief {id}\"}}", id % 3);
            await need.ExecuteNonQueryAsync();
        }

        // A broadcast on every tenth project, 100 recipients each, most delivered.
        await using var broadcast = Command(connection, tx, """
            INSERT INTO broadcasts (id, project_number, audience, created_by, status, total, created_at, completed_at, started_at)
            VALUES ($id, $p, 'people', $leader, 1, 100, $at, $at, $at)
            """, "$id", "$p", "$leader", "$at");
        await using var outbox = Command(connection, tx, """
            INSERT INTO outbox (user_aad, conversation_id, service_url, activity, status, attempts, not_before, result, created_at, sent_at, broadcast_id)
            VALUES ($aad, $conversation, 'http://127.0.0.1', '{}', $status, 1, $at, $result, $at, $sent, $b)
            """, "$aad", "$conversation", "$status", "$at", "$result", "$sent", "$b");
        var broadcastId = 0;
        for (var p = 10; p <= projects; p += 10)
        {
            broadcastId++;
            var at = start.AddMinutes(p * 97 + 30);
            Set(broadcast, broadcastId, p, Leader, at);
            await broadcast.ExecuteNonQueryAsync();
            for (var r = 0; r < 100; r++)
            {
                var status = r % 25 == 0 ? 3 : r % 33 == 0 ? 2 : 1;
                Set(outbox, $"aad-member-{r}", $"a:member-{r}", status, at, status == 1 ? "activity-id" : "403 blocked", at.AddSeconds(r), broadcastId);
                await outbox.ExecuteNonQueryAsync();
            }
        }

        await tx.CommitAsync();
        await using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE";
        await analyze.ExecuteNonQueryAsync();
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction tx, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }

    private static void Set(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }
    }
}
