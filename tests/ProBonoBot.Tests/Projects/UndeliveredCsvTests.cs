using ProBonoBot.Broadcasts;
using ProBonoBot.Cards;
using ProBonoBot.Outbox;

namespace ProBonoBot.Tests.Projects;

/// <summary>Issue 12: the not-reached list names people and channels and says why, in the leader's language, safe in a spreadsheet.</summary>
public class UndeliveredCsvTests
{
    private static readonly Undelivered[] Rows =
    [
        new() { UserAad = "aad-1", ConversationId = "a:1", Status = (long)DeliveryStatus.Blocked, PersonName = "=HYPERLINK(\"http://evil\")" },
        new() { UserAad = "aad-2", ConversationId = "a:2", Status = (long)DeliveryStatus.NotInstalled, PersonName = "佐藤 遥" },
        new() { ConversationId = "19:team@thread.tacv2", Status = (long)DeliveryStatus.Failed, Result = "500", TeamName = "プロボノ部", TeamId = "19:team@thread.tacv2" },
        new() { ConversationId = "19:design@thread.tacv2", Status = (long)DeliveryStatus.Cancelled, TeamName = "-Club", ChannelName = "Design", TeamId = "19:team@thread.tacv2" },
    ];

    private static string[] Lines(Language language) => UndeliveredCsv.Build(Rows, language).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void Build_Japanese_NamesKindsAndReasonsInJapanese()
    {
        var lines = Lines(Language.Japanese);

        Assert.Equal(UiText.For(Language.Japanese).Broadcasts.CsvHeader, lines[0]);
        Assert.StartsWith("\"佐藤 遥\",\"個人\",\"ボットをインストールしていません\",\"\",\"aad-2\",\"a:2\"", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("\"プロボノ部 — 一般\",\"チャネル\",", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public void Build_English_ChannelNamedByTeamAndChannel()
    {
        var lines = Lines(Language.English);

        Assert.StartsWith("\"'-Club — Design\",\"Channel\",\"Not sent: the broadcast was cancelled\"", lines[4], StringComparison.Ordinal);
        Assert.StartsWith("\"プロボノ部 — General\",\"Channel\",\"Could not be delivered", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NameStartingWithFormula_PrefixedWithQuoteAndQuotesDoubled()
    {
        var lines = Lines(Language.English);

        Assert.StartsWith("\"'=HYPERLINK(\"\"http://evil\"\")\",\"Person\",\"Has blocked the bot\"", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Build_Always_StartsWithBomForSpreadsheets() =>
        Assert.StartsWith("\uFEFF", UndeliveredCsv.Build([], Language.Japanese), StringComparison.Ordinal);
}
