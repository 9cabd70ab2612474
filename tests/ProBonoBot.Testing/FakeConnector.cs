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

    /// <summary>Members returned by the member APIs.</summary>
    public IList<JsonObject> Members { get; } = [];

    /// <summary>Delay before every answer (to simulate a slow connector).</summary>
    public TimeSpan Delay { get; set; }

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

        _signal.Release();
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

        if (ruled is not null || _faults.TryDequeue(out ruled))
        {
            var fault = ruled;
            if (fault.RetryAfter is not null)
            {
                context.Response.Headers.RetryAfter = fault.RetryAfter;
            }

            return Results.Json(new { error = new { code = fault.ErrorCode ?? "Error", message = $"Scripted {fault.Status}" } }, statusCode: fault.Status);
        }

        return Answer(request.Method, request.Path.Value ?? string.Empty, body);
    }

    private IResult Answer(string method, string path, string body)
    {
        var id = Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (path.EndsWith("/v3/conversations", StringComparison.Ordinal) && method == "POST")
        {
            var isGroup = JsonNode.Parse(body)?["isGroup"]?.GetValue<bool>() == true;
            return Results.Json(new { id = isGroup ? $"19:thread-{id}@thread.tacv2;messageid={id}" : $"a:conversation-{id}", activityId = isGroup ? id : null });
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
            return Results.Json(new { conversations = new object[] { new { id = "19:general@thread.tacv2", name = (string?)null }, new { id = "19:projects@thread.tacv2", name = "Projects" } } });
        }

        if (path.Contains("/v3/teams/", StringComparison.Ordinal))
        {
            return Results.Json(new { id = "19:general@thread.tacv2", name = "Pro Bono Club", aadGroupId = "00000000-0000-0000-0000-000000000031" });
        }

        return Results.Json(new { error = new { code = "NotFound", message = "unknown route" } }, statusCode: 404);
    }
}
