using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ProBonoBot.Testing;

namespace ProBonoBot.Cards.Tests;

/// <summary>
/// Issue 10, item 3 (safe text): every card, rendered with hostile strings in every user-text field, is read by a
/// CommonMark parser — no link, image, mention, HTML tag, heading or quote comes from user text, the text shows as
/// typed, our own bold labels still work, and edit forms give the raw text back.
/// </summary>
public class HostileTextTests
{
    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static TheoryData<int> Hostile()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < MarkdownSafety.HostileStrings.Count; i++)
        {
            data.Add(i);
        }

        return data;
    }

    public static TheoryData<string> HostileCardNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in HostileCatalog.Build("x").Keys)
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [InlineData(0, "link")]
    [InlineData(1, "image")]
    [InlineData(2, "HTML")]
    [InlineData(4, "autolink")]
    [InlineData(6, "heading")]
    public void Checker_RawHostileText_FindsTheAttack(int index, string kind)
    {
        Assert.Contains(MarkdownSafety.Problems(MarkdownSafety.HostileStrings[index]), p => p.StartsWith(kind, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void EveryCard_HostileUserText_FormsNoLinkImageMentionOrTag(int index)
    {
        var hostile = MarkdownSafety.HostileStrings[index];

        var problems = HostileCatalog.Build(hostile)
            .SelectMany(card => MarkdownSafety.RenderedTexts(card.Value)
                .SelectMany(text => MarkdownSafety.Problems(text, HostileCatalog.OwnLinkPrefix).Select(p => $"{card.Key}: {p} in \"{text}\"")))
            .ToList();

        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void EveryCard_HostileUserText_NoMentionEntities(int index)
    {
        foreach (var (name, card) in HostileCatalog.Build(MarkdownSafety.HostileStrings[index]))
        {
            Assert.True(card["msteams"]?["entities"] is null, name);
        }
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void EveryCard_HostileUserText_IsShownAsTyped(int index)
    {
        var hostile = MarkdownSafety.HostileStrings[index];
        var expected = MarkdownSafety.Spaces(hostile);

        foreach (var (name, card) in HostileCatalog.Build(hostile).Where(c => !HostileCatalog.NotRendered.Contains(c.Key)))
        {
            var shown = MarkdownSafety.RenderedTexts(card).Select(MarkdownSafety.PlainText).ToList();
            Assert.True(shown.Any(s => s.Contains(expected, StringComparison.Ordinal)), $"{name} does not show \"{expected}\" as typed: {string.Join(" | ", shown)}");
        }
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void EditForms_HostileUserText_InputValuesAreTheRawText(int index)
    {
        var hostile = MarkdownSafety.HostileStrings[index];
        var cards = HostileCatalog.Build(hostile);

        var projectInputs = Inputs(cards["project-form"]);
        foreach (var id in new[] { "title", "partner", "summary", "objective", "deliverables", "roles", "place" })
        {
            Assert.Equal(hostile, (string?)projectInputs[id]["value"]);
        }

        var briefInputs = Inputs(cards["brief-author"]);
        foreach (var id in new[] { "title", "organisation", "contact", "background", "objective", "time", "start", "deadline" })
        {
            Assert.Equal(hostile, (string?)briefInputs[id]["value"]);
        }

        Assert.Equal("#3 " + hostile, (string?)Inputs(cards["manual-choose"])["project"]["choices"]![0]!["title"]);
    }

    [Fact]
    public void OwnLabels_HostileTitle_KeepTheirBold()
    {
        var hostile = MarkdownSafety.HostileStrings[0];
        var cards = HostileCatalog.Build(hostile);

        var askRole = (string)cards["ask-role"]["body"]![0]!["text"]!;
        var roleHeading = MarkdownSafety.RenderedTexts(cards["announcement"]).First(t => t.StartsWith("**1.", StringComparison.Ordinal));

        Assert.Contains(hostile, MarkdownSafety.EmphasisTexts(askRole));
        Assert.Contains("1. " + hostile, MarkdownSafety.EmphasisTexts(roleHeading));
        Assert.Empty(MarkdownSafety.Problems(askRole));
    }

    /// <summary>
    /// The hostile cards as files: tests/node/cards-render.test.mjs renders them with the official Adaptive Cards
    /// renderer and checks the DOM for links and images. After an intended change, run with UPDATE_GOLDEN=1.
    /// </summary>
    [Theory]
    [MemberData(nameof(HostileCardNames))]
    public void HostileCard_MatchesGoldenFile(string name)
    {
        var actual = HostileCatalog.Build(MarkdownSafety.HostileTitle)[name].ToJsonString(Pretty).ReplaceLineEndings("\n") + "\n";
        var path = Path.Combine(HostileDirectory(), name + ".json");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(HostileDirectory());
            File.WriteAllText(path, actual);
        }

        Assert.True(File.Exists(path), $"Golden file {path} is missing: run with UPDATE_GOLDEN=1 and review it.");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }

    [Fact]
    public void HostileGoldenDirectory_HasNoFileWithoutACard()
    {
        var files = Directory.GetFiles(HostileDirectory(), "*.json").Select(f => Path.GetFileNameWithoutExtension(f)!);

        Assert.Equal(HostileCatalog.Build("x").Keys.Order(), files.Order());
    }

    private static string HostileDirectory([System.Runtime.CompilerServices.CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "Golden", "hostile");

    private static Dictionary<string, JsonObject> Inputs(JsonNode? node, Dictionary<string, JsonObject>? found = null)
    {
        found ??= new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        if (node is JsonObject obj)
        {
            if (((string?)(obj["type"] as JsonValue))?.StartsWith("Input.", StringComparison.Ordinal) == true && (string?)obj["id"] is { } id)
            {
                found[id] = obj;
            }

            foreach (var (_, child) in obj)
            {
                Inputs(child, found);
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                Inputs(item, found);
            }
        }

        return found;
    }
}
