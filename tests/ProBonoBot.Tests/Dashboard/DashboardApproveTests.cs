using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Dapper;
using ProBonoBot.Testing;
using ProBonoBot.Tests.Drafting;

namespace ProBonoBot.Tests.Dashboard;

/// <summary>Approving a brief from the tab runs the chat's Approve (BriefApproval): a Draft project, the author told, one state.</summary>
public sealed class DashboardApproveTests : IAsyncLifetime
{
    private const string Audience = $"api://bot.example.com/botid-{BotHost.AppId}";
    private const string AuthorAad = "aad-author-1";
    private BotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync(extra: new() { ["Bot:PublicBaseUrl"] = "https://bot.example.com" });

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private string Url => _bot.Connector.ServiceUrl;

    private async Task<RecordedRequest> NextAsync(Func<RecordedRequest, bool> predicate) =>
        (await _bot.Connector.WaitForAsync(rs => rs.Any(predicate), TimeSpan.FromSeconds(15))).First(predicate);

    private async Task SentBriefAsync()
    {
        await _bot.PostAsync(Activities.Message(Url, NeedFlowTests.CompleteNeed, conversationId: "a:author", fromAad: AuthorAad, fromId: "29:author-1", fromName: "Aiko Mori"));
        await NextAsync(r => NeedFlowTests.StreamType(r) == "final" && NeedFlowTests.CardOf(r) is not null);
        await _bot.PostAsync(Activities.Message(Url, "hi", conversationId: "a:personal-1")); // the leader's 1:1 chat exists
        await _bot.PostAsync(Activities.Submit(Url, new JsonObject { ["verb"] = "briefSend", ["brief"] = 1, ["version"] = 1 }, conversationId: "a:author", fromAad: AuthorAad, fromId: "29:author-1", fromName: "Aiko Mori"));
        await NextAsync(r => NeedFlowTests.CardOf(r)?.ToJsonString().Contains("briefApprove", StringComparison.Ordinal) == true);
    }

    private async Task<HttpResponseMessage> ApproveAsync(long version, string oid = Activities.UserAad)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/dashboard/api/briefs/1/approve?lang=en")
        {
            Content = new StringContent($$"""{"version":{{version}}}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _bot.Issuer.UserToken(BotHost.TenantId, Audience, oid, "Haruka Sato"));
        return await _bot.Client.SendAsync(request);
    }

    private Task<long> CountAsync(string sql) => _bot.Db.ReadAsync(c => c.ExecuteScalarAsync<long>(sql), default);

    [Fact]
    public async Task ApproveBrief_FromTheTab_DraftProjectAuthorToldChatSeesItApproved()
    {
        await SentBriefAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await ApproveAsync(1, oid: AuthorAad)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await ApproveAsync(7)).StatusCode); // not the version the leader saw

        var response = await ApproveAsync(1);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (long)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["projectNumber"]!);
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM projects WHERE status = 0 AND partner = 'Riverside Farmers Market'"));
        await NextAsync(r => ((string?)r.Json?["text"])?.StartsWith("Good news", StringComparison.Ordinal) == true); // the author, in their chat
        // One set of rules: the chat's Approve and a second approval from the tab change nothing.
        await _bot.PostAsync(Activities.Submit(Url, new JsonObject { ["verb"] = "briefApprove", ["brief"] = 1, ["version"] = 1 }));
        Assert.Equal(HttpStatusCode.Conflict, (await ApproveAsync(1)).StatusCode);
        await Task.Delay(300);
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM projects"));
    }
}
