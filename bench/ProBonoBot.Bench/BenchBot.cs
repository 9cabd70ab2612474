using System.Diagnostics;
using ProBonoBot.Testing;

namespace ProBonoBot.Bench;

/// <summary>Starts the bot under test as its own process, configured like a deployment against the loopback fakes.</summary>
internal static class BenchBot
{
    public const string AppId = "bench-app-0000-0000-0000-000000000000";

    public static Process Start(string root, int port, LocalIssuer issuer, FakeConnector connector, string connectionString,
        IReadOnlyDictionary<string, string>? extra = null, TextWriter? log = null)
    {
        var env = new Dictionary<string, string>
        {
            ["Urls"] = $"http://127.0.0.1:{port}",
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "bench-secret",
            ["MicrosoftAppTenantId"] = "tenant-bench",
            ["ToBotFromChannelOpenIdMetadataUrl"] = issuer.MetadataUrl.ToString(),
            ["ToChannelFromBotLoginUrl"] = issuer.TokenUrl.ToString(),
            ["Connector__TrustedHosts__0"] = $"127.0.0.1:{connector.Port}",
            ["ConnectionStrings__ProBono"] = connectionString,
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            env[key] = value;
        }

        return Processes.Start("dotnet", [Path.Combine(root, "bot/ProBonoBot/bin/Release/net10.0/ProBonoBot.dll")], Path.Combine(root, "bot/ProBonoBot"), env, log);
    }
}
