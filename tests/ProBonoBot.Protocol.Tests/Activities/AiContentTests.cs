using System.Text.Json;
using System.Text.Json.Nodes;
using ProBonoBot.Protocol.Activities;

namespace ProBonoBot.Protocol.Tests.Activities;

/// <summary>The schema.org Message entity for the AI label and citations (issue 11: AI transparency as Teams expects).</summary>
public sealed class AiContentTests
{
    private static JsonNode Wire(Activity activity) =>
        JsonNode.Parse(JsonSerializer.Serialize(activity, ProtocolJsonContext.Default.Activity))!;

    [Fact]
    public void Apply_LabelAndCitation_ExactEntityJson()
    {
        var activity = new Activity { Type = "message", Text = "Partner: Riverside [1]" };

        AiContent.Apply(activity, aiGenerated: true, [new Citation(1, "The need", "The Riverside Farmers Market needs a new website.")]);

        var entity = Wire(activity)["entities"]![0]!;
        var expected = JsonNode.Parse("""
            {"type":"https://schema.org/Message","@type":"Message","@context":"https://schema.org","@id":"",
             "additionalType":["AIGeneratedContent"],
             "citation":[{"@type":"Claim","position":1,"appearance":{"@type":"DigitalDocument","name":"The need","abstract":"The Riverside Farmers Market needs a new website."}}]}
            """);
        Assert.True(JsonNode.DeepEquals(expected, entity), entity.ToJsonString());
    }

    [Fact]
    public void Apply_CitationsWithoutLabel_NoAdditionalType()
    {
        var activity = new Activity { Text = "Deadline: April [1]" };

        AiContent.Apply(activity, aiGenerated: false, [new Citation(1, "The need", "Live in April.")]);

        var entity = Wire(activity)["entities"]![0]!.AsObject();
        Assert.False(entity.ContainsKey("additionalType"));
        Assert.Equal(1, (int?)entity["citation"]![0]!["position"]);
    }

    [Fact]
    public void Apply_NeitherLabelNorCitations_NoEntity()
    {
        var activity = new Activity { Text = "Hello" };

        AiContent.Apply(activity, aiGenerated: false, []);

        Assert.Null(activity.Entities);
    }

    [Fact]
    public void Apply_LongAbstract_ClippedTo160WithEllipsis()
    {
        var activity = new Activity { Text = "x [1]" };

        AiContent.Apply(activity, true, [new Citation(1, new string('n', 100), new string('a', 300))]);

        var appearance = Wire(activity)["entities"]![0]!["citation"]![0]!["appearance"]!;
        Assert.Equal(AiContent.MaxAbstract, ((string?)appearance["abstract"])!.Length);
        Assert.EndsWith("…", (string?)appearance["abstract"], StringComparison.Ordinal);
        Assert.Equal(AiContent.MaxName, ((string?)appearance["name"])!.Length);
    }

    [Fact]
    public void Apply_TextLacksMarker_Throws()
    {
        var activity = new Activity { Text = "Partner: Riverside" };

        Assert.Throws<ArgumentException>(() => AiContent.Apply(activity, true, [new Citation(1, "The need", "…")]));
    }

    [Fact]
    public void Entity_RepeatedOrZeroPosition_Throws()
    {
        Assert.Throws<ArgumentException>(() => AiContent.Entity(false, [new Citation(1, "a", "b"), new Citation(1, "c", "d")]));
        Assert.Throws<ArgumentException>(() => AiContent.Entity(false, [new Citation(0, "a", "b")]));
    }

    [Fact]
    public void Entity_MoreThanTwentyCitations_Throws()
    {
        var many = Enumerable.Range(1, AiContent.MaxCitations + 1).Select(i => new Citation(i, "n", "a")).ToList();

        Assert.Throws<ArgumentException>(() => AiContent.Entity(true, many));
    }
}
