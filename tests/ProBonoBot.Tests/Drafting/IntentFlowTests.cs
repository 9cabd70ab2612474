using System.Text.Json.Nodes;
using Dapper;
using ProBonoBot.Testing;

namespace ProBonoBot.Tests.Drafting;

/// <summary>
/// Issue 11, intent before intake, through the running host: the "draft a brief?" proposal, cancel and help at every
/// step of need intake and sign-up, answers refused for the wrong field, and the reported failure replayed.
/// </summary>
public sealed class IntentFlowTests : IAsyncLifetime
{
    private const string AuthorAad = "aad-author-1";
    private const string AuthorId = "29:author-1";
    private const string Chat = "a:author";

    /// <summary>States no partner, no deliverable and no deadline: intake asks all three.</summary>
    private const string VagueNeed = "new need: the families we support find it hard to know what is going on each week.";

    private const string PossibleNeed = "Hi, I'm Ken. My aunt runs a small bakery and she is struggling to keep track of orders on paper, maybe we could do something?";

    private BotHost _bot = null!;
    private readonly HashSet<RecordedRequest> _seen = [];

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private string Url => _bot.Connector.ServiceUrl;

    private static string TextOf(RecordedRequest r) =>
        (string?)r.Json?["text"] ?? NeedFlowTests.CardOf(r)?["body"]?[0]?["text"]?.ToString() ?? string.Empty;

    /// <summary>Says <paramref name="text"/> as the author and returns the first new reply that starts with <paramref name="expectStart"/>.</summary>
    private async Task<RecordedRequest> SayAsync(string text, string expectStart, string conversationId = Chat, string aad = AuthorAad, string id = AuthorId)
    {
        await _bot.PostAsync(Activities.Message(Url, text, conversationId: conversationId, fromAad: aad, fromId: id, fromName: "Aiko Mori"));
        return await ReplyAsync(expectStart, conversationId);
    }

    private async Task<RecordedRequest> ReplyAsync(string expectStart, string conversationId = Chat)
    {
        bool Match(RecordedRequest r) => !_seen.Contains(r) && r.Method == "POST" && r.RawTarget.Contains(Uri.EscapeDataString(conversationId), StringComparison.Ordinal)
            && TextOf(r).StartsWith(expectStart, StringComparison.Ordinal);
        var reply = (await _bot.Connector.WaitForAsync(rs => rs.Any(Match), TimeSpan.FromSeconds(15))).First(Match);
        _seen.Add(reply);
        return reply;
    }

    private static bool Japanese(string word) => ProBonoBot.Cards.Languages.LooksJapanese(word);

    /// <summary>A card update (the clicked card replaced by the answer) whose text contains <paramref name="text"/>.</summary>
    private Task UpdatedToAsync(string text) =>
        _bot.Connector.WaitForAsync(rs => rs.Any(r => r.Method == "PUT" && TextOf(r).Contains(text, StringComparison.Ordinal)));

    private Task<HttpResponseMessage> ClickAsync(string verb, long need) =>
        _bot.PostAsync(Activities.Submit(Url, new JsonObject { ["verb"] = verb, ["need"] = need }, conversationId: Chat, fromAad: AuthorAad, fromId: AuthorId, fromName: "Aiko Mori"));

    private Task<T> ScalarAsync<T>(string sql) => _bot.Db.ReadAsync(c => c.ExecuteScalarAsync<T>(sql), default)!;

    private async Task<long> ProposalAsync()
    {
        var card = await SayAsync(PossibleNeed, "Shall I turn this into a project brief?");
        return (long)NeedFlowTests.CardOf(card)!["actions"]![0]!["data"]!["need"]!;
    }

