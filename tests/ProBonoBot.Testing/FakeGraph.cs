using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ProBonoBot.Testing;

/// <summary>A scripted Graph error answer: status, Graph's error code and message, and an optional Retry-After (seconds).</summary>
public sealed record GraphFault(int Status, string Code, string Message, string? RetryAfter = null);

/// <summary>One request the fake Graph received.</summary>
public sealed record GraphRequest(string Method, string Path, string Query, string? Authorization, string Body, DateTimeOffset At);

/// <summary>
/// A loopback Microsoft Graph (v1.0) for proactive installation, speaking Graph's JSON: groups and their transitive
/// user members in pages linked by <c>@odata.nextLink</c>, app installation for a user (201, 409 when installed),
/// installations filtered by catalog id, an installation's chat, <c>{"error":{"code","message"}}</c> error bodies;
/// plus a client-credentials token endpoint. The cast segment is accepted as Graph accepts it: <c>microsoft.graph.user</c>
/// or the short <c>graph.user</c> that the Graph SDK sends. Faults are scripted per user.
/// </summary>
public sealed class FakeGraph : LoopbackServer
{
    private readonly List<GraphRequest> _requests = [];
    private readonly ConcurrentDictionary<string, ConcurrentQueue<GraphFault>> _installFaults = new(StringComparer.Ordinal);

    public string CatalogAppId { get; } = "b6a7c3e1-5f7d-4e0a-9c1e-0123456789ab";

    /// <summary>Groups by id: display name and members (id, displayName). Change them between listings.</summary>
    public ConcurrentDictionary<string, (string Name, List<(string Id, string Name)> Members)> Groups { get; } = new(StringComparer.Ordinal);

    /// <summary>Users for whom the app is installed.</summary>
    public ConcurrentDictionary<string, byte> Installed { get; } = new(StringComparer.Ordinal);

    /// <summary>Members per page of a group listing.</summary>
    public int PageSize { get; set; } = 2;

    public string IssuedAccessToken { get; } = "graph-token-" + Guid.NewGuid().ToString("N");

    /// <summary>The form of the last token request (client_id, scope, ...).</summary>
    public IReadOnlyDictionary<string, string>? LastTokenRequest { get; private set; }

    public string GraphBaseUrl => new Uri(BaseUri, "v1.0").ToString();

    public string TokenUrl => new Uri(BaseUri, "tenant/oauth2/v2.0/token").ToString();

    public static async Task<FakeGraph> StartAsync()
    {
        var graph = new FakeGraph();
        await graph.StartCoreAsync();
        return graph;
    }

    public static string ChatId(string userId) => $"19:{userId}_bot@unq.gbl.spaces";

    public IReadOnlyList<GraphRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Installation POSTs for one user.</summary>
    public IReadOnlyList<GraphRequest> InstallsFor(string userId) =>
        [.. Requests.Where(r => r.Method == "POST" && r.Path == $"/v1.0/users/{userId}/teamwork/installedApps")];

    /// <summary>The next installation POSTs for the user answer these faults, in order.</summary>
    public void FailInstall(string userId, params GraphFault[] faults)
    {
        var queue = _installFaults.GetOrAdd(userId, _ => new ConcurrentQueue<GraphFault>());
        foreach (var fault in faults)
        {
            queue.Enqueue(fault);
        }
    }

