using System.Diagnostics;
using System.Reflection;

namespace ProBonoBot.Tests.Faults;

/// <summary>
/// The real bot as its own process (so it can be killed with SIGKILL): the build of bot/ProBonoBot in the same
/// configuration as the tests (the test project references it, so <c>dotnet test</c> builds it first).
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    private readonly Dictionary<string, string> _env;
    private Process? _process;

    public BotProcess(int port, Dictionary<string, string> env)
    {
        Port = port;
        _env = env;
        _env["Urls"] = $"http://127.0.0.1:{port}";
    }

    public int Port { get; }

    public Uri MessagesUrl => new($"http://127.0.0.1:{Port}/api/messages");

    /// <summary>bot/ProBonoBot/bin/&lt;configuration&gt;/&lt;tfm&gt;/ProBonoBot.dll; else the copy next to the tests.</summary>
    public static string BotDll()
    {
        var configuration = typeof(BotProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ProBonoBot.sln")))
            {
                var built = Path.Combine(dir.FullName, "bot", "ProBonoBot", "bin", configuration, framework, "ProBonoBot.dll");
                if (File.Exists(built))
                {
                    return built;
                }

                break;
            }
        }

        return typeof(Program).Assembly.Location;
    }

    public async Task StartAsync()
    {
        var dll = BotDll();
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(dll);
        foreach (var (key, value) in _env)
        {
            info.Environment[key] = value;
        }

        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The bot exited with {_process.ExitCode} while starting.");
            }

            try
            {
                if ((await http.GetAsync(new Uri($"http://127.0.0.1:{Port}/healthz"))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The bot did not become healthy in 30 s.");
    }

    /// <summary>SIGKILL: no shutdown hooks, nothing flushed — a crash or an OOM kill.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync() => await KillAsync();
}
