namespace ProBonoBot.Drafting;

/// <summary>Which model drafts briefs and manuals.</summary>
public enum DraftingProvider
{
    /// <summary>No network: the deterministic drafter built into the bot.</summary>
    Offline,

    /// <summary>api.openai.com (or <see cref="DraftingOptions.Endpoint"/>), with an API key.</summary>
    OpenAI,

    /// <summary>Azure OpenAI's v1 API; the model is the deployment name; API key or Entra ID (managed identity).</summary>
    AzureOpenAI,

    /// <summary>Any OpenAI-compatible server (Ollama, llama.cpp, vLLM) at <see cref="DraftingOptions.Endpoint"/>.</summary>
    OpenAICompatible,
}

/// <summary>AI drafting settings (section <c>Drafting</c>).</summary>
public sealed class DraftingOptions
{
    public const string Section = "Drafting";

    /// <summary>Offline (default, no network), OpenAI, AzureOpenAI or OpenAICompatible.</summary>
    public DraftingProvider Provider { get; set; } = DraftingProvider.Offline;

    /// <summary>Base URL: https://RESOURCE.openai.azure.com/ for Azure (the resource; a …/openai/v1/ suffix is cut off), http://HOST:11434/v1 for Ollama; empty for api.openai.com.</summary>
    public string? Endpoint { get; set; }

    /// <summary>API key. For AzureOpenAI leave empty to use Entra ID (managed identity / Azure.Identity's default chain).</summary>
    public string? ApiKey { get; set; }

    /// <summary>Model name (the deployment name on Azure OpenAI).</summary>
    public string Model { get; set; } = "gpt-4.1-mini";

    /// <summary>How long one request to the model may take before it is abandoned.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>Retries of a failed request (429, 5xx, network); Retry-After is honoured up to 10 s, otherwise 1 s, 2 s, ….</summary>
    public int MaxRetries { get; set; } = 1;

    /// <summary>Cap on the model's output per request.</summary>
    public int MaxOutputTokens { get; set; } = 4000;

    /// <summary>A whole drafting job (retries and repair included) ends by then — inside Teams' 2-minute stream limit.</summary>
    public TimeSpan JobTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>Drafts one person may ask for per hour (briefs, regenerations and manuals together).</summary>
    public int RequestsPerUserPerHour { get; set; } = 10;

    /// <summary>Tokens the model may use per day (UTC), all users together; then drafting falls back to offline. 0 = no limit.</summary>
    public long DailyTokenBudget { get; set; } = 500_000;

    /// <summary>Longest need text accepted, in characters.</summary>
    public int MaxNeedChars { get; set; } = 4000;

    /// <summary>Streamed updates in 1:1 chats are sent at most this often (Teams allows one per second).</summary>
    public TimeSpan StreamInterval { get; set; } = TimeSpan.FromSeconds(1.2);

    /// <summary>How long a manual's download link stays valid.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(7);
}
