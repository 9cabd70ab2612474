using System.Net;
using System.Text.Json.Nodes;
using Dapper;
using ProBonoBot.Testing;

namespace ProBonoBot.Tests.Projects;

/// <summary>The leader and volunteer flows of issue 3 through the running host and the fake connector.</summary>
public sealed class ProjectFlowTests : IAsyncLifetime
{
    private const string VolunteerAad = "aad-volunteer-1";
    private const string VolunteerId = "29:volunteer-1";
    private BotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private string Url => _bot.Connector.ServiceUrl;

    private static JsonNode? CardOf(RecordedRequest r) => r.Json?["attachments"]?[0]?["content"];

    private static JsonObject ValidForm() => Activities.ProjectForm();

    private async Task<RecordedRequest> NextActivityAsync(Func<RecordedRequest, bool> predicate, int timeoutSeconds = 10)
    {
        var all = await _bot.Connector.WaitForAsync(rs => rs.Any(predicate), TimeSpan.FromSeconds(timeoutSeconds));
        return all.First(predicate);
    }

    private async Task<long> CreatePublishedProjectAsync()
    {
        await _bot.PostAsync(Activities.TeamInstall(Url));
        await _bot.Connector.WaitForActivitiesAsync(1);
        await _bot.PostAsync(Activities.Submit(Url, ValidForm()));
        await NextActivityAsync(r => r.Body.Contains("not published yet", StringComparison.Ordinal));
        await _bot.PostAsync(Activities.Submit(Url, new JsonObject { ["verb"] = "projectPublish", ["project"] = 1, ["channels"] = "19:team0123@thread.tacv2" }));
        await NextActivityAsync(r => ((string?)r.Json?["text"])?.StartsWith("Published #1", StringComparison.Ordinal) == true);
        _bot.Connector.Clear();
        return 1;
    }

