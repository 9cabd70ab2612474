namespace ProBonoBot.Tests.Install;

/// <summary>Proactive installation's settings are checked at start when it is on: a wrong one stops the bot, naming it.</summary>
public sealed class ProactiveInstallSettingsTests
{
    private static Dictionary<string, string?> Enabled(params (string Key, string Value)[] changes)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ProactiveInstall:Enabled"] = "true",
            ["ProactiveInstall:CatalogAppId"] = "b6a7c3e1-5f7d-4e0a-9c1e-0123456789ab",
            ["ProactiveInstall:GroupIds:0"] = "0b5d8f2e-1111-4000-8000-00000000c1ab",
            ["ProactiveInstall:GraphBaseUrl"] = "http://127.0.0.1:9/v1.0",
        };
        foreach (var (key, value) in changes)
        {
            settings[key] = value;
        }

        return settings;
    }

    private static async Task<string> StartFailureAsync(Dictionary<string, string?> settings, bool anonymous = false)
    {
        var error = await Record.ExceptionAsync(() => BotHost.StartAsync(anonymous: anonymous, extra: settings));
        Assert.NotNull(error);
        var messages = new List<string>();
        for (var e = error; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
        }

        return string.Join(" | ", messages);
    }

    [Fact]
    public async Task Start_EnabledWithoutCatalogAppId_RefusesNamingIt() =>
        Assert.Contains("ProactiveInstall:CatalogAppId", await StartFailureAsync(Enabled(("ProactiveInstall:CatalogAppId", ""))), StringComparison.Ordinal);

    [Fact]
    public async Task Start_EnabledWithoutGroups_RefusesNamingIt() =>
        Assert.Contains("ProactiveInstall:GroupIds", await StartFailureAsync(Enabled(("ProactiveInstall:GroupIds:0", " "))), StringComparison.Ordinal);

    [Fact]
    public async Task Start_EnabledWithPlainHttpGraphElsewhere_Refuses() =>
        Assert.Contains("ProactiveInstall:GraphBaseUrl", await StartFailureAsync(Enabled(("ProactiveInstall:GraphBaseUrl", "http://graph.example.com/v1.0"))), StringComparison.Ordinal);

    [Fact]
    public async Task Start_EnabledInLocalDevelopmentMode_RefusesForLackOfCredentials() =>
        Assert.Contains("ProactiveInstall:Enabled needs MicrosoftAppId", await StartFailureAsync(Enabled(), anonymous: true), StringComparison.Ordinal);

    [Fact]
    public async Task Start_DisabledWithIncompleteSettings_Starts()
    {
        await using var bot = await BotHost.StartAsync(extra: new() { ["ProactiveInstall:Enabled"] = "false", ["ProactiveInstall:GroupIds:0"] = "g" });

        Assert.Equal(System.Net.HttpStatusCode.OK, (await bot.Client.GetAsync("/healthz")).StatusCode);
    }
}
