using System.Text.RegularExpressions;
using ProBonoBot.Cards;
using ProBonoBot.Cards.Drafting;
using ProBonoBot.Drafting;

namespace ProBonoBot.Tests.Drafting;

/// <summary>Issue 11, manuals offline: real contacts, the need's site visits, and no bare to-confirm items.</summary>
public sealed class OfflineManualTests
{
    private const string Need = "南浜診療所です。担当は森さんです。訪問診療の予約と記録を紙で管理しています。最初に一度、現地に来て流れを見てほしいです。";

    [Theory]
    [InlineData(ManualKind.Operational)]
    [InlineData(ManualKind.Onboarding)]
    public void OfflineManual_BriefWithContact_NamesPartnerContactAndLeaderNotProjectManager(ManualKind kind)
    {
        var markdown = Manual(kind, Language.Japanese, "青木 陽子").ToMarkdown();

        Assert.DoesNotContain("プロジェクトマネージャー経由", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("プロジェクトマネージャーが窓口", markdown, StringComparison.Ordinal);
        Assert.Contains("支援先への連絡は青木 陽子が窓口。支援先の担当は森さん", markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ManualKind.Operational)]
    [InlineData(ManualKind.Onboarding)]
    public void OfflineManual_NeedDescribesVisit_SiteVisitSection(ManualKind kind)
    {
        var manual = Manual(kind, Language.Japanese, "青木 陽子");

        var visits = Assert.Single(manual.Sections, s => s.Heading == "現地訪問");
        Assert.Contains("現地に来て流れを見てほしいです", visits.Body, StringComparison.Ordinal);
        Assert.Contains("森さん", visits.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ManualKind.Operational, Language.Japanese)]
    [InlineData(ManualKind.Onboarding, Language.Japanese)]
    [InlineData(ManualKind.Onboarding, Language.English)]
    [InlineData(ManualKind.Phase, Language.English)]
    public void OfflineManual_NothingKnown_EveryToConfirmSaysWhat(ManualKind kind, Language language)
    {
        var context = new ManualContext("Market website", "Riverside Farmers Market", "A new website", null, null, 4, null, null, "Remote", null,
            [("Web designer", null, 2)], [], null);

        var markdown = OfflineManualWriter.Write(new ManualRequest(1, kind, language, string.Empty, context)).ToMarkdown();

        var marker = Regex.Escape(UiText.For(language).Drafting.ToConfirm);
        Assert.DoesNotMatch(new Regex($@"(?:^|[-:：→(（]\s*|\[ \]\s*){marker}\s*(?:$|[)）,、]|\s→)", RegexOptions.Multiline), markdown);
        Assert.Contains(UiText.For(language).Drafting.ToConfirm, markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("project manager", markdown, StringComparison.OrdinalIgnoreCase);
    }

    private static ManualDocument Manual(ManualKind kind, Language language, string leader)
    {
        var brief = OfflineBriefWriter.Write(new BriefRequest(Need, NeedAnswers.None, language));
        var context = new ManualContext(brief.Title, brief.Partner.Organisation, brief.Background, brief.Objective, string.Join("\n", brief.Deliverables), 5,
            "2027-01-10", null, "Hybrid", leader, [.. brief.Roles.Select(r => (r.Name, (string?)r.Skills, r.Seats))], [], brief);
        return OfflineManualWriter.Write(new ManualRequest(1, kind, language, string.Empty, context));
    }
}
