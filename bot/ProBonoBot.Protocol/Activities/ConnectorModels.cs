using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProBonoBot.Protocol.Activities;

/// <summary>The connector's answer to a send: the new activity's id.</summary>
public sealed record ResourceResponse(string? Id);

/// <summary>Body of <c>POST v3/conversations</c>.</summary>
public sealed class ConversationParameters
{
    public bool IsGroup { get; set; }
    public ChannelAccount? Bot { get; set; }
    public IList<ChannelAccount>? Members { get; set; }
    public string? TopicName { get; set; }
    public string? TenantId { get; set; }
    public Activity? Activity { get; set; }
    public TeamsChannelData? ChannelData { get; set; }
}

/// <summary>The connector's answer to create conversation.</summary>
public sealed record ConversationResourceResponse(string? Id, string? ActivityId, string? ServiceUrl);

/// <summary>A Teams member as the member APIs return it (no email or UPN any more).</summary>
public sealed class TeamsChannelAccount
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? AadObjectId { get; set; }
    public string? GivenName { get; set; }
    public string? Surname { get; set; }
    public string? TenantId { get; set; }
    public string? UserRole { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>One page of <c>pagedmembers</c>.</summary>
public sealed record PagedMembersResult(IReadOnlyList<TeamsChannelAccount>? Members, string? ContinuationToken);

/// <summary>Team details.</summary>
public sealed record TeamDetails(string? Id, string? Name, string? AadGroupId, int? ChannelCount, int? MemberCount);

/// <summary>The list of a team's channels.</summary>
public sealed record ConversationList(IReadOnlyList<ChannelInfo>? Conversations);

/// <summary>The connector's error body: <c>{"error":{"code","message"}}</c>.</summary>
public sealed record ErrorResponse(ErrorDetail? Error);

/// <summary>Error details; Teams puts reasons such as <c>MessageWritesBlocked</c> in <c>subCode</c> or <c>code</c>.</summary>
public sealed record ErrorDetail(string? Code, string? Message, string? SubCode);

/// <summary>The token endpoint's answer to a client-credentials request.</summary>
public sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("token_type")] string? TokenType);
