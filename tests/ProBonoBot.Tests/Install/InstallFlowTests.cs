using System.Text.Json.Nodes;
using ProBonoBot.Install;
using Microsoft.Extensions.DependencyInjection;

namespace ProBonoBot.Tests.Install;

public sealed class InstallFlowTests : IAsyncLifetime
{
    private BotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private ConversationStore Store => _bot.Services.GetRequiredService<ConversationStore>();

    private static JsonNode Card(Testing.RecordedRequest request) => request.Json!["attachments"]![0]!["content"]!;

    [Fact]
    public async Task Install_PersonalBothEvents_OneWelcomeAndReferenceStored()
    {
        await _bot.PostAsync(Activities.InstallationUpdate(_bot.Connector.ServiceUrl, "add"));
        await _bot.PostAsync(Activities.BotAdded(_bot.Connector.ServiceUrl));

        var sent = await _bot.Connector.WaitForActivitiesAsync(1);
        await Task.Delay(400);
        Assert.Single(_bot.Connector.Activities);
        Assert.Equal("Welcome to ProBonoBot", (string?)Card(sent[0])["body"]![0]!["text"]);
        Assert.Contains("Haruka Sato", (string?)Card(sent[0])["body"]![1]!["text"], StringComparison.Ordinal);

        var stored = await Store.GetAsync("a:personal-1", default);
        Assert.NotNull(stored);
        Assert.True(stored.IsActive);
        Assert.Equal(Activities.UserAad, stored.UserAadObjectId);
        Assert.Equal(Activities.UserId, stored.UserId);
        Assert.Equal(BotHost.TenantId, stored.TenantId);
        Assert.Equal(_bot.Connector.ServiceUrl, stored.ServiceUrl);
        Assert.Equal("personal", stored.ConversationType);
    }

    [Fact]
    public async Task Install_JapaneseLocale_WelcomeInJapanese()
    {
        await _bot.PostAsync(Activities.InstallationUpdate(_bot.Connector.ServiceUrl, "add", locale: "ja-JP"));

        var sent = await _bot.Connector.WaitForActivitiesAsync(1);
        Assert.Equal("ProBonoBot へようこそ", (string?)Card(sent[0])["body"]![0]!["text"]);
        Assert.Equal("Show in English", (string?)Card(sent[0])["actions"]![1]!["title"]);
    }

    [Fact]
    public async Task Uninstall_MarksInactive_ReinstallWelcomesAgain()
    {
        await _bot.PostAsync(Activities.InstallationUpdate(_bot.Connector.ServiceUrl, "add"));
        await _bot.Connector.WaitForActivitiesAsync(1);

        await _bot.PostAsync(Activities.InstallationUpdate(_bot.Connector.ServiceUrl, "remove"));
        await WaitUntilAsync(async () => (await Store.GetAsync("a:personal-1", default))?.IsActive == false);

        await _bot.PostAsync(Activities.InstallationUpdate(_bot.Connector.ServiceUrl, "add"));
        await _bot.Connector.WaitForActivitiesAsync(2);
        Assert.True((await Store.GetAsync("a:personal-1", default))!.IsActive);
    }

    [Fact]
    public async Task Install_Team_WelcomePostedToChannelWithTeamIds()
    {
        await _bot.PostAsync(Activities.TeamInstall(_bot.Connector.ServiceUrl));

        var sent = await _bot.Connector.WaitForActivitiesAsync(1);
        Assert.Equal("/teams/v3/conversations/19%3Ateam0123%40thread.tacv2/activities", sent[0].RawTarget);
        Assert.Contains("プロボノ部", (string?)Card(sent[0])["body"]![1]!["text"], StringComparison.Ordinal);
        var stored = await Store.GetAsync("19:team0123@thread.tacv2", default);
        Assert.Equal("channel", stored!.ConversationType);
        Assert.Equal("19:team0123@thread.tacv2", stored.TeamId);
        Assert.Equal("プロボノ部", stored.TeamName);
        Assert.Null(stored.UserAadObjectId);
    }

    [Fact]
    public async Task Message_InChannelThread_RefreshesChannelReferenceNotThread()
    {
        await _bot.PostAsync(Activities.ChannelMessage(_bot.Connector.ServiceUrl, "help"));

        var sent = await _bot.Connector.WaitForActivitiesAsync(1);
        Assert.Contains("%3Bmessageid%3D", sent[0].RawTarget, StringComparison.Ordinal);
        var stored = await Store.GetAsync("19:team0123@thread.tacv2", default);
        Assert.NotNull(stored);
        Assert.Null(await Store.GetAsync("19:team0123@thread.tacv2;messageid=1763600523456", default));
    }

    [Fact]
    public async Task Message_WithoutPriorInstall_StoresReference()
    {
        await _bot.PostAsync(Activities.Message(_bot.Connector.ServiceUrl, "help", conversationId: "a:new"));
        await _bot.Connector.WaitForActivitiesAsync(1);

        var found = await Store.FindPersonalAsync(Activities.UserAad, default);
        Assert.Equal("a:new", found!.ConversationId);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail("Condition not met in time.");
    }
}
