using System.Diagnostics;
using System.Globalization;
using ProBonoBot.Testing;

namespace ProBonoBot.Bench;

/// <summary>
/// Authenticated <c>help</c> turns over HTTP at a fixed number of connections against our bot and, in the same
/// run, against the Bot Framework JS SDK echo bot; both reply through the same loopback fake connector.
/// A turn counts when its reply has reached the connector.
/// </summary>
internal sealed class TurnsBenchmark(string root, int connections, TimeSpan duration)
{
    private const string AppId = BenchBot.AppId;

    public async Task<int> RunAsync()
    {
        await using var issuer = await LocalIssuer.StartAsync();
        await using var connector = await FakeConnector.StartAsync();
        connector.Record = false;
        using var http = new HttpClient();
        var dataDir = Directory.CreateTempSubdirectory("probonobot-bench-").FullName;
        Process? bot = null;
        Process? peer = null;
        try
        {
            var botPort = FreePort.Next();
            // 200 simulated people at thousands of requests per second are a flood by design: the benchmark measures
            // throughput, so the per-person budget (Bot:PerPersonBurst / PerPersonPerMinute) is lifted out of the way.
            bot = BenchBot.Start(root, botPort, issuer, connector, $"Data Source={Path.Combine(dataDir, "bench.db")}", new Dictionary<string, string>
            {
                ["Bot__PerPersonBurst"] = "10000",
                ["Bot__PerPersonPerMinute"] = "100000",
            });
            var peerPort = FreePort.Next();
            peer = Processes.Start("node", [Path.Combine(root, "bench/peer/echo-bot.mjs")], root, new Dictionary<string, string>
            {
                ["PORT"] = peerPort.ToString(CultureInfo.InvariantCulture),
                ["MicrosoftAppId"] = AppId,
                ["ToBotFromChannelOpenIdMetadataUrl"] = issuer.MetadataUrl.ToString(),
                ["CONNECTOR_TOKEN"] = issuer.IssuedAccessToken,
            });
            await Processes.WaitHealthyAsync(http, $"http://127.0.0.1:{botPort}/healthz", bot);
            await Processes.WaitHealthyAsync(http, $"http://127.0.0.1:{peerPort}/healthz", peer);

            var token = issuer.BotConnectorToken(AppId, connector.ServiceUrl);
            var ours = await MeasureAsync("ProBonoBot (.NET)", $"http://127.0.0.1:{botPort}/api/messages", token, connector, bot);
            var theirs = await MeasureAsync("Bot Framework JS SDK echo", $"http://127.0.0.1:{peerPort}/api/messages", token, connector, peer);

            Console.WriteLine();
            Console.WriteLine($"| bot | turns/s | p50 ms | p99 ms | peak RSS MiB | non-2xx |");
            Console.WriteLine($"|---|---|---|---|---|---|");
            foreach (var r in new[] { ours, theirs })
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {r.Name} | {r.TurnsPerSecond:F0} | {r.P50Ms:F2} | {r.P99Ms:F2} | {r.PeakRssMiB:F0} | {r.Failures} |"));
            }

            var ratio = ours.TurnsPerSecond / theirs.TurnsPerSecond;
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"RESULT turns rps={ours.TurnsPerSecond:F0} p99_ms={ours.P99Ms:F2} peer_rps={theirs.TurnsPerSecond:F0} ratio={ratio:F2}"));
            var met = ratio >= 3 && ours.P99Ms <= 20 && ours.Failures == 0;
            Console.WriteLine(met ? "BAR met: >= 3x the peer, p99 <= 20 ms, no failures." : "BAR NOT met (>= 3x the peer, p99 <= 20 ms, no failures).");
            return met ? 0 : 1;
        }
        finally
        {
            Processes.Stop(bot);
            Processes.Stop(peer);
            Directory.Delete(dataDir, recursive: true);
        }
    }

    private async Task<Measurement> MeasureAsync(string name, string url, string token, FakeConnector connector, Process process)
    {
        Console.WriteLine($"== {name}: warm-up");
        await RunWrkAsync(url, token, connector, TimeSpan.FromSeconds(5));
        Console.WriteLine($"== {name}: {connections} connections for {duration.TotalSeconds:F0} s");
        var (wrk, turnsPerSecond) = await RunWrkAsync(url, token, connector, duration);
        return new Measurement(name, turnsPerSecond, wrk.P50Ms, wrk.P99Ms, Processes.PeakRssMiB(process), wrk.Non2xx + wrk.SocketErrors);
    }

    /// <summary>Runs wrk, then waits until every accepted turn's reply reached the connector; turns/s over that whole time.</summary>
    private async Task<(WrkResult Wrk, double TurnsPerSecond)> RunWrkAsync(string url, string token, FakeConnector connector, TimeSpan length)
    {
        var script = Wrk.WriteScript(token, connector.ServiceUrl, Guid.NewGuid().ToString("N")[..10]);
        var before = connector.Count;
        var clock = Stopwatch.StartNew();
        var result = await Wrk.RunAsync(url, script, connections, length);
        var accepted = result.Requests - result.Non2xx;
        var deadline = Stopwatch.StartNew();
        while (connector.Count - before < accepted && deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(5);
        }

        var elapsed = Math.Max(clock.Elapsed.TotalSeconds, result.Seconds);
        var delivered = connector.Count - before;
        File.Delete(script);
        if (delivered < accepted)
        {
            Console.WriteLine($"  only {delivered} of {accepted} replies reached the connector");
        }

        return (result, delivered / elapsed);
    }

    private sealed record Measurement(string Name, double TurnsPerSecond, double P50Ms, double P99Ms, double PeakRssMiB, long Failures);
}
