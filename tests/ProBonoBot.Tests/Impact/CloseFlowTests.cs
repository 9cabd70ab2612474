using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using ProBonoBot.Cards;
using ProBonoBot.People;
using ProBonoBot.Profiles;
using ProBonoBot.Testing;
using ProBonoBot.Tests.Privacy;
using ProBonoBot.Tests.Storage;

namespace ProBonoBot.Tests.Impact;

/// <summary>A team of two on a project, hours logged, driven through the host: closing, thank-you cards and my impact.</summary>
internal sealed class ClosingScenario(BotHost bot)
{
    public const string Kenji = ClubScenario.VolunteerAad;
    public const string Aiko = "aad-volunteer-2";

    public ClubScenario Club { get; } = new(bot);

    private string Url => bot.Connector.ServiceUrl;

    /// <summary>A published project with Kenji (English) and Aiko (Japanese) confirmed, the team formed; Kenji has 90 approved and 30 waiting minutes.</summary>
    public async Task<long> TeamAsync(string title = "Reclaimed wood tracking app")
    {
        await Club.InstallInTeamAsync();
        var number = await Club.CreateDraftAsync(title);
        await Club.PublishAsync(number);
        await Club.SignUpAsync(number, 1);
        await Club.SignUpAsync(number, 2, Aiko, "29:volunteer-2", "鈴木 愛子");
        await bot.Services.GetRequiredService<UserSettingsStore>().SetLanguageAsync(Aiko, Language.Japanese, default);
        await bot.Db.WriteAsync(c => c.ExecuteAsync(
            """
            UPDATE projects SET status = 2 WHERE number = @number;
            INSERT INTO hours (project_number, user_aad, period, worked_on, minutes, status, created_at, updated_at)
            VALUES (@number, @kenji, 'w:2026-W40', '2026-10-01', 90, 1, @now, @now), (@number, @kenji, 'w:2026-W41', '2026-10-08', 30, 0, @now, @now),
                   (@number, @kenji, 'w:2026-W42', '2026-10-15', 500, 2, @now, @now);
            """, new { number, kenji = Kenji, now = DateTimeOffset.UtcNow }), default);
        bot.Connector.Clear();
        return number;
    }

    public static JsonObject Save(long project, string skillsKenji = "excel,figma", string? member = null) => new()
    {
        ["verb"] = "projectClose",
        ["project"] = project,
        ["output"] = "A tracking app in use at the yard",
        ["outcome"] = "Every beam is **traced** [now](https://evil.example)",
        ["impact"] = "Buyers trust the wood's history",
        ["feedback"] = "Thank you!\nWe use it every day.",
        ["skills:" + (member ?? Kenji)] = skillsKenji,
        ["other:" + (member ?? Kenji)] = "写真撮影、経理",
        ["skills:" + Aiko] = "excel",
        ["other:" + Aiko] = string.Empty,
    };

    public async Task<RecordedRequest> SubmitAsync(JsonObject value, string aad = Activities.UserAad, string id = Activities.UserId, string chat = "a:personal-1")
    {
        bot.Connector.Clear();
        await bot.PostAsync(Activities.Submit(Url, value, conversationId: chat, fromAad: aad, fromId: id));
        return await ReplyInAsync(chat);
    }

    public async Task<RecordedRequest> TypeAsync(string text, string aad = Activities.UserAad, string id = Activities.UserId, string chat = "a:personal-1")
    {
        bot.Connector.Clear();
        await bot.PostAsync(Activities.Message(Url, text, conversationId: chat, fromAad: aad, fromId: id));
        return await ReplyInAsync(chat);
    }

    /// <summary>The first text or card the bot sent into that chat (thank-you cards go to the members' chats, not this one).</summary>
    private Task<RecordedRequest> ReplyInAsync(string chat) =>
        Club.WaitAsync(r => r.RawTarget.Contains(Uri.EscapeDataString(chat), StringComparison.Ordinal)
            && (r.Json?["text"] is { } || ClubScenario.CardOf(r) is not null));

