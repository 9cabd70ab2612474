using System.Net;
using System.Text.Json.Nodes;
using Dapper;
using ProBonoBot.Testing;
using static ProBonoBot.Tests.Drafting.NeedFlowTests;

namespace ProBonoBot.Tests.Drafting;

/// <summary>
/// Issue 11 (AI transparency): feedback buttons on the final drafted message, the <c>message/submitAction</c> feedback
/// invoke, Report a problem, and the leaders' summary — through the running host (offline drafter).
/// </summary>
public sealed class FeedbackFlowTests : IAsyncLifetime
{
    private const string AuthorAad = "aad-author-1";
    private const string AuthorId = "29:author-1";
    private const string AuthorChat = "a:author";
    private BotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private string Url => _bot.Connector.ServiceUrl;

    private async Task<RecordedRequest> NextAsync(Func<RecordedRequest, bool> predicate, int timeoutSeconds = 15) =>
        (await _bot.Connector.WaitForAsync(rs => rs.Any(predicate), TimeSpan.FromSeconds(timeoutSeconds))).First(predicate);

    /// <summary>The author pastes a need; the brief arrives as the stream's final message. Returns that message and the stream's id.</summary>
    private async Task<(RecordedRequest Final, string StreamId)> DraftBriefAsync()
    {
        await _bot.PostAsync(Activities.Message(Url, CompleteNeed, conversationId: AuthorChat, fromAad: AuthorAad, fromId: AuthorId, fromName: "Aiko Mori"));
        var final = await NextAsync(r => StreamType(r) == "final" && CardOf(r) is not null, 30);
        var streamId = (string)final.Json!["entities"]!.AsArray().First(e => (string?)e?["type"] == "streaminfo")!["streamId"]!;
        // The draft's message is remembered right after the send returns.
        await WaitForAsync(() => _bot.Db.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM draft_messages"), default), n => n >= 2);
        return (final, streamId);
    }

    private static async Task WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        for (var i = 0; i < 100 && !done(await read()); i++)
        {
            await Task.Delay(50);
        }
    }

    /// <summary>The invoke Teams sends when someone submits the feedback form under a message.</summary>
    private JsonObject FeedbackInvoke(string? replyToId, string reaction = "like", JsonNode? feedback = null, string? id = null,
        string conversationId = AuthorChat, string fromAad = AuthorAad, string actionName = "feedback")
    {
        var activity = Activities.Personal(Url, "invoke", conversationId, id: id, fromAad: fromAad, fromId: AuthorId, fromName: "Aiko Mori");
        activity["name"] = "message/submitAction";
        activity["replyToId"] = replyToId;
        activity["value"] = new JsonObject
        {
            ["actionName"] = actionName,
            ["actionValue"] = new JsonObject { ["reaction"] = reaction, ["feedback"] = feedback ?? "{\"feedbackText\":\"\"}" },
        };
        return activity;
    }

    private Task<List<(string Kind, string SubjectKind, long SubjectId, string? Comment, string? Category)>> FeedbackRowsAsync() =>
        _bot.Db.ReadAsync(async c => (await c.QueryAsync<(string, string, long, string?, string?)>(
            "SELECT kind, subject_kind, subject_id, comment, category FROM draft_feedback ORDER BY id")).ToList(), default);

    private static string FeedbackText(string text) => new JsonObject { ["feedbackText"] = text }.ToJsonString();

    [Fact]
    public async Task DraftedBrief_PersonalChat_FeedbackLoopOnlyOnTheFinalMessage()
    {
        var (final, _) = await DraftBriefAsync();

        Assert.Equal("default", (string?)final.Json!["channelData"]!["feedbackLoop"]!["type"]);
        Assert.Null(final.Json["channelData"]!["feedbackLoopEnabled"]);
        var updates = _bot.Connector.Activities.Where(r => StreamType(r) is "informative" or "streaming").ToList();
        Assert.NotEmpty(updates);
        Assert.All(updates, u => Assert.Null(u.Json!["channelData"]?["feedbackLoop"]));
    }

