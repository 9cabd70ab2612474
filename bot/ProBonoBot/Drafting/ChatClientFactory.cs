using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;

namespace ProBonoBot.Drafting;

/// <summary>Builds the <see cref="IChatClient"/> for the configured provider, with our timeout and retry policy (the package's are unsafe).</summary>
public static class ChatClientFactory
{
    private const string AzureScope = "https://cognitiveservices.azure.com/.default";

    /// <summary>Null for the offline provider. Tests hand in an HttpClient as <paramref name="transport"/>; production uses the package's own.</summary>
    public static IChatClient? Create(DraftingOptions options, HttpClient? transport = null, TokenCredential? credential = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Provider == DraftingProvider.Offline)
        {
            return null;
        }

        var clientOptions = new OpenAIClientOptions
        {
            NetworkTimeout = options.Timeout,
            RetryPolicy = new DraftingRetryPolicy(options.MaxRetries),
            UserAgentApplicationId = "ProBonoBot",
        };
        if (!string.IsNullOrWhiteSpace(options.Endpoint))
        {
            clientOptions.Endpoint = new Uri(options.Endpoint);
        }

        if (transport is not null)
        {
            clientOptions.Transport = new HttpClientPipelineTransport(transport);
        }

        ChatClient chat;
        if (options.Provider == DraftingProvider.AzureOpenAI && string.IsNullOrWhiteSpace(options.ApiKey))
        {
            var policy = new EntraTokenPolicy(credential ?? new DefaultAzureCredential(), AzureScope);
            // The AuthenticationPolicy constructor is marked experimental (OPENAI001); it is the package's only way to use Entra ID.
#pragma warning disable OPENAI001
            chat = new ChatClient(options.Model, policy, clientOptions);
#pragma warning restore OPENAI001
        }
        else
        {
            // Local OpenAI-compatible servers usually ignore the key, but the client insists on one.
            var key = string.IsNullOrWhiteSpace(options.ApiKey) ? "unused" : options.ApiKey;
            chat = new ChatClient(options.Model, new ApiKeyCredential(key), clientOptions);
        }

        return new OpenAIChatClientAdapter(chat, options.Model);
    }
}
