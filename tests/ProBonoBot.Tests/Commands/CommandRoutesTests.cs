using System.Text.Json.Nodes;
using ProBonoBot.Cards;
using ProBonoBot.Cards.Help;
using ProBonoBot.Testing;

namespace ProBonoBot.Tests.Commands;

/// <summary>
/// Issue 12 through the running host: commands typed however a newcomer types them, greetings, thanks, 👍, near misses
/// suggested as buttons, a command without its number answered with the projects to pick from, and every command of the
/// help card typed exactly as the card shows it.
/// </summary>
public sealed class CommandRoutesTests : IAsyncLifetime
{
    private const string VolunteerAad = "aad-volunteer-12";
    private const string VolunteerId = "29:volunteer-12";
    private const string VolunteerChat = "a:volunteer-12";

    private BotHost _bot = null!;
    // By reference: two replies with the same text are equal records.
    private readonly HashSet<RecordedRequest> _seen = new(ReferenceEqualityComparer.Instance);

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync(extra: new() { ["Bot:PerPersonBurst"] = "500", ["Bot:PerPersonPerMinute"] = "500" });

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private string Url => _bot.Connector.ServiceUrl;

    /// <summary>Says <paramref name="text"/> and returns every activity the bot sent in answer.</summary>
    private async Task<IReadOnlyList<JsonNode>> SayAsync(string text, string locale = "en-US", bool volunteer = false)
    {
        var activity = volunteer
            ? Activities.Message(Url, text, locale, conversationId: VolunteerChat, fromAad: VolunteerAad, fromId: VolunteerId, fromName: "Kenji Ito")
            : Activities.Message(Url, text, locale);
        await _bot.PostAsync(activity);
        bool New(RecordedRequest r) => !_seen.Contains(r) && r.Method == "POST" && r.Path.Contains("/activities", StringComparison.Ordinal);
        await _bot.Connector.WaitForAsync(rs => rs.Any(New), TimeSpan.FromSeconds(15));
        await Task.Delay(300);
        var replies = _bot.Connector.Requests.Where(New).ToList();
        _seen.UnionWith(replies);
        return [.. replies.Select(r => r.Json!)];
    }

    private static string TextOf(JsonNode reply) => (string?)reply["text"] ?? string.Empty;

    private static JsonNode? CardOf(JsonNode reply) => reply["attachments"]?[0]?["content"];

    private static List<string> TypedByButtons(JsonNode reply) =>
        [.. JsonNodeWalk(CardOf(reply)).Where(n => (string?)n["type"] == "imBack").Select(n => (string)n["value"]!)];

    private static IEnumerable<JsonObject> JsonNodeWalk(JsonNode? node)
    {
        if (node is JsonObject o)
        {
            yield return o;
            foreach (var child in o.Select(p => p.Value).SelectMany(JsonNodeWalk))
            {
                yield return child;
            }
        }
        else if (node is JsonArray a)
        {
            foreach (var child in a.SelectMany(JsonNodeWalk))
            {
                yield return child;
            }
        }
    }

    private static bool IsFallback(JsonNode reply)
    {
        var text = TextOf(reply);
        var cardText = CardOf(reply)?.ToJsonString() ?? string.Empty;
        return text == UiText.For(Language.English).NotUnderstood || text == UiText.For(Language.Japanese).NotUnderstood
            || cardText.Contains("Did you mean", StringComparison.Ordinal) || cardText.Contains("のことですか", StringComparison.Ordinal);
    }

    private async Task PublishProjectAsync()
    {
        await _bot.PostAsync(Activities.TeamInstall(Url));
        await _bot.Connector.WaitForActivitiesAsync(1);
        await _bot.PostAsync(Activities.Submit(Url, Activities.ProjectForm()));
        await _bot.Connector.WaitForAsync(rs => rs.Any(r => r.Body.Contains("not published yet", StringComparison.Ordinal)));
        await _bot.PostAsync(Activities.Submit(Url, new JsonObject { ["verb"] = "projectPublish", ["project"] = 1, ["channels"] = "19:team0123@thread.tacv2" }));
        var all = await _bot.Connector.WaitForAsync(rs => rs.Any(r => ((string?)r.Json?["text"])?.StartsWith("Published #1", StringComparison.Ordinal) == true));
        _seen.UnionWith(all);
    }

    [Theory]
    [InlineData("hi", "en-US", "Hi Haruka!", "projects|my projects|help")]
    [InlineData("Hello!", "en-US", "Hi Haruka!", "projects|my projects|help")]
    [InlineData("こんにちは", "ja-JP", "こんにちは、Haruka Satoさん！", "募集中|参加中|ヘルプ")]
    [InlineData("おはようございます。", "en-US", "こんにちは、Haruka Satoさん！", "募集中|参加中|ヘルプ")]
    [InlineData("はじめまして", "ja-JP", "こんにちは", "募集中|参加中|ヘルプ")]
    public async Task Greeting_AnsweredWithWhereToStart(string text, string locale, string start, string buttons)
    {
        var reply = (await SayAsync(text, locale)).Single();

        Assert.StartsWith(start, (string?)CardOf(reply)!["body"]![0]!["text"], StringComparison.Ordinal);
        Assert.Equal(buttons.Split('|'), TypedByButtons(reply));
    }

