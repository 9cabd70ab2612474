using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ProBonoBot.Testing;

namespace ProBonoBot.Tests.Faults;

/// <summary>
/// Issue 10, item 3 (safe text), through the running host: a project whose title, partner, summary, place and
/// roles are hostile, volunteers with hostile display names and notes, a withdrawal and a confirmed team. Every
/// message and card the fake connector receives is read by a CommonMark parser: no link, image, tag or mention
/// comes from user text, and the text shows as typed.
/// </summary>
public sealed partial class HostileTextFlowTests : IAsyncLifetime
{
    private const string Title = MarkdownSafety.HostileTitle;
    private const string Name1 = "[Boss](https://evil.example/boss) <at>Everyone</at> **x**";
    private const string Name2 = "![x](https://evil.example/n.png) <a href=\"https://evil.example\">y</a>";
    private const string Note = "# heading\n[Re-verify](https://evil.example/note)\n<https://evil.example>";
    private BotHost _bot = null!;
    private readonly HashSet<RecordedRequest> _seen = [];

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private string Url => _bot.Connector.ServiceUrl;

    [Fact]
    public async Task ProjectSignUpWithdrawTeam_HostileUserText_NoLinkImageOrMentionReachesAnyone()
    {
        var invokeCards = new List<JsonNode>();
        await _bot.PostAsync(Activities.TeamInstall(Url));
        await _bot.Connector.WaitForActivitiesAsync(1);
        await _bot.PostAsync(Activities.Submit(Url, HostileForm()));
        await NextAsync(r => r.Body.Contains("not published yet", StringComparison.Ordinal));
        await _bot.PostAsync(Activities.Submit(Url, new JsonObject { ["verb"] = "projectPublish", ["project"] = 1, ["channels"] = "19:team0123@thread.tacv2" }));
        await NextAsync(r => ((string?)r.Json?["text"])?.StartsWith("Published #1", StringComparison.Ordinal) == true);

        var chat1 = await SignUpAsync("aad-hostile-1", "29:hostile-1", Name1, "1", invokeCards);
        var chat2 = await SignUpAsync("aad-hostile-2", "29:hostile-2", Name2, "2", invokeCards);
        await _bot.PostAsync(Activities.Message(Url, "withdraw 1", conversationId: chat2, fromAad: "aad-hostile-2", fromId: "29:hostile-2", fromName: Name2));
        var ask = await NextAsync(r => r.RawTarget.Contains(Uri.EscapeDataString(chat2), StringComparison.Ordinal)
            && CardOf(r)?["body"]?[0]?["text"]?.ToString().StartsWith("Withdraw from #", StringComparison.Ordinal) == true);
        await _bot.PostAsync(Activities.Submit(Url, ProBonoBot.Tests.Privacy.ClubScenario.FirstActionData(ask), conversationId: chat2,
            fromAad: "aad-hostile-2", fromId: "29:hostile-2", fromName: Name2, replyToId: "confirm-card"));
        var withdrawn = await NextAsync(r => r.Method == "PUT" && ProBonoBot.Tests.Privacy.ClubScenario.Readable(r.Body).Contains("You've withdrawn", StringComparison.Ordinal));
        await _bot.PostAsync(Activities.Message(Url, "applicants 1"));
        await NextAsync(r => (string?)CardOf(r)?["body"]?[0]?["text"] is { } t && t.Contains("Applicants", StringComparison.Ordinal));
        await _bot.PostAsync(Activities.Submit(Url, new JsonObject { ["verb"] = "projectFormTeam", ["project"] = 1 }));
        var emptySeats = await NextAsync(r => r.Body.Contains("Some seats are still empty", StringComparison.Ordinal));
        await _bot.PostAsync(Activities.Submit(Url, ProBonoBot.Tests.Privacy.ClubScenario.FirstActionData(emptySeats)));
        var post = await NextAsync(r => r.RawTarget.Contains("19%3Ateam0123", StringComparison.Ordinal) && r.Json?["entities"] is JsonArray { Count: > 0 });
        await NextAsync(r => r.RawTarget.Contains(Uri.EscapeDataString(chat1), StringComparison.Ordinal)
            && ((string?)r.Json?["text"])?.Contains("is confirmed!", StringComparison.Ordinal) == true);

        var problems = _bot.Connector.Requests.Where(r => r.Json is JsonObject).SelectMany(r => Problems(r.Json!.AsObject()))
            .Concat(invokeCards.SelectMany(c => MarkdownSafety.RenderedTexts(c).SelectMany(t => MarkdownSafety.Problems(t))))
            .ToList();
        Assert.Empty(problems);
        Assert.Contains(MarkdownSafety.Spaces(Title), string.Join("\n", MarkdownSafety.RenderedTexts(CardOf(withdrawn)!).Select(MarkdownSafety.PlainText)), StringComparison.Ordinal);
        Assert.Contains(MarkdownSafety.Spaces(Title), MarkdownSafety.PlainText(WithoutMentions(post.Json!.AsObject())), StringComparison.Ordinal);
        var mention = (string)post.Json!["entities"]![0]!["text"]!;
        Assert.Matches(SafeMention(), mention);
        Assert.Contains(mention, (string)post.Json!["text"]!, StringComparison.Ordinal);
    }

