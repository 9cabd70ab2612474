using System.Net;
using System.Text.Json.Nodes;
using Dapper;
using ProBonoBot.Testing;

namespace ProBonoBot.Tests.Drafting;

/// <summary>Need → questions → brief (streamed) → leaders → approved draft project, through the running host (offline drafter).</summary>
public sealed class NeedFlowTests : IAsyncLifetime
{
    internal const string CompleteNeed =
        "The Riverside Farmers Market needs a new website. Our site does not work on phones and only one volunteer can update it. " +
        "We want vendors and opening days listed. It should go live before our spring season opens in April.";

    private const string AuthorAad = "aad-author-1";
    private const string AuthorId = "29:author-1";
    private BotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private string Url => _bot.Connector.ServiceUrl;

    internal static JsonNode? CardOf(RecordedRequest r) => r.Json?["attachments"]?[0]?["content"];

    internal static string? StreamType(RecordedRequest r) =>
        r.Json?["entities"]?.AsArray().FirstOrDefault(e => (string?)e?["type"] == "streaminfo")?["streamType"]?.ToString();

    private Task<HttpResponseMessage> AuthorSaysAsync(string text) =>
        _bot.PostAsync(Activities.Message(Url, text, conversationId: "a:author", fromAad: AuthorAad, fromId: AuthorId, fromName: "Aiko Mori"));

    private async Task<RecordedRequest> NextAsync(Func<RecordedRequest, bool> predicate, int timeoutSeconds = 15) =>
        (await _bot.Connector.WaitForAsync(rs => rs.Any(predicate), TimeSpan.FromSeconds(timeoutSeconds))).First(predicate);

    private async Task<JsonNode> BriefCardAsync() =>
        CardOf(await NextAsync(r => StreamType(r) == "final" && CardOf(r) is not null))!;

