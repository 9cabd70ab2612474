using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using ProBonoBot.Testing;

namespace ProBonoBot.Bench;

/// <summary>
/// Reminders due in the same minute: a project in progress with <c>members</c> confirmed members (each with a 1:1 chat,
/// half in Japanese in Asia/Tokyo, half in English in Europe/Berlin) and one meeting whose reminders — one per member —
/// all fall due at the same instant. The bot's reminder worker claims them and the outbox delivers them through the
/// loopback connector held to Teams' limits (50/s per app, 7/s per conversation, 429 + Retry-After beyond). Counts each
/// member's reminders (duplicates) and how late each one arrived after its due time. Only the RESULT line goes to stdout.
/// </summary>
internal sealed class RemindersBenchmark(string root, int members)
{
    private const int Ceiling = 50;
    private static readonly TimeSpan Lead = TimeSpan.FromHours(24);

    public async Task<int> RunAsync()
    {
        Console.Error.WriteLine($"== reminders: {members} members with reminders due in the same minute");
        await using var issuer = await LocalIssuer.StartAsync();
        await using var connector = await FakeConnector.StartAsync();
        connector.Record = false;
        var arrived = new ConcurrentDictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var sent = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        connector.Answered = (r, status) =>
        {
            if (status is >= 200 and < 300 && r.Method == "POST" && r.Path.EndsWith("/activities", StringComparison.Ordinal))
            {
                var conversation = Uri.UnescapeDataString(r.Path.Split('/')[^2]);
                if (conversation.StartsWith("a:reminders-", StringComparison.Ordinal))
                {
                    arrived.TryAdd(conversation, DateTimeOffset.UtcNow);
                    sent.AddOrUpdate(conversation, 1, (_, n) => n + 1);
                }
            }
        };
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var dataDir = Directory.CreateTempSubdirectory("probonobot-reminders-").FullName;
        var database = $"Data Source={Path.Combine(dataDir, "bench.db")}";
        Process? bot = null;
        try
        {
            var port = FreePort.Next();
            bot = BenchBot.Start(root, port, issuer, connector, database, new Dictionary<string, string>
            {
                ["Storage__Provider"] = "Sqlite",
                ["Plans__ScheduleInterval"] = "00:00:01",
            });
            await Processes.WaitHealthyAsync(http, $"http://127.0.0.1:{port}/healthz", bot);

            // Due 20 s from now, all at the same instant; the meeting starts a day later (the default 24 h lead).
            var due = DateTimeOffset.UtcNow.AddSeconds(20);
            await SeedAsync(database, connector.ServiceUrl, due);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  seeded {members} members; reminders due at {due:HH:mm:ss} UTC"));
            connector.Limits = new TeamsLimits(Ceiling, ServerErrorRate: 0, BlockedRate: 0);

            var clock = Stopwatch.StartNew();
            var progress = Stopwatch.StartNew();
            while (arrived.Count < members)
            {
                if (clock.Elapsed > TimeSpan.FromSeconds(120 + (members / 20.0)))
                {
                    throw new TimeoutException($"Only {arrived.Count} of {members} reminders arrived.");
                }

                if (progress.Elapsed > TimeSpan.FromSeconds(15))
                {
                    progress.Restart();
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {clock.Elapsed.TotalSeconds:F0} s: {arrived.Count} arrived, 429s {connector.Throttled}"));
                }

                await Task.Delay(100);
            }

            await Task.Delay(3000); // a late duplicate would show by now
            var late = arrived.Values.Select(a => Math.Max(0, (a - due).TotalSeconds)).Order().ToList();
            var p99 = late[(int)Math.Ceiling(late.Count * 0.99) - 1];
            var duplicates = sent.Values.Sum(n => Math.Max(0, n - 1));
            var recorded = await ScalarAsync(database, "SELECT COUNT(*) FROM reminders WHERE status = 1");
            var span = late[^1] - late[0];
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  sent {arrived.Count} (the bot marked {recorded} sent), 429s {connector.Throttled}, first {late[0]:F1} s and last {late[^1]:F1} s after due, " +
                $"{arrived.Count / Math.Max(span, 0.001):F1} reminders/s between them (Teams allows {Ceiling}/s per app), p50 late {late[late.Count / 2]:F1} s"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"RESULT reminders due={members} sent={arrived.Count} duplicates={duplicates} late_p99_s={p99:F1}"));
            var met = arrived.Count == members && duplicates == 0;
            Console.Error.WriteLine(met ? "  BAR met (all sent once)." : "  BAR NOT met.");
            return met ? 0 : 1;
        }
        finally
        {
            Processes.Stop(bot);
            SqliteConnection.ClearAllPools();
            Directory.Delete(dataDir, recursive: true);
        }
    }

    /// <summary>The project, its members and their 1:1 chats, the meeting and one due reminder per member, in one transaction.</summary>
    private async Task SeedAsync(string connectionString, string serviceUrl, DateTimeOffset due)
    {
        await using var connection = new SqliteConnection(connectionString + ";Default Timeout=60");
        await connection.OpenAsync();
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
        var now = DateTimeOffset.UtcNow;
        var starts = due + Lead;
        await ExecAsync(connection, tx, """
            INSERT INTO projects (number, title, partner, summary, hours_per_week, language, leader_aad, leader_name, status, card_version, created_at, updated_at, published_at)
            VALUES (1, 'Reminders bench', 'Partner', 'Load.', 4, 'both', 'aad-bench-leader', 'Leader', 3, 1, $now, $now, $now);
            INSERT INTO project_roles (project_number, role_number, name, seats) VALUES (1, 1, 'Volunteer', $members);
            INSERT INTO milestones (id, project_number, kind, title, starts_at, duration_minutes, place, created_at, updated_at)
            VALUES (1, 1, 'meeting', 'Kick-off', $starts, 60, 'Teams', $now, $now);
            """, ("$now", now), ("$members", members), ("$starts", starts));

        await using var person = connection.CreateCommand();
        person.Transaction = tx;
        person.CommandText = """
            INSERT INTO conversation_refs (conversation_id, conversation_type, service_url, channel_id, tenant_id, bot_id, user_id, user_aad_object_id, user_name, locale, installed_at, updated_at)
            VALUES ($conversation, 'personal', $serviceUrl, 'msteams', 'tenant-bench', $botId, $teamsId, $aad, $name, $locale, $now, $now);
            INSERT INTO user_settings (aad_object_id, language, time_zone, updated_at) VALUES ($aad, $language, $zone, $now);
            INSERT INTO signups (project_number, role_number, user_aad, user_name, user_teams_id, status, hours_per_week, created_at, updated_at)
            VALUES (1, 1, $aad, $name, $teamsId, 0, 4, $now, $now);
            INSERT INTO reminders (milestone_id, user_aad, starts_at, due_at, status) VALUES (1, $aad, $starts, $due, 0);
            """;
        var parameters = new Dictionary<string, SqliteParameter>();
        foreach (var name in new[] { "$conversation", "$serviceUrl", "$botId", "$teamsId", "$aad", "$name", "$locale", "$now", "$language", "$zone", "$starts", "$due" })
        {
            parameters[name] = person.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        parameters["$serviceUrl"].Value = serviceUrl;
        parameters["$botId"].Value = "28:" + BenchBot.AppId;
        parameters["$now"].Value = now;
        parameters["$starts"].Value = starts;
        parameters["$due"].Value = due;
        for (var i = 0; i < members; i++)
        {
            var japanese = i % 2 == 0;
            parameters["$conversation"].Value = $"a:reminders-{i}";
            parameters["$teamsId"].Value = $"29:reminders-{i}";
            parameters["$aad"].Value = $"aad-reminders-{i}";
            parameters["$name"].Value = japanese ? $"メンバー {i}" : $"Member {i}";
            parameters["$locale"].Value = japanese ? "ja-JP" : "en-US";
            parameters["$language"].Value = japanese ? "ja" : "en";
            parameters["$zone"].Value = japanese ? "Asia/Tokyo" : "Europe/Berlin";
            await person.ExecuteNonQueryAsync();
        }

        await tx.CommitAsync();
    }

    private static async Task ExecAsync(SqliteConnection connection, SqliteTransaction tx, string sql, params (string Name, object Value)[] args)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var (name, value) in args)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new SqliteConnection(connectionString + ";Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
