using System.Globalization;
using System.Text.Json.Nodes;
using Dapper;

namespace ProBonoBot.Tests.Broadcasts;

/// <summary>
/// Issue 13 through the running host: confirm above the threshold, tampered choices refused, the notification preview,
/// scheduling (cancel, and a start across a restart sent once), and a card refresh counted as "opened".
/// </summary>
public sealed class TargetingFlowTests : IAsyncLifetime
{
    private BotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync(extra: new()
    {
        ["Broadcasts:ReportInterval"] = "00:00:00.300",
        ["Broadcasts:ConfirmAbove"] = "2",
        ["Broadcasts:ScheduleInterval"] = "00:00:00.200",
    });

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private string Url => _bot.Connector.ServiceUrl;

    private async Task PublishAsync()
    {
        await _bot.PostAsync(Activities.TeamInstall(Url));
        await _bot.PostAsync(Activities.InstallationUpdate(Url, "add"));
        foreach (var i in new[] { 1, 2, 3 })
        {
            await _bot.PostAsync(Activities.Message(Url, i == 3 ? "日本語" : "help", conversationId: $"a:member-{i}", fromAad: $"aad-member-{i}", fromId: $"29:member-{i}", fromName: $"Member {i}"));
        }

        await _bot.PostAsync(Activities.Submit(Url, new JsonObject
        {
            ["verb"] = "projectSave", ["title"] = "Donor database", ["partner"] = "Kanazawa NPO", ["summary"] = "Donors are in five spreadsheets.",
            ["roles"] = "Data analyst | SQL | 2", ["hours"] = "4", ["language"] = "en",
        }));
        await _bot.Connector.WaitForAsync(r => r.Any(x => x.Body.Contains("not published yet", StringComparison.Ordinal)));
        await _bot.PostAsync(Activities.Submit(Url, new JsonObject { ["verb"] = "projectPublish", ["project"] = 1, ["channels"] = "19:team0123@thread.tacv2" }));
        await _bot.Connector.WaitForAsync(r => r.Any(x => x.Body.Contains("Published #1", StringComparison.Ordinal)));
        _bot.Connector.Clear();
    }

    private Task<long> CountAsync(string sql) => _bot.Db.ReadAsync(c => c.ExecuteScalarAsync<long>(sql), default);

    private static JsonObject Choice(JsonObject? extra = null)
    {
        var data = new JsonObject { ["verb"] = "broadcastStart", ["project"] = 1, ["audience"] = "people", ["target"] = "all", ["language"] = "all", ["when"] = "now", ["resend"] = "false" };
        foreach (var (key, value) in extra ?? [])
        {
            data[key] = value?.DeepClone();
        }

        return data;
    }

    private List<ProBonoBot.Testing.RecordedRequest> Announcements() =>
        [.. _bot.Connector.Requests.Where(r => r.Method == "POST" && r.Body.Contains("Donor database", StringComparison.Ordinal) && r.Body.Contains("signUp", StringComparison.Ordinal))];

    [Fact]
    public async Task Start_AboveThreshold_AsksAgainThenSendsWithLocalizedPreview()
    {
        await PublishAsync();

        await _bot.PostAsync(Activities.Submit(Url, Choice()));
        var asked = await _bot.Connector.WaitForAsync(r => r.Any(x => x.Body.Contains("This goes to 3 people. Send?", StringComparison.Ordinal)));
        Assert.Equal("PUT", asked.Last(x => x.Body.Contains("This goes to 3 people", StringComparison.Ordinal)).Method); // the audience card turns into the question
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM broadcasts"));

        await _bot.PostAsync(Activities.Submit(Url, Choice(new JsonObject { ["confirmed"] = "true" })));
        await _bot.Connector.WaitForAsync(r => r.Any(x => x.Method == "PUT" && x.Body.Contains("Finished.", StringComparison.Ordinal)), TimeSpan.FromSeconds(15));

        var cards = Announcements();
        Assert.Equal(3, cards.Count);
        Assert.Equal("新しいプロジェクト: Donor database", (string?)JsonNode.Parse(cards.Single(c => c.RawTarget.Contains("member-3", StringComparison.Ordinal)).Body)!["summary"]);
        Assert.All(cards.Where(c => !c.RawTarget.Contains("member-3", StringComparison.Ordinal)),
            c => Assert.Equal("New project: Donor database", (string?)JsonNode.Parse(c.Body)!["summary"]));
    }

    [Theory]
    [InlineData("target", "teams", "teams", "19:not-a-team@thread.tacv2", "Choose one or more of the teams listed")]
    [InlineData("language", "fr", "resend", "false", "That choice is not one this card offers")]
    [InlineData("target", "group", "group", "g-1", "Choose one of the groups listed")]
    [InlineData("topic", "weapons", "resend", "false", "That choice is not one this card offers")]
    public async Task Start_TamperedChoice_ClearErrorNothingStored(string key, string value, string key2, string value2, string error)
    {
        await PublishAsync();

        await _bot.PostAsync(Activities.Submit(Url, Choice(new JsonObject { [key] = value, [key2] = value2, ["confirmed"] = "true" })));

        await _bot.Connector.WaitForAsync(r => r.Any(x => x.Body.Contains(error, StringComparison.Ordinal)));
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM broadcasts"));
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM outbox WHERE broadcast_id IS NOT NULL"));
    }

