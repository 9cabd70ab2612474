namespace ProBonoBot.Cards.Projects;

/// <summary>A project's summary as cards show it: a preview of a long one, the whole text under Details.</summary>
public static class SummaryText
{
    /// <summary>The longest summary a card shows whole; a longer one is cut (the full text is under Details).</summary>
    public const int PreviewLength = 300;

    /// <summary>
    /// The summary as a card shows it: whole up to <see cref="PreviewLength"/> characters, otherwise cut at the
    /// last sentence end (or space, for text without sentence marks) in the second half of that length, with "…".
    /// </summary>
    public static string Preview(string? summary)
    {
        var text = (summary ?? string.Empty).Trim();
        if (text.Length <= PreviewLength)
        {
            return text;
        }

        var cut = LastBreak(text, ".。!?！？\n", afterEnd: true);
        if (cut < 0)
        {
            cut = LastBreak(text, " 、,", afterEnd: false);
        }

        if (cut < 0)
        {
            cut = PreviewLength;
        }

        // Never split a surrogate pair (emoji, rare kanji).
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..cut].TrimEnd() + "…";
    }

    /// <summary>The cut position after (or at) the last of <paramref name="marks"/> within the preview's second half; -1 if none.</summary>
    private static int LastBreak(string text, string marks, bool afterEnd)
    {
        for (var i = PreviewLength - 1; i >= PreviewLength / 2; i--)
        {
            // A Latin full stop ends a sentence only before a space ("3.5", "e.g.x" do not).
            if (marks.Contains(text[i], StringComparison.Ordinal) && !(afterEnd && text[i] is '.' or '!' or '?' && !char.IsWhiteSpace(text[i + 1])))
            {
                return afterEnd ? i + 1 : i;
            }
        }

        return -1;
    }
}
