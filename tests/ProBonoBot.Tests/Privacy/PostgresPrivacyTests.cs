using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ProBonoBot.Cards.Projects;
using ProBonoBot.Projects;
using ProBonoBot.Tests.Storage;

namespace ProBonoBot.Tests.Privacy;

/// <summary>Issue 10 items 5 and 13 on PostgreSQL: published_at (migration 0006) and the confirmation flow.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class PostgresPrivacyTests(DatabaseFixture databases) : IAsyncLifetime
{
    private BotHost _bot = null!;
    private ClubScenario _club = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHost.StartAsync(await databases.NewPostgresDatabaseAsync());
        _club = new ClubScenario(_bot);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private async Task<(HttpStatusCode Status, string Body)> ViewAsync(long project)
    {
        var response = await _bot.PostAsync(Activities.ChannelInvoke(_bot.Connector.ServiceUrl, "projectView", new JsonObject { ["project"] = project }, "aad-outsider", "29:outsider", "Outsider"));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ProjectView_OnPostgres_DraftAndDraftCancelledHiddenPublishedThenCancelledShown()
    {
        var store = _bot.Services.GetRequiredService<ProjectStore>();
        await _club.InstallInTeamAsync();
        var draft = await _club.CreateDraftAsync("Hidden draft");
        var cancelledDraft = await _club.CreateDraftAsync("Cancelled draft");
        await store.SetStatusAsync(cancelledDraft, [ProjectStatus.Draft], ProjectStatus.Cancelled, default);
        var published = await _club.CreateDraftAsync("Published project");
        await _club.PublishAsync(published);
        await store.SetStatusAsync(published, [ProjectStatus.Recruiting], ProjectStatus.Cancelled, default);

        var unknown = await ViewAsync(99);

        Assert.Equal(unknown, await ViewAsync(draft));
        Assert.Equal(unknown, await ViewAsync(cancelledDraft));
        Assert.Equal(HttpStatusCode.OK, (await ViewAsync(published)).Status);
    }

    [Fact]
    public async Task Withdraw_OnPostgres_ConfirmActsOnceKeepAndTamperChangeNothing()
    {
        await _club.InstallInTeamAsync();
        var number = await _club.CreateDraftAsync();
        await _club.PublishAsync(number);
        await _club.SignUpAsync(number, 1);
        await _bot.PostAsync(Activities.Message(_bot.Connector.ServiceUrl, $"withdraw {number}", conversationId: "a:volunteer", fromAad: ClubScenario.VolunteerAad, fromId: ClubScenario.VolunteerId));
        var ask = await _club.WaitAsync(r => ClubScenario.Says(r, "Withdraw from #"));
        var confirm = ClubScenario.FirstActionData(ask);
        var tampered = confirm.DeepClone().AsObject();
        tampered["state"] = "0";

        await _bot.PostAsync(Activities.Submit(_bot.Connector.ServiceUrl, tampered, conversationId: "a:volunteer", fromAad: ClubScenario.VolunteerAad, fromId: ClubScenario.VolunteerId));
        await _club.WaitAsync(r => ClubScenario.Says(r, "isn't valid"));
        Assert.Equal(1, await _club.CountAsync("SELECT COUNT(*) FROM signups WHERE status IN (0, 1, 2)"));

        await _bot.PostAsync(Activities.Submit(_bot.Connector.ServiceUrl, confirm.DeepClone().AsObject(), conversationId: "a:volunteer", fromAad: ClubScenario.VolunteerAad, fromId: ClubScenario.VolunteerId));
        await _bot.PostAsync(Activities.Submit(_bot.Connector.ServiceUrl, confirm.DeepClone().AsObject(), conversationId: "a:volunteer", fromAad: ClubScenario.VolunteerAad, fromId: ClubScenario.VolunteerId));

        // A double click: both clicks answer "withdrawn", and the withdrawal happened once.
        await _bot.Connector.WaitForAsync(rs => rs.Count(r => ClubScenario.Says(r, "You've withdrawn")) >= 2, TimeSpan.FromSeconds(20));
        Assert.Equal(0, await _club.CountAsync("SELECT COUNT(*) FROM signups WHERE status IN (0, 1, 2)"));
        Assert.Equal(1, await _club.CountAsync("SELECT COUNT(*) FROM leader_events WHERE kind = 'withdrew'"));
    }
}
