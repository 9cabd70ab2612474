using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using ProBonoBot.Testing;

namespace ProBonoBot.Bench;

/// <summary>
/// Broadcasts at Teams scale against a loopback connector that enforces Teams' limits (50/s per app, 7/s per
/// conversation, 429 + Retry-After beyond) and injects 1% 503 and 0.5% blocked people. Three runs: a normal one,
/// one where the bot is killed (SIGKILL) a third of the way and restarted, and two bot instances on PostgreSQL.
/// </summary>
internal sealed class BroadcastBenchmark(string root, int recipients, string runs)
{
    private const string AppId = BenchBot.AppId;
    private const string Leader = "aad-bench-leader";
    private const int Ceiling = 50;

    public async Task<int> RunAsync()
    {
        var ok = true;
        if (runs.Contains("normal", StringComparison.Ordinal))
        {
            ok &= await RunOnceAsync("normal", crash: false, instances: 1, postgres: false);
        }

        if (runs.Contains("crash", StringComparison.Ordinal))
        {
            ok &= await RunOnceAsync("crash", crash: true, instances: 1, postgres: false);
        }

        if (runs.Contains("two", StringComparison.Ordinal))
        {
            ok &= await RunOnceAsync("two-instances-postgres", crash: false, instances: 2, postgres: true);
        }

        return ok ? 0 : 1;
    }

