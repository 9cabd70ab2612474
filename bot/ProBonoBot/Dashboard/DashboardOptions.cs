namespace ProBonoBot.Dashboard;

/// <summary>Settings of the leaders' dashboard tab (section <c>Dashboard</c>).</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>Serves the dashboard tab at <c>/dashboard</c> and its data at <c>/dashboard/api/…</c>. False answers 404.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The Entra app (client) id the tab's single sign-on tokens are issued for: the manifest's
    /// <c>webApplicationInfo.id</c>. Empty means <c>MicrosoftAppId</c>. Set it when the bot runs as a managed identity,
    /// which cannot expose an API: register an app for the tab and put its id here.
    /// </summary>
    public string? ClientId { get; set; }

    /// <summary>
    /// The Application ID URI tokens must be issued for (the manifest's <c>webApplicationInfo.resource</c>). Empty means
    /// <c>api://{host of Bot:PublicBaseUrl}/botid-{client id}</c>; <c>api://{host}/{client id}</c> and the bare client id
    /// (v2 tokens) are accepted as well.
    /// </summary>
    public string? Audience { get; set; }

    /// <summary>
    /// OpenID metadata of the tenant's signing keys. Empty means the Entra metadata the bot already uses
    /// (<c>ToBotFromEntraOpenIdMetadataUrl</c>, else <c>login.microsoftonline.com/{tenant}/v2.0</c>); tests set a local issuer.
    /// </summary>
    public string? OpenIdMetadataUrl { get; set; }

    /// <summary>Most projects listed per column of the board (the counts are always complete).</summary>
    public int BoardColumnLimit { get; set; } = 60;
}
