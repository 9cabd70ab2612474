using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using ProBonoBot.Testing;

namespace ProBonoBot.Bench.Chaos;

/// <summary>
/// The bot under chaos, measured from outside over HTTP: 500 conversations doing the ordinary flows while the
/// connector (Teams' limits) injects 404 on card updates and 429/500 on sends, malformed and hostile activities
/// arrive, one person floods, and the bot is killed with SIGKILL twice and restarted on the same database. The
/// clients redeliver, with the same id, every activity whose POST did not get a 2xx. Definitions: docs/benchmarks.md.
/// </summary>
internal sealed partial class ChaosBenchmark(string root, int conversations) : IDisposable
{
    private const int Projects = 25;
    private const int Leaders = 10;
    private const int FloodMessages = 600;
    private const string SetupLeader = "aad-chaos-setup";
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(25);
    private static readonly TimeSpan GiveUp = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(30);

    // The load's timeline, in ms after it starts: conversations start evenly over the first 75 s.
    private const double StartSpreadMs = 75_000;
    private static readonly double[] KillsAtMs = [25_000, 55_000];
    private const double FloodAtMs = 40_000;
    private static readonly double[] HostileAtMs = [10_000, 35_000, 65_000];

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<KillWindow> _kills = [];
    private readonly ConcurrentBag<(HostileRequest Request, int Status)> _hostile = [];
    private readonly List<ChaosConversation> _all = [];
    private ConnectorLedger _ledger = null!;
    private ChaosClient _client = null!;
    private ChaosActivities _a = null!;
    private string _token = null!;
    private Process _bot = null!;
    private Func<Process> _startBot = null!;
    private HttpClient _http = null!;
    private string _healthz = null!;
    private int _floodAcked;
    private LocalIssuer _issuer = null!;
    private string _serviceUrl = null!;

    private double Ms => _clock.Elapsed.TotalMilliseconds;

    public void Dispose() => _http?.Dispose();

    public async Task<int> RunAsync()
    {
        await using var issuer = await LocalIssuer.StartAsync();
        await using var connector = await FakeConnector.StartAsync();
        connector.Record = false;
        _ledger = new ConnectorLedger(_clock);
        connector.Injector = _ledger.Decide;
        connector.Answered = _ledger.Record;
        _http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        var dataDir = Directory.CreateTempSubdirectory("probonobot-chaos-").FullName;
        var logPath = Path.Combine(Path.GetTempPath(), "probonobot-chaos-bot.log");
        await using var log = TextWriter.Synchronized(new StreamWriter(logPath, append: false) { AutoFlush = true });
        var database = Path.Combine(dataDir, "chaos.db");
        var port = FreePort.Next();
        var settings = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "Sqlite",
            ["ToBotFromEntraOpenIdMetadataUrl"] = issuer.EntraMetadataUrl.ToString(),
            ["MicrosoftAppTenantId"] = ChaosActivities.Tenant,
            ["Club__Leaders__0"] = SetupLeader,
            ["Logging__LogLevel__Default"] = "Warning",
        };
        for (var j = 1; j <= Leaders; j++)
        {
            settings[$"Club__Leaders__{j}"] = LeaderAad(j);
        }

        // One set-up leader per project: a single person publishing 25 projects in a burst would meet the per-person
        // budget (Bot:PerPersonBurst), which stays at its default for the run.
        for (var p = 1; p <= Projects; p++)
        {
            settings[$"Club__Leaders__{Leaders + p}"] = $"{SetupLeader}-{p:D2}";
        }

