using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ProBonoBot.Protocol.Activities;

namespace ProBonoBot.Protocol.Connector;

/// <summary>
/// Calls the connector REST API. Token attachment, trusted-host checks and retries live in the
/// <see cref="HttpClient"/>'s handlers (<see cref="ConnectorAuthHandler"/>, <see cref="ConnectorRetryHandler"/>).
/// Every id placed in a URL is escaped: conversation ids contain ':', ';' and '@'.
/// </summary>
public sealed class ConnectorClient(HttpClient http) : IConnectorClient
{
    private static readonly ProtocolJsonContext Json = ProtocolJsonContext.Default;

    public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, Build(serviceUrl, $"v3/conversations/{E(conversationId)}/activities"), activity, Json.Activity, Json.ResourceResponse, cancellationToken);

    public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, Build(serviceUrl, $"v3/conversations/{E(conversationId)}/activities/{E(activityId)}"), activity, Json.Activity, Json.ResourceResponse, cancellationToken);

    public Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, Build(serviceUrl, $"v3/conversations/{E(conversationId)}/activities/{E(activityId)}"), activity, Json.Activity, Json.ResourceResponse, cancellationToken);

    public async Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, Build(serviceUrl, $"v3/conversations/{E(conversationId)}/activities/{E(activityId)}"));
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
    }

    public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, Build(serviceUrl, "v3/conversations"), parameters, Json.ConversationParameters, Json.ConversationResourceResponse, cancellationToken);

    public Task<PagedMembersResult> GetPagedMembersAsync(string serviceUrl, string conversationId, int? pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var query = new List<string>();
        if (pageSize is { } size)
        {
            query.Add($"pageSize={size}");
        }

        if (!string.IsNullOrEmpty(continuationToken))
        {
            query.Add($"continuationToken={E(continuationToken)}");
        }

        var path = $"v3/conversations/{E(conversationId)}/pagedmembers" + (query.Count > 0 ? "?" + string.Join('&', query) : string.Empty);
        return GetAsync(Build(serviceUrl, path), Json.PagedMembersResult, cancellationToken);
    }

    public Task<TeamsChannelAccount> GetMemberAsync(string serviceUrl, string conversationId, string userId, CancellationToken cancellationToken) =>
        GetAsync(Build(serviceUrl, $"v3/conversations/{E(conversationId)}/members/{E(userId)}"), Json.TeamsChannelAccount, cancellationToken);

    public Task<TeamDetails> GetTeamDetailsAsync(string serviceUrl, string teamId, CancellationToken cancellationToken) =>
        GetAsync(Build(serviceUrl, $"v3/teams/{E(teamId)}"), Json.TeamDetails, cancellationToken);

    public Task<ConversationList> GetTeamChannelsAsync(string serviceUrl, string teamId, CancellationToken cancellationToken) =>
        GetAsync(Build(serviceUrl, $"v3/teams/{E(teamId)}/conversations"), Json.ConversationList, cancellationToken);

    /// <summary>Joins a service URL and a relative path, keeping the service URL's own path (e.g. <c>/teams/</c>).</summary>
    public static Uri Build(string serviceUrl, string relativePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceUrl);
        if (!Uri.TryCreate(serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/", UriKind.Absolute, out var baseUri)
            || (baseUri.Scheme != Uri.UriSchemeHttps && baseUri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ConnectorException(0, "InvalidServiceUrl", "The service URL is not an absolute http(s) URL.");
        }

        return new Uri(baseUri, relativePath);
    }

    private static string E(string value) => Uri.EscapeDataString(value);

    private async Task<TResponse> SendAsync<TBody, TResponse>(
        HttpMethod method, Uri uri, TBody body, JsonTypeInfo<TBody> bodyType, JsonTypeInfo<TResponse> responseType, CancellationToken ct)
        where TResponse : class
    {
        // Buffered content, so the retry handler can send the same request again.
        using var request = new HttpRequestMessage(method, uri)
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, bodyType))
            {
                Headers = { ContentType = new("application/json") { CharSet = "utf-8" } },
            },
        };
        using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
        await EnsureSuccessAsync(response, ct).ConfigureAwait(false);
        return await ReadAsync(response, responseType, ct).ConfigureAwait(false);
    }

    private async Task<TResponse> GetAsync<TResponse>(Uri uri, JsonTypeInfo<TResponse> responseType, CancellationToken ct)
        where TResponse : class
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
        await EnsureSuccessAsync(response, ct).ConfigureAwait(false);
        return await ReadAsync(response, responseType, ct).ConfigureAwait(false)
            ?? throw new ConnectorException((int)response.StatusCode, "EmptyResponse", "The connector answered with an empty body.");
    }

    private static async Task<TResponse> ReadAsync<TResponse>(HttpResponseMessage response, JsonTypeInfo<TResponse> type, CancellationToken ct)
        where TResponse : class
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
        if (bytes.Length == 0)
        {
            // The Playground answers some calls with an empty body: treat it as an empty object.
            return JsonSerializer.Deserialize("{}"u8, type)!;
        }

        try
        {
            return JsonSerializer.Deserialize(bytes, type)!;
        }
        catch (JsonException ex)
        {
            throw new ConnectorException((int)response.StatusCode, "MalformedResponse", $"The connector's answer is not valid JSON: {ex.Message}");
        }
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        ErrorDetail? error = null;
        try
        {
            error = (await response.Content.ReadFromJsonAsync(Json.ErrorResponse, ct).ConfigureAwait(false))?.Error;
        }
        catch (JsonException)
        {
            // A non-JSON error body (a proxy's HTML page): the status code is all we can report.
        }

        var status = (int)response.StatusCode;
        throw new ConnectorException(status, error?.SubCode ?? error?.Code,
            $"The connector answered {status}{(error?.Message is { } m ? ": " + m : string.Empty)}.");
    }
}
