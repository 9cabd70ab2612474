using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using ProBonoBot.Testing;

namespace ProBonoBot.Bench;

/// <summary>
/// Reaching a whole team whose members never opened the bot: the bot is installed in a team of <c>members</c> people,
/// lists its roster (paged members), and a leader broadcasts a project to everyone reachable. Every member costs two
/// connector requests — creating the 1:1 chat and sending the card — both held by the loopback connector to Teams' limits
/// (50/s per app in any one second, 7/s per conversation, 429 + Retry-After beyond); 0.5% of people are refused the chat
/// (403 on create, the same people every time). Only the RESULT line goes to stdout.
/// </summary>
internal sealed class ReachBenchmark(string root, int members)
{
    private const string Leader = "aad-bench-leader";
    private const int Ceiling = 50;
    private const double BlockedRate = 0.005;

    public async Task<int> RunAsync()
    {
        Console.Error.WriteLine($"== reach: a team of {members} members who never opened the bot");
        await using var issuer = await LocalIssuer.StartAsync();
        await using var connector = await FakeConnector.StartAsync();
        connector.Record = false;
        connector.Rosters[BotClient.Channel] = [.. Enumerable.Range(0, members).Select(i => new JsonObject
        {
            ["id"] = $"29:reach-{i}", ["name"] = $"Member {i}", ["aadObjectId"] = $"aad-reach-{i}", ["tenantId"] = "tenant-bench", ["userRole"] = "user",
        })];
        var finished = 0;
        connector.Observer = r =>
        {
            if (r.Method == "PUT" && r.Body.Contains("Finished.", StringComparison.Ordinal))
            {
                Interlocked.Exchange(ref finished, 1);
            }
        };
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var dataDir = Directory.CreateTempSubdirectory("probonobot-reach-").FullName;
        Process? bot = null;
        try
        {
            var port = FreePort.Next();
            var database = $"Data Source={Path.Combine(dataDir, "bench.db")}";
            bot = BenchBot.Start(root, port, issuer, connector, database, new Dictionary<string, string>
            {
                ["Storage__Provider"] = "Sqlite",
                ["Club__Leaders__0"] = Leader,
            });
            await Processes.WaitHealthyAsync(http, $"http://127.0.0.1:{port}/healthz", bot);
            var client = new BotClient(http, $"http://127.0.0.1:{port}/api/messages", issuer.BotConnectorToken(BenchBot.AppId, connector.ServiceUrl), connector.ServiceUrl);

            // Install in the team (the roster is listed in the background), then the leader saves and publishes a project.
            var setup = Stopwatch.StartNew();
            await client.PostAsync(client.TeamInstall());
            await client.PostAsync(client.Submit(Leader, "a:leader", new JsonObject
            {
                ["verb"] = "projectSave", ["title"] = "Reach bench", ["partner"] = "Partner", ["summary"] = "Load.",
                ["roles"] = "Analyst | | 5", ["hours"] = "5", ["language"] = "en",
            }));
            await client.PostAsync(client.Submit(Leader, "a:leader", new JsonObject { ["verb"] = "projectPublish", ["project"] = 1, ["channels"] = BotClient.Channel }));

            // The bot records each complete listing of a team's roster (team_rosters); wait for this one.
            await WaitAsync(async () => await ScalarAsync(database, $"SELECT COALESCE(MAX(members), 0) FROM team_rosters WHERE team_id = '{BotClient.Channel}'") == members,
                TimeSpan.FromMinutes(5), $"a roster of {members}");
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  setup: roster of {members} listed and counted in {setup.Elapsed.TotalSeconds:F1} s"));

            connector.CountWhere = body => body.Contains("\"verb\":\"signUp\"", StringComparison.Ordinal); // the broadcast card only
            connector.Delivered.Clear();
            long requests = 0;
            connector.Answered = (r, status) =>
            {
                if (status != 429 && r.Method == "POST"
                    && (r.Path.EndsWith("/v3/conversations", StringComparison.Ordinal)
                        || (r.Path.EndsWith("/activities", StringComparison.Ordinal) && Uri.UnescapeDataString(r.Path.Split('/')[^2]).StartsWith("a:conversation-", StringComparison.Ordinal))))
                {
                    Interlocked.Increment(ref requests);
                }
            };
            connector.Limits = new TeamsLimits(Ceiling, ServerErrorRate: 0, BlockedRate: 0, CreateBlockedRate: BlockedRate);
            var clock = Stopwatch.StartNew();
            // Above Broadcasts:ConfirmAbove the bot asks "This goes to N people. Send?"; its Send button carries confirmed=true.
            await client.PostAsync(client.Submit(Leader, "a:leader", new JsonObject { ["verb"] = "broadcastStart", ["project"] = 1, ["audience"] = "people", ["resend"] = "false", ["confirmed"] = "true" }));

            var progress = Stopwatch.StartNew();
            await WaitAsync(() =>
            {
                if (progress.Elapsed > TimeSpan.FromSeconds(30))
                {
                    progress.Restart();
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  {clock.Elapsed.TotalSeconds:F0} s: reached {Reached(connector)}, requests {Interlocked.Read(ref requests)}, 429s {connector.Throttled}"));
                }

                return Task.FromResult(Reached(connector) >= members);
            }, TimeSpan.FromSeconds(120 + (members * 2.0 / 40)), "everyone reached");
            var seconds = clock.Elapsed.TotalSeconds;
            var admitted = Interlocked.Read(ref requests);
            await WaitAsync(() => Task.FromResult(Volatile.Read(ref finished) == 1), TimeSpan.FromSeconds(60), "the final report");
            await Task.Delay(2000); // a late duplicate would show by now

            var reached = Reached(connector);
            var blocked = connector.BlockedOnCreate.Count;
            var delivered = Delivered(connector).Count;
            var duplicates = Delivered(connector).Sum(n => Math.Max(0, n - 1));
            var rate = admitted / seconds;
            var recorded = await ScalarAsync(database, "SELECT COUNT(*) FROM outbox WHERE broadcast_id = 1 AND created_chat = 1");
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  delivered {delivered}, blocked {blocked}, chats created {connector.ChatsCreated} (the bot recorded {recorded}), 429s {connector.Throttled}, {admitted} requests in {seconds:F1} s, {reached / seconds:F1} people/s"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"RESULT reach members={members} reached={reached} created={connector.ChatsCreated} duplicates={duplicates} rate_per_s={rate:F1} ceiling_per_s={Ceiling}"));
            var met = reached == members && delivered == members - blocked && duplicates == 0 && rate >= Ceiling * 0.9;
            Console.Error.WriteLine(met ? "  BAR met." : "  BAR NOT met.");
            return met ? 0 : 1;
        }
        finally
        {
            Processes.Stop(bot);
            Directory.Delete(dataDir, recursive: true);
        }
    }

    /// <summary>How many times each member's created chat received the card.</summary>
    private static List<int> Delivered(FakeConnector connector) =>
        [.. connector.Chats.Values.Select(chat => connector.Delivered.TryGetValue(chat, out var n) ? n : 0).Where(n => n > 0)];

    /// <summary>Members reached: the card delivered into their chat, or the chat refused for good (403, a final outcome).</summary>
    private static int Reached(FakeConnector connector) => Delivered(connector).Count + connector.BlockedOnCreate.Count;

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(connectionString + ";Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        try
        {
            return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return -1; // not migrated yet, or busy
        }
    }

    private static async Task WaitAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"Timed out waiting for: {what}");
            }

            await Task.Delay(100);
        }
    }
}
