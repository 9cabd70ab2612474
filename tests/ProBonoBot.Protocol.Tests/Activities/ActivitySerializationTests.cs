using System.Text.Json.Nodes;
using ProBonoBot.Protocol.Activities;

namespace ProBonoBot.Protocol.Tests.Activities;

public class ActivitySerializationTests
{
    [Theory]
    [InlineData("playground-message.json")]
    [InlineData("playground-installation.json")]
    [InlineData("teams-channel-mention.json")]
    [InlineData("teams-invoke-action.json")]
    [InlineData("teams-team-install.json")]
    public void RoundTrip_RealFixture_KeepsEveryProperty(string fixture)
    {
        var original = JsonNode.Parse(Fixtures.Bytes(fixture))!;

        var written = JsonNode.Parse(ActivityParser.ToUtf8Json(Fixtures.Activity(fixture)))!;

        Assert.True(JsonNode.DeepEquals(Normalize(original), Normalize(written)),
            $"Round trip changed the activity:\n{original.ToJsonString()}\n---\n{written.ToJsonString()}");
    }

    [Fact]
    public void TryParse_PlaygroundMessage_ReadsTypedFields()
    {
        var activity = Fixtures.Activity("playground-message.json");

        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Equal("personal-chat-id", activity.Conversation!.Id);
        Assert.Equal("00000000-0000-0000-0000-0000000000020", activity.From!.AadObjectId);
        Assert.Equal("00000000-0000-0000-0000-0000000000001", activity.GetTenantId());
        Assert.True(activity.Extra!.ContainsKey("localTimezone"));
    }

    [Theory]
    [InlineData("{not json", "not a valid activity")]
    [InlineData("null", "empty")]
    [InlineData("{\"id\":\"1\"}", "no 'type'")]
    [InlineData("{\"type\":\"\"}", "no 'type'")]
    [InlineData("[1,2]", "not a valid activity")]
    [InlineData("{\"type\":\"message\",\"from\":\"not-an-object\"}", "not a valid activity")]
    public void TryParse_Malformed_FailsWithReason(string json, string reason)
    {
        var ok = ActivityParser.TryParse(System.Text.Encoding.UTF8.GetBytes(json), out var activity, out var error);

        Assert.False(ok);
        Assert.Null(activity);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void GetTextWithoutMentions_ChannelMention_StripsBotMention()
    {
        var activity = Fixtures.Activity("teams-channel-mention.json");

        Assert.Equal("ヘルプ", activity.GetTextWithoutMentions());
    }

    [Fact]
    public void GetTextWithoutMentions_MentionWithoutEntity_StripsAtTag()
    {
        var activity = new Activity { Type = "message", Text = "<at>Pro Bono Bot</at>  help  me" };

        Assert.Equal("help me", activity.GetTextWithoutMentions());
    }

    [Theory]
    [InlineData("<at>Bot</at> help", "help")]
    [InlineData("<AT>Bot</At>help", "help")]
    [InlineData("<at id=\"0\">Bot</at> sign up 3", "sign up 3")]
    [InlineData("<at>a <at>b</at> c", "c")]
    [InlineData("x <at>open but never closed", "x <at>open but never closed")]
    [InlineData("<at no closing angle", "<at no closing angle")]
    [InlineData("a<at>1</at>b<at>2</at>c", "abc")]
    [InlineData("<attachment>x</at> y", "y")]
    [InlineData("\t help \r\n  me\u00a0 now \u3000", "help me now")]
    [InlineData("", "")]
    public void GetTextWithoutMentions_Variants_SameAsTheFormerRegex(string text, string expected)
    {
        text = System.Text.RegularExpressions.Regex.Unescape(text);
        var activity = new Activity { Type = "message", Text = text };

        Assert.Equal(expected, activity.GetTextWithoutMentions());
        Assert.Equal(expected, Reference(text));
    }

    // Issue 10, item 1: a 156 KB text of "<at>" repeated made the regex time out in the turn context's constructor.
    [Theory]
    [InlineData("<at>")]
    [InlineData("<at")]
    [InlineData("<at>x</a")]
    public void GetTextWithoutMentions_HugeRepeatedAtTags_FastAndNoThrow(string unit)
    {
        var text = string.Concat(Enumerable.Repeat(unit, 156 * 1024 / unit.Length));
        var activity = new Activity { Type = "message", Text = text + "<at>bot</at> help" };
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var result = activity.GetTextWithoutMentions();

        Assert.True(clock.ElapsedMilliseconds < 1000, $"{clock.ElapsedMilliseconds} ms");
        Assert.EndsWith("help", result, StringComparison.Ordinal);
    }

    /// <summary>The former implementation, kept here to compare results on ordinary input.</summary>
    private static string Reference(string text)
    {
        text = System.Text.RegularExpressions.Regex.Replace(text, "<at[^>]*>.*?</at>", string.Empty,
            System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.Singleline);
        return System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ").Trim();
    }

    [Fact]
    public void GetLocale_NoLocaleProperty_UsesClientInfoEntity()
    {
        var activity = Fixtures.Activity("teams-channel-mention.json");
        activity.Locale = null;

        Assert.Equal("ja-JP", activity.GetLocale());
    }

    [Fact]
    public void BotWasAdded_TeamInstall_True()
    {
        var activity = Fixtures.Activity("teams-team-install.json");

        Assert.True(activity.BotWasAdded());
        Assert.Equal("Pro Bono Club", activity.ChannelData!.Team!.Name);
        Assert.Equal("teamMemberAdded", activity.ChannelData.EventType);
    }

    private static JsonNode Normalize(JsonNode node)
    {
        // Timestamps are re-written in round-trip format; compare them as instants.
        if (node is JsonObject obj)
        {
            foreach (var key in obj.Select(p => p.Key).ToList())
            {
                if (key == "timestamp" && obj[key] is JsonValue v && v.TryGetValue<string>(out var s))
                {
                    obj[key] = DateTimeOffset.Parse(s, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();
                }
                else if (obj[key] is { } child)
                {
                    Normalize(child);
                }
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                if (item is not null)
                {
                    Normalize(item);
                }
            }
        }

        return node;
    }
}
