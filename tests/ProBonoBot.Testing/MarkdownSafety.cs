using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ProBonoBot.Testing;

/// <summary>
/// Checks card JSON and message text the way a Markdown renderer reads it, with an independent CommonMark parser
/// (Markdig): no link, image, autolink, HTML tag, heading or quote may come out of user text.
/// </summary>
public static partial class MarkdownSafety
{
    /// <summary>Strings an attacker would put into any field a user fills in.</summary>
    public static IReadOnlyList<string> HostileStrings { get; } =
    [
        "[Re-verify your Teams login](https://evil.example/login)",
        "![x](https://evil.example/p.png)",
        "<at>Everyone</at>",
        "<a href=\"https://evil.example\">x</a>",
        "<https://evil.example>",
        "**bold** _it_ ~~gone~~ `code`",
        "# heading",
        "1. list\n- item\n> quote\n| a | b |\n|---|---|\nsetext\n===",
        "back\\slash \\[x\\](https://evil.example/escaped) \\",
        "lone ] and [ brackets",
        "&lt;at&gt;Everyone&lt;/at&gt; &#91;x&#93;(https://evil.example/entity)",
        "[x][1]\n\n[1]: https://evil.example/ref",
        "[![img](https://evil.example/i.png)](https://evil.example/nested)",
        "line one\r\n[two](https://evil.example/crlf)\rthree",
        Long(),
    ];

    /// <summary>Every attack in one line, short enough for a title (120 characters).</summary>
    public const string HostileTitle = "[Re-verify](https://evil.example/login) ![x](https://evil.example/p.png) <at>Everyone</at> **bold** \\ ]";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();

    private static string Long()
    {
        var part = "[Re-verify](https://evil.example/login) ![x](https://evil.example/p.png) <at>Everyone</at> ";
        var text = string.Concat(Enumerable.Repeat(part, 2000 / part.Length + 1));
        return text[..2000];
    }

    /// <summary>The strings of a card that Teams renders as Markdown: TextBlocks, facts, expanded choices, toggles.</summary>
    public static IEnumerable<string> RenderedTexts(JsonNode? node)
    {
        if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                foreach (var text in RenderedTexts(item))
                {
                    yield return text;
                }
            }
        }
        else if (node is JsonObject obj)
        {
            var type = (string?)(obj["type"] as JsonValue);
            if (type == "TextBlock" && (string?)obj["text"] is { } text)
            {
                yield return text;
            }
            else if (type == "FactSet")
            {
                foreach (var fact in obj["facts"]?.AsArray() ?? [])
                {
                    yield return (string?)fact!["title"] ?? string.Empty;
                    yield return (string?)fact!["value"] ?? string.Empty;
                }
            }
            else if (type == "Input.ChoiceSet" && (string?)obj["style"] == "expanded")
            {
                foreach (var choice in obj["choices"]?.AsArray() ?? [])
                {
                    yield return (string?)choice!["title"] ?? string.Empty;
                }
            }
            else if (type == "Input.Toggle" && (string?)obj["title"] is { } title)
            {
                yield return title;
            }

            foreach (var (_, child) in obj)
            {
                if (child is JsonObject or JsonArray)
                {
                    foreach (var inner in RenderedTexts(child))
                    {
                        yield return inner;
                    }
                }
            }
        }
    }

    /// <summary>What a Markdown renderer makes of <paramref name="markdown"/> that user text must never produce.</summary>
    /// <param name="allowedLinkPrefix">Links of our own (e.g. a manual's earlier versions), allowed when they start with this.</param>
    public static IReadOnlyList<string> Problems(string markdown, string? allowedLinkPrefix = null)
    {
        var problems = new List<string>();
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case LinkInline { IsImage: true } image:
                    problems.Add($"image {image.Url}");
                    break;
                case LinkInline link when allowedLinkPrefix is null || link.Url?.StartsWith(allowedLinkPrefix, StringComparison.Ordinal) != true:
                    problems.Add($"link {link.Url}");
                    break;
                case AutolinkInline autolink:
                    problems.Add($"autolink {autolink.Url}");
                    break;
                case HtmlInline html:
                    problems.Add($"HTML {html.Tag}");
                    break;
                case HtmlBlock:
                    problems.Add("HTML block");
                    break;
                case HeadingBlock:
                    problems.Add("heading");
                    break;
                case QuoteBlock:
                    problems.Add("quote");
                    break;
                case LinkReferenceDefinition definition:
                    problems.Add($"link definition {definition.Url}");
                    break;
            }
        }

        return problems;
    }

    /// <summary>The text a reader sees, with runs of white space made one space.</summary>
    public static string PlainText(string markdown) => Spaces(Markdig.Markdown.ToPlainText(markdown, Pipeline));

    /// <summary>Runs of white space (line breaks too) made one space, trimmed.</summary>
    public static string Spaces(string text) => WhiteSpace().Replace(text, " ").Trim();

    /// <summary>The texts of the bold and italic runs of <paramref name="markdown"/>.</summary>
    public static IReadOnlyList<string> EmphasisTexts(string markdown) =>
        [.. Markdig.Markdown.Parse(markdown, Pipeline).Descendants<EmphasisInline>()
            .Select(e => Spaces(string.Concat(e.Descendants<LiteralInline>().Select(l => l.Content.ToString()))))];

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