    private async Task<bool> RunOnceAsync(string name, bool crash, int instances, bool postgres)
    {
        Console.WriteLine($"== broadcast run '{name}': {recipients} recipients");
        await using var issuer = await LocalIssuer.StartAsync();
        await using var connector = await FakeConnector.StartAsync();
        connector.Record = false;
        var finished = 0;
        connector.Observer = r => { if (r.Method == "PUT" && r.Body.Contains("Finished.", StringComparison.Ordinal)) Interlocked.Exchange(ref finished, 1); };
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var dataDir = Directory.CreateTempSubdirectory("probonobot-bench-").FullName;
        PostgresServer? pg = null;
        var bots = new List<Process>();
        try
        {
            string connection;
            if (postgres)
            {
                pg = await PostgresServer.StartAsync();
                connection = await pg.CreateDatabaseAsync("broadcast_bench");
            }
            else
            {
                connection = $"Data Source={Path.Combine(dataDir, "bench.db")}";
            }

            var ports = Enumerable.Range(0, instances).Select(_ => FreePort.Next()).ToList();
            Process StartBot(int port) => BenchBot.Start(root, port, issuer, connector, connection, new Dictionary<string, string>
            {
                ["Storage__Provider"] = postgres ? "Postgres" : "Sqlite",
                ["Club__Leaders__0"] = Leader,
                ["Broadcasts__ReportInterval"] = "00:00:01",
                ["Broadcasts__Lease"] = "00:00:10",
            });

            foreach (var port in ports)
            {
                bots.Add(StartBot(port));
                await Processes.WaitHealthyAsync(http, $"http://127.0.0.1:{port}/healthz", bots[^1]);
            }

            var client = new BotClient(http, $"http://127.0.0.1:{ports[0]}/api/messages", issuer.BotConnectorToken(AppId, connector.ServiceUrl), connector.ServiceUrl);

            // The team first (publishing needs its channel), then everyone installs the bot (welcome cards go out at
            // full speed: the limits are off while setting up).
            await client.PostAsync(client.TeamInstall());
            var posting = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, recipients), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, _) =>
                await client.PostAsync(client.Install(i)));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  posted {recipients} installs in {posting.Elapsed.TotalSeconds:F1} s; connector has {connector.Count}"));
            await client.PostAsync(client.Submit(Leader, "a:leader", new JsonObject
            {
                ["verb"] = "projectSave", ["title"] = "Broadcast bench", ["partner"] = "Partner", ["summary"] = "Load.",
                ["roles"] = "Analyst | | 5", ["hours"] = "5", ["language"] = "en",
            }));
            await client.PostAsync(client.Submit(Leader, "a:leader", new JsonObject { ["verb"] = "projectPublish", ["project"] = 1, ["channels"] = BotClient.Channel }));
            var setup = Stopwatch.StartNew();
            // Welcome cards and the publish go out; wait until the connector has been quiet for three seconds.
            var last = -1;
            var quietSince = Stopwatch.StartNew();
            await WaitAsync(() =>
            {
                var now = connector.Count;
                if (now != last)
                {
                    last = now;
                    quietSince.Restart();
                }

                return quietSince.Elapsed > TimeSpan.FromSeconds(3);
            }, TimeSpan.FromSeconds(600), "setup");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  setup: {recipients} installs in {setup.Elapsed.TotalSeconds:F1} s after posting; the connector saw {connector.Count} requests"));
            await Task.Delay(1000);

            connector.CountWhere = body => body.Contains("\"verb\":\"signUp\"", StringComparison.Ordinal); // the broadcast card only
            connector.Limits = new TeamsLimits(Ceiling);
            connector.Delivered.Clear();
            var expected = recipients + 1; // everyone, and the leader (also a person with the bot)
            var clock = Stopwatch.StartNew();
            // Above Broadcasts:ConfirmAbove the bot asks "This goes to N people. Send?"; its Send button carries confirmed=true.
            await client.PostAsync(client.Submit(Leader, "a:leader", new JsonObject { ["verb"] = "broadcastStart", ["project"] = 1, ["audience"] = "people", ["resend"] = "false", ["confirmed"] = "true" }));

            var inFlightBound = 0;
            if (crash)
            {
                await WaitAsync(() => Reached(connector) >= expected / 3, TimeSpan.FromMinutes(5), "a third delivered");
                bots[0].Kill(entireProcessTree: true); // SIGKILL: no shutdown, no flushing
                await bots[0].WaitForExitAsync();
                inFlightBound = 96 + 16; // at most one claimed batch plus the sends in progress
                Console.WriteLine($"  killed the bot at {Reached(connector)} reached; restarting");
                bots[0] = StartBot(ports[0]);
                await Processes.WaitHealthyAsync(http, $"http://127.0.0.1:{ports[0]}/healthz", bots[0]);
            }

            await WaitAsync(() => Reached(connector) >= expected, TimeSpan.FromMinutes(10), "everyone reached");
            var seconds = clock.Elapsed.TotalSeconds;
            await WaitAsync(() => Volatile.Read(ref finished) == 1, TimeSpan.FromSeconds(60), "final report");
            await Task.Delay(2000);

            var reached = Reached(connector);
            var lost = Math.Max(0, expected - reached);
            var duplicates = connector.Delivered.Values.Sum(n => Math.Max(0, n - 1));
            var rate = reached / seconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  delivered {connector.Delivered.Count}, blocked {connector.Blocked.Count}, 429s {connector.Throttled}, {seconds:F1} s"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"RESULT broadcast run={name} recipients={expected} seconds={seconds:F1} rate={rate:F1} ceiling={Ceiling} lost={lost} duplicates={duplicates}"));
            var met = lost == 0 && rate >= Ceiling * 0.9 * (crash ? 0.0 : 1.0) && (crash ? duplicates <= inFlightBound : duplicates == 0);
            Console.WriteLine(met ? "  BAR met." : "  BAR NOT met.");
            return met;
        }
        finally
        {
            bots.ForEach(Processes.Stop);
            if (pg is not null)
            {
                await pg.DisposeAsync();
            }

            Directory.Delete(dataDir, recursive: true);
        }
    }

    /// <summary>People reached: delivered to, or answered "blocked" for (a final outcome, not a loss).</summary>
    private static int Reached(FakeConnector connector) =>
        connector.Delivered.Keys.Count(k => k.StartsWith("a:bench-", StringComparison.Ordinal) || k == "a:leader")
        + connector.Blocked.Keys.Count(k => !connector.Delivered.ContainsKey(k));

    private static async Task WaitAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"Timed out waiting for: {what}");
            }

            await Task.Delay(100);
        }
    }
}
