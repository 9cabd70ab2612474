using System.Buffers;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using ProBonoBot.Cards;
using ProBonoBot.Outbox;
using ProBonoBot.People;
using ProBonoBot.Protocol.Activities;
using ProBonoBot.Protocol.Auth;
using ProBonoBot.Protocol.Connector;
using ProBonoBot.Protocol.Routing;
using ProBonoBot.Turns;

namespace ProBonoBot.Hosting;

/// <summary>
/// <c>POST /api/messages</c>, cheapest refusals first: local-mode request checks, declared size, the token
/// (signature, issuer, audience, lifetime, allowed callers) before a byte of the body is read; then the body
/// (size, UTF-8, NUL and surrogates, JSON), the token's binding to this activity (serviceurl, endorsements), the
/// sender's turn budget, and de-duplication. An invoke is answered inline; anything else is recorded and handed to
/// the turn workers, answering 200 at once — or 503 with Retry-After when its lane is full.
/// </summary>
public sealed class MessagesEndpoint(
    BotAuthenticator authenticator,
    ActivityJournal journal,
    TurnQueue queue,
    TurnRunner runner,
    IConnectorClient connector,
    IServiceProvider services,
    PersonBudget budget,
    OutboxStore outbox,
    LanguageResolver languages,
    BotMetrics metrics,
    IOptions<BotFrameworkOptions> bot,
    IOptions<BotHostOptions> host,
    ILogger<MessagesEndpoint> logger)
{
    /// <summary>Seconds a sender is asked to wait before redelivering to a full lane.</summary>
    public const int RetryAfterSeconds = 5;

    public async Task<IResult> HandleAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var ct = http.RequestAborted;
        if (bot.Value.IsLocalDevelopment && LocalRequestGate.Check(http.Request) is { } refusal)
        {
            Log.LocalRequestRefused(logger, refusal.Reason);
            return Problem(refusal.Status, refusal.Message);
        }

        var limit = host.Value.MaxActivityBytes;
        if (http.Request.ContentLength > limit)
        {
            return Problem(413, $"The activity is larger than {limit} bytes.");
        }

        var remote = http.Connection.RemoteIpAddress;
        var auth = await authenticator.AuthenticateTokenAsync(
            http.Request.Headers.Authorization.ToString(), remote is not null && IPAddress.IsLoopback(remote), ct);
        if (!auth.Succeeded)
        {
            Log.Unauthorized(logger, auth.Failure!);
            return Problem(401, auth.Failure!);
        }

        byte[]? body;
        try
        {
            body = await ReadBodyAsync(http.Request, limit, ct);
        }
        catch (BadHttpRequestException ex)
        {
            // Too slow (408) or cut short (400): the client's doing, so no stack trace and no error level.
            Log.BodyUnreadable(logger, ex.StatusCode, ex.GetType().Name);
            return Problem(ex.StatusCode == 408 ? 408 : 400, "The request body could not be read.");
        }
        catch (Exception ex) when (ex is IOException || (ex is OperationCanceledException && ct.IsCancellationRequested))
        {
            Log.ClientAborted(logger);
            return Results.Empty;
        }

        if (body is null)
        {
            return Problem(413, $"The activity is larger than {limit} bytes.");
        }

        if (!ActivityParser.TryParse(body, out var activity, out var error))
        {
            return Refuse(400, error!);
        }

        if (activity!.Conversation?.Id is not { Length: > 0 } conversationId || string.IsNullOrWhiteSpace(activity.ServiceUrl))
        {
            return Refuse(400, "The activity has no conversation.id or serviceUrl.");
        }

        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var service) || service.Scheme is not ("https" or "http"))
        {
            // Answers could never be delivered there; refused at the door rather than failing in the outbox later.
            return Refuse(400, "The activity's serviceUrl is not an absolute http(s) URL.");
        }

        auth = authenticator.CheckActivity(auth, activity.ServiceUrl, activity.ChannelId);
        if (!auth.Succeeded)
        {
            Log.Unauthorized(logger, auth.Failure!);
            return Problem(401, auth.Failure!);
        }

        var activityId = activity.Id is { Length: > 0 } id ? id : Guid.NewGuid().ToString("N");
        if (await ThrottleAsync(activity, conversationId, ct) is { } throttled)
        {
            return throttled;
        }

        return activity.Type == ActivityTypes.Invoke
            ? await InvokeAsync(activity, conversationId, activityId, ct)
            : await EnqueueAsync(http, activity, body, conversationId, activityId, ct);
    }

    private async Task<IResult> EnqueueAsync(HttpContext http, Activity activity, byte[] body, string conversationId, string activityId, CancellationToken ct)
    {
        if (!IsHandled(activity.Type!))
        {
            return TypedResults.Ok();
        }

        // A place in the lane is held before the activity is recorded: a full lane leaves no journal row behind
        // (its redelivery is then accepted as new), and a recorded activity always finds its place.
        if (!queue.TryReserve(conversationId))
        {
            Log.LaneFull(logger, activity.Type!);
            http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return Problem(503, "The bot is busy with this conversation; retry later.");
        }

        var enqueued = false;
        try
        {
            var json = System.Text.Encoding.UTF8.GetString(body);
            if (!await journal.TryRecordAsync(conversationId, activityId, activity.Type!, json, ct))
            {
                Log.Redelivered(logger, activity.Type!);
                metrics.TurnSkipped(activity.Type, "duplicate");
                return TypedResults.Ok();
            }

            // The activity is durable now: a restart before it is handled replays it.
            queue.EnqueueReserved(new QueuedTurn(activity, conversationId, activityId));
            enqueued = true;
            return TypedResults.Ok();
        }
        finally
        {
            if (!enqueued)
            {
                queue.Release(conversationId);
            }
        }
    }

    /// <summary>
    /// Drops a message or invoke beyond the sender's budget. A message gets 200 (Teams must not redeliver it) and,
    /// the first time in an episode, a notice through the outbox; an invoke is answered with the notice itself.
    /// </summary>
    private async Task<IResult?> ThrottleAsync(Activity activity, string conversationId, CancellationToken ct)
    {
        if (activity.Type is not (ActivityTypes.Message or ActivityTypes.Invoke)
            || (activity.From?.AadObjectId is { Length: > 0 } aad ? aad : activity.From?.Id) is not { Length: > 0 } person)
        {
            return null;
        }

        var decision = budget.TryTake(person);
        if (decision == BudgetDecision.Allowed)
        {
            return null;
        }

        if (decision == BudgetDecision.RefusedFirst)
        {
            Log.PersonThrottled(logger, activity.Type);
        }

        if (activity.Type == ActivityTypes.Invoke)
        {
            var json = InvokeResponse.Message(await NoticeAsync(activity, ct)).Body!.ToJsonString();
            return Results.Text(json, "application/json", statusCode: 200);
        }

        if (decision == BudgetDecision.RefusedFirst)
        {
            try
            {
                var notice = new Activity { Type = ActivityTypes.Message, Text = await NoticeAsync(activity, ct) };
                await outbox.EnqueueAsync(
                    [new OutboxItem(JsonSerializer.Serialize(notice, ProtocolJsonContext.Default.Activity), ConversationId: conversationId, ServiceUrl: activity.ServiceUrl)],
                    ct);
            }
            catch (System.Data.Common.DbException ex)
            {
                Log.ThrottleNoticeFailed(logger, ex.GetType().Name);
            }
        }

        return TypedResults.Ok();
    }

    private async Task<string> NoticeAsync(Activity activity, CancellationToken ct) =>
        UiText.For(await languages.ResolveAsync(new TurnContext(activity, connector, services), ct)).TooManyMessages;

    private async Task<IResult> InvokeAsync(Activity activity, string conversationId, string activityId, CancellationToken ct)
    {
        if (!await journal.TryRecordAsync(conversationId, activityId, ActivityTypes.Invoke, body: null, ct))
        {
            // A redelivered invoke gets the answer the first delivery got.
            var stored = await journal.GetInvokeResponseAsync(conversationId, activityId, ct);
            Log.Redelivered(logger, ActivityTypes.Invoke);
            metrics.TurnSkipped(ActivityTypes.Invoke, "duplicate");
            return stored is null
                ? TypedResults.Json(new { statusCode = 202, type = InvokeResponse.MessageContentType, value = string.Empty }, statusCode: 200)
                : Results.Text(stored, "application/json", statusCode: 200);
        }

        var response = await runner.InvokeAsync(activity, conversationId, activityId, ct);

        var json = response.Body?.ToJsonString() ?? string.Empty;
        await journal.CompleteInvokeAsync(conversationId, activityId, json, CancellationToken.None);
        return response.Body is null
            ? Results.StatusCode(response.Status)
            : Results.Text(json, "application/json", statusCode: response.Status);
    }

    /// <summary>A client's mistake: a short reason back, one line in the log (parser detail stays out of it).</summary>
    private JsonHttpResult<ErrorBody> Refuse(int status, string reason)
    {
        Log.ActivityRefused(logger, status, reason.StartsWith("The body is not a valid activity (", StringComparison.Ordinal) ? "malformed JSON" : reason);
        return Problem(status, reason);
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
            var read = await stream.ReadAsync(memory, ct);
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

    private static JsonHttpResult<ErrorBody> Problem(int status, string detail) =>
        TypedResults.Json(new ErrorBody(new ErrorBodyDetail(Code(status), detail)), HostJsonContext.Default.ErrorBody, statusCode: status);

    private static string Code(int status) => status switch
    {
        400 => "BadRequest",
        401 => "Unauthorized",
        403 => "Forbidden",
        408 => "RequestTimeout",
        413 => "PayloadTooLarge",
        415 => "UnsupportedMediaType",
        503 => "ServiceUnavailable",
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