    [Fact]
    public async Task FeedbackInvoke_Like_Stored200EmptyBody()
    {
        var (_, streamId) = await DraftBriefAsync();

        var response = await _bot.PostAsync(FeedbackInvoke(streamId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        var row = Assert.Single(await FeedbackRowsAsync());
        Assert.Equal(("like", "brief", 1L, (string?)null, (string?)null), row);
    }

    [Fact]
    public async Task FeedbackInvoke_DislikeWithText_TextStoredAndNothingSentToTheChat()
    {
        var (_, streamId) = await DraftBriefAsync();
        var sentBefore = _bot.Connector.Activities.Count;

        var response = await _bot.PostAsync(FeedbackInvoke(streamId, "dislike", FeedbackText("  The organisation is a place.  ")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        Assert.Equal("The organisation is a place.", Assert.Single(await FeedbackRowsAsync()).Comment);
        Assert.Equal(sentBefore, _bot.Connector.Activities.Count);
    }

    [Fact]
    public async Task FeedbackInvoke_Redelivered_StoredOnce()
    {
        var (_, streamId) = await DraftBriefAsync();
        var invoke = FeedbackInvoke(streamId, "dislike", FeedbackText("Too long"), id: "invoke-1");

        var first = await _bot.PostAsync(invoke);
        var again = await _bot.PostAsync(invoke);
        var sameContentNewId = await _bot.PostAsync(FeedbackInvoke(streamId, "dislike", FeedbackText("Too long"), id: "invoke-2"));

        Assert.All([first, again, sameContentNewId], r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(string.Empty, await again.Content.ReadAsStringAsync());
        Assert.Single(await FeedbackRowsAsync());
    }

    public static TheoryData<string, string, string> BadValues => new()
    {
        { "unknown reaction", "love", "{\"feedbackText\":\"hi\"}" },
        { "NUL escaped inside the form's JSON (issue 11 review, item 1)", "dislike", "{\"feedbackText\":\"a\\u0000b\"}" },
        { "lone surrogate escaped inside the form's JSON", "dislike", "{\"feedbackText\":\"a\\ud83d\"}" },
        { "feedback that is not JSON", "dislike", "just some words" },
        { "feedbackText that is not a string", "like", "{\"feedbackText\":42}" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task FeedbackInvoke_BadValue_400AndNothingStored(string what, string reaction, string feedback)
    {
        var (_, streamId) = await DraftBriefAsync();

        var response = await _bot.PostAsync(FeedbackInvoke(streamId, reaction, feedback));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, what);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        Assert.Empty(await FeedbackRowsAsync());
    }

    [Fact]
    public async Task FeedbackInvoke_TextOver2000Characters_StoredCut200()
    {
        // Issue 11 review, item 4: a 400 would show the person an error and lose their words.
        var (_, streamId) = await DraftBriefAsync();

        var response = await _bot.PostAsync(FeedbackInvoke(streamId, "dislike", FeedbackText(new string('x', 1999) + "😀 more")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new string('x', 1999), Assert.Single(await FeedbackRowsAsync()).Comment);
    }

    [Fact]
    public async Task FeedbackInvoke_OtherActionName_400AndNothingStored()
    {
        var (_, streamId) = await DraftBriefAsync();

        var response = await _bot.PostAsync(FeedbackInvoke(streamId, actionName: "somethingElse"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await FeedbackRowsAsync());
    }

    [Theory]
    [InlineData("activity-that-is-no-draft")]
    [InlineData(null)]
    public async Task FeedbackInvoke_UnknownOrMissingMessage_200AndNothingStored(string? replyToId)
    {
        await DraftBriefAsync();

        var response = await _bot.PostAsync(FeedbackInvoke(replyToId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        Assert.Empty(await FeedbackRowsAsync());
    }

    [Fact]
    public async Task FeedbackInvoke_DraftPostedInChannelThread_FoundByTheChannelAndMessageId()
    {
        await _bot.PostAsync(Activities.ChannelMessage(Url, "new need: " + CompleteNeed));
        await NextAsync(r => CardOf(r) is not null, 30);
        await WaitForAsync(() => _bot.Db.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM draft_messages"), default), n => n >= 1);
        var (conversation, activityId) = await _bot.Db.ReadAsync(c => c.QuerySingleAsync<(string, string)>("SELECT conversation_id, activity_id FROM draft_messages"), default);
        Assert.Equal("19:team0123@thread.tacv2", conversation);

        var invoke = FeedbackInvoke(activityId, "like", conversationId: "19:team0123@thread.tacv2;messageid=1763600523456", fromAad: "aad-kenji");
        var response = await _bot.PostAsync(invoke);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("like", Assert.Single(await FeedbackRowsAsync()).Kind);
    }

    private JsonObject Report(string? category = "facts", string? details = "Deadline: cancel is not a date.", long brief = 1, string fromAad = AuthorAad,
        string conversationId = AuthorChat)
    {
        var value = new JsonObject { ["verb"] = "draftReport", ["brief"] = brief };
        if (category is not null)
        {
            value["reportCategory"] = category;
        }

        if (details is not null)
        {
            value["reportDetails"] = details;
        }

        return Activities.Submit(Url, value, conversationId, fromAad, AuthorId, "Aiko Mori");
    }

    private Task<long> LeaderNoticesAsync() => _bot.Db.ReadAsync(c => c.ExecuteScalarAsync<long>(
        "SELECT COUNT(*) FROM outbox WHERE user_aad = @leader AND activity LIKE '%reported a problem%'", new { leader = Activities.UserAad }), default);

    [Fact]
    public async Task Report_DoubleClick_StoredOnceLeadersToldOnceAuthorThanked()
    {
        await DraftBriefAsync();

        await _bot.PostAsync(Report());
        await _bot.PostAsync(Report());

        await NextAsync(r => ((string?)r.Json?["text"])?.StartsWith("Thank you — your report went to the club's leaders", StringComparison.Ordinal) == true);
        var row = Assert.Single(await FeedbackRowsAsync());
        Assert.Equal(("report", "brief", 1L, "Deadline: cancel is not a date.", "facts"), (row.Kind, row.SubjectKind, row.SubjectId, row.Comment, row.Category));
        Assert.Equal(1, await LeaderNoticesAsync());
    }

    [Fact]
    public async Task Report_LeaderNotice_NamesReporterDraftAndCategoryEscaped()
    {
        await DraftBriefAsync();

        await _bot.PostAsync(Report("harmful", "[click](https://evil.example) please"));

        await WaitForAsync(LeaderNoticesAsync, n => n == 1);
        var activity = await _bot.Db.ReadAsync(c => c.ExecuteScalarAsync<string>("SELECT activity FROM outbox WHERE activity LIKE '%reported a problem%'"), default);
        var text = (string)JsonNode.Parse(activity!)!["text"]!;
        Assert.Contains("Aiko Mori reported a problem with brief #1", text, StringComparison.Ordinal);
        Assert.Contains("**Harmful or offensive**", text, StringComparison.Ordinal);
        Assert.Contains(@"\[click\](https://evil.example) please", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_SameDraftAgainWithOtherWords_AnsweredAlreadyReportedLeadersToldOnce()
    {
        // Issue 11 review, item 3: leaders are told once per reporter and draft a day.
        await DraftBriefAsync();

        await _bot.PostAsync(Report("facts", "First words"));
        await WaitForAsync(LeaderNoticesAsync, n => n == 1);
        await _bot.PostAsync(Report("harmful", "Other words"));

        await NextAsync(r => ((string?)r.Json?["text"])?.StartsWith("You've already reported this draft", StringComparison.Ordinal) == true);
        Assert.Single(await FeedbackRowsAsync());
        Assert.Equal(1, await LeaderNoticesAsync());
    }

    [Fact]
    public async Task Report_SixthReportOfTheDay_DailyLimitNothingStoredNoNotice()
    {
        await DraftBriefAsync();
        var store = new ProBonoBot.Drafting.Feedback.FeedbackStore(_bot.Db, TimeProvider.System);
        for (var i = 0; i < 5; i++)
        {
            await store.AddAsync("report", new ProBonoBot.Drafting.Feedback.DraftRef("manual", 100 + i), "other", null, AuthorAad, "Aiko Mori", $"seed-{i}", default);
        }

        await _bot.PostAsync(Report());

        await NextAsync(r => ((string?)r.Json?["text"])?.StartsWith("You've sent the most reports", StringComparison.Ordinal) == true);
        Assert.Equal(5, (await FeedbackRowsAsync()).Count);
        Assert.Equal(0, await LeaderNoticesAsync());
    }

    [Fact]
    public async Task Report_ChannelMemberOnTheBriefPostedThere_Accepted()
    {
        // Issue 11 review, item 7: anyone who sees the card in the channel may report it; the card action comes from that channel.
        await _bot.PostAsync(Activities.ChannelMessage(Url, "new need: " + CompleteNeed));
        await NextAsync(r => CardOf(r) is not null, 30);
        await WaitForAsync(() => _bot.Db.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM draft_messages"), default), n => n >= 1);

        await _bot.PostAsync(Report(fromAad: "aad-kenji", conversationId: "19:team0123@thread.tacv2;messageid=1763600523456"));

        await WaitForAsync(FeedbackRowsAsync, rows => rows.Count == 1);
        Assert.Equal("report", Assert.Single(await FeedbackRowsAsync()).Kind);
    }

    [Fact]
    public async Task Report_NoCategory_AskedToChooseAndNothingStored()
    {
        await DraftBriefAsync();

        await _bot.PostAsync(Report(category: null));

        await NextAsync(r => ((string?)r.Json?["text"])?.StartsWith("Choose what is wrong", StringComparison.Ordinal) == true);
        Assert.Empty(await FeedbackRowsAsync());
    }

    [Fact]
    public async Task Report_SomeoneWhoCannotSeeTheBrief_RefusedAndNothingStored()
    {
        await DraftBriefAsync();

        await _bot.PostAsync(Report(fromAad: "aad-stranger", conversationId: "a:stranger"));

        await NextAsync(r => ((string?)r.Json?["text"])?.StartsWith("I can no longer find that draft", StringComparison.Ordinal) == true);
        Assert.Empty(await FeedbackRowsAsync());
        Assert.Equal(0, await LeaderNoticesAsync());
    }

    [Fact]
    public async Task Summary_Leader_CountsAndReportBeforeComments()
    {
        var (_, streamId) = await DraftBriefAsync();
        await _bot.PostAsync(FeedbackInvoke(streamId, "dislike", FeedbackText("Misses the subsidy report"), fromAad: "aad-other"));
        await _bot.PostAsync(Report());
        await WaitForAsync(FeedbackRowsAsync, rows => rows.Count == 2);

        await _bot.PostAsync(Activities.Message(Url, "feedback"));

        var summary = await NextAsync(r => CardOf(r)?.ToJsonString().Contains("Feedback on drafts", StringComparison.Ordinal) == true);
        var body = CardOf(summary)!["body"]!.AsArray();
        var facts = body.First(b => (string?)b!["type"] == "FactSet")!["facts"]!.AsArray();
        Assert.Equal(("Briefs", "👍 0 · 👎 1 · reports 1"), ((string?)facts[0]!["title"], (string?)facts[0]!["value"]));
        var texts = body.Select(b => (string?)b!["text"] ?? string.Empty).ToList();
        var report = texts.FindIndex(t => t.StartsWith("**⚠️ Report: Wrong facts**", StringComparison.Ordinal));
        var dislike = texts.FindIndex(t => t.Contains("Misses the subsidy report", StringComparison.Ordinal));
        Assert.True(report >= 0 && dislike > report, string.Join(" | ", texts));
    }

    [Fact]
    public async Task Summary_NonLeader_SameRefusalAsOtherLeaderCommands()
    {
        await _bot.PostAsync(Activities.Message(Url, "フィードバック", fromAad: AuthorAad, conversationId: AuthorChat));

        var answer = await NextAsync(r => r.Json?["text"] is not null);
        Assert.StartsWith("この操作はプロボノ部のリーダーだけが行えます。", (string?)answer.Json!["text"], StringComparison.Ordinal);
        Assert.DoesNotContain(_bot.Connector.Activities, r => CardOf(r)?.ToJsonString().Contains("Feedback on drafts", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Summary_LeaderAsksInChannel_CardInPersonalChatAndPointerInChannel()
    {
        await _bot.PostAsync(Activities.Message(Url, "hi")); // the leader's 1:1 chat is known
        var inChannel = Activities.ChannelMessage(Url, "feedback");
        inChannel["from"] = new JsonObject { ["id"] = Activities.UserId, ["name"] = "Haruka Sato", ["aadObjectId"] = Activities.UserAad };

        await _bot.PostAsync(inChannel);

        var card = await NextAsync(r => CardOf(r)?.ToJsonString().Contains("Feedback on drafts", StringComparison.Ordinal) == true);
        Assert.Contains(Uri.EscapeDataString("a:personal-1"), card.RawTarget, StringComparison.Ordinal);
        var pointer = await NextAsync(r => ((string?)r.Json?["text"])?.Contains("1:1 chat", StringComparison.Ordinal) == true);
        Assert.Contains(Uri.EscapeDataString("19:team0123@thread.tacv2"), pointer.RawTarget, StringComparison.Ordinal);
    }
}
