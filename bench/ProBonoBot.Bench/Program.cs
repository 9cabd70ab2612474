using System.Globalization;
using ProBonoBot.Bench;

// Usage: ProBonoBot.Bench turns [--connections 10] [--seconds 15] | signup [--users 200] [--concurrency 50]
//        | broadcast [--recipients 10000] [--runs normal,crash,two] | reach [--members 10000] | reminders [--members 5000] | dashboard [--projects 1000] [--signups 20000] [--requests 200] | chaos [--conversations 500]; [--root <repo>]
var command = args.FirstOrDefault() ?? "turns";
int Option(string name, int fallback) =>
    Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
var root = Array.IndexOf(args, "--root") is var r and >= 0 ? args[r + 1] : Directory.GetCurrentDirectory();

return command switch
{
    "turns" => await new TurnsBenchmark(root, Option("--connections", 10), TimeSpan.FromSeconds(Option("--seconds", 15))).RunAsync(),
    "signup" => await new SignUpBenchmark(root, Option("--users", 200), Option("--concurrency", 50)).RunAsync(),
    "broadcast" => await new BroadcastBenchmark(root, Option("--recipients", 10_000),
        Array.IndexOf(args, "--runs") is var k and >= 0 ? args[k + 1] : "normal,crash,two").RunAsync(),
    "reach" => await new ReachBenchmark(root, Option("--members", 10_000)).RunAsync(),
    "reminders" => await new RemindersBenchmark(root, Option("--members", 5000)).RunAsync(),
    "chaos" => await RunChaosAsync(root, Option("--conversations", 500)),
    "dashboard" => await new DashboardBenchmark(root, Option("--projects", 1000), Option("--signups", 20_000), Option("--requests", 200)).RunAsync(),
    _ => Fail($"Unknown benchmark '{command}'. Known: turns, signup, broadcast, reach, reminders, chaos, dashboard."),
};

static async Task<int> RunChaosAsync(string root, int conversations)
{
    using var chaos = new ProBonoBot.Bench.Chaos.ChaosBenchmark(root, conversations);
    return await chaos.RunAsync();
}

static int Fail(string message)
{
    Console.Error.WriteLine(message);
    return 2;
}
