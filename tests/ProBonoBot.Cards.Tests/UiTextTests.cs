using System.Text.Json.Nodes;

namespace ProBonoBot.Cards.Tests;

public class UiTextTests
{
    private static JsonObject Load(string code) =>
        JsonNode.Parse(typeof(UiText).Assembly.GetManifestResourceStream($"ProBonoBot.Cards.Strings.{code}.json")!)!.AsObject();

    [Fact]
    public void Strings_EnglishAndJapanese_HaveTheSameKeysAndShapes()
    {
        var en = Load("en");
        var ja = Load("ja");

        Assert.Equal(en.Select(p => p.Key).Order(), ja.Select(p => p.Key).Order());
        foreach (var (key, value) in en)
        {
            Assert.Equal(value!.GetValueKind(), ja[key]!.GetValueKind());
            if (value is JsonArray array)
            {
                Assert.Equal(array.Count, ja[key]!.AsArray().Count);
            }
        }
    }

    [Theory]
    [InlineData(Language.English)]
    [InlineData(Language.Japanese)]
    public void For_EveryLanguage_LoadsWithNoEmptyText(Language language)
    {
        var text = UiText.For(language);

        foreach (var property in typeof(UiText).GetProperties().Where(p => p.PropertyType == typeof(string)))
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)property.GetValue(text)), $"{language}.{property.Name} is empty");
        }
    }

    [Fact]
    public void Japanese_IsActuallyJapanese()
    {
        Assert.True(Languages.LooksJapanese(UiText.For(Language.Japanese).HelpTitle));
        Assert.False(Languages.LooksJapanese(UiText.For(Language.English).HelpTitle));
    }

    [Theory]
    [InlineData("ja-JP", Language.Japanese)]
    [InlineData("ja", Language.Japanese)]
    [InlineData("JA-jp", Language.Japanese)]
    [InlineData("en-US", Language.English)]
    [InlineData("jav-ID", Language.English)]
    [InlineData(null, Language.English)]
    [InlineData("", Language.English)]
    public void FromLocale_MapsJaToJapanese(string? locale, Language expected) =>
        Assert.Equal(expected, Languages.FromLocale(locale));

    [Theory]
    [InlineData("ヘルプ", true)]
    [InlineData("参加 能登", true)]
    [InlineData("help", false)]
    [InlineData("ｶﾀｶﾅ", true)]
    public void LooksJapanese_DetectsKanaAndKanji(string text, bool expected) =>
        Assert.Equal(expected, Languages.LooksJapanese(text));
}