    [Fact]
    public async Task Start_FitTarget_OnlyPeopleWhoseProfileFitsAnOpenRole()
    {
        await PublishAsync();
        var profiles = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<ProBonoBot.Profiles.ProfileStore>(_bot.Services);
        await profiles.SaveAsync(new ProBonoBot.Profiles.Profile("aad-member-2", "Member 2", [], "SQL", [], null, [], null, null), default);
        await profiles.SaveAsync(new ProBonoBot.Profiles.Profile("aad-member-1", "Member 1", ["video-editing"], null, [], null, [], null, null), default);

        await _bot.PostAsync(Activities.Submit(Url, Choice(new JsonObject { ["target"] = "fit", ["confirmed"] = "true" })));
        await _bot.Connector.WaitForAsync(r => r.Any(x => x.Method == "PUT" && x.Body.Contains("Finished.", StringComparison.Ordinal)), TimeSpan.FromSeconds(15));

        var card = Assert.Single(Announcements());
        Assert.Contains("member-2", card.RawTarget, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schedule_CancelThenAnotherAcrossRestart_StartsOnceAtItsTime()
    {
        await PublishAsync();
        var tomorrow = DateTimeOffset.UtcNow.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var at = new JsonObject { ["when"] = "at", ["date"] = tomorrow, ["time"] = "10:00", ["confirmed"] = "true" };

        await _bot.PostAsync(Activities.Submit(Url, Choice(at)));
        await _bot.Connector.WaitForAsync(r => r.Any(x => x.Body.Contains("Scheduled for", StringComparison.Ordinal)));
        Assert.Equal(3, await CountAsync("SELECT status FROM broadcasts WHERE id = 1"));
        Assert.Equal(
            DateTimeOffset.Parse($"{tomorrow}T10:00:00Z", CultureInfo.InvariantCulture), // the leader's zone: English, none reported → UTC
            await _bot.Db.ReadAsync(c => c.ExecuteScalarAsync<DateTimeOffset>("SELECT send_at FROM broadcasts WHERE id = 1"), default));

        await _bot.PostAsync(Activities.Message(Url, "cancel broadcast 1"));
        await _bot.Connector.WaitForAsync(r => r.Any(x => x.Body.Contains("The scheduled broadcast is cancelled", StringComparison.Ordinal)));
        Assert.Equal(2, await CountAsync("SELECT status FROM broadcasts WHERE id = 1"));

        _bot.Connector.Clear();
        await _bot.PostAsync(Activities.Submit(Url, Choice(at), replyToId: "card-2"));
        await _bot.Connector.WaitForAsync(r => r.Any(x => x.Body.Contains("Scheduled for", StringComparison.Ordinal)));
        await Task.Delay(600); // several scheduler ticks: nothing starts early
        Assert.Empty(Announcements());

        // Its time comes while the bot is down; started again, it sends the broadcast once.
        await _bot.Db.WriteAsync(c => c.ExecuteAsync("UPDATE broadcasts SET send_at = @at WHERE id = 2", new { at = DateTimeOffset.UtcNow.AddSeconds(2) }), default);
        await _bot.StopAsync();
        await Task.Delay(TimeSpan.FromSeconds(3));
        await _bot.RestartAsync();

        await _bot.Connector.WaitForAsync(r => r.Any(x => x.Method == "PUT" && x.Body.Contains("Finished.", StringComparison.Ordinal)), TimeSpan.FromSeconds(15));
        await Task.Delay(600);
        Assert.Equal(3, Announcements().Count);
        Assert.Equal(3, Announcements().Select(r => r.RawTarget).Distinct().Count());
        Assert.Equal(1, await CountAsync("SELECT status FROM broadcasts WHERE id = 2"));
        Assert.Equal(3, await CountAsync("SELECT COUNT(*) FROM outbox WHERE broadcast_id = 2"));
    }

    [Fact]
    public async Task Refresh_InRecipientsChat_CountedOpenedOncePerPerson()
    {
        await PublishAsync();
        await _bot.PostAsync(Activities.Submit(Url, Choice(new JsonObject { ["confirmed"] = "true" })));
        await _bot.Connector.WaitForAsync(r => r.Any(x => x.Method == "PUT" && x.Body.Contains("Finished.", StringComparison.Ordinal)), TimeSpan.FromSeconds(15));

        foreach (var _ in new[] { 1, 2 })
        {
            var refresh = Activities.Message(Url, string.Empty, conversationId: "a:member-1", fromAad: "aad-member-1", fromId: "29:member-1");
            refresh["type"] = "invoke";
            refresh["name"] = "adaptiveCard/action";
            refresh.Remove("text");
            refresh["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "projectView", ["data"] = new JsonObject { ["project"] = 1 } }, ["trigger"] = "automatic" };
            var response = await _bot.PostAsync(refresh);
            Assert.True(response.IsSuccessStatusCode);
        }

        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM broadcast_engagement WHERE kind = 'opened' AND user_aad = 'aad-member-1'"));
        await _bot.Connector.WaitForAsync(r => r.Any(x => x.Method == "PUT" && x.Body.Contains("Opened the card", StringComparison.Ordinal)));
    }
}
