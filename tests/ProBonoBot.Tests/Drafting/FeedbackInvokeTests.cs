using System.Text.Json;
using ProBonoBot.Drafting.Feedback;

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

    [Fact]
    public void Read_TextOfExactlyTheLimit_Accepted()
    {
        var value = Value(JsonSerializer.Serialize(new { actionName = "feedback", actionValue = new { reaction = "like", feedback = JsonSerializer.Serialize(new { feedbackText = new string('あ', FeedbackInvoke.MaxText) }) } }));

        Assert.Equal(FeedbackInvoke.MaxText, FeedbackInvoke.Read(value)!.Text!.Length);
    }

    [Fact]
    public void Summary_PersonChangedTheirMind_CountedOnceWithLatestReaction()
    {
        var now = DateTimeOffset.UnixEpoch;
        FeedbackRow Row(long id, string kind, string person, string subject = "brief", string? comment = null) =>
            new() { Id = id, Kind = kind, SubjectKind = subject, SubjectId = 1, PersonAad = person, Comment = comment, CreatedAt = now };
        // Newest first, as the store returns them.
        var rows = new[]
        {
            Row(5, "like", "a"), Row(4, "report", "b"), Row(3, "dislike", "a", comment: "meh"), Row(2, "like", "b", "manual"), Row(1, "report", "b"),
        };

        var summary = FeedbackSummary.Build(rows, 30, 3);

        Assert.Equal(new Cards.Drafting.FeedbackCounts(1, 0, 2), summary.Briefs);
        Assert.Equal(new Cards.Drafting.FeedbackCounts(1, 0, 0), summary.Manuals);
        Assert.Equal(["report", "report", "dislike"], summary.Latest.Select(c => c.Kind));
    }

    [Fact]
    public void Shorten_CutInsideSurrogatePair_PairKeptWhole()
    {
        var text = new string('x', FeedbackSummary.MaxCommentShown - 1) + "😀" + "tail";

        var shown = FeedbackSummary.Shorten(text);

        Assert.Equal(new string('x', FeedbackSummary.MaxCommentShown - 1) + "…", shown);
    }
}
