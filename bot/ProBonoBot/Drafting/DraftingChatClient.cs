using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using OpenAI.Chat;
using AI = Microsoft.Extensions.AI;
using OAI = OpenAI.Chat;

namespace ProBonoBot.Drafting;

/// <summary>
/// What drafting needs on top of Microsoft's <c>AsIChatClient()</c> adapter: a JSON-schema response format is
/// always sent strict (the adapter sends it non-strict unless asked), and a model's refusal comes back as
/// <see cref="ErrorContent"/> with code <c>refusal</c> so the caller falls back to the offline drafter instead of
/// reading the refusal as a draft.
/// </summary>
public sealed class DraftingChatClient(IChatClient inner) : DelegatingChatClient(inner)
{
    public const string RefusalCode = "refusal";

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<AI.ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var response = await base.GetResponseAsync(messages, Strict(options), cancellationToken);
        if (response.RawRepresentation is ChatCompletion { Refusal: { Length: > 0 } refusal })
        {
            var reply = new AI.ChatMessage(ChatRole.Assistant, [new ErrorContent(refusal) { ErrorCode = RefusalCode }]);
            return new ChatResponse(reply) { ModelId = response.ModelId, FinishReason = response.FinishReason, Usage = response.Usage, RawRepresentation = response.RawRepresentation };
        }

        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<AI.ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var update in base.GetStreamingResponseAsync(messages, Strict(options), cancellationToken))
        {
            if (update.RawRepresentation is StreamingChatCompletionUpdate { RefusalUpdate: { Length: > 0 } refusal })
            {
                // The refusal replaces whatever the adapter made of it: it is never draft text.
                update.Contents = [.. update.Contents.Where(c => c is UsageContent), new ErrorContent(refusal) { ErrorCode = RefusalCode }];
            }

            yield return update;
        }
    }

    /// <summary>The options with a strict JSON schema, built as OpenAI's own options so nothing in between relaxes it.</summary>
    private static ChatOptions? Strict(ChatOptions? options)
    {
        if (options?.ResponseFormat is not ChatResponseFormatJson { Schema: { } schema } json)
        {
            return options;
        }

        var strict = options.Clone();
        var previous = options.RawRepresentationFactory;
        strict.RawRepresentationFactory = client =>
        {
            var raw = previous?.Invoke(client) as ChatCompletionOptions ?? new ChatCompletionOptions();
            raw.ResponseFormat = OAI.ChatResponseFormat.CreateJsonSchemaFormat(
                json.SchemaName ?? "result", BinaryData.FromString(schema.GetRawText()), json.SchemaDescription, jsonSchemaIsStrict: true);
            return raw;
        };
        return strict;
    }
}
