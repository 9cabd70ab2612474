using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ProBonoBot.Cards.Projects;
using ProBonoBot.Projects;

namespace ProBonoBot.Tests.Privacy;

/// <summary>
/// Issue 10 item 5: a draft (or a project cancelled before it was published) is seen only by club leaders and its own
/// leader; to anyone else every path answers exactly as for a number that does not exist.
/// </summary>
public sealed class DraftVisibilityTests : IAsyncLifetime
{
    private const string Outsider = "aad-outsider";
    private const string OutsiderId = "29:outsider";
    private const string Unknown = "99";
    private BotHost _bot = null!;
    private ClubScenario _club = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHost.StartAsync();
        _club = new ClubScenario(_bot);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private string Url => _bot.Connector.ServiceUrl;

    /// <summary>What the outsider gets for a typed command, in their own 1:1 chat.</summary>
    private async Task<string> TypedAsync(string text, string aad = Outsider, string id = OutsiderId)
    {
        var conversation = "a:typed-" + Guid.NewGuid().ToString("N")[..8];
        await _bot.PostAsync(Activities.Message(Url, text, conversationId: conversation, fromAad: aad, fromId: id, fromName: "Outsider"));
        return (await _club.WaitAsync(r => r.RawTarget.Contains(Uri.EscapeDataString(conversation), StringComparison.Ordinal))).Body;
    }

    /// <summary>The HTTP answer to a channel card's Action.Execute.</summary>
    private async Task<(HttpStatusCode Status, string Body)> InvokeAsync(string verb, string project, string aad = Outsider, string id = OutsiderId)
    {
        var response = await _bot.PostAsync(Activities.ChannelInvoke(Url, verb, new JsonObject { ["project"] = long.Parse(project, System.Globalization.CultureInfo.InvariantCulture) }, aad, id, "Outsider"));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>What the outsider gets for an Action.Submit in their 1:1 chat.</summary>
    private async Task<string> SubmitAsync(string verb, string project)
    {
        var conversation = "a:submit-" + Guid.NewGuid().ToString("N")[..8];
        await _bot.PostAsync(Activities.Submit(Url, new JsonObject { ["verb"] = verb, ["project"] = long.Parse(project, System.Globalization.CultureInfo.InvariantCulture) },
            conversationId: conversation, fromAad: Outsider, fromId: OutsiderId, replyToId: null));
        return (await _club.WaitAsync(r => r.RawTarget.Contains(Uri.EscapeDataString(conversation), StringComparison.Ordinal))).Body;
    }

    /// <summary>Two answers from different conversations compared by what the person reads and the card, not the addressing.</summary>
    private static void AssertSameAnswer(string expected, string actual)
    {
        static string Shown(string body) => (JsonNode.Parse(body)?["text"] ?? JsonNode.Parse(body)?["attachments"])?.ToJsonString() ?? body;
        Assert.Equal(Shown(expected), Shown(actual));
    }

    [Fact]
    public async Task ProjectView_DraftForNonLeader_SameStatusAndBodyAsUnknownNumber()
    {
        var draft = (await _club.CreateDraftAsync("Secret draft")).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var forDraft = await InvokeAsync("projectView", draft);
        var forUnknown = await InvokeAsync("projectView", Unknown);

        Assert.Equal(forUnknown.Status, forDraft.Status);
        Assert.Equal(forUnknown.Body, forDraft.Body);
        Assert.DoesNotContain("Secret draft", forDraft.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignUpCardVerb_DraftForNonLeader_SameAsUnknownNumber()
    {
        var draft = (await _club.CreateDraftAsync("Secret draft")).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var forDraft = await InvokeAsync("signUp", draft);
        var forUnknown = await InvokeAsync("signUp", Unknown);

        Assert.Equal(forUnknown.Status, forDraft.Status);
        Assert.Equal(forUnknown.Body, forDraft.Body);
    }

    [Theory]
    [InlineData("sign up {0}")]
    [InlineData("参加 {0}")]
    [InlineData("manual {0}")]
    [InlineData("withdraw {0}")]
    [InlineData("辞退 {0}")]
    [InlineData("applicants {0}")]
    public async Task TypedCommand_DraftForNonLeader_SameTextAsUnknownNumber(string command)
    {
        var draft = await _club.CreateDraftAsync("Secret draft");

        var forDraft = await TypedAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, command, draft));
        var forUnknown = await TypedAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, command, Unknown));

        AssertSameAnswer(forUnknown, forDraft);
        Assert.DoesNotContain("Secret draft", forDraft, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("withdraw")]
    [InlineData("offerAccept")]
    [InlineData("offerDecline")]
    [InlineData("manualCreate")]
    public async Task CardVerb_DraftForNonLeader_SameTextAsUnknownNumber(string verb)
    {
        var draft = (await _club.CreateDraftAsync("Secret draft")).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var forDraft = await SubmitAsync(verb, draft);
        var forUnknown = await SubmitAsync(verb, Unknown);

        AssertSameAnswer(forUnknown, forDraft);
    }

    [Fact]
    public async Task SignUp_CancelledBeforePublishing_StillHidden()
    {
        var draft = await _club.CreateDraftAsync("Secret draft");
        await _bot.Services.GetRequiredService<ProjectStore>().SetStatusAsync(draft, [ProjectStatus.Draft], ProjectStatus.Cancelled, default);

        AssertSameAnswer(await TypedAsync($"sign up {Unknown}"), await TypedAsync($"sign up {draft}"));
    }

    [Fact]
    public async Task ProjectView_PublishedThenCancelled_StillVisibleToEveryone()
    {
        await _club.InstallInTeamAsync();
        var number = await _club.CreateDraftAsync("Public project");
        await _club.PublishAsync(number);
        await _bot.Services.GetRequiredService<ProjectStore>().SetStatusAsync(number, [ProjectStatus.Recruiting], ProjectStatus.Cancelled, default);

        var view = await InvokeAsync("projectView", number.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(HttpStatusCode.OK, view.Status);
        Assert.Contains("Public project", ClubScenario.Readable(view.Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProjectView_Draft_VisibleToLeadersAndToItsOwnLeaderAfterTheyStoppedLeading()
    {
        var leaders = _bot.Services.GetRequiredService<LeaderDirectory>();
        await leaders.AddAsync("aad-leader-2", "Aiko Mori", Activities.UserAad, default);
        var draft = (await _club.CreateDraftAsync("Aiko's draft", fromAad: "aad-leader-2", fromId: "29:leader-2", conversationId: "a:leader-2")).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await leaders.RemoveAsync("aad-leader-2", default);

        var byClubLeader = await InvokeAsync("projectView", draft, Activities.UserAad, Activities.UserId);
        var byOwnLeader = await InvokeAsync("projectView", draft, "aad-leader-2", "29:leader-2");

        Assert.Equal(HttpStatusCode.OK, byClubLeader.Status);
        Assert.Contains("Aiko's draft", ClubScenario.Readable(byClubLeader.Body), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, byOwnLeader.Status);
        Assert.Contains("Aiko's draft", ClubScenario.Readable(byOwnLeader.Body), StringComparison.Ordinal);
    }
}
