using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProBonoBot.Cards.Tests;

/// <summary>
/// Each card's JSON is compared with its reviewed golden file under <c>Golden/</c>. After an intended change,
/// run with <c>UPDATE_GOLDEN=1</c> and review the diff. The Adaptive Cards renderer test reads the same files.
/// </summary>
public class GoldenCardTests
{
    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string GoldenDirectory([System.Runtime.CompilerServices.CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "Golden");

    [Theory]
    [MemberData(nameof(CardCatalog.Names), MemberType = typeof(CardCatalog))]
    public void Card_MatchesGoldenFile(string name)
    {
        var actual = CardCatalog.All[name]().ToJsonString(Pretty).ReplaceLineEndings("\n") + "\n";
        var path = Path.Combine(GoldenDirectory(), name + ".json");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
        }

        Assert.True(File.Exists(path), $"Golden file {path} is missing: run with UPDATE_GOLDEN=1 and review it.");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }

    [Fact]
    public void GoldenDirectory_HasNoFileWithoutACard()
    {
        var files = Directory.GetFiles(GoldenDirectory(), "*.json").Select(f => Path.GetFileNameWithoutExtension(f)!);

        Assert.Equal(CardCatalog.All.Keys.Order(), files.Order());
    }

    [Theory]
    [MemberData(nameof(CardCatalog.Names), MemberType = typeof(CardCatalog))]
    public void Card_IsVersion15WithSchemaAndFullWidth(string name)
    {
        var card = CardCatalog.All[name]();

        Assert.Equal("AdaptiveCard", (string?)card["type"]);
        Assert.Equal("1.5", (string?)card["version"]);
        Assert.Equal("Full", (string?)card["msteams"]!["width"]);
    }

    [Fact]
    public void WelcomeCard_NameWithMarkdown_IsEscaped()
    {
        var card = WelcomeCardWithName("**Boss** [click](https://evil.example)");

        var text = (string?)card["body"]![1]!["text"];
        Assert.Contains("\\*\\*Boss\\*\\* \\[click\\](https://evil.example)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void WelcomeCard_NameWithQuotes_StaysValidJson()
    {
        var json = WelcomeCardWithName("\"}],\"actions\":[{\"type\":\"Action.OpenUrl\"").ToJsonString();

        var parsed = JsonNode.Parse(json)!;
        Assert.Equal(2, parsed["actions"]!.AsArray().Count);
        Assert.DoesNotContain("Action.OpenUrl\"}", json, StringComparison.Ordinal);
    }

    private static JsonObject WelcomeCardWithName(string name) =>
        Welcome.WelcomeCard.Build(Language.English, name, inChannel: false);
}
