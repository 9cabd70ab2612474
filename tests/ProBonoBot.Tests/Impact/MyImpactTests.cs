using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ProBonoBot.Profiles;
using ProBonoBot.Tests.Privacy;

namespace ProBonoBot.Tests.Impact;

/// <summary><c>my impact</c> / <c>私の活動</c>: a member's projects, hours and skills, and the empty state.</summary>
public sealed class MyImpactTests : IAsyncLifetime
{
    private BotHost _bot = null!;
    private ClosingScenario _s = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHost.StartAsync();
        _s = new ClosingScenario(_bot);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private async Task<string> MyImpactAsync(string text, string aad = ClosingScenario.Kenji, string chat = "a:volunteer")
    {
        var card = ClubScenario.CardOf(await _s.TypeAsync(text, aad, "29:" + aad, chat));
        Assert.NotNull(card);
        return ClubScenario.Readable(card.ToJsonString());
    }

    [Fact]
    public async Task MyImpact_NothingYet_FriendlyPointerToProjects()
    {
        var card = await MyImpactAsync("my impact", "aad-newcomer", "a:newcomer");

        Assert.Contains("Nothing here yet", card, StringComparison.Ordinal);
        Assert.Contains("Type `projects`", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyImpact_Japanese_EmptyStateInJapanese()
    {
        var card = await MyImpactAsync("私の活動", "aad-newcomer", "a:newcomer");

        Assert.Contains("\"text\":\"私の活動\"", card, StringComparison.Ordinal);
        Assert.Contains("「募集中」", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyImpact_OnATeam_ProjectsWithStatusApprovedAndWaitingHours()
    {
        var number = await _s.TeamAsync();

        var card = await MyImpactAsync("my impact");

        Assert.Contains($"**#{number}** Reclaimed wood tracking app · Team formed", card, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"Approved hours in total\",\"value\":\"1.5 h\"", card, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"Waiting for approval\",\"value\":\"0.5 h\"", card, StringComparison.Ordinal);
        Assert.Contains("1.5 h approved · Waiting for approval 0.5 h", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyImpact_AfterClosing_SkillsUsedAndProfileSkills()
    {
        var number = await _s.TeamAsync();
        await _bot.Services.GetRequiredService<ProfileStore>().SaveAsync(new Profile(ClosingScenario.Kenji, "Kenji", ["video-editing"], "写真撮影", [], null, [], null, null), default);
        await _s.SubmitAsync(ClosingScenario.Save(number));

        var card = await MyImpactAsync("my impact");

        Assert.Contains("· Completed", card, StringComparison.Ordinal);
        var blocks = JsonNode.Parse(card)!["body"]!.AsArray().Select(n => (string?)n!["text"]).ToList();
        Assert.Equal("Excel, Figma, 写真撮影, 経理", blocks[blocks.IndexOf("Skills used on projects") + 1]);
        Assert.Equal("video editing, Excel, Figma, 写真撮影", blocks[blocks.IndexOf("Skills on my profile") + 1]);
    }
}