    private async Task<string> VolunteerClicksSignUpAsync(string aad = VolunteerAad, string id = VolunteerId, string name = "Kenji Tanaka")
    {
        var response = await _bot.PostAsync(Activities.ChannelInvoke(Url, "signUp", new JsonObject { ["project"] = 1 }, aad, id, name));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)body["type"]);
        var created = await NextActivityAsync(r => r.Method == "POST" && r.Path.EndsWith("/v3/conversations", StringComparison.Ordinal)
            && (string?)r.Json?["members"]?[0]?["id"] == id);
        Assert.NotNull(created);
        var question = await NextActivityAsync(r => r.Method == "POST" && CardOf(r)?["body"]?[0]?["text"]?.ToString().StartsWith("Which role", StringComparison.Ordinal) == true
            && r.RawTarget.Contains("conversation-", StringComparison.Ordinal) && !_answered.Contains(r));
        _answered.Add(question);
        return Uri.UnescapeDataString(question.Path.Split('/')[^2]);
    }

    private readonly HashSet<RecordedRequest> _answered = [];

    private async Task<string> AnswerAsync(string conversationId, string text, string expectStart, string aad = VolunteerAad, string id = VolunteerId)
    {
        await _bot.PostAsync(Activities.Message(Url, text, conversationId: conversationId, fromAad: aad, fromId: id, fromName: "Kenji Tanaka"));
        var reply = await NextActivityAsync(r => r.RawTarget.Contains(Uri.EscapeDataString(conversationId), StringComparison.Ordinal) && !_answered.Contains(r)
            && (((string?)r.Json?["text"])?.StartsWith(expectStart, StringComparison.Ordinal) == true
                || CardOf(r)?["body"]?[0]?["text"]?.ToString().StartsWith(expectStart, StringComparison.Ordinal) == true));
        _answered.Add(reply);
        return (string?)reply.Json?["text"] ?? CardOf(reply)!["body"]![0]!["text"]!.ToString();
    }

    [Fact]
    public async Task NewProject_NonLeader_PoliteRefusalAndNothingCreated()
    {
        await _bot.PostAsync(Activities.Message(Url, "new project", fromAad: "someone-else", fromId: "29:else", conversationId: "a:else"));
        var reply = await NextActivityAsync(r => r.Json?["text"] is not null);

        Assert.StartsWith("Only club leaders", (string?)reply.Json!["text"], StringComparison.Ordinal);
        await _bot.PostAsync(Activities.Submit(Url, ValidForm(), conversationId: "a:else", fromAad: "someone-else", fromId: "29:else"));
        await _bot.Connector.WaitForActivitiesAsync(2);
        Assert.Equal(0, await _bot.Db.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM projects"), default));
    }

    [Fact]
    public async Task NewProject_Leader_GetsForm()
    {
        await _bot.PostAsync(Activities.Message(Url, "新規プロジェクト"));

        var form = await NextActivityAsync(r => CardOf(r) is not null);
        Assert.Equal("新しいプロジェクト", (string?)CardOf(form)!["body"]![0]!["text"]);
        Assert.Contains(CardOf(form)!["body"]!.AsArray(), e => (string?)e!["id"] == "roles");
    }

    [Fact]
    public async Task SaveProject_InvalidInputs_FormAgainWithErrorsAndNothingSaved()
    {
        var form = ValidForm();
        form["title"] = "  ";
        form["roles"] = "Designer | Figma | 99";
        form["hours"] = "100";

        await _bot.PostAsync(Activities.Submit(Url, form));

        var reply = await NextActivityAsync(r => CardOf(r) is not null);
        var errors = CardOf(reply)!["body"]![1]!["items"]!.AsArray().Select(i => (string?)i!["text"]).ToList();
        Assert.Contains(errors, e => e!.Contains("Title is required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e!.Contains("line 1", StringComparison.Ordinal));
        Assert.Contains(errors, e => e!.Contains("1 to 40", StringComparison.Ordinal));
        Assert.Equal(0, await _bot.Db.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM projects"), default));
    }

    [Fact]
    public async Task Publish_ToChannel_PostsAnnouncementAndRecordsCopy()
    {
        await _bot.PostAsync(Activities.TeamInstall(Url));
        await _bot.Connector.WaitForActivitiesAsync(1);
        await _bot.PostAsync(Activities.Submit(Url, ValidForm()));
        await NextActivityAsync(r => r.Body.Contains("not published yet", StringComparison.Ordinal));

        await _bot.PostAsync(Activities.Submit(Url, new JsonObject { ["verb"] = "projectPublish", ["project"] = 1, ["channels"] = "19:team0123@thread.tacv2" }));

        var announcement = await NextActivityAsync(r => r.RawTarget.Contains("19%3Ateam0123", StringComparison.Ordinal) && (string?)CardOf(r)?["body"]?[0]?["text"] == "Reclaimed wood tracking app");
        await NextActivityAsync(r => ((string?)r.Json?["text"])?.StartsWith("Published #1", StringComparison.Ordinal) == true);
        var card = CardOf(announcement)!;
        Assert.Equal("signUp", (string?)card["actions"]![0]!["verb"]);
        Assert.Equal("Action.Submit", (string?)card["actions"]![0]!["fallback"]!["type"]);
        Assert.Equal("projectView", (string?)card["refresh"]!["action"]!["verb"]);
        Assert.Equal(1, await _bot.Db.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT status FROM projects WHERE number = 1"), default));
        Assert.Equal(1, await _bot.Db.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM posted_cards"), default));
    }

    [Fact]
    public async Task Publish_TamperedChannelId_NothingPublished()
    {
        await _bot.PostAsync(Activities.Submit(Url, ValidForm()));
        await NextActivityAsync(r => CardOf(r) is not null);

        await _bot.PostAsync(Activities.Submit(Url, new JsonObject { ["verb"] = "projectPublish", ["project"] = 1, ["channels"] = "19:not-installed@thread" }));

        var reply = await NextActivityAsync(r => (string?)r.Json?["text"] == "Choose at least one channel.");
        Assert.NotNull(reply);
        Assert.Equal(0, await _bot.Db.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT status FROM projects WHERE number = 1"), default));
    }

    [Fact]
    public async Task SignUp_FromChannelCard_ContinuesIn1To1AndConfirmsAndUpdatesPostedCard()
    {
        await CreatePublishedProjectAsync();

        var chat = await VolunteerClicksSignUpAsync();
        Assert.StartsWith("How many hours", await AnswerAsync(chat, "1", "How many hours"), StringComparison.Ordinal);
        await AnswerAsync(chat, "１０", "A few words");
        await AnswerAsync(chat, "skip", "Please confirm");
        var done = await AnswerAsync(chat, "yes", "You're confirmed");

        Assert.Contains("Data analyst", done, StringComparison.Ordinal);
        var update = await NextActivityAsync(r => r.Method == "PUT" && r.RawTarget.Contains("19%3Ateam0123", StringComparison.Ordinal), timeoutSeconds: 5);
        var card = CardOf(update)!;
        Assert.Contains(card["body"]!.AsArray(), b => ((string?)b!["text"])?.StartsWith("Full — waitlist open", StringComparison.Ordinal) == true);
        Assert.Equal(VolunteerId, (string?)card["refresh"]!["userIds"]![0]);
    }

    [Fact]
    public async Task SignUp_RestartMidConversation_ContinuesAtSameQuestion()
    {
        await CreatePublishedProjectAsync();
        var chat = await VolunteerClicksSignUpAsync();
        await AnswerAsync(chat, "2", "How many hours");

        await _bot.RestartAsync();

        Assert.StartsWith("A few words", await AnswerAsync(chat, "8", "A few words"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignUp_TamperedOrStaleInputs_ClearMessagesAndNothingChanges()
    {
        await CreatePublishedProjectAsync();

        var unknown = await _bot.PostAsync(Activities.ChannelInvoke(Url, "signUp", new JsonObject { ["project"] = 999 }, VolunteerAad, VolunteerId, "Kenji"));
        var body = JsonNode.Parse(await unknown.Content.ReadAsStringAsync())!;
        Assert.Equal("application/vnd.microsoft.activity.message", (string?)body["type"]);
        Assert.StartsWith("I can't find that project", (string?)body["value"], StringComparison.Ordinal);

        var chat = await VolunteerClicksSignUpAsync();
        Assert.StartsWith("Please choose one of the roles", await AnswerAsync(chat, "7", "Please choose"), StringComparison.Ordinal);
        await _bot.PostAsync(Activities.Submit(Url, new JsonObject { ["verb"] = "signUpAnswer", ["project"] = 1, ["step"] = 3, ["answer"] = "yes" },
            conversationId: chat, fromAad: VolunteerAad, fromId: VolunteerId));
        await NextActivityAsync(r => ((string?)r.Json?["text"])?.StartsWith("That question was already answered", StringComparison.Ordinal) == true);
        Assert.Equal(0, await _bot.Db.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM signups"), default));
    }

    [Fact]
    public async Task SignUp_DoubleClickAfterConfirm_AlreadySignedUp()
    {
        await CreatePublishedProjectAsync();
        var chat = await VolunteerClicksSignUpAsync();
        await AnswerAsync(chat, "1", "How many hours");
        await AnswerAsync(chat, "5", "A few words");
        await AnswerAsync(chat, "I like data", "Please confirm");
        await AnswerAsync(chat, "はい", "**Reclaimed wood tracking app** の **Data analyst** として参加が確定"); // typed in Japanese → answered in Japanese

        var again = await _bot.PostAsync(Activities.ChannelInvoke(Url, "signUp", new JsonObject { ["project"] = 1 }, VolunteerAad, VolunteerId, "Kenji"));

        var body = JsonNode.Parse(await again.Content.ReadAsStringAsync())!;
        Assert.StartsWith("You're already signed up", (string?)body["value"], StringComparison.Ordinal);
        Assert.Equal(1, await _bot.Db.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM signups"), default));
    }

    [Fact]
    public async Task Withdraw_FreesSeat_WaitlistedPersonGetsOffer_LeaderGetsOneDigest()
    {
        await CreatePublishedProjectAsync();
        var first = await VolunteerClicksSignUpAsync();
        foreach (var (text, expect) in new[] { ("1", "How many"), ("5", "A few"), ("skip", "Please confirm"), ("yes", "You're confirmed") })
        {
            await AnswerAsync(first, text, expect);
        }

        var second = await VolunteerClicksSignUpAsync("aad-volunteer-2", "29:volunteer-2", "Yui Nakamura");
        foreach (var (text, expect) in new[] { ("1", "How many"), ("5", "A few"), ("skip", "Please confirm"), ("yes", "**Data analyst** is full") })
        {
            await AnswerAsync(second, text, expect, "aad-volunteer-2", "29:volunteer-2");
        }

        await _bot.PostAsync(Activities.Message(Url, "withdraw 1", conversationId: first, fromAad: VolunteerAad, fromId: VolunteerId));
        var ask = await NextActivityAsync(r => r.RawTarget.Contains(Uri.EscapeDataString(first), StringComparison.Ordinal)
            && ((string?)CardOf(r)?["body"]?[0]?["text"])?.StartsWith("Withdraw from #1", StringComparison.Ordinal) == true);
        await _bot.PostAsync(Activities.Submit(Url, CardOf(ask)!["actions"]![0]!["data"]!.DeepClone().AsObject(), conversationId: first, fromAad: VolunteerAad, fromId: VolunteerId));

        var offer = await NextActivityAsync(r => r.RawTarget.Contains(Uri.EscapeDataString(second), StringComparison.Ordinal)
            && (string?)CardOf(r)?["body"]?[0]?["text"] == "A seat has opened up!");
        Assert.Equal("offerAccept", (string?)CardOf(offer)!["actions"]![0]!["data"]!["verb"]);
        // The sign-ups may have had their own digest while the withdrawal waited for its confirmation.
        var digest = await NextActivityAsync(r => ((string?)r.Json?["text"])?.Contains("Sign-up news", StringComparison.Ordinal) == true
            && ((string?)r.Json?["text"])!.Contains("withdrew", StringComparison.Ordinal), timeoutSeconds: 10);
        Assert.EndsWith("a%3Apersonal-1/activities", digest.RawTarget, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignUp_TypedWithFullWidthNumber_StartsTheConversation()
    {
        await CreatePublishedProjectAsync();

        await _bot.PostAsync(Activities.Message(Url, "参加 １", conversationId: "a:kenji", fromAad: VolunteerAad, fromId: VolunteerId, fromName: "Kenji Tanaka"));

        var question = await NextActivityAsync(r => r.RawTarget.Contains("a%3Akenji", StringComparison.Ordinal) && CardOf(r) is not null);
        Assert.Contains("Reclaimed wood tracking app", (string?)CardOf(question)!["body"]![0]!["text"], StringComparison.Ordinal);
    }
}
