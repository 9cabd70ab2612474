using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ProBonoBot.Testing;

/// <summary>One request the fake connector received.</summary>
public sealed record RecordedRequest(string Method, string RawTarget, string Path, string? Authorization, string Body, string? HttpVersion)
{
    public JsonNode? Json => string.IsNullOrEmpty(Body) ? null : JsonNode.Parse(Body);
}

/// <summary>
/// Teams' limits for proactive sends and chat creation (one shared per-app window), enforced by the fake connector, with
/// injected faults: <see cref="BlockedRate"/> of conversations answer 403 to sends, <see cref="CreateBlockedRate"/> of
/// people answer 403 to creating their 1:1 chat (the same people every time).
/// </summary>
public sealed record TeamsLimits(int AppPerSecond = 50, int ConversationPerSecond = 7, double ServerErrorRate = 0.01, double BlockedRate = 0.005,
    double CreateBlockedRate = 0);

/// <summary>A scripted failure: answer <see cref="Status"/> (with Retry-After / error code) instead of success.</summary>
public sealed record Fault(int Status, string? RetryAfter = null, string? ErrorCode = null);

/// <summary>
/// A Bot Connector on loopback that answers like Teams: activity ids on send (201), create conversation,
/// member and team APIs. Records every request; failures can be scripted per request.
/// </summary>
public sealed class FakeConnector : LoopbackServer
{
    private readonly ConcurrentQueue<Fault> _faults = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly SemaphoreSlim _signal = new(0);
    private int _nextId;

    /// <summary>The service URL to put into activities (with Teams' <c>/teams/</c> path).</summary>
    public string ServiceUrl => new Uri(BaseUri, "teams/").ToString();

    /// <summary>Members returned by the member APIs (and by <c>pagedmembers</c> of a conversation without a <see cref="Rosters"/> entry).</summary>
    public IList<JsonObject> Members { get; } = [];

    /// <summary>
    /// Team rosters by team id, listed by <c>GET …/conversations/{teamId}/pagedmembers</c> in pages of <c>pageSize</c> (at most
    /// 500, 200 when not given) with a <c>continuationToken</c> until the last page, as Teams does.
    /// </summary>
    public ConcurrentDictionary<string, IReadOnlyList<JsonObject>> Rosters { get; } = new(StringComparer.Ordinal);

    /// <summary>1:1 chats created (POST v3/conversations, not a group) by member id. Teams answers the same id for the same person every time.</summary>
    public ConcurrentDictionary<string, string> Chats { get; } = new(StringComparer.Ordinal);

    private long _chatsCreated;

    /// <summary>How many 1:1 chat creations were answered with success (a repeated creation for the same person counts again).</summary>
    public long ChatsCreated => Interlocked.Read(ref _chatsCreated);