    [Theory]
    [InlineData("thanks", "en-US", "You're welcome!")]
    [InlineData("ありがとうございます", "ja-JP", "どういたしまして")]
    [InlineData("👍", "en-US", "👍 Anything else?")]
    [InlineData("👍", "ja-JP", "👍 ほかにご用があれば")]
    [InlineData("了解です", "ja-JP", "👍 ほかにご用があれば")]
    public async Task SmallTalk_AnsweredBriefly(string text, string locale, string start)
    {
        var reply = (await SayAsync(text, locale)).Single();

        Assert.StartsWith(start, TextOf(reply), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hlep", "en-US", "help")]
    [InlineData("projcts", "en-US", "projects")]
    [InlineData("sigup 2", "en-US", "sign up 2")]
    [InlineData("Withdrow 4", "en-US", "withdraw 4")]
    [InlineData("ヘルブ", "ja-JP", "ヘルプ")]
    public async Task NearMiss_ClosestCommandSuggestedAsButton(string text, string locale, string suggested)
    {
        var reply = (await SayAsync(text, locale)).Single();

        Assert.Equal(suggested, TypedByButtons(reply)[0]);
    }

    [Theory]
    [InlineData("ＨＥＬＰ", "What I can do")]
    [InlineData("ｈｅｌｐ", "What I can do")]
    [InlineData("Help.", "What I can do")]
    [InlineData("へるぷ", "できること")]
    [InlineData("ヘルプ！", "できること")]
    public async Task Help_HoweverTyped_ShowsTheHelpCard(string text, string title)
    {
        var reply = (await SayAsync(text)).Single();

        Assert.Equal(title, (string?)CardOf(reply)!["body"]![0]!["text"]);
    }

    [Fact]
    public async Task UnknownText_StillNotUnderstood()
    {
        var reply = (await SayAsync("what is this")).Single();

        Assert.Equal(UiText.For(Language.English).NotUnderstood, TextOf(reply));
    }

    [Theory]
    [InlineData("sign up", "en-US", "No project is recruiting right now.")]
    [InlineData("参加", "ja-JP", "いま募集中のプロジェクトはありません。")]
    [InlineData("withdraw", "en-US", "You haven't signed up for any project")]
    [InlineData("辞退", "ja-JP", "応募中のプロジェクトがないため")]
    public async Task MissingNumber_NothingToPick_SaysSo(string text, string locale, string start)
    {
        var reply = (await SayAsync(text, locale, volunteer: true)).Single();

        Assert.StartsWith(start, TextOf(reply), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingNumber_SignUp_OffersTheOpenProjectsAndTheButtonStartsTheSignUp()
    {
        await PublishProjectAsync();

        var pick = (await SayAsync("参加", "ja-JP", volunteer: true)).Single();
        Assert.Equal(["参加 1"], TypedByButtons(pick));
        var started = (await SayAsync(TypedByButtons(pick)[0], "ja-JP", volunteer: true)).Single();

        Assert.Contains("役割", started.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingNumber_Withdraw_OffersTheirSignUps()
    {
        await PublishProjectAsync();
        foreach (var answer in new[] { "sign up 1", "1", "3", "skip", "yes" })
        {
            await SayAsync(answer, volunteer: true);
        }

        var pick = (await SayAsync("withdraw", volunteer: true)).Single();

        Assert.Equal(["withdraw 1"], TypedByButtons(pick));
    }

    [Theory]
    [InlineData("publish", "publish 1")]
    [InlineData("applicants", "applicants 1")]
    [InlineData("broadcast", "broadcast 1")]
    [InlineData("配信", "配信 1")]
    public async Task MissingNumber_LeaderCommand_OffersTheLeadersProjects(string text, string button)
    {
        await PublishProjectAsync();

        var pick = (await SayAsync(text, Languages.LooksJapanese(text) ? "ja-JP" : "en-US")).Single();

        Assert.Equal([button], TypedByButtons(pick));
    }

    [Fact]
    public async Task MissingNumber_LeaderCommandFromAVolunteer_PoliteRefusal()
    {
        var reply = (await SayAsync("broadcast", volunteer: true)).Single();

        Assert.Equal(UiText.For(Language.English).Projects.NotALeader, TextOf(reply));
    }

    /// <summary>
    /// Every command on the help card, typed exactly as the card shows it (a fact's title is plain text; "a / b" shows two
    /// commands), gets its command's answer: never "did not understand" nor a suggestion.
    /// </summary>
    [Theory]
    [InlineData("en")]
    [InlineData("ja")]
    public async Task HelpCard_EveryCommandTypedAsShown_IsUnderstood(string code)
    {
        var language = code == "ja" ? Language.Japanese : Language.English;
        var locale = code == "ja" ? "ja-JP" : "en-US";
        var facts = HelpCard.Build(language, inChannel: false)["body"]!.AsArray().Single(b => (string?)b!["type"] == "FactSet")!["facts"]!.AsArray();
        var typed = facts.SelectMany(f => ((string)f!["title"]!).Split(" / ")).ToList();
        Assert.True(typed.Count >= 15, $"the help card lists the commands ({typed.Count})");

        // Language commands last: they change the language of everything after them.
        foreach (var text in typed.OrderBy(t => t is "日本語" or "English"))
        {
            var replies = await SayAsync(text, locale);

            Assert.True(replies.Count > 0 && !replies.Any(IsFallback), $"'{text}' was answered with: {string.Join(" | ", replies.Select(r => r.ToJsonString()))}");
            if (text.Any(char.IsDigit))
            {
                // The number was read: the command ran for project 3 (there is none), not the list to pick from.
                Assert.Contains(UiText.For(language).Projects.UnknownProject, replies.Select(TextOf));
            }
        }
    }
}