    private static JsonObject HostileForm() => new()
    {
        ["verb"] = "projectSave",
        ["title"] = Title,
        ["partner"] = "<a href=\"https://evil.example\">x</a> <https://evil.example> &lt;at&gt;",
        ["summary"] = "# heading\n[Re-verify](https://evil.example/login)\n![x](https://evil.example/p.png)\n> quote",
        ["objective"] = "1. list\n- [x](https://evil.example/o)",
        ["deliverables"] = "[x][1]\n\n[1]: https://evil.example/ref",
        ["roles"] = "[Role](https://evil.example/r) | ![s](https://evil.example/s.png) | 1\n<at>Everyone</at> | **x** \\ ] | 2",
        ["hours"] = "5",
        ["start"] = "2027-01-10",
        ["end"] = "2027-03-31",
        ["mode"] = "onsite",
        ["place"] = "![map](https://evil.example/map.png)",
        ["language"] = "en",
    };

    /// <summary>Clicks Sign up on the channel card and answers every question; returns the 1:1 chat's id.</summary>
    private async Task<string> SignUpAsync(string aad, string id, string name, string role, List<JsonNode> invokeCards)
    {
        var response = await _bot.PostAsync(Activities.ChannelInvoke(Url, "signUp", new JsonObject { ["project"] = 1 }, aad, id, name));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        invokeCards.Add(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["value"]!);
        var question = await NextAsync(r => r.Method == "POST" && (string?)CardOf(r)?["body"]?[0]?["text"] is { } t && t.StartsWith("Which role", StringComparison.Ordinal)
            && r.RawTarget.Contains("conversation-", StringComparison.Ordinal));
        var chat = Uri.UnescapeDataString(question.Path.Split('/')[^2]);
        foreach (var (text, expect) in new[] { (role, "How many"), ("5", "A few"), (Note, "Please confirm"), ("yes", "You're confirmed") })
        {
            await _bot.PostAsync(Activities.Message(Url, text, conversationId: chat, fromAad: aad, fromId: id, fromName: name));
            await NextAsync(r => r.RawTarget.Contains(Uri.EscapeDataString(chat), StringComparison.Ordinal)
                && (((string?)r.Json?["text"])?.StartsWith(expect, StringComparison.Ordinal) == true
                    || CardOf(r)?["body"]?[0]?["text"]?.ToString().StartsWith(expect, StringComparison.Ordinal) == true));
        }

        return chat;
    }

    private async Task<RecordedRequest> NextAsync(Func<RecordedRequest, bool> predicate)
    {
        bool Fresh(RecordedRequest r) => !_seen.Contains(r) && predicate(r);
        var all = await _bot.Connector.WaitForAsync(rs => rs.Any(Fresh), TimeSpan.FromSeconds(15));
        var found = all.First(Fresh);
        _seen.Add(found);
        return found;
    }

    private static JsonNode? CardOf(RecordedRequest r) => r.Json?["attachments"]?[0]?["content"];

    /// <summary>What is wrong with one activity the bot sent: its text and every card attachment.</summary>
    private static IEnumerable<string> Problems(JsonObject activity)
    {
        if (activity["text"] is not null)
        {
            foreach (var problem in MarkdownSafety.Problems(WithoutMentions(activity)))
            {
                yield return $"message: {problem} in \"{activity["text"]}\"";
            }
        }

        foreach (var attachment in activity["attachments"]?.AsArray() ?? [])
        {
            foreach (var text in MarkdownSafety.RenderedTexts(attachment?["content"]))
            {
                foreach (var problem in MarkdownSafety.Problems(text))
                {
                    yield return $"card: {problem} in \"{text}\"";
                }
            }
        }
    }

    /// <summary>The text with the bot's own @mentions (those with a mention entity) taken out.</summary>
    private static string WithoutMentions(JsonObject activity)
    {
        var text = (string?)activity["text"] ?? string.Empty;
        foreach (var entity in activity["entities"]?.AsArray() ?? [])
        {
            if ((string?)entity?["type"] == "mention" && (string?)entity["text"] is { Length: > 0 } mention)
            {
                text = text.Replace(mention, "@member", StringComparison.Ordinal);
            }
        }

        return text;
    }

    [GeneratedRegex(@"^<at>[^<>\[\]*_`\\|&#~]+</at>$")]
    private static partial Regex SafeMention();
}
