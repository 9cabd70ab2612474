using System.Text.Json.Nodes;
using ProBonoBot.Cards;
using ProBonoBot.Cards.Hours;
using ProBonoBot.Testing;

namespace ProBonoBot.Tests.Hours;

/// <summary>The hours cards with hostile text in every field people fill in (titles, milestone titles, names, notes): nothing becomes a link, tag or heading.</summary>
public sealed class HoursCardSafetyTests
{
    public static TheoryData<int> Hostile()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < MarkdownSafety.HostileStrings.Count; i++)
        {
            data.Add(i);
        }

        return data;
    }

    private static IEnumerable<(string Name, JsonObject Card)> Cards(string h)
    {
        var ask = new HoursAsk(3, h, "w:2026-W49", "Meeting: " + h + " on 12/3", 90, "2026-12-03", h);
        yield return ("prompt", HoursCards.Prompt(Language.English, ask));
        yield return ("edit", HoursCards.Edit(Language.Japanese, ask));
        yield return ("mine", HoursCards.Mine(Language.English, new MyHoursModel(
            [new MyHoursProject(3, h, [new MyHoursLine(1, ask.PeriodLabel, "2026-12-03", 90, HoursState.Corrected, 120, h, "m:1")], 90, 0, ask)], 90, 0, 1)));
        yield return ("approval", HoursCards.Approval(Language.English, new ApprovalModel(3, h,
            [new ApprovalLine(1, h, ask.PeriodLabel, "2026-12-03", 90, h, "abc", 24 * 60)], 0)));
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void HoursCards_HostileUserText_FormsNoLinkImageMentionOrTag(int index)
    {
        var problems = Cards(MarkdownSafety.HostileStrings[index])
            .SelectMany(c => MarkdownSafety.RenderedTexts(c.Card).SelectMany(text => MarkdownSafety.Problems(text).Select(p => $"{c.Name}: {p} in \"{text}\"")))
            .ToList();

        Assert.Empty(problems);
    }
}
