using System.Buffers;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using ProBonoBot.Protocol.Activities;
using ProBonoBot.Protocol.Auth;
using ProBonoBot.Protocol.Connector;
using ProBonoBot.Protocol.Routing;
using ProBonoBot.Turns;

namespace ProBonoBot.Hosting;

/// <summary>
/// <c>POST /api/messages</c>: size check, parse, authenticate, de-duplicate, then either answer an invoke
/// inline or record the activity and hand it to the turn workers, answering 200 at once.
/// </summary>
public sealed class MessagesEndpoint(
    BotAuthenticator authenticator,
    ActivityJournal journal,
    TurnQueue queue,
    TurnRunner runner,
    IOptions<BotFrameworkOptions> bot,
    IOptions<BotHostOptions> host,
    ILogger<MessagesEndpoint> logger)
{
    public async Task<IResult> HandleAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var ct = http.RequestAborted;
        var authorization = http.Request.Headers.Authorization.ToString();
        if (!bot.Value.IsLocalDevelopment && string.IsNullOrWhiteSpace(authorization))
        {
            return Problem(401, "Missing bearer token.");
        }

        var limit = host.Value.MaxActivityBytes;
        if (http.Request.ContentLength > limit)
        {
            return Problem(413, $"The activity is larger than {limit} bytes.");
        }

        var body = await ReadBodyAsync(http.Request, limit, ct).ConfigureAwait(false);
        if (body is null)
        {
            return Problem(413, $"The activity is larger than {limit} bytes.");
        }

        if (!ActivityParser.TryParse(body, out var activity, out var error))
        {
            return Problem(400, error!);
        }

        var remote = http.Connection.RemoteIpAddress;
        var auth = await authenticator.AuthenticateAsync(
            authorization, activity!.ServiceUrl, activity.ChannelId, remote is not null && IPAddress.IsLoopback(remote), ct).ConfigureAwait(false);
        if (!auth.Succeeded)
        {
            Log.Unauthorized(logger, auth.Failure!);
            return Problem(401, auth.Failure!);
        }

        if (activity.Conversation?.Id is not { Length: > 0 } conversationId || string.IsNullOrWhiteSpace(activity.ServiceUrl))
        {
            return Problem(400, "The activity has no conversation.id or serviceUrl.");
        }

        var activityId = activity.Id is { Length: > 0 } id ? id : Guid.NewGuid().ToString("N");
        return activity.Type == ActivityTypes.Invoke
            ? await InvokeAsync(activity, conversationId, activityId, ct).ConfigureAwait(false)
            : await EnqueueAsync(activity, body, conversationId, activityId, ct).ConfigureAwait(false);
    }

    private async Task<IResult> EnqueueAsync(Activity activity, byte[] body, string conversationId, string activityId, CancellationToken ct)
    {
        if (!IsHandled(activity.Type!))
        {
            return TypedResults.Ok();
        }

        var json = System.Text.Encoding.UTF8.GetString(body);
        if (!await journal.TryRecordAsync(conversationId, activityId, activity.Type!, json, ct).ConfigureAwait(false))
        {
            Log.Redelivered(logger, activity.Type!);
            return TypedResults.Ok();
        }

        // The activity is durable now: a restart before it is handled replays it.
        await queue.EnqueueAsync(new QueuedTurn(activity, conversationId, activityId), CancellationToken.None).ConfigureAwait(false);
        return TypedResults.Ok();
    }

    private async Task<IResult> InvokeAsync(Activity activity, string conversationId, string activityId, CancellationToken ct)
    {
        if (!await journal.TryRecordAsync(conversationId, activityId, ActivityTypes.Invoke, body: null, ct).ConfigureAwait(false))
        {
            // A redelivered invoke gets the answer the first delivery got.
            var stored = await journal.GetInvokeResponseAsync(conversationId, activityId, ct).ConfigureAwait(false);
            Log.Redelivered(logger, ActivityTypes.Invoke);
            return stored is null
                ? TypedResults.Json(new { statusCode = 202, type = InvokeResponse.MessageContentType, value = string.Empty }, statusCode: 200)
                : Results.Text(stored, "application/json", statusCode: 200);
        }

        var response = await runner.InvokeAsync(activity, conversationId, activityId, ct).ConfigureAwait(false);

        var json = response.Body?.ToJsonString() ?? string.Empty;
        await journal.CompleteInvokeAsync(conversationId, activityId, json, CancellationToken.None).ConfigureAwait(false);
        return response.Body is null
            ? Results.StatusCode(response.Status)
            : Results.Text(json, "application/json", statusCode: response.Status);
    }

    private static bool IsHandled(string type) =>
        type is ActivityTypes.Message or ActivityTypes.ConversationUpdate or ActivityTypes.InstallationUpdate;

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, long limit, CancellationToken ct)
    {
        var buffer = new ArrayBufferWriter<byte>(request.ContentLength is { } len and > 0 ? (int)len : 4096);
        var stream = request.Body;
        while (true)
        {
            var memory = buffer.GetMemory(8192);
            var read = await stream.ReadAsync(memory, ct).ConfigureAwait(false);
            if (read == 0)
            {
                return buffer.WrittenSpan.ToArray();
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > limit)
            {
                return null;
            }
        }
    }

    private static Microsoft.AspNetCore.Http.HttpResults.JsonHttpResult<ErrorBody> Problem(int status, string detail) =>
        TypedResults.Json(new ErrorBody(new ErrorBodyDetail(Code(status), detail)), HostJsonContext.Default.ErrorBody, statusCode: status);

    private static string Code(int status) => status switch
    {
        400 => "BadRequest",
        401 => "Unauthorized",
        413 => "PayloadTooLarge",
        _ => "Error",
    };
}

/// <summary>The error body the endpoint answers with: <c>{"error":{"code","message"}}</c>, like the connector's.</summary>
public sealed record ErrorBody(ErrorBodyDetail Error);

/// <summary>Error code and human-readable reason.</summary>
public sealed record ErrorBodyDetail(string Code, string Message);

[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase)]
[System.Text.Json.Serialization.JsonSerializable(typeof(ErrorBody))]
internal sealed partial class HostJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
