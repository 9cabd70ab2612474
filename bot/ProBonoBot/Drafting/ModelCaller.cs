using System.ClientModel;
using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace ProBonoBot.Drafting;

/// <summary>The configured model, if any: the chat client and the name shown to users.</summary>
public sealed class DraftingModel(IChatClient? client, string name)
{
    public IChatClient? Client { get; } = client;

    public string Name { get; } = name;

    public static DraftingModel Create(DraftingOptions options, HttpClient? transport = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new DraftingModel(ChatClientFactory.Create(options, transport), options.Model);
    }
}

/// <summary>One streamed call to the model, with failures sorted into the reasons users are told.</summary>
public sealed class ModelCaller(DraftingModel model, IOptions<DraftingOptions> options, ILogger<ModelCaller> logger, Hosting.BotMetrics? metrics = null)
{
    /// <summary>The model's text and tokens, or the reason it could not be had.</summary>
    public sealed record Reply(string Text, long Tokens, FallbackReason Failure);

    public async Task<Reply> CallAsync(IReadOnlyList<ChatMessage> messages, ChatResponseFormat? format, DraftProgress? progress, CancellationToken ct)
    {
        // The span and the metrics carry the outcome only: prompts and answers are user text.
        using var span = Hosting.BotMetrics.Source.StartActivity("drafting.call");
        var started = Stopwatch.GetTimestamp();
        try
        {
            var reply = await CallModelAsync(messages, format, progress, ct).ConfigureAwait(false);
            var outcome = reply.Failure.ToString().ToLowerInvariant();
            span?.SetTag("probonobot.outcome", outcome);
            metrics?.DraftingCalled(outcome, Stopwatch.GetElapsedTime(started));
            return reply;
        }
        catch (Exception ex)
        {
            Hosting.BotMetrics.Fail(span, ex);
            throw;
        }
    }

    private async Task<Reply> CallModelAsync(IReadOnlyList<ChatMessage> messages, ChatResponseFormat? format, DraftProgress? progress, CancellationToken ct)
    {
        var client = model.Client ?? throw new InvalidOperationException("No model is configured.");
        var chatOptions = new ChatOptions { MaxOutputTokens = options.Value.MaxOutputTokens, Temperature = 0.2f, ResponseFormat = format };
        var text = new StringBuilder();
        long tokens = 0;
        // The whole call, retries included, ends by JobTimeout; the stream to the user must end within Teams' 2 minutes.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(options.Value.JobTimeout);
        try
        {
            await foreach (var update in client.GetStreamingResponseAsync(messages, chatOptions, deadline.Token).ConfigureAwait(false))
            {
                foreach (var content in update.Contents)
                {
                    switch (content)
                    {
                        case ErrorContent { ErrorCode: DraftingChatClient.RefusalCode }:
                            Log.ModelRefused(logger);
                            return new Reply(string.Empty, tokens, FallbackReason.Refused);
                        case UsageContent usage:
                            tokens = usage.Details.TotalTokenCount ?? (usage.Details.InputTokenCount ?? 0) + (usage.Details.OutputTokenCount ?? 0);
                            if (usage.Details.InputTokenCount is null && usage.Details.OutputTokenCount is null)
                            {
                                metrics?.TokensSpent("total", tokens);
                            }
                            else
                            {
                                metrics?.TokensSpent("input", usage.Details.InputTokenCount ?? 0);
                                metrics?.TokensSpent("output", usage.Details.OutputTokenCount ?? 0);
                            }
                            break;
                        case TextContent t:
                            text.Append(t.Text);
                            break;
                    }
                }

                if (update.FinishReason == ChatFinishReason.ContentFilter)
                {
                    return new Reply(string.Empty, tokens, FallbackReason.Refused);
                }

                if (progress is not null && update.Text.Length > 0)
                {
                    await progress(text.ToString(), deadline.Token).ConfigureAwait(false);
                }
            }

            Log.ModelAnswered(logger, text.Length, tokens);
            Log.ModelOutput(logger, text.ToString());
            if (tokens == 0)
            {
                tokens = Estimate(messages, text);
                metrics?.TokensSpent("estimated", tokens);
            }

            return new Reply(text.ToString(), tokens, FallbackReason.None);
        }
        catch (ClientResultException ex)
        {
            Log.ModelFailed(logger, ex.Status, ex.GetType().Name);
            return new Reply(string.Empty, tokens, ex.Status == 429 ? FallbackReason.RateLimited : ex.Status == 0 ? FallbackReason.Unavailable : FallbackReason.ServiceError);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            Log.ModelFailed(logger, 0, "timeout");
            return new Reply(string.Empty, tokens, FallbackReason.Timeout);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            Log.ModelFailed(logger, 0, ex.GetType().Name);
            return new Reply(string.Empty, tokens, FallbackReason.Unavailable);
        }
    }

    // Servers that send no usage still cost something: about four characters a token.
    private static long Estimate(IReadOnlyList<ChatMessage> messages, StringBuilder output) =>
        (messages.Sum(m => m.Text.Length) + output.Length) / 4;
}