    protected override void Map(WebApplication app)
    {
        app.MapPost("/tenant/oauth2/v2.0/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            LastTokenRequest = form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
            return Results.Json(new JsonObject { ["token_type"] = "Bearer", ["expires_in"] = 3599, ["access_token"] = IssuedAccessToken });
        });
        app.Map("/v1.0/{**path}", (Func<HttpContext, Task<IResult>>)HandleAsync);
    }

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        var path = request.Path.Value ?? string.Empty;
        lock (_requests)
        {
            _requests.Add(new GraphRequest(request.Method, path, Uri.UnescapeDataString(request.QueryString.Value ?? string.Empty),
                request.Headers.Authorization.ToString() is { Length: > 0 } a ? a : null, body, DateTimeOffset.UtcNow));
        }

        if (request.Headers.Authorization.ToString() != $"Bearer {IssuedAccessToken}")
        {
            return Error(401, "InvalidAuthenticationToken", "Access token is empty or invalid.");
        }

        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries); // v1.0, groups|users, id, ...
        return (request.Method, parts.Length > 1 ? parts[1] : string.Empty, parts.Length) switch
        {
            ("GET", "groups", 3) => Group(parts[2]),
            ("GET", "groups", 5) when parts[3] == "transitiveMembers" && parts[4] is "microsoft.graph.user" or "graph.user" => Members(parts[2], request),
            ("POST", "users", 5) when parts[3] == "teamwork" && parts[4] == "installedApps" => Install(parts[2], body),
            ("GET", "users", 5) when parts[3] == "teamwork" && parts[4] == "installedApps" => Installations(parts[2], request),
            ("GET", "users", 7) when parts[4] == "installedApps" && parts[6] == "chat" => Chat(parts[2], parts[5]),
            _ => Error(400, "BadRequest", $"Unsupported request {request.Method} {path}"),
        };
    }

    private IResult Group(string id) => Groups.TryGetValue(id, out var group)
        ? Results.Json(new JsonObject
        {
            ["@odata.context"] = $"{GraphBaseUrl}/$metadata#groups(id,displayName)/$entity",
            ["id"] = id,
            ["displayName"] = group.Name,
        })
        : Error(404, "Request_ResourceNotFound", $"Resource '{id}' does not exist or one of its queried reference-property objects are not present.");

    private IResult Members(string id, HttpRequest request)
    {
        if (!Groups.TryGetValue(id, out var group))
        {
            return Error(404, "Request_ResourceNotFound", $"Resource '{id}' does not exist or one of its queried reference-property objects are not present.");
        }

        List<(string Id, string Name)> members;
        lock (group.Members)
        {
            members = [.. group.Members];
        }

        var skip = int.TryParse(request.Query["$skiptoken"], out var s) ? s : 0;
        var page = new JsonArray([.. members.Skip(skip).Take(PageSize).Select(m => (JsonNode)new JsonObject
        {
            ["@odata.type"] = "#microsoft.graph.user",
            ["id"] = m.Id,
            ["displayName"] = m.Name,
        })]);
        var answer = new JsonObject
        {
            ["@odata.context"] = $"{GraphBaseUrl}/$metadata#users(id,displayName)",
            ["value"] = page,
        };
        if (skip + PageSize < members.Count)
        {
            answer["@odata.nextLink"] = $"{GraphBaseUrl}/groups/{id}/transitiveMembers/microsoft.graph.user?$select=id,displayName&$skiptoken={skip + PageSize}";
        }

        return Results.Json(answer);
    }

    private IResult Install(string userId, string body)
    {
        if (_installFaults.TryGetValue(userId, out var faults) && faults.TryDequeue(out var fault))
        {
            return Error(fault.Status, fault.Code, fault.Message, fault.RetryAfter);
        }

        var bind = (string?)JsonNode.Parse(body)?["teamsApp@odata.bind"];
        if (bind != $"{GraphBaseUrl}/appCatalogs/teamsApps/{CatalogAppId}")
        {
            return Error(404, "NotFound", "The app was not found in the catalog.");
        }

        return Installed.TryAdd(userId, 0)
            ? Results.StatusCode(201)
            : Error(409, "Conflict", "App is already installed for this user.");
    }

    private IResult Installations(string userId, HttpRequest request)
    {
        var filter = request.Query["$filter"].ToString();
        var expand = request.Query["$expand"].ToString();
        var value = new JsonArray();
        if (Installed.ContainsKey(userId) && filter == $"teamsApp/id eq '{CatalogAppId}'" && expand == "teamsApp")
        {
            value.Add(new JsonObject
            {
                ["id"] = $"inst-{userId}",
                ["teamsApp"] = new JsonObject
                {
                    ["id"] = CatalogAppId,
                    ["externalId"] = "f2b5e7a0-0000-4000-8000-00000000b0b0",
                    ["displayName"] = "ProBonoBot",
                    ["distributionMethod"] = "organization",
                },
            });
        }

        return Results.Json(new JsonObject
        {
            ["@odata.context"] = $"{GraphBaseUrl}/$metadata#users('{userId}')/teamwork/installedApps(teamsApp())",
            ["value"] = value,
        });
    }

    private IResult Chat(string userId, string installationId) => Installed.ContainsKey(userId) && installationId == $"inst-{userId}"
        ? Results.Json(new JsonObject
        {
            ["@odata.context"] = $"{GraphBaseUrl}/$metadata#chats/$entity",
            ["id"] = ChatId(userId),
            ["topic"] = null,
            ["createdDateTime"] = "2026-11-30T10:00:00.000Z",
            ["lastUpdatedDateTime"] = "2026-11-30T10:00:00.000Z",
            ["chatType"] = "oneOnOne",
            ["tenantId"] = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
        })
        : Error(404, "NotFound", "Installation not found.");

    private static IResult Error(int status, string code, string message, string? retryAfter = null) =>
        new ErrorResult(status, code, message, retryAfter);

    private sealed class ErrorResult(int status, string code, string message, string? retryAfter) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            if (retryAfter is not null)
            {
                httpContext.Response.Headers.RetryAfter = retryAfter;
            }

            return Results.Json(new JsonObject
            {
                ["error"] = new JsonObject
                {
                    ["code"] = code,
                    ["message"] = message,
                    ["innerError"] = new JsonObject { ["date"] = "2026-11-30T10:00:00", ["request-id"] = Guid.NewGuid().ToString(), ["client-request-id"] = Guid.NewGuid().ToString() },
                },
            }, statusCode: status).ExecuteAsync(httpContext);
        }
    }
}
