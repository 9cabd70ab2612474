using System.Text.Json;
using ProBonoBot.Drafting.Feedback;
using ProBonoBot.Protocol.Activities;

namespace ProBonoBot.Tests.Drafting;

/// <summary>Issue 11: reading Teams' feedback form answer, and the leaders' summary counts.</summary>
public sealed class FeedbackInvokeTests
{
    private static JsonElement Value(string json) => JsonDocument.Parse(json).RootElement.Clone();

    [Theory]
    [InlineData("""{"actionName":"feedback","actionValue":{"reaction":"like","feedback":"{\"feedbackText\":\"Nice\"}"}}""", "like", "Nice")]
    [InlineData("""{"actionName":"feedback","actionValue":{"reaction":"dislike","feedback":{"feedbackText":"As an object"}}}""", "dislike", "As an object")]
    [InlineData("""{"actionName":"feedback","actionValue":{"reaction":"like","feedback":"{\"feedbackText\":\"  \"}"}}""", "like", null)]
    [InlineData("""{"actionName":"feedback","actionValue":{"reaction":"like","feedback":""}}""", "like", null)]
    [InlineData("""{"actionName":"feedback","actionValue":{"reaction":"like"}}""", "like", null)]
    [InlineData("""{"actionName":"feedback","actionValue":{"reaction":"like","feedback":"{}"}}""", "like", null)]
    public void Read_FormAnswer_ReactionAndTrimmedText(string json, string reaction, string? text) =>
        Assert.Equal(new FeedbackSubmission(reaction, text), FeedbackInvoke.Read(Value(json)));

    [Theory]
    [InlineData("""{"actionName":"feedback","actionValue":{"reaction":"LIKE"}}""")]
    [InlineData("""{"actionName":"feedback","actionValue":{"reaction":1}}""")]
    [InlineData("""{"actionName":"feedback","actionValue":"like"}""")]
    [InlineData("""{"actionName":"other","actionValue":{"reaction":"like"}}""")]
    [InlineData("""{"actionName":"feedback","actionValue":{"reaction":"like","feedback":"[1,2]"}}""")]
    [InlineData("""{"actionName":"feedback","actionValue":{"reaction":"like","feedback":"\"quoted\""}}""")]
    [InlineData("""{"actionName":"feedback","actionValue":{"reaction":"like","feedback":"{\"feedbackText\":\"\ud800\"}"}}""")]
    [InlineData("""[]""")]
    public void Read_NotAFormAnswer_Null(string json) => Assert.Null(FeedbackInvoke.Read(Value(json)));

    [Theory]
    [InlineData("""{"actionName":"feedback","actionValue":{"reaction":"like","feedback":"{\"feedbackText\":\"a\\u0000b\"}"}}""")]
    [InlineData("""{"actionName":"feedback","actionValue":{"reaction":"like","feedback":"{\"feedbackText\":\"a\\ud800b\"}"}}""")]
    [InlineData("""{"actionName":"feedback","actionValue":{"reaction":"like","feedback":"{\"feedbackText\":\"a\\udc00\"}"}}""")]
    public void Read_NulOrLoneSurrogateEscapedInsideTheFormsJson_Null(string json)
    {
        // Issue 11 review, item 1: the door's check saw "\\u0000", an escaped backslash; only the inner decode yields the NUL.
        Assert.Null(TextHygiene.Check(System.Text.Encoding.UTF8.GetBytes(json)));
        Assert.Null(FeedbackInvoke.Read(Value(json)));
    }

    [Fact]
    public void Read_TextOverTheLimit_CutOnAWholeCharacterAndCleaned()
    {
        // Issue 11 review, items 4 and 7: over-long text is kept (cut), an emoji at the cut is not split, bidi controls go.
        var typed = "\u202E" + new string('x', FeedbackInvoke.MaxText - 1) + "😀 and more";
        var value = Value(JsonSerializer.Serialize(new { actionName = "feedback", actionValue = new { reaction = "dislike", feedback = JsonSerializer.Serialize(new { feedbackText = typed }) } }));

        var text = FeedbackInvoke.Read(value)!.Text!;

        Assert.Equal(new string('x', FeedbackInvoke.MaxText - 1), text);
    }

    [Fact]
    public void Read_TextOfExactlyTheLimit_Accepted()
    {
        var value = Value(JsonSerializer.Serialize(new { actionName = "feedback", actionValue = new { reaction = "like", feedback = JsonSerializer.Serialize(new { feedbackText = new string('あ', FeedbackInvoke.MaxText) }) } }));

        Assert.Equal(FeedbackInvoke.MaxText, FeedbackInvoke.Read(value)!.Text!.Length);
    }

    [Fact]
    public void Shorten_CutInsideSurrogatePair_PairKeptWhole()
    {
        var text = new string('x', FeedbackSummary.MaxCommentShown - 1) + "😀" + "tail";

        var shown = FeedbackSummary.Shorten(text);

        Assert.Equal(new string('x', FeedbackSummary.MaxCommentShown - 1) + "…", shown);
    }
}
