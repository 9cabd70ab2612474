using System.Net;
using System.Text.Json.Nodes;
using Dapper;
using ProBonoBot.Cards;
using ProBonoBot.Testing;
using static ProBonoBot.Tests.Drafting.NeedFlowTests;

namespace ProBonoBot.Tests.Drafting;

/// <summary>Manuals for project members, and the whole bot drafting against the OpenAI-compatible stub as its real provider.</summary>
public sealed class ManualAndProviderFlowTests : IAsyncLifetime
{
    private const string MemberAad = "aad-member-1";
    private BotHost _bot = null!;
    private OpenAIStub _stub = null!;

    public async Task InitializeAsync()
    {
        _stub = await OpenAIStub.StartAsync();
        _bot = await BotHost.StartAsync(extra: new Dictionary<string, string?>
        {
            ["Drafting:Provider"] = "OpenAICompatible",
            ["Drafting:Endpoint"] = _stub.Endpoint,
            ["Drafting:Model"] = "stub-model",
            ["Drafting:MaxRetries"] = "0",
            ["Drafting:StreamInterval"] = "00:00:01",
            ["Bot:PublicBaseUrl"] = "http://127.0.0.1",
        });
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _stub.DisposeAsync();
    }

    private string Url => _bot.Connector.ServiceUrl;

    private async Task<RecordedRequest> NextAsync(Func<RecordedRequest, bool> predicate, int timeoutSeconds = 15) =>
        (await _bot.Connector.WaitForAsync(rs => rs.Any(predicate), TimeSpan.FromSeconds(timeoutSeconds))).First(predicate);

    private async Task<long> CreateProjectAsync()
    {
        var now = DateTimeOffset.UtcNow;
        return await _bot.Db.WriteAsync(async c =>
        {
            var number = await c.ExecuteScalarAsync<long>(
                "INSERT INTO projects (title, partner, summary, hours_per_week, work_mode, language, leader_aad, leader_name, status, card_version, created_at, updated_at) VALUES ('Market website', 'Riverside Farmers Market', 'A new website', 5, 0, 'en', 'aad-project-leader', 'Aiko Mori', 1, 1, @now, @now) RETURNING number",
                new { now });
            await c.ExecuteAsync("INSERT INTO project_roles (project_number, role_number, name, skills, seats) VALUES (@number, 1, 'Web designer', 'Figma', 2)", new { number });
            await c.ExecuteAsync("INSERT INTO signups (project_number, role_number, user_aad, user_name, status, created_at, updated_at) VALUES (@number, 1, @MemberAad, 'Kenji Tanaka', 0, @now, @now)", new { number, MemberAad, now });
            return number;
        }, default);
    }