    /// <summary>Members whose chat creation was answered 403 (see <see cref="TeamsLimits.CreateBlockedRate"/>).</summary>
    public ConcurrentDictionary<string, byte> BlockedOnCreate { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Channels of a team besides its General channel, by team id, for <c>GET /v3/teams/{id}/conversations</c>
    /// (answered as Teams does: the General channel has the team's id and no name).
    /// </summary>
    public ConcurrentDictionary<string, IReadOnlyList<(string Id, string Name)>> TeamChannels { get; } = new(StringComparer.Ordinal);

    /// <summary>Delay before every answer (to simulate a slow connector).</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>When set, POSTs of activities are held to Teams' limits (429 with Retry-After beyond them) and faults are injected.</summary>
    public TeamsLimits? Limits { get; set; }

    /// <summary>Which successful POSTs count in <see cref="Delivered"/> (by body); all when null.</summary>
    public Func<string, bool>? CountWhere { get; set; }

    /// <summary>Successful activity POSTs per conversation (duplicates show as counts above 1).</summary>
    public ConcurrentDictionary<string, int> Delivered { get; } = new(StringComparer.Ordinal);

    /// <summary>Conversations answered 403 (blocked) at least once.</summary>
    public ConcurrentDictionary<string, byte> Blocked { get; } = new(StringComparer.Ordinal);

    private long _throttled;

    /// <summary>How many requests were answered 429.</summary>
    public long Throttled => Interlocked.Read(ref _throttled);

    /// <summary>Called for every request (after recording), e.g. to watch for a report card.</summary>
    public Action<RecordedRequest>? Observer { get; set; }

    /// <summary>Decides a fault per request after Teams' limits (e.g. a chaos plan); null lets the request through.</summary>
    public Func<RecordedRequest, Fault?>? Injector { get; set; }

    /// <summary>Called with every request and the status it is answered with (429s of the limits and faults included).</summary>
    public Action<RecordedRequest, int>? Answered { get; set; }

    private readonly Queue<long> _appWindow = new();
    private readonly ConcurrentDictionary<string, Queue<long>> _conversationWindows = new(StringComparer.Ordinal);

    /// <summary>When false, requests are counted but not stored (the benchmark's mode).</summary>
    public bool Record { get; set; } = true;

    private int _count;

    public int Count => Volatile.Read(ref _count);

    public static async Task<FakeConnector> StartAsync()
    {
        var connector = new FakeConnector();
        await connector.StartCoreAsync();
        return connector;
    }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>The activities sent or updated so far (POST/PUT …/activities).</summary>
    public IReadOnlyList<RecordedRequest> Activities => [.. Requests.Where(r => r.Path.Contains("/activities", StringComparison.Ordinal))];

    public void Fail(params Fault[] faults)
    {
        foreach (var fault in faults)
        {
            _faults.Enqueue(fault);
        }
    }

    private readonly List<(Func<RecordedRequest, bool> When, Fault Fault)> _rules = [];

    /// <summary>Answers every request matching <paramref name="when"/> with <paramref name="fault"/> (e.g. a person who blocked the bot).</summary>
    public void FailWhen(Func<RecordedRequest, bool> when, Fault fault)
    {
        lock (_rules)
        {
            _rules.Add((when, fault));
        }
    }

    /// <summary>Stops answering with the faults of <see cref="FailWhen"/> (e.g. the person unblocked the bot).</summary>
    public void ClearFailWhen()
    {
        lock (_rules)
        {
            _rules.Clear();
        }
    }

    public void Clear()
    {
        lock (_requests)
        {
            _requests.Clear();
        }
    }

    /// <summary>Waits until <paramref name="predicate"/> holds for the recorded requests.</summary>
    public async Task<IReadOnlyList<RecordedRequest>> WaitForAsync(Func<IReadOnlyList<RecordedRequest>, bool> predicate, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var snapshot = Requests;
            if (predicate(snapshot))
            {
                return snapshot;
            }

            try
            {
                await _signal.WaitAsync(TimeSpan.FromMilliseconds(50), cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The fake connector did not see the expected requests; it saw {snapshot.Count}: " +
                    string.Join(", ", snapshot.Select(r => $"{r.Method} {r.Path} {r.Body[..Math.Min(3000, r.Body.Length)]}")));
            }
        }
    }

    /// <summary>Waits for <paramref name="count"/> activities to have been sent.</summary>
    public Task<IReadOnlyList<RecordedRequest>> WaitForActivitiesAsync(int count, TimeSpan? timeout = null) =>
        WaitForAsync(r => r.Count(x => x.Path.Contains("/activities", StringComparison.Ordinal)) >= count, timeout);

    protected override void Map(WebApplication app) => app.Map("/{**path}", (Func<HttpContext, Task<IResult>>)HandleAsync);

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        var request = context.Request;
        string body;
        using (var reader = new StreamReader(request.Body))
        {
            body = await reader.ReadToEndAsync();
        }

        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path;
        Interlocked.Increment(ref _count);
        if (Record)
        {
            lock (_requests)
            {
                _requests.Add(new RecordedRequest(request.Method, rawTarget, request.Path.Value ?? string.Empty,
                    request.Headers.Authorization.ToString() is { Length: > 0 } a ? a : null, body, request.Protocol));
            }
        }

        var seen = new RecordedRequest(request.Method, rawTarget, request.Path.Value ?? string.Empty, null, body, request.Protocol);
        Observer?.Invoke(seen);
        _signal.Release();
        if (Answered is { } answered)
        {
            // The status is final only when the answer starts; this sees every path below alike.
            context.Response.OnStarting(() =>
            {
                answered(seen, context.Response.StatusCode);
                return Task.CompletedTask;
            });
        }

