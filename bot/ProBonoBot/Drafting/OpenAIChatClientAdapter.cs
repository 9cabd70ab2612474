using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using OpenAI.Chat;
using AI = Microsoft.Extensions.AI;
using OAI = OpenAI.Chat;

namespace ProBonoBot.Drafting;

/// <summary>
/// <see cref="IChatClient"/> over the OpenAI package's <see cref="ChatClient"/> (the Microsoft.Extensions.AI.OpenAI
/// adapter is not in our registry). Text in, text out; a JSON-schema response format is always sent strict, and a
/// model's refusal comes back as <see cref="ErrorContent"/> with code <c>refusal</c>.
/// </summary>
public sealed class OpenAIChatClientAdapter(ChatClient client, string model) : IChatClient
{
    public const string RefusalCode = "refusal";

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<AI.ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var completion = (await client.CompleteChatAsync(Convert(messages), Convert(options), cancellationToken).ConfigureAwait(false)).Value;
        var reply = new AI.ChatMessage(ChatRole.Assistant, string.Concat(completion.Content.Select(p => p.Text)));
        if (!string.IsNullOrEmpty(completion.Refusal))
        {
            reply.Contents.Add(new ErrorContent(completion.Refusal) { ErrorCode = RefusalCode });
        }

        return new ChatResponse(reply)
        {
            ModelId = completion.Model,
            FinishReason = Convert(completion.FinishReason),
            Usage = completion.Usage is { } u ? new UsageDetails { InputTokenCount = u.InputTokenCount, OutputTokenCount = u.OutputTokenCount, TotalTokenCount = u.TotalTokenCount } : null,
        };
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<AI.ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var update in client.CompleteChatStreamingAsync(Convert(messages), Convert(options), cancellationToken).ConfigureAwait(false))
        {
            var result = new ChatResponseUpdate(ChatRole.Assistant, string.Concat(update.ContentUpdate.Select(p => p.Text)))
            {
                ModelId = update.Model,
                FinishReason = update.FinishReason is { } reason ? Convert(reason) : null,
            };
            if (!string.IsNullOrEmpty(update.RefusalUpdate))
            {
                result.Contents.Add(new ErrorContent(update.RefusalUpdate) { ErrorCode = RefusalCode });
            }

            if (update.Usage is { } u)
            {
                result.Contents.Add(new UsageContent(new UsageDetails { InputTokenCount = u.InputTokenCount, OutputTokenCount = u.OutputTokenCount, TotalTokenCount = u.TotalTokenCount }));
            }

            yield return result;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType?.IsInstanceOfType(this) == true ? this
        : serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("openai", null, model)
        : null;

    public void Dispose()
    {
        // The ChatClient owns no unmanaged resources; its transport is shared.
    }

    private static List<OAI.ChatMessage> Convert(IEnumerable<AI.ChatMessage> messages) =>
        [.. messages.Select(m => m.Role == ChatRole.System ? new SystemChatMessage(m.Text)
            : m.Role == ChatRole.Assistant ? new AssistantChatMessage(m.Text)
            : (OAI.ChatMessage)new UserChatMessage(m.Text))];

    private static ChatCompletionOptions Convert(ChatOptions? options)
    {
        var result = new ChatCompletionOptions();
        if (options is null)
        {
            return result;
        }

        result.MaxOutputTokenCount = options.MaxOutputTokens;
        result.Temperature = options.Temperature;
        if (options.ResponseFormat is ChatResponseFormatJson { Schema: { } schema } json)
        {
            result.ResponseFormat = OAI.ChatResponseFormat.CreateJsonSchemaFormat(
                json.SchemaName ?? "result", BinaryData.FromString(schema.GetRawText()), json.SchemaDescription, jsonSchemaIsStrict: true);
        }
        else if (options.ResponseFormat is ChatResponseFormatJson)
        {
            result.ResponseFormat = OAI.ChatResponseFormat.CreateJsonObjectFormat();
        }

        return result;
    }

    private static AI.ChatFinishReason? Convert(OAI.ChatFinishReason reason) => reason switch
    {
        OAI.ChatFinishReason.Stop => AI.ChatFinishReason.Stop,
        OAI.ChatFinishReason.Length => AI.ChatFinishReason.Length,
        OAI.ChatFinishReason.ContentFilter => AI.ChatFinishReason.ContentFilter,
        OAI.ChatFinishReason.ToolCalls or OAI.ChatFinishReason.FunctionCall => AI.ChatFinishReason.ToolCalls,
        _ => null,
    };
}
