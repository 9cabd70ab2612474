using System.Text.Json.Nodes;

namespace ProBonoBot.Tests.Help;

public sealed class HelpAndLanguageTests : IAsyncLifetime
{
    private BotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private async Task<JsonNode> SendAndReadAsync(JsonObject activity, int expectedCount)
    {
        await _bot.PostAsync(activity);
        var sent = await _bot.Connector.WaitForActivitiesAsync(expectedCount);
        return sent[expectedCount - 1].Json!;
    }

    [Theory]
    [InlineData("help", "en-US", "What I can do")]
    [InlineData("HELP", "en-GB", "What I can do")]
    [InlineData("help", "ja-JP", "できること")]
    [InlineData("ヘルプ", "en-US", "できること")]
    [InlineData("？", "ja", "できること")]
    public async Task Help_AnswersInTheRightLanguage(string text, string locale, string title)
    {
        var reply = await SendAndReadAsync(Activities.Message(_bot.Connector.ServiceUrl, text, locale), 1);

        Assert.Equal(title, (string?)reply["attachments"]![0]!["content"]!["body"]![0]!["text"]);
    }

    [Fact]
    public async Task Help_InChannelWithMention_AddsMentionNote()
    {
        var reply = await SendAndReadAsync(Activities.ChannelMessage(_bot.Connector.ServiceUrl, "help"), 1);

        var body = reply["attachments"]![0]!["content"]!["body"]!.AsArray();
        Assert.Contains("@ProBonoBot", (string?)body[^1]!["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownText_AnswersNotUnderstoodInLocale()
    {
        var reply = await SendAndReadAsync(Activities.Message(_bot.Connector.ServiceUrl, "what is this", "ja-JP"), 1);

        Assert.Contains("ヘルプ", (string?)reply["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task LanguageChoice_Japanese_PersistsForLaterTurnsInEnglishClient()
    {
        var changed = await SendAndReadAsync(Activities.Message(_bot.Connector.ServiceUrl, "日本語", "en-US"), 1);
        var help = await SendAndReadAsync(Activities.Message(_bot.Connector.ServiceUrl, "help", "en-US"), 2);

        Assert.Equal("承知しました。これからは日本語でお答えします。", (string?)changed["text"]);
        Assert.Equal("できること", (string?)help["attachments"]![0]!["content"]!["body"]![0]!["text"]);
    }

    [Fact]
    public async Task LanguageChoice_EnglishInJapaneseClient_Persists()
    {
        await SendAndReadAsync(Activities.Message(_bot.Connector.ServiceUrl, "English", "ja-JP"), 1);
        var help = await SendAndReadAsync(Activities.Message(_bot.Connector.ServiceUrl, "ヘルプ", "ja-JP"), 2);

        Assert.Equal("What I can do", (string?)help["attachments"]![0]!["content"]!["body"]![0]!["text"]);
    }

    [Fact]
    public async Task WelcomeHelpButton_Submit_SendsHelpCard()
    {
        var submit = Activities.Message(_bot.Connector.ServiceUrl, string.Empty);
        submit["value"] = new JsonObject { ["verb"] = "help" };
        submit["replyToId"] = "welcome-card-1";

        var reply = await SendAndReadAsync(submit, 1);

        Assert.Equal("What I can do", (string?)reply["attachments"]![0]!["content"]!["body"]![0]!["text"]);
        Assert.Equal("POST", _bot.Connector.Activities[0].Method);
    }

    [Fact]
    public async Task WelcomeLanguageButton_Submit_ReplacesWelcomeCardInPlace()
    {
        var submit = Activities.Message(_bot.Connector.ServiceUrl, string.Empty);
        submit["value"] = new JsonObject { ["verb"] = "setLanguage", ["language"] = "ja" };
        submit["replyToId"] = "welcome-card-1";

        var reply = await SendAndReadAsync(submit, 1);

        var request = _bot.Connector.Activities[0];
        Assert.Equal("PUT", request.Method);
        Assert.EndsWith("/activities/welcome-card-1", request.RawTarget, StringComparison.Ordinal);
        Assert.Equal("ProBonoBot へようこそ", (string?)reply["attachments"]![0]!["content"]!["body"]![0]!["text"]);
    }
}
