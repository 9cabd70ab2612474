using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ProBonoBot.Testing;

/// <summary>What the stub answers to the next chat completion request.</summary>
public enum StubMode
{
    /// <summary>The content, streamed (SSE) when the request asks for a stream, else as one JSON answer.</summary>
    Content,
    TooManyRequests,
    ServerError,
    Slow,
    Refusal,
}

/// <summary>One scripted answer: a mode and, for <see cref="StubMode.Content"/>, the assistant's text.</summary>
public sealed record StubReply(StubMode Mode, string Content = "", string? RetryAfter = null);

/// <summary>One request as it arrived: path and query, body, and the two ways a key travels.</summary>
public sealed record StubCall(string PathAndQuery, JsonNode Body, string? Authorization, string? ApiKey);

/// <summary>
/// An OpenAI-compatible server on loopback (<c>POST /v1/chat/completions</c>, and Azure OpenAI's
/// <c>/openai/deployments/{deployment}/chat/completions</c> and <c>/openai/v1/chat/completions</c>) speaking the real wire format:
/// JSON answers, SSE streams with usage, 429 with Retry-After, 500, slow answers and refusals. It records
/// every request so tests can assert exactly what the bot sent.
/// </summary>
public sealed class OpenAIStub : LoopbackServer
{
    private readonly ConcurrentQueue<StubReply> _script = new();
    private readonly ConcurrentQueue<(JsonNode Body, string? Authorization)> _requests = new();
    private readonly ConcurrentQueue<StubCall> _calls = new();

    /// <summary>Answers when the script is empty.</summary>
    public StubReply Default { get; set; } = new(StubMode.Content, "{}");

    public TimeSpan SlowDelay { get; set; } = TimeSpan.FromSeconds(30);

    public string Endpoint => new Uri(BaseUri, "v1/").ToString();

    public IReadOnlyList<(JsonNode Body, string? Authorization)> Requests => [.. _requests];

    /// <summary>Every request with its path and headers (Azure's deployment path, api-version, api-key).</summary>
    public IReadOnlyList<StubCall> Calls => [.. _calls];

    public static async Task<OpenAIStub> StartAsync()
    {
        var stub = new OpenAIStub();
        await stub.StartCoreAsync();
        return stub;
    }

    public void Enqueue(params StubReply[] replies)
    {
        foreach (var reply in replies)
        {
            _script.Enqueue(reply);
        }
    }

    protected override void Map(WebApplication app)
    {
        app.MapPost("/v1/chat/completions", AnswerAsync);
        app.MapPost("/openai/deployments/{deployment}/chat/completions", AnswerAsync);
        app.MapPost("/openai/v1/chat/completions", AnswerAsync);
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var body = (await JsonNode.ParseAsync(context.Request.Body))!;
        _requests.Enqueue((body, context.Request.Headers.Authorization.ToString()));
        _calls.Enqueue(new StubCall(context.Request.Path + context.Request.QueryString, body, context.Request.Headers.Authorization.ToString(),
            context.Request.Headers.TryGetValue("api-key", out var key) ? key.ToString() : null));
        var reply = _script.TryDequeue(out var next) ? next : Default;
        var model = (string?)body["model"] ?? "stub";
        switch (reply.Mode)
        {
            case StubMode.TooManyRequests:
                context.Response.StatusCode = 429;
                context.Response.Headers.RetryAfter = reply.RetryAfter ?? "30";
                await context.Response.WriteAsJsonAsync(new { error = new { message = "Rate limit reached", type = "rate_limit_error", code = "rate_limit_exceeded" } });
                return;
            case StubMode.ServerError:
                context.Response.StatusCode = 500;
                await context.Response.WriteAsJsonAsync(new { error = new { message = "The server had an error", type = "server_error" } });
                return;
            case StubMode.Slow:
                await Task.Delay(SlowDelay, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return;
        }

        if ((bool?)body["stream"] == true)
        {
            await StreamAsync(context, model, reply);
            return;
        }

        var message = new JsonObject { ["role"] = "assistant", ["content"] = reply.Mode == StubMode.Refusal ? null : reply.Content, ["refusal"] = reply.Mode == StubMode.Refusal ? "I can't help with that." : null };
        await context.Response.WriteAsync(new JsonObject
        {
            ["id"] = "chatcmpl-stub", ["object"] = "chat.completion", ["created"] = 1_764_000_000, ["model"] = model,
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = message, ["finish_reason"] = "stop" }),
            ["usage"] = Usage(reply.Content),
        }.ToJsonString());
    }

    private static async Task StreamAsync(HttpContext context, string model, StubReply reply)
    {
        context.Response.ContentType = "text/event-stream";
        async Task Send(JsonObject chunk)
        {
            chunk["id"] = "chatcmpl-stub";
            chunk["object"] = "chat.completion.chunk";
            chunk["created"] = 1_764_000_000;
            chunk["model"] = model;
            await context.Response.WriteAsync("data: " + chunk.ToJsonString() + "\n\n", Encoding.UTF8);
            await context.Response.Body.FlushAsync();
        }

        JsonObject Choice(JsonObject delta, string? finish) => new() { ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finish }) };

        await Send(Choice(new JsonObject { ["role"] = "assistant", ["content"] = string.Empty }, null));
        if (reply.Mode == StubMode.Refusal)
        {
            await Send(Choice(new JsonObject { ["refusal"] = "I can't help with that." }, null));
        }
        else
        {
            // Several chunks, as a model streams them.
            const int chunk = 40;
            for (var i = 0; i < reply.Content.Length; i += chunk)
            {
                await Send(Choice(new JsonObject { ["content"] = reply.Content.Substring(i, Math.Min(chunk, reply.Content.Length - i)) }, null));
            }
        }

        await Send(Choice([], "stop"));
        await Send(new JsonObject { ["choices"] = new JsonArray(), ["usage"] = Usage(reply.Content) });
        await context.Response.WriteAsync("data: [DONE]\n\n", Encoding.UTF8);
    }

    private static JsonObject Usage(string content) => new() { ["prompt_tokens"] = 500, ["completion_tokens"] = content.Length / 4, ["total_tokens"] = 500 + (content.Length / 4) };
}