        _startBot = () => BenchBot.Start(root, port, issuer, connector, $"Data Source={database}", settings, log);
        _healthz = $"http://127.0.0.1:{port}/healthz";
        _client = new ChaosClient(_http, $"http://127.0.0.1:{port}/api/messages", _clock);
        _a = new ChaosActivities(connector.ServiceUrl);
        _issuer = issuer;
        _serviceUrl = connector.ServiceUrl;
        _token = issuer.BotConnectorToken(BenchBot.AppId, connector.ServiceUrl);
        try
        {
            _bot = _startBot();
            await Processes.WaitHealthyAsync(_http, _healthz, _bot);
            Progress($"bot up; bot log: {logPath}; set-up: team, {Projects} projects published");
            await SetUpAsync();

            connector.Limits = new TeamsLimits(AppPerSecond: 50, ConversationPerSecond: 7, ServerErrorRate: 0, BlockedRate: 0);
            _ledger.Targeted = c => c.StartsWith("a:chaos-v-", StringComparison.Ordinal) || c.StartsWith("a:chaos-leader-", StringComparison.Ordinal);
            _ledger.Injecting = true;
            var load = Ms;
            Progress($"load: {conversations} conversations + {Leaders} leaders over {StartSpreadMs / 1000:F0} s; kills at {string.Join(", ", KillsAtMs.Select(k => k / 1000))} s");
            using var reporter = new CancellationTokenSource();
            var progress = ReportAsync(load, reporter.Token);
            await Task.WhenAll(RunConversationsAsync(load), ChaosAsync(load));
            Progress("flows done; waiting for the connector to go quiet");
            await QuietAsync(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(30));
            _ledger.Injecting = false;
            await ProbeAsync();
            await QuietAsync(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(15));
            await reporter.CancelAsync();
            await progress;
            var healthz = await HealthzAsync();
            Processes.Stop(_bot);
            var (projectRepeats, signUpRepeats, forgedProjects) = ReadDatabase(database);
            return Report(connector, healthz, projectRepeats, signUpRepeats, forgedProjects);
        }
        finally
        {
            Processes.Stop(_bot);
            SqliteConnection.ClearAllPools();
            Directory.Delete(dataDir, recursive: true);
        }
    }

    private static string LeaderAad(int j) => $"aad-chaos-leader-{j:D2}";

    private async Task SetUpAsync()
    {
        await _client.DeliverAsync(_a.TeamInstall(SetupLeader).ToJsonString(), _token, GiveUp);
        for (var p = 1; p <= Projects; p++)
        {
            var setup = new ChaosConversation($"a:chaos-setup-{p:D2}", $"{SetupLeader}-{p:D2}", $"Setup leader {p:D2}", Role.Leader);
            var saved = await SetupStepAsync(setup, _a.Submit(setup.Id, setup.Aad, setup.Name, $"setup-save-{p}", new JsonObject
            {
                ["verb"] = "projectSave", ["title"] = $"Setup project {p:D2}", ["partner"] = "Partner", ["summary"] = "Recruiting during the chaos run.",
                ["roles"] = "Analyst | Excel | 20", ["hours"] = "5", ["mode"] = "remote", ["language"] = "en",
            }, "card-setup"));
            await SetupStepAsync(setup, _a.Submit(setup.Id, setup.Aad, setup.Name, $"setup-publish-{p}",
                new JsonObject { ["verb"] = "projectPublish", ["project"] = saved?.Project ?? p, ["channels"] = ChaosActivities.Channel }, "card-setup"));
        }

        await QuietAsync(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(20));
    }

    private async Task<ConnectorEvent?> SetupStepAsync(ChaosConversation c, JsonObject activity)
    {
        await _client.DeliverAsync(activity.ToJsonString(), _token, GiveUp);
        var answer = await WaitAnswerAsync(c, StepTimeout);
        return answer ?? throw new TimeoutException("The bot did not answer during set-up.");
    }

    private async Task RunConversationsAsync(double load)
    {
        var flows = new ChaosFlows(_a, RunStepAsync);
        var tasks = new List<Task>();
        for (var i = 0; i < conversations; i++)
        {
            var c = new ChaosConversation($"a:chaos-v-{i:D4}", $"aad-chaos-v-{i:D4}", $"Chaos-{i:D4}", Role.Volunteer);
            _all.Add(c);
            var project = (i % Projects) + 1;
            var start = load + (StartSpreadMs * i / conversations);
            var group = i % 10;
            tasks.Add(Task.Run(async () =>
            {
                await DelayUntilAsync(start);
                await (group switch
                {
                    < 4 => flows.VolunteerByCardsAsync(c, project),
                    < 7 => flows.LanguageAsync(c),
                    _ => flows.VolunteerTypedAsync(c, project),
                });
            }));
        }

        for (var j = 1; j <= Leaders; j++)
        {
            var c = new ChaosConversation($"a:chaos-leader-{j:D2}", LeaderAad(j), $"Leader-{j:D2}", Role.Leader);
            _all.Add(c);
            var start = load + (StartSpreadMs * (j - 0.5) / Leaders);
            var title = $"Chaos leader project {j:D2}";
            tasks.Add(Task.Run(async () =>
            {
                await DelayUntilAsync(start);
                await flows.LeaderAsync(c, title);
            }));
        }

        await Task.WhenAll(tasks);
    }

    /// <summary>Kills and restarts, the flood and the hostile rounds, at their times.</summary>
    private async Task ChaosAsync(double load)
    {
        var events = KillsAtMs.Select(t => (t, Kind: "kill")).Concat(HostileAtMs.Select(t => (t, Kind: "hostile"))).Append((FloodAtMs, "flood")).OrderBy(e => e.Item1).ToList();
        var pending = new List<Task>();
        var round = 0;
        foreach (var (at, kind) in events)
        {
            await DelayUntilAsync(load + at);
            switch (kind)
            {
                case "kill":
                    await KillAndRestartAsync();
                    break;
                case "hostile":
                    pending.Add(HostileRoundAsync(++round));
                    break;
                default:
                    pending.Add(FloodAsync());
                    break;
            }
        }

        await Task.WhenAll(pending);
    }

    private async Task KillAndRestartAsync()
    {
        var killed = Ms;
        _bot.Kill(entireProcessTree: true); // SIGKILL: no shutdown, nothing flushed
        await _bot.WaitForExitAsync();
        _bot = _startBot();
        await Processes.WaitHealthyAsync(_http, _healthz, _bot);
        _kills.Add(new KillWindow(killed, Ms));
        Progress($"killed with SIGKILL at {killed / 1000:F1} s, healthy again after {(Ms - killed) / 1000:F1} s");
    }

    private async Task FloodAsync()
    {
        var c = new ChaosConversation("a:chaos-flooder", "aad-chaos-flooder", "Flooder", Role.Flooder);
        lock (_all)
        {
            _all.Add(c);
        }

        var clock = Stopwatch.StartNew();
        var posted = 0.0;
        await Parallel.ForEachAsync(Enumerable.Range(0, FloodMessages), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (n, _) =>
        {
            var first = await _client.DeliverAsync(_a.Message(c.Id, c.Aad, c.Name, $"flood-{n:D4}", "help").ToJsonString(), _token, TimeSpan.FromSeconds(15));
            if (first.Acked)
            {
                Interlocked.Increment(ref _floodAcked);
            }

            if (Interlocked.Increment(ref _floodPosted) == FloodMessages)
            {
                posted = clock.Elapsed.TotalSeconds;
            }
        });
        Progress($"flood: {FloodMessages} messages in {posted:F1} s, {_floodAcked} acknowledged");
    }

    private int _floodPosted;

    private async Task HostileRoundAsync(int round)
    {
        var requests = Hostile.Round(round, _a, _issuer, _serviceUrl, _token, LeaderAad(1));
        foreach (var r in requests)
        {
            var d = await _client.DeliverAsync(r.Body, r.Token, TimeSpan.Zero, redeliver: false);
            _hostile.Add((r, d.LastStatus));
            if (r.Conversation is { } conversation && !Hostile.IsForged(r))
            {
                lock (_all)
                {
                    _all.Add(new ChaosConversation(conversation, $"aad-{conversation[2..]}", "Hostile", Role.Hostile));
                }
            }
        }
    }

}
