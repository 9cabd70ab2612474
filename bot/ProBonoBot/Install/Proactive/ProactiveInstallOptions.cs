namespace ProBonoBot.Install.Proactive;

/// <summary>
/// Proactive installation through Microsoft Graph (section <c>ProactiveInstall</c>; off unless <c>Enabled</c>): members of
/// the configured Entra groups who share no team with the bot get the app installed for them, so broadcasts reach them.
/// The Graph token is the bot's own (MicrosoftAppId with its secret or managed identity, tenant MicrosoftAppTenantId).
/// </summary>
public sealed class ProactiveInstallOptions
{
    public const string Section = "ProactiveInstall";

    /// <summary>Installs the app for group members through Microsoft Graph; needs admin consent first (docs/proactive-install.md).</summary>
    public bool Enabled { get; set; }

    /// <summary>The app's id in the tenant's Teams app catalog (not the manifest id): GET /appCatalogs/teamsApps?$filter=externalId eq '{manifest id}'.</summary>
    public string? CatalogAppId { get; set; }

    /// <summary>Object ids of the Entra groups whose members (including members of nested groups) should be reachable; they can also be chosen as a broadcast audience.</summary>
    public IList<string> GroupIds { get; } = [];

    /// <summary>Microsoft Graph's address (national clouds have their own); the token's scope is its host's <c>/.default</c>.</summary>
    public string GraphBaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";

    /// <summary>Token endpoint for the Graph token; empty means <c>login.microsoftonline.com/{MicrosoftAppTenantId}/oauth2/v2.0/token</c>. Not used with UserAssignedMSI.</summary>
    public string? TokenUrl { get; set; }

    /// <summary>Service URL stored with the installation chats; empty means the one the tenant's latest conversation used, else Connector:DefaultServiceUrl.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>How often the groups' members are listed again (new members are installed for, people who left are dropped).</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Pause between two Graph calls: the installation is paced modestly, whatever the group's size.</summary>
    public TimeSpan CallInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>First wait before a person whose installation failed for a passing reason (429, 5xx, network) is tried again; doubled each attempt, at most a day, never shorter than Graph's Retry-After.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Attempts per person before a failure that keeps recurring is recorded as final.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The scope of the Graph token: <c>https://graph.microsoft.com/.default</c> for the default address.</summary>
    internal string Scope => new Uri(GraphBaseUrl).GetLeftPart(UriPartial.Authority) + "/.default";
}