    [Fact]
    public async Task PastedNeed_StubProvider_StreamsModelTextThenModelBrief()
    {
        _stub.Default = new StubReply(StubMode.Content, ModelDraftingTests.ModelBrief(Language.English).Replace("\"language\":\"ja\"", "\"language\":\"en\"", StringComparison.Ordinal));

        await _bot.PostAsync(Activities.Message(Url, CompleteNeed, fromAad: "aad-author-2", conversationId: "a:author-2"));

        var final = await NextAsync(r => StreamType(r) == "final", 30);
        var card = CardOf(final)!.ToJsonString();
        Assert.Contains("MODEL:", card, StringComparison.Ordinal);
        Assert.Contains("Drafted with an AI model (stub-model)", card, StringComparison.Ordinal);
        var updates = _bot.Connector.Activities.Where(r => StreamType(r) is "informative" or "streaming").Select(r => (int)r.Json!["entities"]!.AsArray().First(e => (string?)e?["type"] == "streaminfo")!["streamSequence"]!).ToList();
        Assert.Equal(Enumerable.Range(1, updates.Count), updates);
        Assert.Contains("<need>", (string?)_stub.Requests[0].Body["messages"]![1]!["content"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task PastedNeed_StreamStoppedByUser_ResultSentAsNormalMessage()
    {
        _stub.Default = new StubReply(StubMode.ServerError);
        _bot.Connector.FailWhen(r => r.Json?["entities"]?.ToJsonString().Contains("\"final\"", StringComparison.Ordinal) == true,
            new Fault(403, ErrorCode: "ContentStreamNotAllowed"));

        await _bot.PostAsync(Activities.Message(Url, CompleteNeed, fromAad: "aad-author-3", conversationId: "a:author-3"));

        var plain = await NextAsync(r => r.Json?["type"]?.ToString() == "message" && CardOf(r) is not null && StreamType(r) is null, 30);
        Assert.Contains("the service returned an error", CardOf(plain)!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Manual_NonMember_RefusedAndNoJob()
    {
        var number = await CreateProjectAsync();

        await _bot.PostAsync(Activities.Message(Url, $"manual {number}", fromAad: "aad-stranger", conversationId: "a:stranger"));

        await NextAsync(r => ((string?)r.Json?["text"])?.StartsWith("Manuals are for the confirmed members", StringComparison.Ordinal) == true);
        Assert.Equal(0, await _bot.Db.ReadAsync(c => c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM drafting_jobs"), default));
    }

    [Fact]
    public async Task Manual_TamperedProjectInCard_Refused()
    {
        var number = await CreateProjectAsync();

        var response = await _bot.PostAsync(Activities.Submit(Url, new JsonObject { ["verb"] = "manualCreate", ["project"] = number, ["kind"] = "operational" }, fromAad: "aad-stranger", conversationId: "a:stranger"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await NextAsync(r => ((string?)r.Json?["text"])?.StartsWith("Manuals are for the confirmed members", StringComparison.Ordinal) == true);
        Assert.Equal(0, await _bot.Db.ReadAsync(c => c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM drafting_jobs"), default));
    }

    [Fact]
    public async Task Manual_MemberAsks_CardWithSectionsAndDownloadForThatMemberOnly()
    {
        var number = await CreateProjectAsync();
        _stub.Default = new StubReply(StubMode.Content, "# Operational manual — Market website\n\n## Roles\n- Web designer: Kenji Tanaka\n\n## Communication\n- Project channel, replies within 2 days\n\n## Meetings\n- Weekly, 30 minutes\n");

        await _bot.PostAsync(Activities.Submit(Url, new JsonObject { ["verb"] = "manualCreate", ["project"] = number, ["kind"] = "operational" }, fromAad: MemberAad, conversationId: "a:member"));

        var final = await NextAsync(r => StreamType(r) == "final", 30);
        var card = CardOf(final)!;
        Assert.Contains("Kenji Tanaka", card.ToJsonString(), StringComparison.Ordinal);
        var url = card["actions"]!.AsArray().First(a => (string?)a?["type"] == "Action.OpenUrl")!["url"]!.ToString();
        var path = new Uri(url).PathAndQuery;
        var download = await _bot.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.StartsWith("text/markdown", download.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        Assert.Contains("## Communication", await download.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var forged = await _bot.Client.GetAsync(path.Replace(Uri.EscapeDataString(MemberAad), "aad-stranger", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);

        await _bot.Db.WriteAsync(c => c.ExecuteAsync("UPDATE signups SET status = 3"), default);
        var afterWithdrawal = await _bot.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Forbidden, afterWithdrawal.StatusCode);
    }

    [Fact]
    public async Task Manual_ModelDrafted_FinalMessageHasFeedbackButtonsAndMembersCanReportIt()
    {
        // Issue 11: feedback buttons on the manual's final message; its Report a problem is open to the project's members.
        var number = await CreateProjectAsync();
        _stub.Default = new StubReply(StubMode.Content, "# Manual\n\n## Roles\n- a\n\n## Communication\n- b\n\n## Meetings\n- c\n");
        await _bot.PostAsync(Activities.Submit(Url, new JsonObject { ["verb"] = "manualCreate", ["project"] = number, ["kind"] = "operational" }, fromAad: MemberAad, conversationId: "a:member"));

        var final = await NextAsync(r => StreamType(r) == "final", 30);
        Assert.Equal("default", (string?)final.Json!["channelData"]!["feedbackLoop"]!["type"]);
        Assert.All(_bot.Connector.Activities.Where(r => StreamType(r) is "informative" or "streaming"), u => Assert.Null(u.Json!["channelData"]?["feedbackLoop"]));

        var manualId = await _bot.Db.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT id FROM manuals"), default);
        await _bot.PostAsync(Activities.Submit(Url, new JsonObject { ["verb"] = "draftReport", ["manual"] = manualId, ["reportCategory"] = "private" }, fromAad: MemberAad, conversationId: "a:member"));
        // The two conversations' turns run side by side: the member's report is stored once they are thanked.
        await NextAsync(r => ((string?)r.Json?["text"])?.StartsWith("Thank you — your report", StringComparison.Ordinal) == true);
        await _bot.PostAsync(Activities.Submit(Url, new JsonObject { ["verb"] = "draftReport", ["manual"] = manualId, ["reportCategory"] = "private" }, fromAad: "aad-stranger", conversationId: "a:stranger"));

        await NextAsync(r => ((string?)r.Json?["text"])?.StartsWith("I can no longer find that draft", StringComparison.Ordinal) == true);
        var reports = (await _bot.Db.ReadAsync(c => c.QueryAsync<(string Kind, string Subject, string Person)>("SELECT kind, subject_kind, person_aad FROM draft_feedback"), default)).ToList();
        Assert.Equal([("report", "manual", MemberAad)], reports);
    }

    [Fact]
    public async Task Manual_Revision_NewVersionUsesPreviousAndInstruction()
    {
        var number = await CreateProjectAsync();
        _stub.Default = new StubReply(StubMode.Content, "# Manual\n\n## Roles\n- a\n\n## Communication\n- b\n\n## Meetings\n- c\n");
        await _bot.PostAsync(Activities.Submit(Url, new JsonObject { ["verb"] = "manualCreate", ["project"] = number, ["kind"] = "phase" }, fromAad: MemberAad, conversationId: "a:member"));
        await NextAsync(r => StreamType(r) == "final", 30);
        _bot.Connector.Clear();

        await _bot.PostAsync(Activities.Submit(Url, new JsonObject { ["verb"] = "manualRevise", ["manual"] = 1, ["instruction"] = "Add a checklist for the kickoff." }, fromAad: MemberAad, conversationId: "a:member"));

        var final = await NextAsync(r => StreamType(r) == "final", 30);
        Assert.Contains("version 2", CardOf(final)!.ToJsonString(), StringComparison.Ordinal);
        var prompt = (string?)_stub.Requests[^1].Body["messages"]![1]!["content"];
        Assert.Contains("<previous>", prompt, StringComparison.Ordinal);
        Assert.Contains("<instruction>\nAdd a checklist for the kickoff.\n</instruction>", prompt, StringComparison.Ordinal);
    }
}
