using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Configuration;
using ProBonoBot.Hosting;
using ProBonoBot.Testing;

namespace ProBonoBot.Tests.Faults;

/// <summary>
/// Issue 10 (hosting conventions): <c>Urls</c> in appsettings.json outranked ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS
/// and --urls, so a container listened on loopback:3978 only. The real built bot is started as a process.
/// </summary>
public sealed class ListenAddressTests
{
    private static string Root([CallerFilePath] string source = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", ".."));

    // The bot is built in the configuration the tests are built in (bin/Release/… or bin/Debug/…).
    private static string BotDll()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        return Path.Combine(Root(), "bot", "ProBonoBot", "bin", configuration, "net10.0", "ProBonoBot.dll");
    }

    private static async Task AssertServesHealthzAsync(Dictionary<string, string> env, IEnumerable<string> args, int port)
    {
        var data = Path.Combine(Path.GetTempPath(), "probonobot-urls-" + Guid.NewGuid().ToString("N")[..8]);
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(BotDll())!, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(BotDll());
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // Whatever the test runner's environment says about addresses must not leak in.
        foreach (var key in new[] { "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "DOTNET_URLS", "DOTNET_HTTP_PORTS", "Urls", "URLS" })
        {
            info.Environment.Remove(key);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["MicrosoftAppId"] = string.Empty;
        info.Environment["ConnectionStrings__ProBono"] = $"Data Source={Path.Combine(data, "bot.db")}";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in env)
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info)!;
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while (DateTime.UtcNow < deadline && !process.HasExited)
            {
                try
                {
                    var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz"));
                    Assert.True(response.IsSuccessStatusCode, $"healthz answered {response.StatusCode}");
                    return;
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(200);
                }
                catch (TaskCanceledException)
                {
                    await Task.Delay(200);
                }
            }

            lock (output)
            {
                Assert.Fail($"The bot did not answer on port {port}. Output:\n{output}");
            }
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Start_AspNetCoreUrls_Honoured()
    {
        var port = FreePort.Next();

        await AssertServesHealthzAsync(new() { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}" }, [], port);
    }

    [Fact]
    public async Task Start_AspNetCoreHttpPorts_Honoured()
    {
        // What the .NET container images set (ASPNETCORE_HTTP_PORTS=8080): every interface, that port.
        var port = FreePort.Next();

        await AssertServesHealthzAsync(new() { ["ASPNETCORE_HTTP_PORTS"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) }, [], port);
    }

    [Fact]
    public async Task Start_UrlsArgument_Honoured()
    {
        var port = FreePort.Next();

        await AssertServesHealthzAsync([], ["--urls", $"http://127.0.0.1:{port}"], port);
    }

    [Fact]
    public async Task Start_UrlsSetting_Honoured()
    {
        // scripts/run, the Node harness, the benchmarks and the Bicep template set Urls as an environment variable.
        var port = FreePort.Next();

        await AssertServesHealthzAsync(new() { ["Urls"] = $"http://127.0.0.1:{port}" }, [], port);
    }

    [Theory]
    [InlineData(null, null, true)]
    [InlineData("urls", "http://0.0.0.0:8080", false)]
    [InlineData("URLS", "http://0.0.0.0:8080", false)]
    [InlineData("http_ports", "8080", false)]
    [InlineData("https_ports", "8443", false)]
    [InlineData("Kestrel:Endpoints:Http:Url", "http://0.0.0.0:8080", false)]
    [InlineData("urls", "", true)]
    public void DefaultAddress_OnlyWhenNothingIsConfigured(string? key, string? value, bool expected)
    {
        var settings = new Dictionary<string, string?>();
        if (key is not null)
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        Assert.Equal(expected, DefaultAddress.IsNeeded(configuration));
    }

    [Fact]
    public void AppSettings_DoNotPinTheAddress()
    {
        var json = File.ReadAllText(Path.Combine(Root(), "bot", "ProBonoBot", "appsettings.json"));

        Assert.DoesNotContain("\"Urls\"", json, StringComparison.Ordinal);
    }
}
