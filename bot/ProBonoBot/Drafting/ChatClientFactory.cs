using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;

namespace ProBonoBot.Drafting;

/// <summary>
/// Builds the <see cref="IChatClient"/> for the configured provider: OpenAI's <see cref="ChatClient"/> (Azure's through
/// <see cref="AzureOpenAIClient"/>) behind Microsoft's <c>AsIChatClient()</c>, with our timeout and retry policy (the
/// packages' own retry waits almost nothing) and <see cref="DraftingChatClient"/> for strict schemas and refusals.
/// </summary>
public static class ChatClientFactory
{
    /// <summary>Null for the offline provider. Tests hand in an HttpClient as <paramref name="transport"/> and a fake <paramref name="credential"/>.</summary>
    public static IChatClient? Create(DraftingOptions options, HttpClient? transport = null, TokenCredential? credential = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var chat = options.Provider switch
        {
            DraftingProvider.Offline => null,
            DraftingProvider.AzureOpenAI => Azure(options, transport, credential),
            _ => OpenAi(options, transport),
        };
        return chat is null ? null : new DraftingChatClient(chat.AsIChatClient());
    }

    private static ChatClient OpenAi(DraftingOptions options, HttpClient? transport)
    {
        var clientOptions = Configure(new OpenAIClientOptions { UserAgentApplicationId = "ProBonoBot" }, options, transport);
        if (!string.IsNullOrWhiteSpace(options.Endpoint))
        {
            clientOptions.Endpoint = new Uri(options.Endpoint);
        }

        // Local OpenAI-compatible servers usually ignore the key, but the client insists on one.
        var key = string.IsNullOrWhiteSpace(options.ApiKey) ? "unused" : options.ApiKey;
        return new ChatClient(options.Model, new ApiKeyCredential(key), clientOptions);
    }

    private static ChatClient Azure(DraftingOptions options, HttpClient? transport, TokenCredential? credential)
    {
        var clientOptions = Configure(new AzureOpenAIClientOptions { UserAgentApplicationId = "ProBonoBot" }, options, transport);
        var endpoint = AzureResource(options.Endpoint!);
        var client = string.IsNullOrWhiteSpace(options.ApiKey)
            // Entra ID: the managed identity in Azure (AZURE_CLIENT_ID picks a user-assigned one), a developer's sign-in locally.
            ? new AzureOpenAIClient(endpoint, credential ?? new DefaultAzureCredential(), clientOptions)
            : new AzureOpenAIClient(endpoint, new ApiKeyCredential(options.ApiKey), clientOptions);
        return client.GetChatClient(options.Model);
    }

    /// <summary>
    /// The resource's base URL. AzureOpenAIClient adds <c>openai/deployments/…</c> itself, so an endpoint written for the
    /// v1 API (<c>https://RESOURCE.openai.azure.com/openai/v1/</c>, as older settings say) is cut back to the resource.
    /// </summary>
    public static Uri AzureResource(string endpoint)
    {
        var uri = new Uri(endpoint);
        var path = uri.AbsolutePath;
        var cut = path.IndexOf("/openai", StringComparison.OrdinalIgnoreCase);
        return cut < 0 ? uri : new UriBuilder(uri) { Path = path[..(cut + 1)], Query = string.Empty }.Uri;
    }

    private static T Configure<T>(T clientOptions, DraftingOptions options, HttpClient? transport)
        where T : ClientPipelineOptions
    {
        clientOptions.NetworkTimeout = options.Timeout;
        clientOptions.RetryPolicy = new DraftingRetryPolicy(options.MaxRetries);
        if (transport is not null)
        {
            clientOptions.Transport = new HttpClientPipelineTransport(transport);
        }

        return clientOptions;
    }
}
