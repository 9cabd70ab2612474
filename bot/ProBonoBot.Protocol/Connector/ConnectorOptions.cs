namespace ProBonoBot.Protocol.Connector;

/// <summary>Settings of outbound calls to the Bot Connector (section <c>Connector</c>).</summary>
public sealed class ConnectorOptions
{
    public const string Section = "Connector";

    /// <summary>Hosts that may receive the bot's token; <c>*.example.com</c> matches sub-domains.</summary>
    public IList<string> TrustedHosts { get; } = ["smba.trafficmanager.net", "*.botframework.com"];

    /// <summary>Fallback service URL for proactive sends when none is stored.</summary>
    public string DefaultServiceUrl { get; set; } = "https://smba.trafficmanager.net/teams/";

    /// <summary>Retries after the first attempt for 429/412/502/503/504 and network errors.</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>First backoff delay; doubled each attempt, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>No single wait exceeds this, whatever Retry-After says.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Timeout of one attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
