using ProBonoBot.Cards.Json;
using ProBonoBot.Testing;

namespace ProBonoBot.Cards.Tests;

/// <summary>The one helper for user text (issue 10, item 3): what it escapes, and what it leaves alone.</summary>
public class MarkdownTests
{
    [Theory]
    [InlineData("[x](https://evil.example)", "\\[x\\](https://evil.example)")]
    [InlineData("![x](https://evil.example/p.png)", "!\\[x\\](https://evil.example/p.png)")]
    [InlineData("<at>Everyone</at>", "\\<at>Everyone\\</at>")]
    [InlineData("<https://evil.example>", "\\<https://evil.example>")]
    [InlineData("**a** _b_ ~c~ `d` | e", "\\*\\*a\\*\\* \\_b\\_ \\~c\\~ \\`d\\` \\| e")]
    [InlineData("back\\slash", "back\\\\slash")]
    [InlineData("# h\n- i\n+ j\n> k\n===\n12. l\n3) m", "\\# h\n\\- i\n\\+ j\n\\> k\n\\===\n12\\. l\n3\\) m")]
    [InlineData("a\r\n# b\r# c", "a\n\\# b\n\\# c")]
    [InlineData("&lt;b&gt; &#91; &#x5B;", "\\&lt;b\\&gt; \\&#91; \\&#x5B;")]
    public void Escape_MarkdownAndHtmlSyntax_IsEscaped(string text, string expected)
    {
        Assert.Equal(expected, Markdown.Escape(text));
    }

    [Theory]
    [InlineData("3 < 5 and 5 > 3, R&D, 1.5 h, 2027-01-10, #3, well-known, email@example.com")]
    [InlineData("https://example.org/path?a=1")]
    [InlineData("廃材トラッキング（能登）・データ分析")]
    public void Escape_OrdinaryText_IsUnchanged(string text)
    {
        Assert.Equal(text, Markdown.Escape(text));
    }

    [Fact]
    public void Escape_Null_IsEmpty()
    {
        Assert.Equal(string.Empty, Markdown.Escape(null));
    }

    [Fact]
    public void Formatting_ModelMarkdown_KeepsEmphasisAndListsShowsLinksAsText()
    {
        var result = Markdown.Formatting("- **Lead**: read [the guide](https://evil.example/g)\n- ![logo](https://evil.example/l.png) <b>x</b>");

        Assert.Empty(MarkdownSafety.Problems(result));
        Assert.Contains("Lead", MarkdownSafety.EmphasisTexts(result));
        Assert.Contains("the guide (https://evil.example/g)", MarkdownSafety.PlainText(result), StringComparison.Ordinal);
        Assert.StartsWith("- ", result, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[![x](https://evil.example/i.png)](https://evil.example/n)")]
    [InlineData("\\[x](https://evil.example/a) \\\\[y](https://evil.example/b)")]
    [InlineData("[x][1]\n\n[1]: https://evil.example/ref")]
    [InlineData("<https://evil.example> <at>Everyone</at> &lt;at&gt;")]
    public void Formatting_NestedOrEscapedLinks_FormNoLinkOrTag(string markdown)
    {
        Assert.Empty(MarkdownSafety.Problems(Markdown.Formatting(markdown)));
    }

    [Fact]
    public void Formatting_UserTextEscapedInside_IsShownAsTyped()
    {
        var user = "[Re-verify](https://evil.example/login) **x**";

        var result = Markdown.Formatting("- **Leader**: " + Markdown.Escape(user));

        Assert.Contains(user, MarkdownSafety.PlainText(result), StringComparison.Ordinal);
        Assert.Empty(MarkdownSafety.Problems(result));
    }

    [Theory]
    [InlineData("Kenji Tanaka", "<at>Kenji Tanaka</at>")]
    [InlineData("x</at><at>Everyone", "<at>x/atatEveryone</at>")]
    [InlineData("[Boss](https://evil.example) **b**", "<at>Boss(https://evil.example) b</at>")]
    [InlineData("<>", "<at>?</at>")]
    [InlineData(null, "<at>?</at>")]
    public void Mention_HostileName_CannotLeaveTheTagOrFormat(string? name, string expected)
    {
        Assert.Equal(expected, Markdown.Mention(name));
    }
}
