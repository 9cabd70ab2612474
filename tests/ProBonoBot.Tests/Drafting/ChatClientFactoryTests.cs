using Azure.Core;
using Microsoft.Extensions.AI;
using ProBonoBot.Drafting;
using ProBonoBot.Testing;

namespace ProBonoBot.Tests.Drafting;

/// <summary>
/// Issue 11 (the design card's package): each provider built by <see cref="ChatClientFactory"/> on Azure.AI.OpenAI /
/// OpenAI + Microsoft.Extensions.AI.OpenAI, asserted on the exact wire request the stub receives.
/// </summary>
public sealed class ChatClientFactoryTests : IAsyncLifetime
{
    private OpenAIStub _stub = null!;

    public async Task InitializeAsync() => _stub = await OpenAIStub.StartAsync();

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    private DraftingOptions Options(DraftingProvider provider, string? endpoint = null, string? key = "test-key", int retries = 0) => new()
    {
        Provider = provider,
        Endpoint = endpoint ?? _stub.Endpoint,
        ApiKey = key,
        Model = "draft-deployment",
        MaxRetries = retries,
        Timeout = TimeSpan.FromSeconds(10),
    };

    private static ChatOptions JsonSchema() => new()
    {
        ResponseFormat = ChatResponseFormat.ForJsonSchema(
            System.Text.Json.JsonDocument.Parse("""{"type":"object","properties":{"a":{"type":"string"}},"required":["a"],"additionalProperties":false}""").RootElement, "thing"),
        MaxOutputTokens = 300,
    };

    [Fact]
    public void Create_Offline_Null() => Assert.Null(ChatClientFactory.Create(new DraftingOptions()));

    [Fact]
    public async Task Create_OpenAICompatible_V1PathBearerKeyStrictSchema()
    {
        _stub.Enqueue(new StubReply(StubMode.Content, "{\"a\":\"b\"}"));
        using var client = ChatClientFactory.Create(Options(DraftingProvider.OpenAICompatible))!;

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")], JsonSchema());

        var call = Assert.Single(_stub.Calls);
        Assert.Equal("/v1/chat/completions", call.PathAndQuery);
        Assert.Equal("Bearer test-key", call.Authorization);
        Assert.Equal("draft-deployment", (string?)call.Body["model"]);
        Assert.True((bool?)call.Body["response_format"]!["json_schema"]!["strict"]);
        Assert.Equal("thing", (string?)call.Body["response_format"]!["json_schema"]!["name"]);
        Assert.Equal("{\"a\":\"b\"}", response.Text);
    }

    [Fact]
    public async Task Create_OpenAIWithEndpoint_SameWireFormat()
    {
        _stub.Enqueue(new StubReply(StubMode.Content, "ok"));
        using var client = ChatClientFactory.Create(Options(DraftingProvider.OpenAI))!;

        await client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")]);

        var call = Assert.Single(_stub.Calls);
        Assert.Equal("/v1/chat/completions", call.PathAndQuery);
        Assert.Equal("Bearer test-key", call.Authorization);
    }

    [Theory]
    [InlineData("")]
    [InlineData("openai/v1/")]
    public async Task Create_AzureWithApiKey_DeploymentPathGaVersionApiKeyHeader(string suffix)
    {
        _stub.Enqueue(new StubReply(StubMode.Content, "{\"a\":\"b\"}"));
        using var client = ChatClientFactory.Create(Options(DraftingProvider.AzureOpenAI, _stub.BaseUri + suffix))!;

        await client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")], JsonSchema());

        var call = Assert.Single(_stub.Calls);
        Assert.Equal("/openai/deployments/draft-deployment/chat/completions?api-version=2024-10-21", call.PathAndQuery);
        Assert.Equal("test-key", call.ApiKey);
        Assert.True(string.IsNullOrEmpty(call.Authorization));
        Assert.True((bool?)call.Body["response_format"]!["json_schema"]!["strict"]);
    }

