using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ProBonoBot.Tests.Infra;

/// <summary>
/// No Bicep compiler installs here, so the template is checked as text: the App Service is given every setting
/// the bot needs to start in Production, only settings the bot knows, and no secret in plain text.
/// </summary>
public partial class AzureTemplateTests
{
    private static string Root([CallerFilePath] string source = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", ".."));

    private static string Bicep() => File.ReadAllText(Path.Combine(Root(), "infra", "azure", "main.bicep"));

    private static Dictionary<string, string> AppSettings() =>
        AppSetting().Matches(Bicep()).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value.Trim());

    // AZURE_CLIENT_ID tells Azure.Identity which user-assigned identity to use for Azure OpenAI.
    private static readonly string[] Platform = ["ASPNETCORE_ENVIRONMENT", "Urls", "WEBSITES_PORT", "APPLICATIONINSIGHTS_CONNECTION_STRING", "AZURE_CLIENT_ID"];

    [Theory]
    [InlineData("ASPNETCORE_ENVIRONMENT")]
    [InlineData("MicrosoftAppType")]
    [InlineData("Drafting__Provider")]
    [InlineData("Drafting__Endpoint")]
    [InlineData("MicrosoftAppId")]
    [InlineData("MicrosoftAppTenantId")]
    [InlineData("Storage__Provider")]
    [InlineData("ConnectionStrings__ProBono")]
    [InlineData("Urls")]
    public void AppService_SuppliesWhatProductionStartNeeds(string setting) => Assert.Contains(setting, AppSettings().Keys);

    [Fact]
    public void AppService_ExportsTelemetryToItsApplicationInsights()
    {
        // The bot exports traces and metrics only when this standard variable is set (Hosting/Telemetry.cs).
        Assert.Equal("insights.properties.ConnectionString", AppSettings()[ProBonoBot.Hosting.Telemetry.AppInsightsVariable]);
        Assert.Contains("resource insights 'Microsoft.Insights/components", Bicep(), StringComparison.Ordinal);
    }

    [Fact]
    public void AppService_RunsProductionAsManagedIdentityOnPostgres()
    {
        var settings = AppSettings();

        Assert.Equal("'Production'", settings["ASPNETCORE_ENVIRONMENT"]);
        Assert.Equal("'UserAssignedMSI'", settings["MicrosoftAppType"]);
        Assert.Equal("identity.properties.clientId", settings["MicrosoftAppId"]);
        Assert.Equal("'Postgres'", settings["Storage__Provider"]);
        Assert.Contains("0.0.0.0", settings["Urls"], StringComparison.Ordinal);
    }

    [Fact]
    public void AppService_SettingsAreAllKnownToTheBot()
    {
        var known = SettingsCatalog.All().Select(s => s.Key.Replace(":", "__", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);

        var unknown = AppSettings().Keys.Where(k => !known.Contains(k) && !Platform.Contains(k)).ToList();

        Assert.True(unknown.Count == 0, "Unknown app settings: " + string.Join(", ", unknown));
        Assert.Contains("Club__Leaders__${i}", Bicep(), StringComparison.Ordinal);
    }

    [Fact]
    public void AppService_ProactiveInstallIsOffUnlessTheParameterTurnsItOn()
    {
        var settings = AppSettings();

        Assert.Equal("string(proactiveInstallEnabled)", settings["ProactiveInstall__Enabled"]);
        Assert.Equal("teamsCatalogAppId", settings["ProactiveInstall__CatalogAppId"]);
        Assert.Matches(@"param proactiveInstallEnabled bool = false", Bicep());
        Assert.Contains("ProactiveInstall__GroupIds__${i}', value: group", Bicep(), StringComparison.Ordinal);
    }

    [Fact]
    public void AppService_DashboardAcceptsTheManifestsResource()
    {
        var settings = AppSettings();

        Assert.Equal("string(dashboardEnabled)", settings["Dashboard__Enabled"]);
        Assert.Equal("dashboardClientId", settings["Dashboard__ClientId"]);
        // The same form as webApplicationInfo.resource in infra/appPackage/manifest.json: api://{BOT_DOMAIN}/botid-{id}.
        Assert.Equal("dashboardAudience", settings["Dashboard__Audience"]);
        Assert.Contains("var dashboardAudience = 'api://${name}-app.azurewebsites.net/botid-", Bicep(), StringComparison.Ordinal);
        Assert.Contains("{ name: 'Bot__PublicBaseUrl', value: 'https://${name}-app.azurewebsites.net' }", Bicep(), StringComparison.Ordinal);
    }

    [Fact]
    public void Secrets_AreKeyVaultReferencesNeverInlined()
    {
        var bicep = Bicep();
        var settings = AppSettings();

        Assert.StartsWith("'@Microsoft.KeyVault(SecretUri=", settings["ConnectionStrings__ProBono"], StringComparison.Ordinal);
        Assert.DoesNotContain(settings.Values, v => v.Contains("postgresPassword", StringComparison.Ordinal) || v.Contains("Password=", StringComparison.Ordinal));
        Assert.DoesNotContain("MicrosoftAppPassword", settings.Keys);
        Assert.Matches(@"@secure\(\)\s*\nparam postgresPassword string", bicep);
        var parameters = JsonNode.Parse(File.ReadAllText(Path.Combine(Root(), "infra", "azure", "main.parameters.json")))!;
        Assert.StartsWith("${{SECRET_", (string?)parameters["parameters"]!["postgresPassword"]!["value"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("healthCheckPath: '/healthz'")]
    [InlineData("linuxFxVersion: 'DOTNETCORE|10.0'")]
    [InlineData("endpoint: 'https://${web.properties.defaultHostName}/api/messages'")]
    [InlineData("msaAppType: 'UserAssignedMSI'")]
    [InlineData("name: 'MsTeamsChannel'")]
    [InlineData("output BOT_ID string")]
    [InlineData("output BOT_DOMAIN string")]
    [InlineData("kind: 'OpenAI'")]
    [InlineData("Microsoft.DBforPostgreSQL/flexibleServers")]
    [InlineData("Microsoft.Insights/components")]
    public void Template_DeclaresThePieces(string fragment) => Assert.Contains(fragment, Bicep(), StringComparison.Ordinal);

    [Fact]
    public void AgentsToolkitProject_UsesTheTemplateAndTheAppPackage()
    {
        var yml = File.ReadAllText(Path.Combine(Root(), "infra", "m365agents.yml"));

        Assert.Contains("path: ./azure/main.bicep", yml, StringComparison.Ordinal);
        Assert.Contains("manifestPath: ./appPackage/manifest.json", yml, StringComparison.Ordinal);
        Assert.Contains("publish ../bot/ProBonoBot/ProBonoBot.csproj", yml, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Root(), "infra", "env", ".env.dev")));
        foreach (var placeholder in new[] { "TEAMS_APP_ID", "BOT_ID", "BOT_DOMAIN" })
        {
            Assert.Contains("${{" + placeholder + "}}", File.ReadAllText(Path.Combine(Root(), "infra", "appPackage", "manifest.json")), StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"\{\s*name:\s*'(?<name>[A-Za-z_0-9]+)',\s*value:\s*(?<value>[^}]+?)\s*\}")]
    private static partial Regex AppSetting();
}