    /// <summary>The thank-you activities queued for a person, as readable JSON.</summary>
    public async Task<IReadOnlyList<string>> ThanksForAsync(string aad) =>
        [.. (await bot.Db.ReadAsync(c => c.QueryAsync<string>("SELECT activity FROM outbox WHERE user_aad = @aad ORDER BY id", new { aad }), default))
            .Select(ClubScenario.Readable).Where(a => a.Contains("AdaptiveCard", StringComparison.Ordinal) && (a.Contains("Thank you for", StringComparison.Ordinal) || a.Contains("ご参加ありがとう", StringComparison.Ordinal)))];

    public Task<long> StatusAsync(long number) => Club.CountAsync($"SELECT status FROM projects WHERE number = {number}");
}

/// <summary>Closing a project: who may, the form, one close per project, tampered forms, thank-you cards and profile skills.</summary>
public sealed class CloseFlowTests : IAsyncLifetime
{
    private BotHost _bot = null!;
    private ClosingScenario _s = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHost.StartAsync();
        _s = new ClosingScenario(_bot);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private static string Text(RecordedRequest r) => ClubScenario.Readable(r.Body);

    [Fact]
    public async Task Close_Typed_LeaderGetsFormWithEveryConfirmedMember()
    {
        var number = await _s.TeamAsync();

        var card = ClubScenario.CardOf(await _s.TypeAsync($"close {number}"))!;

        var ids = card["body"]!.AsArray().SelectMany(n => n!["items"] is JsonArray items ? [.. items] : new JsonNode?[] { n }).Select(n => (string?)n!["id"]).OfType<string>().ToList();
        Assert.Equal(["output", "outcome", "impact", "feedback", "skills:" + ClosingScenario.Kenji, "other:" + ClosingScenario.Kenji, "skills:" + ClosingScenario.Aiko, "other:" + ClosingScenario.Aiko], ids);
        Assert.Equal("projectClose", (string?)card["actions"]![0]!["data"]!["verb"]);
        Assert.Contains($"#{number} の終了", Text(await _s.TypeAsync($"終了 {number}")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Close_BigTeam_FormFitsTeamsByOfferingEachMemberTheirRolesSkills()
    {
        var number = await _s.TeamAsync();
        for (var i = 0; i < 10; i++)
        {
            await _bot.Db.WriteAsync(c => c.ExecuteAsync(
                "INSERT INTO signups (project_number, role_number, user_aad, user_name, status, created_at, updated_at) VALUES (@number, 2, @aad, @aad, 0, @now, @now)",
                new { number, aad = $"aad-extra-{i}", now = DateTimeOffset.UtcNow }), default);
        }

        var reply = await _s.TypeAsync($"close {number}");

        Assert.True(System.Text.Encoding.UTF8.GetByteCount(reply.Body) < 28_000, $"{reply.Body.Length} characters");
        var card = ClubScenario.CardOf(reply)!;
        var kenji = card["body"]!.AsArray().SelectMany(n => n!["items"] is JsonArray items ? [.. items] : new JsonNode?[] { n })
            .First(n => (string?)n!["id"] == "skills:" + ClosingScenario.Kenji)!["choices"]!.AsArray().Select(c => (string?)c!["value"]).ToList();
        Assert.Contains("excel", kenji);
        Assert.DoesNotContain("video-editing", kenji);
    }

    [Fact]
    public async Task CompletedButton_ShowsCloseFormAndChangesNothing()
    {
        var number = await _s.TeamAsync();

        var reply = await _s.SubmitAsync(new JsonObject { ["verb"] = "projectSetStatus", ["project"] = number, ["status"] = "Completed" });

        Assert.Equal("projectClose", (string?)ClubScenario.CardOf(reply)!["actions"]![0]!["data"]!["verb"]);
        Assert.Equal(2, await _s.StatusAsync(number));
    }

    [Fact]
    public async Task Save_ClosesWithOutcomeSkillsAndProfiles()
    {
        var number = await _s.TeamAsync();
        await _bot.Services.GetRequiredService<ProfileStore>().SaveAsync(new Profile(ClosingScenario.Kenji, "Kenji", ["sql"], null, [], null, [], null, null), default);

        var reply = await _s.SubmitAsync(ClosingScenario.Save(number));

        Assert.Equal($"Closed #{number} Reclaimed wood tracking app. Thank-you cards are on their way to 2 members.", (string?)reply.Json?["text"]);
        Assert.Equal(4, await _s.StatusAsync(number));
        Assert.Equal(1, await _s.Club.CountAsync($"SELECT COUNT(*) FROM project_outcomes WHERE project_number = {number} AND partner_feedback LIKE 'Thank you!%every day.'"));
        Assert.Equal(5, await _s.Club.CountAsync($"SELECT COUNT(*) FROM member_skills WHERE project_number = {number}"));
        var profiles = _bot.Services.GetRequiredService<ProfileStore>();
        Assert.Equal(["sql", "excel", "figma"], (await profiles.GetAsync(ClosingScenario.Kenji, default))!.Skills);
        Assert.Equal(["excel"], (await profiles.GetAsync(ClosingScenario.Aiko, default))!.Skills);
    }

    [Fact]
    public async Task Save_ThankYouCards_InEachMembersLanguageWithTheirHoursAndSkills()
    {
        var number = await _s.TeamAsync();

        await _s.SubmitAsync(ClosingScenario.Save(number));

        var kenji = Assert.Single(await _s.ThanksForAsync(ClosingScenario.Kenji));
        Assert.Contains("Thank you for Reclaimed wood tracking app!", kenji, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"Your approved hours\",\"value\":\"1.5 h\"", kenji, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"Still waiting for approval\",\"value\":\"0.5 h\"", kenji, StringComparison.Ordinal);
        Assert.Contains("\"value\":\"Excel, Figma, 写真撮影, 経理\"", kenji, StringComparison.Ordinal);
        Assert.Contains("Every beam is \\\\*\\\\*traced\\\\*\\\\*", kenji, StringComparison.Ordinal);
        Assert.DoesNotContain("**traced**", kenji, StringComparison.Ordinal);

        var aiko = Assert.Single(await _s.ThanksForAsync(ClosingScenario.Aiko));
        Assert.Contains("「Reclaimed wood tracking app」へのご参加ありがとうございました", aiko, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"承認済みの活動時間\",\"value\":\"0.0時間\"", aiko, StringComparison.Ordinal);
        Assert.DoesNotContain("承認待ち", aiko, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"使ったスキル\",\"value\":\"Excel\"", aiko, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_DoubleClick_ClosesOnceSecondSaysAlreadyClosed()
    {
        var number = await _s.TeamAsync();
        await _s.SubmitAsync(ClosingScenario.Save(number));

        var second = await _s.SubmitAsync(ClosingScenario.Save(number, skillsKenji: "excel"));

        Assert.Contains($"#{number} is already closed", Text(second), StringComparison.Ordinal);
        Assert.Single(await _s.ThanksForAsync(ClosingScenario.Kenji));
        Assert.Equal(5, await _s.Club.CountAsync($"SELECT COUNT(*) FROM member_skills WHERE project_number = {number}"));
    }

    [Theory]
    [InlineData("aad-stranger", "excel")]
    [InlineData(ClosingScenario.Kenji, "excel,../../etc")]
    [InlineData(ClosingScenario.Kenji, "not-a-skill")]
    public async Task Save_TamperedMemberOrSkill_ClearErrorNothingChanged(string member, string skills)
    {
        var number = await _s.TeamAsync();

        var reply = await _s.SubmitAsync(ClosingScenario.Save(number, skills, member));

        Assert.Contains($"This form does not match #{number}", Text(reply), StringComparison.Ordinal);
        await AssertUnchangedAsync(number);
    }

    [Fact]
    public async Task Save_MemberOfAnotherProject_Refused()
    {
        var first = await _s.TeamAsync();
        var other = await _s.Club.CreateDraftAsync("Shelter map");
        await _bot.Db.WriteAsync(c => c.ExecuteAsync("UPDATE projects SET status = 2 WHERE number = @other", new { other }), default);

        var reply = await _s.SubmitAsync(ClosingScenario.Save(other));

        Assert.Contains($"This form does not match #{other}", Text(reply), StringComparison.Ordinal);
        await AssertUnchangedAsync(other);
        await AssertUnchangedAsync(first);
    }

    [Fact]
    public async Task Save_NonLeader_RefusedNothingChanged()
    {
        var number = await _s.TeamAsync();

        var typed = await _s.TypeAsync($"close {number}", ClosingScenario.Kenji, ClubScenario.VolunteerId, "a:volunteer");
        var saved = await _s.SubmitAsync(ClosingScenario.Save(number), ClosingScenario.Kenji, ClubScenario.VolunteerId, "a:volunteer");

        Assert.Contains($"Only the project's leader or a club leader can close #{number}", Text(typed), StringComparison.Ordinal);
        Assert.Contains($"Only the project's leader or a club leader can close #{number}", Text(saved), StringComparison.Ordinal);
        await AssertUnchangedAsync(number);
    }

    [Fact]
    public async Task Save_ProjectLeaderWhoIsNotAClubLeader_Closes()
    {
        var number = await _s.TeamAsync();
        await _bot.Db.WriteAsync(c => c.ExecuteAsync("UPDATE projects SET leader_aad = 'AAD-PROJECT-LEAD' WHERE number = @number", new { number }), default);

        var reply = await _s.SubmitAsync(ClosingScenario.Save(number), "aad-project-lead", "29:lead", "a:lead");

        Assert.Contains($"Closed #{number}", Text(reply), StringComparison.Ordinal);
        Assert.Equal(4, await _s.StatusAsync(number));
    }

    [Fact]
    public async Task Close_Recruiting_SaysWhyNotNothingChanged()
    {
        await _s.Club.InstallInTeamAsync();
        var number = await _s.Club.CreateDraftAsync();
        await _s.Club.PublishAsync(number);

        var typed = await _s.TypeAsync($"close {number}");
        var saved = await _s.SubmitAsync(ClosingScenario.Save(number));

        Assert.Contains($"#{number} cannot be closed now", Text(typed), StringComparison.Ordinal);
        Assert.Contains($"#{number} cannot be closed now", Text(saved), StringComparison.Ordinal);
        Assert.Equal(1, await _s.StatusAsync(number));
    }

    [Fact]
    public async Task Save_OutputMissing_AskedForItNothingChanged()
    {
        var number = await _s.TeamAsync();
        var value = ClosingScenario.Save(number);
        value["output"] = "   ";

        var reply = await _s.SubmitAsync(value);

        Assert.Contains("before closing it", Text(reply), StringComparison.Ordinal);
        await AssertUnchangedAsync(number);
    }

    private async Task AssertUnchangedAsync(long number)
    {
        Assert.NotEqual(4, await _s.StatusAsync(number));
        Assert.Equal(0, await _s.Club.CountAsync($"SELECT COUNT(*) FROM project_outcomes WHERE project_number = {number}"));
        Assert.Equal(0, await _s.Club.CountAsync($"SELECT COUNT(*) FROM member_skills WHERE project_number = {number}"));
        Assert.Empty(await _s.ThanksForAsync(ClosingScenario.Kenji));
        Assert.Null(await _bot.Services.GetRequiredService<ProfileStore>().GetAsync(ClosingScenario.Aiko, default));
    }
}

/// <summary>Closing and my impact on PostgreSQL.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class PostgresCloseTests(DatabaseFixture databases) : IAsyncLifetime
{
    private BotHost _bot = null!;
    private ClosingScenario _s = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHost.StartAsync(await databases.NewPostgresDatabaseAsync());
        _s = new ClosingScenario(_bot);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Close_OnPostgres_OnceWithSkillsProfilesThanksAndMyImpact()
    {
        var number = await _s.TeamAsync();

        await _s.SubmitAsync(ClosingScenario.Save(number));
        var second = await _s.SubmitAsync(ClosingScenario.Save(number));

        Assert.Contains("already closed", ClubScenario.Readable(second.Body), StringComparison.Ordinal);
        Assert.Equal(5, await _s.Club.CountAsync($"SELECT COUNT(*) FROM member_skills WHERE project_number = {number}"));
        Assert.Equal(["excel", "figma"], (await _bot.Services.GetRequiredService<ProfileStore>().GetAsync(ClosingScenario.Kenji, default))!.Skills);
        Assert.Contains("\"value\":\"1.5 h\"", Assert.Single(await _s.ThanksForAsync(ClosingScenario.Kenji)), StringComparison.Ordinal);

        var mine = ClubScenario.Readable(ClubScenario.CardOf(await _s.TypeAsync("my impact", ClosingScenario.Kenji, ClubScenario.VolunteerId, "a:volunteer"))!.ToJsonString());
        Assert.Contains("\"value\":\"1.5 h\"", mine, StringComparison.Ordinal);
        Assert.Contains("Excel, Figma, 写真撮影, 経理", mine, StringComparison.Ordinal);
    }
}