    [Fact]
    public async Task Create_AzureWithoutKey_BearerTokenFromCredentialForCognitiveServices()
    {
        _stub.Enqueue(new StubReply(StubMode.Content, "hello"), new StubReply(StubMode.Content, "again"));
        var credential = new FakeCredential();
        using var client = ChatClientFactory.Create(Options(DraftingProvider.AzureOpenAI, _stub.BaseUri.ToString(), key: null), credential: credential)!;

        await client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")]);
        await client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")]);

        Assert.All(_stub.Calls, c => Assert.Equal("Bearer fake-token-1", c.Authorization));
        Assert.All(_stub.Calls, c => Assert.Null(c.ApiKey));
        Assert.Contains("https://cognitiveservices.azure.com/.default", credential.Scopes);
        Assert.Equal(1, credential.Calls);
    }

    [Fact]
    public async Task Create_AzureStreaming_TextUsageAndOurRetryOn429()
    {
        _stub.Enqueue(new StubReply(StubMode.TooManyRequests, RetryAfter: "0"), new StubReply(StubMode.Content, "streamed text"));
        using var client = ChatClientFactory.Create(Options(DraftingProvider.AzureOpenAI, _stub.BaseUri.ToString(), retries: 1))!;
        var text = new System.Text.StringBuilder();
        long? tokens = null;

        await foreach (var update in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "hi")]))
        {
            text.Append(update.Text);
            tokens ??= update.Contents.OfType<UsageContent>().FirstOrDefault()?.Details.TotalTokenCount;
        }

        Assert.Equal("streamed text", text.ToString());
        Assert.Equal(503, tokens);
        Assert.Equal(2, _stub.Calls.Count);
        Assert.True((bool?)_stub.Calls[1].Body["stream"]);
    }

    [Fact]
    public async Task Create_AzureRetryAfterTooLong_NoRetry()
    {
        _stub.Enqueue(new StubReply(StubMode.TooManyRequests, RetryAfter: "60"));
        using var client = ChatClientFactory.Create(Options(DraftingProvider.AzureOpenAI, _stub.BaseUri.ToString(), retries: 3))!;

        await Assert.ThrowsAnyAsync<System.ClientModel.ClientResultException>(() => client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")]));

        Assert.Single(_stub.Calls);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Refusal_StreamedOrNot_ErrorContentWithRefusalCodeAndNoText(bool streaming)
    {
        _stub.Enqueue(new StubReply(StubMode.Refusal));
        using var client = ChatClientFactory.Create(Options(DraftingProvider.AzureOpenAI, _stub.BaseUri.ToString()))!;
        var contents = new List<AIContent>();

        if (streaming)
        {
            await foreach (var update in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "hi")]))
            {
                contents.AddRange(update.Contents);
            }
        }
        else
        {
            contents.AddRange((await client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")])).Messages.SelectMany(m => m.Contents));
        }

        var refusal = Assert.Single(contents.OfType<ErrorContent>());
        Assert.Equal(DraftingChatClient.RefusalCode, refusal.ErrorCode);
        Assert.DoesNotContain(contents.OfType<TextContent>(), t => t.Text.Contains("can't help", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https://res.openai.azure.com/openai/v1/", "https://res.openai.azure.com/")]
    [InlineData("https://res.openai.azure.com/", "https://res.openai.azure.com/")]
    [InlineData("https://res.openai.azure.com", "https://res.openai.azure.com/")]
    public void AzureResource_V1OrResourceUrl_ResourceBase(string endpoint, string expected) =>
        Assert.Equal(expected, ChatClientFactory.AzureResource(endpoint).ToString());

    /// <summary>A TokenCredential that hands out numbered tokens valid for an hour and records the scopes asked for.</summary>
    private sealed class FakeCredential : TokenCredential
    {
        public int Calls { get; private set; }

        public List<string> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Calls++;
            Scopes.AddRange(requestContext.Scopes);
            return new AccessToken($"fake-token-{Calls}", DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
