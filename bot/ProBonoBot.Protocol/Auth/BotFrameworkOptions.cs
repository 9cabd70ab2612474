namespace ProBonoBot.Protocol.Auth;

/// <summary>
/// The Bot Framework's own configuration keys, read from the configuration root so that existing
/// deployment docs apply unchanged.
/// </summary>
public sealed class BotFrameworkOptions
{
    public const string PublicChannelMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string PublicChannelIssuer = "https://api.botframework.com";
    public const string PublicOAuthScope = "https://api.botframework.com/.default";

    /// <summary>SingleTenant, MultiTenant or UserAssignedMSI.</summary>
    public string MicrosoftAppType { get; set; } = "SingleTenant";

    /// <summary>The bot's app (client) id. Empty means local development: anonymous loopback requests only.</summary>
    public string? MicrosoftAppId { get; set; }

    /// <summary>The bot's client secret (SingleTenant, MultiTenant); keep it in Key Vault, never in files.</summary>
    public string? MicrosoftAppPassword { get; set; }

    /// <summary>The Entra tenant of the bot (SingleTenant, UserAssignedMSI); Entra ID tokens of this tenant are accepted too.</summary>
    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>
    /// App ids whose Entra ID tokens are accepted (their <c>azp</c> claim, or <c>appid</c> in v1 tokens). Empty
    /// (the default) refuses every Entra ID token: only the Bot Connector may call. A '*' entry is refused at start-up.
    /// </summary>
    public IList<string> AllowedCallers { get; } = [];

    /// <summary>OpenID metadata of the Bot Connector's token signing keys.</summary>
    public string ToBotFromChannelOpenIdMetadataUrl { get; set; } = PublicChannelMetadataUrl;

    /// <summary>The issuer of Bot Connector tokens.</summary>
    public string ToBotFromChannelTokenIssuer { get; set; } = PublicChannelIssuer;

    /// <summary>
    /// OpenID metadata for Entra ID tokens. Not a Bot Framework key: empty means the tenant's public
    /// <c>login.microsoftonline.com/{tenant}/v2.0</c> metadata; tests and sovereign clouds set it.
    /// </summary>
    public string? ToBotFromEntraOpenIdMetadataUrl { get; set; }

    /// <summary>Token endpoint for outbound calls; empty means <c>login.microsoftonline.com/{tenant or botframework.com}/oauth2/v2.0/token</c>.</summary>
    public string? ToChannelFromBotLoginUrl { get; set; }

    /// <summary>The scope of the bot's outbound token (the Bot Connector's resource).</summary>
    public string ToChannelFromBotOAuthScope { get; set; } = PublicOAuthScope;

    /// <summary>True when no app id is configured: the local-development mode.</summary>
    public bool IsLocalDevelopment => string.IsNullOrWhiteSpace(MicrosoftAppId);

    /// <summary>The token endpoint for outbound calls with its default filled in.</summary>
    public string ResolveLoginUrl()
    {
        if (!string.IsNullOrWhiteSpace(ToChannelFromBotLoginUrl))
        {
            return ToChannelFromBotLoginUrl;
        }

        var authority = string.Equals(MicrosoftAppType, "MultiTenant", StringComparison.OrdinalIgnoreCase)
            || string.IsNullOrWhiteSpace(MicrosoftAppTenantId)
            ? "botframework.com"
            : MicrosoftAppTenantId;
        return $"https://login.microsoftonline.com/{authority}/oauth2/v2.0/token";
    }

    /// <summary>The Entra ID metadata address for the configured tenant.</summary>
    public string ResolveEntraMetadataUrl() =>
        !string.IsNullOrWhiteSpace(ToBotFromEntraOpenIdMetadataUrl)
            ? ToBotFromEntraOpenIdMetadataUrl
            : $"https://login.microsoftonline.com/{MicrosoftAppTenantId}/v2.0/.well-known/openid-configuration";
}