        if (Limits is { } createLimits && request.Method == "POST" && (request.Path.Value ?? string.Empty).EndsWith("/v3/conversations", StringComparison.Ordinal)
            && CreateLimitAnswer(createLimits, body) is { } refused)
        {
            return refused;
        }

        if (Limits is { } limits && request.Method == "POST" && (request.Path.Value ?? string.Empty).EndsWith("/activities", StringComparison.Ordinal))
        {
            var conversation = Uri.UnescapeDataString((request.Path.Value ?? string.Empty).Split('/')[^2]);
            if (LimitAnswer(limits, conversation) is { } limited)
            {
                return limited;
            }

            if (CountWhere?.Invoke(body) != false)
            {
                Delivered.AddOrUpdate(conversation, 1, (_, n) => n + 1);
            }
        }

        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay);
        }

        Fault? ruled = null;
        lock (_rules)
        {
            var probe = new RecordedRequest(request.Method, rawTarget, request.Path.Value ?? string.Empty, null, body, request.Protocol);
            ruled = _rules.FirstOrDefault(r => r.When(probe)).Fault;
        }

        if (ruled is null && Injector is { } injector)
        {
            ruled = injector(seen);
        }

        if (ruled is not null || _faults.TryDequeue(out ruled))
        {
            var fault = ruled;
            if (fault.RetryAfter is not null)
            {
                context.Response.Headers.RetryAfter = fault.RetryAfter;
            }

            return Results.Json(new { error = new { code = fault.ErrorCode ?? "Error", message = $"Scripted {fault.Status}" } }, statusCode: fault.Status);
        }

        var path = request.Path.Value ?? string.Empty;
        if (request.Method == "GET" && path.EndsWith("/pagedmembers", StringComparison.Ordinal)
            && Rosters.TryGetValue(Uri.UnescapeDataString(path.Split('/')[^2]), out var roster))
        {
            return Page(roster, request.Query["pageSize"], request.Query["continuationToken"]);
        }

        return Answer(request.Method, path, body);
    }

    private static IResult Page(IReadOnlyList<JsonObject> roster, string? pageSize, string? continuationToken)
    {
        var size = int.TryParse(pageSize, System.Globalization.CultureInfo.InvariantCulture, out var s) ? Math.Clamp(s, 1, 500) : 200;
        var start = 0;
        if (!string.IsNullOrEmpty(continuationToken)
            && !(continuationToken.StartsWith("page~", StringComparison.Ordinal)
                && int.TryParse(continuationToken[5..], System.Globalization.CultureInfo.InvariantCulture, out start) && start >= 0 && start <= roster.Count))
        {
            return Results.Json(new { error = new { code = "BadArgument", message = "Invalid continuation token" } }, statusCode: 400);
        }

        var end = Math.Min(roster.Count, start + size);
        return Results.Json(new
        {
            continuationToken = end < roster.Count ? $"page~{end}" : null,
            members = roster.Skip(start).Take(end - start).ToArray(),
        });
    }

    private IResult? CreateLimitAnswer(TeamsLimits limits, string body)
    {
        var member = JsonNode.Parse(body)?["members"]?[0]?["id"]?.GetValue<string>() ?? string.Empty;
        if (limits.CreateBlockedRate > 0 && (uint)string.GetHashCode(member, StringComparison.Ordinal) % 10_000 < limits.CreateBlockedRate * 10_000)
        {
            BlockedOnCreate.TryAdd(member, 0);
            return Results.Json(new { error = new { code = "Forbidden", message = "The bot is not allowed to start a conversation with this user." } }, statusCode: 403);
        }

        if (!Admit(_appWindow, limits.AppPerSecond))
        {
            Interlocked.Increment(ref _throttled);
            return new RetryAfterResult(1);
        }

        return Random.Shared.NextDouble() < limits.ServerErrorRate
            ? Results.Json(new { error = new { code = "ServiceUnavailable", message = "Injected 503" } }, statusCode: 503)
            : null;
    }

    private static bool Admit(Queue<long> window, int limit)
    {
        var now = System.Diagnostics.Stopwatch.GetTimestamp();
        var second = System.Diagnostics.Stopwatch.Frequency;
        lock (window)
        {
            while (window.Count > 0 && window.Peek() <= now - second)
            {
                window.Dequeue();
            }

            if (window.Count >= limit)
            {
                return false;
            }

            window.Enqueue(now);
            return true;
        }
    }

    private IResult? LimitAnswer(TeamsLimits limits, string conversation)
    {
        // Blocked people are the same on every try: a stable fraction of conversations.
        if ((uint)string.GetHashCode(conversation, StringComparison.Ordinal) % 10_000 < limits.BlockedRate * 10_000)
        {
            Blocked.TryAdd(conversation, 0);
            return Results.Json(new { error = new { code = "Forbidden", subCode = "MessageWritesBlocked", message = "User blocked the conversation with the bot." } }, statusCode: 403);
        }

        if (!Admit(_appWindow, limits.AppPerSecond) || !Admit(_conversationWindows.GetOrAdd(conversation, _ => new Queue<long>()), limits.ConversationPerSecond))
        {
            Interlocked.Increment(ref _throttled);
            return new RetryAfterResult(1);
        }

        if (Random.Shared.NextDouble() < limits.ServerErrorRate)
        {
            return Results.Json(new { error = new { code = "ServiceUnavailable", message = "Injected 503" } }, statusCode: 503);
        }

        return null;
    }

    private sealed class RetryAfterResult(int seconds) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = 429;
            httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return httpContext.Response.WriteAsJsonAsync(new { error = new { code = "TooManyRequests", message = "Throttled" } });
        }
    }

    private IResult Answer(string method, string path, string body)
    {
        var id = Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (path.EndsWith("/v3/conversations", StringComparison.Ordinal) && method == "POST")
        {
            var parameters = JsonNode.Parse(body);
            if (parameters?["isGroup"]?.GetValue<bool>() == true)
            {
                return Results.Json(new { id = $"19:thread-{id}@thread.tacv2;messageid={id}", activityId = id });
            }

            var member = parameters?["members"]?[0]?["id"]?.GetValue<string>() ?? string.Empty;
            Interlocked.Increment(ref _chatsCreated);
            return Results.Json(new { id = Chats.GetOrAdd(member, _ => $"a:conversation-{id}"), activityId = (string?)null });
        }

        if (path.Contains("/activities", StringComparison.Ordinal))
        {
            return method switch
            {
                "POST" => Results.Json(new { id = $"activity-{id}" }, statusCode: 201),
                "PUT" => Results.Json(new { id = path[(path.LastIndexOf('/') + 1)..] }),
                "DELETE" => Results.Ok(),
                _ => Results.StatusCode(405),
            };
        }

        if (path.Contains("/pagedmembers", StringComparison.Ordinal))
        {
            return Results.Json(new { members = Members, continuationToken = (string?)null });
        }

        if (path.Contains("/members/", StringComparison.Ordinal))
        {
            var userId = Uri.UnescapeDataString(path[(path.LastIndexOf('/') + 1)..]);
            var member = Members.FirstOrDefault(m => (string?)m["id"] == userId);
            return member is null
                ? Results.Json(new { error = new { code = "NotFound", message = "member not found" } }, statusCode: 404)
                : Results.Json(member);
        }

        if (path.Contains("/v3/teams/", StringComparison.Ordinal) && path.EndsWith("/conversations", StringComparison.Ordinal))
        {
            var teamId = Uri.UnescapeDataString(path[(path.IndexOf("/v3/teams/", StringComparison.Ordinal) + "/v3/teams/".Length)..^"/conversations".Length]);
            var others = TeamChannels.TryGetValue(teamId, out var list) ? list : [];
            return Results.Json(new
            {
                conversations = new[] { new { id = teamId, name = (string?)null } }.Concat(others.Select(c => new { id = c.Id, name = (string?)c.Name })).ToArray(),
            });
        }

        if (path.Contains("/v3/teams/", StringComparison.Ordinal))
        {
            return Results.Json(new { id = "19:general@thread.tacv2", name = "Pro Bono Club", aadGroupId = "00000000-0000-0000-0000-000000000031" });
        }

        return Results.Json(new { error = new { code = "NotFound", message = "unknown route" } }, statusCode: 404);
    }
}