    [Fact]
    public async Task PossibleNeed_Proposed_TextKeptInDatabaseNotInCard()
    {
        var card = await SayAsync(PossibleNeed, "Shall I turn this into a project brief?");

        Assert.DoesNotContain("bakery", NeedFlowTests.CardOf(card)!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(3, await ScalarAsync<long>("SELECT status FROM needs WHERE id = 1"));
        Assert.Contains("bakery", await ScalarAsync<string>("SELECT need_text FROM needs WHERE id = 1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProposeYes_DoubleClick_DraftsOnceAndSecondClickSaysNothingChanged()
    {
        var id = await ProposalAsync();

        await ClickAsync("needProposeYes", id);
        await ReplyAsync("Which organisation");
        await ClickAsync("needProposeYes", id);

        await UpdatedToAsync("already said yes");
        Assert.Equal(0, await ScalarAsync<long>("SELECT status FROM needs WHERE id = 1"));
        Assert.Equal(1, await ScalarAsync<long>("SELECT COUNT(*) FROM needs"));
    }

    [Fact]
    public async Task ProposeNo_ThenStaleYes_NothingDraftedAndTextNotKept()
    {
        var id = await ProposalAsync();

        await ClickAsync("needProposeNo", id);
        await UpdatedToAsync("won't draft anything");
        await ClickAsync("needProposeYes", id);

        await UpdatedToAsync("no longer open");
        Assert.Equal(2, await ScalarAsync<long>("SELECT status FROM needs WHERE id = 1"));
        Assert.Equal(string.Empty, await ScalarAsync<string>("SELECT need_text FROM needs WHERE id = 1"));
        Assert.Equal(0, await ScalarAsync<long>("SELECT COUNT(*) FROM drafting_jobs"));
    }

    [Fact]
    public async Task ProposeYes_SomeoneElsesProposal_Refused()
    {
        var id = await ProposalAsync();

        await _bot.PostAsync(Activities.Submit(Url, new JsonObject { ["verb"] = "needProposeYes", ["need"] = id }));

        await UpdatedToAsync("no longer open");
        Assert.Equal(3, await ScalarAsync<long>("SELECT status FROM needs WHERE id = 1"));
    }

    [Fact]
    public async Task Proposal_TypedYes_StartsIntake()
    {
        await ProposalAsync();

        await SayAsync("yes", "OK — I'll draft a brief");

        await ReplyAsync("Which organisation");
    }

    [Theory]
    [InlineData("cancel")]
    [InlineData("キャンセル")]
    [InlineData("stop")]
    public async Task Cancel_Proposal_DroppedAndSaysSo(string word)
    {
        await ProposalAsync();

        var reply = TextOf(await SayAsync(word, Japanese(word) ? "承知しました。先ほどのメッセージは概要にしません" : "OK — I won't turn that message into a brief"));

        Assert.Contains(Japanese(word) ? "相談" : "new need", reply, StringComparison.Ordinal);
        Assert.Equal(2, await ScalarAsync<long>("SELECT status FROM needs WHERE id = 1"));
    }

    /// <summary>Answers up to step <paramref name="step"/> of intake (0: the need itself, 1 partner, 2 deliverable, 3 deadline).</summary>
    private async Task ReachIntakeStepAsync(int step)
    {
        if (step == 0)
        {
            await SayAsync("new need", "Tell me about the need");
            return;
        }

        await SayAsync(VagueNeed, "Which organisation");
        if (step >= 2)
        {
            await SayAsync("Hope Harbor Foundation", "What should the team hand over");
        }

        if (step >= 3)
        {
            await SayAsync("A weekly newsletter", "Is there a deadline");
        }
    }

    [Theory]
    [InlineData(0, "cancel")]
    [InlineData(1, "cancel")]
    [InlineData(2, "やめる")]
    [InlineData(3, "cancel")]
    [InlineData(3, "ｃａｎｃｅｌ")]
    [InlineData(3, "中止")]
    [InlineData(1, "cancel please")]
    [InlineData(2, "stop it")]
    [InlineData(3, "キャンセルしたい")]
    [InlineData(1, "やっぱりやめます")]
    public async Task Cancel_AtEachIntakeStep_NeedDroppedNothingStoredOrDrafted(int step, string word)
    {
        await ReachIntakeStepAsync(step);

        var reply = TextOf(await SayAsync(word, Japanese(word) ? "承知しました。始めていた相談を取り消しました" : "OK — I dropped the need you started"));

        Assert.Contains(Japanese(word) ? "概要は作成していません" : "nothing was drafted", reply, StringComparison.Ordinal);
        Assert.Equal(0, await ScalarAsync<long>("SELECT COUNT(*) FROM needs WHERE status IN (0, 1, 3)"));
        Assert.Equal("{}", await ScalarAsync<string>("SELECT answers FROM needs ORDER BY id DESC LIMIT 1"));
        Assert.Equal(0, await ScalarAsync<long>("SELECT COUNT(*) FROM drafting_jobs"));
    }

    [Fact]
    public async Task Proposal_UnansweredFor30Minutes_ExpiresTextBlankedLaterYesIsChat()
    {
        var id = await ProposalAsync();
        await _bot.Db.WriteAsync(c => c.ExecuteAsync("UPDATE needs SET updated_at = @old WHERE id = @id",
            new { old = DateTimeOffset.UtcNow - TimeSpan.FromMinutes(31), id }), default);

        await SayAsync("help", "What I can do");
        Assert.Equal(2, await ScalarAsync<long>("SELECT status FROM needs WHERE id = 1"));
        Assert.Equal(string.Empty, await ScalarAsync<string>("SELECT need_text FROM needs WHERE id = 1"));

        await ClickAsync("needProposeYes", id);
        await UpdatedToAsync("This question is no longer open");
        Assert.Equal(0, await ScalarAsync<long>("SELECT COUNT(*) FROM needs WHERE status IN (0, 1, 3)"));
    }

    [Fact]
    public async Task Cancel_NoFlowOpen_NothingToCancel()
    {
        var reply = TextOf(await SayAsync("cancel", "Nothing to cancel"));

        Assert.Contains("help", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_DuringDeadlineQuestion_ExplainsThatQuestion()
    {
        await ReachIntakeStepAsync(3);

        var help = TextOf(await SayAsync("help", "**You're describing a need — question 3 of 3.**"));

        Assert.Contains("Is there a deadline", help, StringComparison.Ordinal);
        Assert.Contains("skip", help, StringComparison.Ordinal);
        Assert.Contains("cancel", help, StringComparison.Ordinal);
        await SayAsync("by the end of June", "Reading the need");
    }

    [Theory]
    [InlineData("help me")]
    [InlineData("ヘルプをください")]
    public async Task Help_ShortRequestDuringDeadlineQuestion_ExplainsThatQuestion(string words)
    {
        await ReachIntakeStepAsync(3);

        var help = TextOf(await SayAsync(words, Japanese(words) ? "**相談の内容を確認しています（質問 3／3）。**" : "**You're describing a need — question 3 of 3.**"));

        Assert.Contains(Japanese(words) ? "締め切り" : "Is there a deadline", help, StringComparison.Ordinal);
        var answers = await ScalarAsync<string>("SELECT answers FROM needs WHERE status = 0");
        Assert.DoesNotContain(words, answers, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_DuringProposal_ExplainsTheButtons()
    {
        await ProposalAsync();

        await SayAsync("help", "**I asked whether to turn your message into a project brief.**");
        await SayAsync("ヘルプ", "**先ほどのメッセージをプロジェクト概要にまとめるかどうかをお聞きしています。**");
    }

    [Fact]
    public async Task Help_NoFlowOpen_GeneralHelpCard()
    {
        var card = await SayAsync("help", "What I can do");

        Assert.NotNull(NeedFlowTests.CardOf(card));
    }

    [Theory]
    [InlineData(1, "Sorry, what? I was just asking about the meeting", "I didn't save that as an answer")]
    [InlineData(1, "projcts", "I didn't save that as an answer — it looks like a command")]
    [InlineData(3, "the families would be glad", "I didn't save that as the deadline")]
    [InlineData(3, "え？", "I didn't save that as an answer")]
    [InlineData(1, "**Evil** [9] To confirm", "I didn't save that as an answer")]
    public async Task Answer_NotTheAskedThing_RefusedAndAskedAgain(int step, string answer, string expectStart)
    {
        await ReachIntakeStepAsync(step);

        var reply = TextOf(await SayAsync(answer, expectStart));

        Assert.Contains("For example", reply, StringComparison.Ordinal);
        Assert.Contains("cancel", reply, StringComparison.Ordinal);
        var answers = await ScalarAsync<string>("SELECT answers FROM needs WHERE status = 0");
        Assert.DoesNotContain(answer, answers, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_PartnerWithChatter_OnlyTheNameStored()
    {
        await ReachIntakeStepAsync(1);

        await SayAsync("the residents association, I just told you", "What should the team hand over");

        var answers = await ScalarAsync<string>("SELECT answers FROM needs WHERE status = 0");
        Assert.Contains("the residents association", answers, StringComparison.Ordinal);
        Assert.DoesNotContain("told you", answers, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_PartnerForgotten_AskedAgainNothingStored()
    {
        await ReachIntakeStepAsync(1);

        var reply = TextOf(await SayAsync("I forgot the name, sorry", "I didn't save that"));

        Assert.Contains("For example", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("forgot", await ScalarAsync<string>("SELECT answers FROM needs WHERE status = 0"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_Skip_StillMovesOn()
    {
        await ReachIntakeStepAsync(1);

        await SayAsync("skip", "What should the team hand over");
    }

    /// <summary>The failure reported in issue 11, replayed: the meeting question, the confused answer, help, cancel.</summary>
    [Fact]
    public async Task ReportedFailure_MeetingQuestion_NoIntakeNoBrief()
    {
        await SayAsync("Hi! When is the next pro bono club meeting? I joined last month and I'd love to help out with a project if there's room — I know a bit of web design.",
            "Sorry, I did not understand");
        await SayAsync("Sorry, what? I was just asking about the meeting", "Sorry, I did not understand");
        await SayAsync("help", "What I can do");
        await SayAsync("cancel", "Nothing to cancel");

        Assert.Equal(0, await ScalarAsync<long>("SELECT COUNT(*) FROM needs"));
        Assert.Equal(0, await ScalarAsync<long>("SELECT COUNT(*) FROM briefs"));
    }

    /// <summary>The same failure when intake had started: the confused answer is not the organisation, help explains, cancel drops it.</summary>
    [Fact]
    public async Task ReportedFailure_InsideIntake_NotStoredHelpExplainsCancelDrops()
    {
        await ReachIntakeStepAsync(1);

        await SayAsync("Sorry, what? I was just asking about the meeting", "I didn't save that as an answer");
        await SayAsync("help", "**You're describing a need");
        await SayAsync("cancel", "OK — I dropped the need you started");

        Assert.Equal(0, await ScalarAsync<long>("SELECT COUNT(*) FROM briefs"));
        Assert.Equal(0, await ScalarAsync<long>("SELECT COUNT(*) FROM needs WHERE answers LIKE '%asking%' OR answers LIKE '%cancel%'"));
    }

    // ---- sign-up ----

    private const string VolunteerAad = "aad-volunteer-1";
    private const string VolunteerId = "29:volunteer-1";
    private const string VolunteerChat = "a:kenji";

    private async Task PublishProjectAsync()
    {
        await _bot.PostAsync(Activities.TeamInstall(Url));
        await _bot.Connector.WaitForActivitiesAsync(1);
        await _bot.PostAsync(Activities.Submit(Url, Activities.ProjectForm()));
        await _bot.Connector.WaitForAsync(rs => rs.Any(r => r.Body.Contains("not published yet", StringComparison.Ordinal)));
        await _bot.PostAsync(Activities.Submit(Url, new JsonObject { ["verb"] = "projectPublish", ["project"] = 1, ["channels"] = "19:team0123@thread.tacv2" }));
        await _bot.Connector.WaitForAsync(rs => rs.Any(r => ((string?)r.Json?["text"])?.StartsWith("Published #1", StringComparison.Ordinal) == true));
    }

    private Task<RecordedRequest> VolunteerSaysAsync(string text, string expectStart) =>
        SayAsync(text, expectStart, VolunteerChat, VolunteerAad, VolunteerId);

    /// <summary>Starts a sign-up and answers up to step <paramref name="step"/> (0 role, 1 hours, 2 note, 3 confirm).</summary>
    private async Task ReachSignUpStepAsync(int step)
    {
        await PublishProjectAsync();
        await VolunteerSaysAsync("sign up 1", "Which role");
        string[] answers = ["1", "3", "skip"];
        string[] next = ["How many hours", "A few words", "Please confirm"];
        for (var i = 0; i < step; i++)
        {
            await VolunteerSaysAsync(answers[i], next[i]);
        }
    }

    [Theory]
    [InlineData(0, "cancel")]
    [InlineData(1, "キャンセル")]
    [InlineData(2, "cancel")]
    [InlineData(3, "やめる")]
    [InlineData(3, "quit")]
    public async Task Cancel_AtEachSignUpStep_SessionDroppedAndSaysWhich(int step, string word)
    {
        await ReachSignUpStepAsync(step);

        var reply = TextOf(await VolunteerSaysAsync(word, Japanese(word) ? "承知しました。**#1 Reclaimed wood tracking app** への応募を取り消しました" : "OK — I dropped your sign-up for **#1 Reclaimed wood tracking app**"));

        Assert.Contains(Japanese(word) ? "参加 1" : "sign up 1", reply, StringComparison.Ordinal);
        Assert.Equal(0, await ScalarAsync<long>("SELECT COUNT(*) FROM signup_sessions"));
        Assert.Equal(0, await ScalarAsync<long>("SELECT COUNT(*) FROM signups"));
    }

    [Theory]
    [InlineData(0, "I asked which role")]
    [InlineData(1, "I asked how many hours")]
    [InlineData(2, "I asked for a few words")]
    [InlineData(3, "Check the summary")]
    public async Task Help_AtEachSignUpStep_ExplainsThatStep(int step, string expected)
    {
        await ReachSignUpStepAsync(step);

        var help = TextOf(await VolunteerSaysAsync("help", "**You're signing up for #1"));

        Assert.Contains(expected, help, StringComparison.Ordinal);
        Assert.Contains("cancel", help, StringComparison.Ordinal);
    }
}