    [Fact]
    public async Task PastedNeed_Complete_StreamsInformativeUpdateThenBriefCard()
    {
        var response = await AuthorSaysAsync(CompleteNeed);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var informative = await NextAsync(r => StreamType(r) == "informative");
        Assert.Equal("typing", (string?)informative.Json!["type"]);
        Assert.Equal(1, (int?)informative.Json["entities"]!.AsArray().First(e => (string?)e?["type"] == "streaminfo")!["streamSequence"]);
        var final = await NextAsync(r => StreamType(r) == "final");
        Assert.Equal("message", (string?)final.Json!["type"]);
        Assert.False(string.IsNullOrEmpty(final.Json["entities"]!.AsArray().First(e => (string?)e?["type"] == "streaminfo")!["streamId"]?.ToString()));
        var card = CardOf(final)!.ToJsonString();
        Assert.Contains("Riverside Farmers Market", card, StringComparison.Ordinal);
        Assert.Contains("Drafted without an AI model", card, StringComparison.Ordinal);
        Assert.Contains("briefSend", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewNeed_InChannel_TypingThenBriefPostedInTheThread()
    {
        await _bot.PostAsync(Activities.ChannelMessage(Url, "new need: " + CompleteNeed));

        var typing = await NextAsync(r => (string?)r.Json?["type"] == "typing");
        Assert.Contains(Uri.EscapeDataString("19:team0123@thread.tacv2;messageid=1763600523456"), typing.RawTarget, StringComparison.Ordinal);
        var posted = await NextAsync(r => CardOf(r) is not null);
        Assert.Null(StreamType(posted));
        Assert.Contains(Uri.EscapeDataString("19:team0123@thread.tacv2;messageid=1763600523456"), posted.RawTarget, StringComparison.Ordinal);
        Assert.Contains("Riverside Farmers Market", CardOf(posted)!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewNeed_MissingFacts_AsksQuestionsThenDraftsWithAnswers()
    {
        await AuthorSaysAsync("new need: our volunteers keep losing track of the donated tools we lend out to families.");
        var first = await NextAsync(r => ((string?)r.Json?["text"])?.StartsWith("Which organisation", StringComparison.Ordinal) == true);
        Assert.NotNull(first);

        await AuthorSaysAsync("Hope Harbor Foundation, contact: Ms Ono");
        await NextAsync(r => ((string?)r.Json?["text"])?.StartsWith("Is there a deadline", StringComparison.Ordinal) == true);
        await AuthorSaysAsync("skip");

        var card = (await BriefCardAsync()).ToJsonString();
        Assert.Contains("Hope Harbor Foundation", card, StringComparison.Ordinal);
        Assert.Contains("To confirm", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShortMessage_NotTakenAsNeed_BotSaysItDidNotUnderstand()
    {
        // Not a greeting: since issue 12 "hello there" is answered with a greeting card instead.
        await AuthorSaysAsync("see you at the meetup");

        var reply = await NextAsync(r => r.Json?["text"] is not null);
        Assert.DoesNotContain("brief", (string?)reply.Json!["text"], StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await _bot.Db.ReadAsync(c => c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM needs"), default));
    }

    [Fact]
    public async Task SendApprove_LeaderApproves_DraftProjectCreatedAndAuthorTold()
    {
        await AuthorSaysAsync(CompleteNeed);
        await BriefCardAsync();
        await _bot.PostAsync(Activities.Message(Url, "hi", conversationId: "a:personal-1")); // the leader's 1:1 chat exists

        var send = await _bot.PostAsync(Activities.Submit(Url, new JsonObject { ["verb"] = "briefSend", ["brief"] = 1, ["version"] = 1 }, conversationId: "a:author", fromAad: AuthorAad, fromId: AuthorId, fromName: "Aiko Mori"));
        Assert.Equal(HttpStatusCode.OK, send.StatusCode);
        var review = await NextAsync(r => CardOf(r)?.ToJsonString().Contains("briefApprove", StringComparison.Ordinal) == true);
        Assert.Contains("Aiko Mori", CardOf(review)!.ToJsonString(), StringComparison.Ordinal);

        await _bot.PostAsync(Activities.Submit(Url, new JsonObject { ["verb"] = "briefApprove", ["brief"] = 1, ["version"] = 1 }));
        await _bot.PostAsync(Activities.Submit(Url, new JsonObject { ["verb"] = "briefApprove", ["brief"] = 1, ["version"] = 1 }));

        await NextAsync(r => ((string?)r.Json?["text"])?.StartsWith("Good news", StringComparison.Ordinal) == true);
        var projects = (await _bot.Db.ReadAsync(c => c.QueryAsync<(long Number, long Status, string Partner)>("SELECT number, status, partner FROM projects"), default)).ToList();
        var project = Assert.Single(projects);
        Assert.Equal(0, project.Status);
        Assert.Equal("Riverside Farmers Market", project.Partner);
    }

    [Fact]
    public async Task SendBrief_NotTheAuthor_RefusedAndNothingSent()
    {
        await AuthorSaysAsync(CompleteNeed);
        await BriefCardAsync();

        await _bot.PostAsync(Activities.Submit(Url, new JsonObject { ["verb"] = "briefSend", ["brief"] = 1, ["version"] = 1 }));

        await NextAsync(r => ((string?)r.Json?["text"])?.StartsWith("Only the person who wrote", StringComparison.Ordinal) == true);
        Assert.Equal(0, await _bot.Db.ReadAsync(c => c.ExecuteScalarAsync<int>("SELECT status FROM briefs WHERE id = 1"), default));
    }

    [Fact]
    public async Task SaveBrief_StaleVersion_RefusedAndBriefUnchanged()
    {
        await AuthorSaysAsync(CompleteNeed);
        await BriefCardAsync();
        var edit = new JsonObject { ["verb"] = "briefSave", ["brief"] = 1, ["version"] = 1, ["title"] = "Market website v2" };
        await _bot.PostAsync(Activities.Submit(Url, edit, conversationId: "a:author", fromAad: AuthorAad, fromId: AuthorId));
        await NextAsync(r => r.Method == "PUT" && CardOf(r)?.ToJsonString().Contains("Market website v2", StringComparison.Ordinal) == true);

        var tampered = edit.DeepClone().AsObject();
        tampered["title"] = "Tampered";
        await _bot.PostAsync(Activities.Submit(Url, tampered, conversationId: "a:author", fromAad: AuthorAad, fromId: AuthorId));

        await NextAsync(r => ((string?)r.Json?["text"])?.StartsWith("This card shows version 1", StringComparison.Ordinal) == true);
        var json = await _bot.Db.ReadAsync(c => c.ExecuteScalarAsync<string>("SELECT brief_json FROM briefs WHERE id = 1"), default);
        Assert.Contains("Market website v2", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Add a translator for the English version of the vendor list", "en", "Translator")]
    [InlineData("Please write it in Japanese", "ja", "。")]
    public async Task Regenerate_WithInstruction_NewVersionAppliesItInTheAskedLanguage(string instruction, string language, string expected)
    {
        await AuthorSaysAsync(CompleteNeed);
        await BriefCardAsync();

        var regenerate = new JsonObject { ["verb"] = "briefRegenerate", ["brief"] = 1, ["version"] = 1, ["instruction"] = instruction };
        await _bot.PostAsync(Activities.Submit(Url, regenerate, conversationId: "a:author", fromAad: AuthorAad, fromId: AuthorId));

        // Version 2 arrives as a second final message; "English version" asks for content, not for the brief's language.
        await _bot.Connector.WaitForAsync(rs => rs.Count(r => StreamType(r) == "final" && CardOf(r) is not null) >= 2, TimeSpan.FromSeconds(30));
        var row = await _bot.Db.ReadAsync(c => c.QuerySingleAsync<(long Version, string Language, string Json)>("SELECT version, language, brief_json FROM briefs WHERE id = 1"), default);
        Assert.Equal(2, row.Version);
        Assert.Equal(language, row.Language);
        Assert.Contains(expected, System.Text.RegularExpressions.Regex.Unescape(row.Json), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Needs_OverHourlyLimit_ClearMessageAndNoJob()
    {
        for (var i = 0; i < 10; i++)
        {
            await _bot.Db.WriteAsync(c => c.ExecuteAsync(
                "INSERT INTO drafting_jobs (kind, subject_id, person_aad, conversation_id, conversation_type, service_url, language, status, created_at, updated_at) VALUES ('brief', @i, @AuthorAad, 'a:author', 'personal', 'x', 'en', 2, @now, @now)",
                new { i, AuthorAad, now = DateTimeOffset.UtcNow }), default);
        }

        await AuthorSaysAsync(CompleteNeed);

        await NextAsync(r => ((string?)r.Json?["text"])?.Contains("which is the limit", StringComparison.Ordinal) == true);
        Assert.Equal(10, await _bot.Db.ReadAsync(c => c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM drafting_jobs"), default));
    }

    [Fact]
    public async Task Restart_JobRunningWhenStopped_FinishedAfterRestart()
    {
        var connectionString = _bot.Db.ConnectionString;
        await _bot.StopAsync();
        var now = DateTimeOffset.UtcNow;
        using var db = new ProBonoBot.Storage.Db(ProBonoBot.Storage.StorageProvider.Sqlite, connectionString);
        await db.WriteAsync(async c =>
        {
            await c.ExecuteAsync("INSERT INTO needs (author_aad, conversation_id, service_url, language, need_text, status, created_at, updated_at) VALUES (@AuthorAad, 'a:author', @Url, 'en', @CompleteNeed, 1, @now, @now)",
                new { AuthorAad, Url, CompleteNeed, now });
            await c.ExecuteAsync("INSERT INTO drafting_jobs (kind, subject_id, person_aad, conversation_id, conversation_type, service_url, language, status, attempts, lease_until, created_at, updated_at) VALUES ('brief', 1, @AuthorAad, 'a:author', 'personal', @Url, 'en', 1, 1, @lease, @now, @now)",
                new { AuthorAad, Url, lease = now.AddMinutes(10), now });
            return 0;
        }, default);

        await _bot.RestartAsync();

        var resumed = await NextAsync(r => StreamType(r) == "informative");
        Assert.Contains("restarted", (string?)resumed.Json!["text"], StringComparison.Ordinal);
        await BriefCardAsync();
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (await _bot.Db.ReadAsync(c => c.ExecuteScalarAsync<int>("SELECT status FROM drafting_jobs WHERE id = 1"), default) != 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal(2, await _bot.Db.ReadAsync(c => c.ExecuteScalarAsync<int>("SELECT status FROM drafting_jobs WHERE id = 1"), default));
        Assert.Equal(1, await _bot.Db.ReadAsync(c => c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM briefs"), default));
    }
}
