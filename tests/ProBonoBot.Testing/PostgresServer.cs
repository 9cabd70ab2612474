using System.Diagnostics;

namespace ProBonoBot.Testing;

/// <summary>
/// A throwaway PostgreSQL 15 cluster on a free loopback port, started by the tests themselves
/// (initdb as the <c>postgres</c> user when running as root), stopped and deleted on dispose.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string BinDir = "/usr/lib/postgresql/15/bin";
    private readonly string _dir;

    private PostgresServer(string dir, int port)
    {
        _dir = dir;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString(string database = "postgres") =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Maximum Pool Size=50;Timeout=15";

    /// <summary>True when the PostgreSQL server binaries are installed.</summary>
    public static bool IsInstalled => File.Exists(Path.Combine(BinDir, "pg_ctl"));

    public static async Task<PostgresServer> StartAsync()
    {
        if (!IsInstalled)
        {
            throw new InvalidOperationException($"PostgreSQL 15 is not installed ({BinDir}); the test command installs it with apt.");
        }

        var dir = Path.Combine(Path.GetTempPath(), "probonobot-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            await RunAsync("chown", ["postgres:postgres", dir]);
        }

        var port = FreePort.Next();
        var data = Path.Combine(dir, "data");
        await RunAsPostgresAsync(asRoot, $"{BinDir}/initdb -D {data} -U postgres --auth=trust --no-sync -E UTF8 --locale=C.UTF-8");
        await RunAsPostgresAsync(asRoot,
            $"{BinDir}/pg_ctl -D {data} -l {dir}/server.log -w -t 60 -o \"-p {port} -k {dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200\" start");
        return new PostgresServer(dir, port);
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await RunAsync("psql", ["-h", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "postgres", "-c", $"CREATE DATABASE {name}"]);
        return ConnectionString(name);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RunAsPostgresAsync(Environment.UserName == "root", $"{BinDir}/pg_ctl -D {_dir}/data -m immediate -w stop");
        }
        finally
        {
            try
            {
                Directory.Delete(_dir, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a leftover temp folder is harmless.
            }
        }
    }

    private static Task RunAsPostgresAsync(bool asRoot, string command) =>
        asRoot ? RunAsync("runuser", ["-u", "postgres", "--", "sh", "-c", command]) : RunAsync("sh", ["-c", command]);

    private static async Task RunAsync(string file, string[] arguments)
    {
        var info = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{file} {string.Join(' ', arguments)}' failed ({process.ExitCode}): {await stderr}{await stdout}");
        }
    }
}
