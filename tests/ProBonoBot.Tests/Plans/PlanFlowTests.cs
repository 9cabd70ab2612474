using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using ProBonoBot.Hosting;

namespace ProBonoBot.Tests.Plans;

/// <summary>
/// Issue 14 plans through the running host: the leader's card (save, tampered rows, a double click, a clock-change gap),
/// members' read-only cards in their zone and language, refusals, answers shown to the leader, and the signed invite.
/// </summary>
public sealed class PlanFlowTests : IAsyncLifetime
{
    private const string Leader = "aad-leader";
    private BotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private string Url => _bot.Connector.ServiceUrl;

    private static readonly string Day = DateTimeOffset.UtcNow.AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Task<long> CountAsync(string sql) => _bot.Db.ReadAsync(c => c.ExecuteScalarAsync<long>(sql), default);

    /// <summary>Project 1 (in progress) led by <see cref="Leader"/>, with members in Tokyo (ja) and Berlin (en); project 2 a draft.</summary>
    private async Task SeedAsync()
    {
        await _bot.Db.WriteAsync(async c =>
        {
            var now = DateTimeOffset.UtcNow;
            foreach (var (title, status) in new[] { ("Donor database", 3), ("Secret draft", 0) })
            {
                await c.ExecuteAsync(
                    """
                    INSERT INTO projects (title, partner, summary, hours_per_week, language, leader_aad, leader_name, status, created_at, updated_at)
                    VALUES (@title, 'NPO', 'Summary', 3, 'en', @leader, 'Lea', @status, @now, @now)
                    """, new { title, leader = Leader, status, now });
            }

            foreach (var (aad, name, language, zone) in new[] { ("aad-tokyo", "佐藤 <b>遥</b>", "ja", "Asia/Tokyo"), ("aad-berlin", "Bea *Berlin*", "en", "Europe/Berlin") })
            {
                await c.ExecuteAsync(
                    "INSERT INTO signups (project_number, role_number, user_aad, user_name, user_teams_id, status, created_at, updated_at) VALUES (1, 1, @aad, @name, @id, 0, @now, @now)",
                    new { aad, name, id = "29:" + aad, now });
                await c.ExecuteAsync("INSERT INTO user_settings (aad_object_id, language, time_zone, updated_at) VALUES (@aad, @language, @zone, @now)", new { aad, language, zone, now });
            }

            return 0;
        }, default);
    }

    private JsonObject As(JsonObject activity, string aad)
    {
        activity["from"] = new JsonObject { ["id"] = "29:" + aad, ["name"] = aad, ["aadObjectId"] = aad };
        activity["conversation"]!["id"] = "a:" + aad;
        return activity;
    }

    private async Task<JsonObject> CardAsync(string aad, string text, string marker)
    {
        _bot.Connector.Clear();
        await _bot.PostAsync(As(Activities.Message(Url, text), aad));
        IReadOnlyList<ProBonoBot.Testing.RecordedRequest> sent;
        try
        {
            sent = await _bot.Connector.WaitForAsync(r => r.Any(x => x.RawTarget.Contains(Uri.EscapeDataString("a:" + aad), StringComparison.Ordinal) && PlanSut.AllText(x.Json).Contains(marker, StringComparison.Ordinal)));
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException(string.Join("\n", _bot.Connector.Requests.Select(x => x.Method + " " + x.RawTarget + " " + PlanSut.AllText(x.Json))) + "\nLOGS: " + string.Join("\n", _bot.Logs.Entries.Select(e => e.ToString())));
        }

        var body = sent.Last(x => PlanSut.AllText(x.Json).Contains(marker, StringComparison.Ordinal)).Json!;
        return body["attachments"]![0]!["content"]!.AsObject();
    }

    private async Task<string> SaveAsync(JsonObject fields, long? version = null, string aad = Leader, string? zone = null)
    {
        var value = new JsonObject { ["verb"] = "planSave", ["project"] = 1, ["version"] = version ?? await CountAsync("SELECT version FROM plans WHERE project_number = 1") };
        foreach (var (key, v) in fields)
        {
            value[key] = v?.DeepClone();
        }

        var activity = As(Activities.Submit(Url, value), aad);
        if (zone is not null)
        {
            activity["localTimezone"] = zone;
        }

        _bot.Connector.Clear();
        await _bot.PostAsync(activity);
        var sent = await _bot.Connector.WaitForAsync(r => r.Any(x => x.RawTarget.Contains(Uri.EscapeDataString("a:" + aad), StringComparison.Ordinal)));
        return PlanSut.AllText(sent.Last(x => x.RawTarget.Contains(Uri.EscapeDataString("a:" + aad), StringComparison.Ordinal)).Json);
    }

    private static JsonObject NewRow(string title = "Design review", string? date = null, string time = "10:00", string minutes = "90") => new()
    {
        ["kind.new"] = "meeting", ["title.new"] = title, ["date.new"] = date ?? Day, ["time.new"] = time, ["minutes.new"] = minutes, ["place.new"] = "Room 3",
    };

    [Fact]
    public async Task Leader_SavesNewMeeting_ThenDoubleClickSavesOnce()
    {
        await SeedAsync();
        var card = await CardAsync(Leader, "plan 1", "Save plan");
        Assert.Contains("title.new", card.ToJsonString(), StringComparison.Ordinal);
        var version = (long)card["actions"]![0]!["data"]!["version"]!;

        Assert.Contains("Plan saved.", await SaveAsync(NewRow(), version), StringComparison.Ordinal);
        Assert.Contains("nothing was changed", await SaveAsync(NewRow(), version), StringComparison.Ordinal);

        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM milestones"));
        var starts = await _bot.Db.ReadAsync(c => c.ExecuteScalarAsync<DateTimeOffset>("SELECT starts_at FROM milestones"), default);
        Assert.Equal(DateTimeOffset.Parse(Day + "T10:00:00Z", CultureInfo.InvariantCulture), starts); // English leader, no zone reported: UTC
        Assert.Equal(2, await CountAsync("SELECT COUNT(*) FROM reminders WHERE status = 0"));
    }

    [Fact]
    public async Task Leader_LineBreaksInTitleAndPlace_SavedOnOneLine()
    {
        await SeedAsync();
        await CardAsync(Leader, "plan 1", "Save plan");
        var row = NewRow("Kick-off\r\nATTENDEE:mailto:x@example.com\u2028X-INJ:1");
        row["place.new"] = "Room 3\nEND:VEVENT";
        Assert.Contains("Plan saved.", await SaveAsync(row), StringComparison.Ordinal);

        var (title, place) = await _bot.Db.ReadAsync(c => c.QuerySingleAsync<(string, string)>("SELECT title, place FROM milestones"), default);
        Assert.Equal("Kick-off ATTENDEE:mailto:x@example.com X-INJ:1", title);
        Assert.Equal("Room 3 END:VEVENT", place);
    }

    [Fact]
    public async Task EndedProject_PlanCannotChange_AnswersRefused()
    {
        await SeedAsync();
        await CardAsync(Leader, "plan 1", "Save plan");
        Assert.Contains("Plan saved.", await SaveAsync(NewRow()), StringComparison.Ordinal);
        await _bot.Db.WriteAsync(c => c.ExecuteAsync("UPDATE projects SET status = 4 WHERE number = 1"), default);

        Assert.Contains("has ended", await SaveAsync(NewRow("Another")), StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM milestones"));

        _bot.Connector.Clear();
        await _bot.PostAsync(As(Activities.Submit(Url, new JsonObject { ["verb"] = "planAnswer", ["project"] = 1, ["milestone"] = 1, ["answer"] = "no" }), "aad-berlin"));
        await _bot.Connector.WaitForAsync(r => r.Any(x => PlanSut.AllText(x.Json).Contains("has ended", StringComparison.Ordinal)));
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM attendance"));
    }

    [Fact]
    public async Task PlanOrCloseWithoutNumber_OffersTheProjectsToPick()
    {
        await SeedAsync();
        var pick = await CardAsync("aad-berlin", "plan", "Whose plan would you like to see?");
        Assert.Contains("Donor database", PlanSut.AllText(pick), StringComparison.Ordinal);
        Assert.DoesNotContain("Secret draft", PlanSut.AllText(pick), StringComparison.Ordinal);

        var none = await CardAsyncOrText("aad-stranger", "plan", "no plan to show");
        Assert.Contains("projects", none, StringComparison.Ordinal);
    }

    private async Task<string> CardAsyncOrText(string aad, string text, string marker)
    {
        _bot.Connector.Clear();
        await _bot.PostAsync(As(Activities.Message(Url, text), aad));
        var sent = await _bot.Connector.WaitForAsync(r => r.Any(x => PlanSut.AllText(x.Json).Contains(marker, StringComparison.Ordinal)));
        return PlanSut.AllText(sent.Last(x => PlanSut.AllText(x.Json).Contains(marker, StringComparison.Ordinal)).Json);
    }

    [Theory]
    [InlineData("title.999", "Renamed", "not part of this plan")]
    [InlineData("title.new", "", "that is not a date")]
    [InlineData("title.new", "LONG", "at most 120 characters")]
    [InlineData("minutes.new", "-5", "whole number of minutes")]
    [InlineData("kind.new", "party", "choose Milestone or Meeting")]
    public async Task Leader_TamperedRow_ClearErrorNothingChanged(string key, string value, string error)
    {
        await SeedAsync();
        await CardAsync(Leader, "plan 1", "Save plan");
        var fields = NewRow(date: key == "title.new" && value.Length == 0 ? "2026-13-45" : null);
        fields[key] = value switch { "LONG" => new string('a', 121), "" => "Design review", _ => value };

        Assert.Contains(error, await SaveAsync(fields), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM milestones"));
        Assert.Equal(1, await CountAsync("SELECT version FROM plans WHERE project_number = 1"));
    }

    [Fact]
    public async Task Leader_MilestoneOfAnotherProject_Refused()
    {
        await SeedAsync();
        await CardAsync(Leader, "plan 2", "Save plan"); // the draft's own leader may open it
        await SaveAsync(NewRow("Other project's meeting"), version: 1);
        await _bot.Db.WriteAsync(c => c.ExecuteAsync("UPDATE milestones SET project_number = 2"), default);
        await CardAsync(Leader, "plan 1", "Save plan");

        Assert.Contains("not part of this plan", await SaveAsync(new JsonObject { ["title.1"] = "Hijacked" }), StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM milestones WHERE title = 'Other project''s meeting'"));
    }

    [Fact]
    public async Task Leader_TimeSkippedByClockChange_ClearError()
    {
        await SeedAsync();
        await CardAsync(Leader, "plan 1", "Save plan");

        var reply = await SaveAsync(NewRow(date: "2027-03-28", time: "02:30"), zone: "Europe/Berlin");

        Assert.Contains("02:30 does not exist on that day in Europe/Berlin", reply, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM milestones"));
    }

    [Fact]
    public async Task Others_NotMemberRefusedDraftUnknown()
    {
        await SeedAsync();
        _bot.Connector.Clear();
        await _bot.PostAsync(As(Activities.Message(Url, "plan 1"), "aad-stranger"));
        await _bot.Connector.WaitForAsync(r => r.Any(x => PlanSut.AllText(x.Json).Contains("Only the team of #1 can see its plan", StringComparison.Ordinal)));

        await _bot.PostAsync(As(Activities.Message(Url, "plan 2"), "aad-stranger"));
        await _bot.PostAsync(As(Activities.Message(Url, "plan 99"), "aad-stranger"));
        var sent = await _bot.Connector.WaitForAsync(r => r.Count(x => PlanSut.AllText(x.Json).Contains("I can't find that project", StringComparison.Ordinal)) == 2);
        Assert.DoesNotContain(sent, x => x.Body.Contains("Secret draft", StringComparison.Ordinal));
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM plans WHERE project_number = 2"));
    }

    [Fact]
    public async Task Members_SeeOwnTimesAnswerAndLeaderSeesAnswers_InviteSigned()
    {
        await SeedAsync();
        await CardAsync(Leader, "plan 1", "Save plan");
        await SaveAsync(NewRow(time: "01:00"));

        var tokyo = await CardAsync("aad-tokyo", "計画 1", "カレンダーに追加");
        var local = DateTimeOffset.Parse(Day + "T01:00:00Z", CultureInfo.InvariantCulture).ToOffset(TimeSpan.FromHours(9));
        Assert.Contains($"{local.Month}月{local.Day}日(", PlanSut.AllText(tokyo), StringComparison.Ordinal);
        Assert.Contains(") 10:00", PlanSut.AllText(tokyo), StringComparison.Ordinal);
        Assert.Contains("まだ回答していません", PlanSut.AllText(tokyo), StringComparison.Ordinal);
        var berlin = await CardAsync("aad-berlin", "plan 1", "Add to calendar");
        Assert.Contains(", 2:00 (Berlin time)", PlanSut.AllText(berlin), StringComparison.Ordinal);
        Assert.DoesNotContain("title.", berlin.ToJsonString(), StringComparison.Ordinal);

        var answer = new JsonObject { ["verb"] = "planAnswer", ["project"] = 1, ["milestone"] = 1, ["answer"] = "yes", ["from"] = "plan" };
        await _bot.PostAsync(As(Activities.Submit(Url, answer), "aad-tokyo"));
        await _bot.PostAsync(As(Activities.Submit(Url, answer.DeepClone().AsObject()), "aad-tokyo")); // a double click
        await _bot.Connector.WaitForAsync(r => r.Count(x => x.Method == "PUT" && PlanSut.AllText(x.Json).Contains("あなたの回答：参加します。", StringComparison.Ordinal)) == 2);
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM attendance"));

        var leader = PlanSut.AllText(await CardAsync(Leader, "plan 1", "Save plan"));
        Assert.Contains("1 coming · 0 can't · 1 no answer", leader, StringComparison.Ordinal);
        Assert.Contains("Coming: 佐藤 \\<b>遥", leader, StringComparison.Ordinal); // names escaped
        Assert.Contains("No answer yet: Bea \\*Berlin\\*", leader, StringComparison.Ordinal);

        var link = new Uri(berlin.ToJsonString().Split("\"url\":\"")[1].Split('"')[0].Replace("\\u0026", "&", StringComparison.Ordinal));
        using var ok = await _bot.Client.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("text/calendar; charset=utf-8", ok.Content.Headers.ContentType!.ToString());
        var ics = await ok.Content.ReadAsStringAsync();
        Assert.Contains("METHOD:PUBLISH", ics, StringComparison.Ordinal);
        Assert.Contains("UID:milestone-1@127.0.0.1", ics, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Donor database — Design review", ics, StringComparison.Ordinal);

        using var tampered = await _bot.Client.GetAsync(link.PathAndQuery.Replace("user=aad-berlin", "user=aad-tokyo", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Unauthorized, tampered.StatusCode);
        var signer = _bot.Services.GetRequiredService<LinkSigner>();
        var (past, pastSig) = await signer.SignAsync("milestone-ics:1:aad-berlin", TimeSpan.FromSeconds(-5), default);
        using var expired = await _bot.Client.GetAsync($"/plans/milestones/1.ics?user=aad-berlin&expires={past}&sig={pastSig}");
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        var (later, sig) = await signer.SignAsync("milestone-ics:99:aad-berlin", TimeSpan.FromHours(1), default);
        using var unknown = await _bot.Client.GetAsync($"/plans/milestones/99.ics?user=aad-berlin&expires={later}&sig={sig}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Answer_NonMemberOrTampered_ClearAnswerNothingStored()
    {
        await SeedAsync();
        await CardAsync(Leader, "plan 1", "Save plan");
        await SaveAsync(NewRow());

        _bot.Connector.Clear();
        await _bot.PostAsync(As(Activities.Submit(Url, new JsonObject { ["verb"] = "planAnswer", ["project"] = 1, ["milestone"] = 1, ["answer"] = "yes" }), "aad-stranger"));
        await _bot.PostAsync(As(Activities.Submit(Url, new JsonObject { ["verb"] = "planAnswer", ["project"] = 1, ["milestone"] = 1, ["answer"] = "maybe" }), "aad-berlin"));
        await _bot.Connector.WaitForAsync(r => r.Any(x => PlanSut.AllText(x.Json).Contains("You're not on this project's team", StringComparison.Ordinal))
            && r.Any(x => PlanSut.AllText(x.Json).Contains("That answer is not one this card offers", StringComparison.Ordinal)));
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM attendance"));
    }

    [Fact]
    public async Task Reminder_DeliveredThroughOutbox_AnswerUpdatesCardInPlace()
    {
        await SeedAsync();
        await CardAsync(Leader, "plan 1", "Save plan");
        foreach (var member in new[] { "aad-tokyo", "aad-berlin" })
        {
            await CardAsync(member, "plan 1", "#1 Donor database"); // the members' 1:1 chats exist (as after any message)
        }

        var soon = DateTimeOffset.UtcNow.AddHours(5);
        await SaveAsync(NewRow(date: soon.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), time: soon.ToString("HH:mm", CultureInfo.InvariantCulture)));

        _bot.Connector.Clear();
        await _bot.Services.GetRequiredService<ProBonoBot.Plans.PlanReminderWorker>().RunOnceAsync(default);
        await _bot.Connector.WaitForAsync(r => r.Any(x => PlanSut.AllText(x.Json).Contains("Reminder: Design review", StringComparison.Ordinal))
            && r.Any(x => PlanSut.AllText(x.Json).Contains("リマインダー：Design review", StringComparison.Ordinal)));
        Assert.Equal(2, await CountAsync("SELECT COUNT(*) FROM reminders WHERE status = 1"));

        var answer = new JsonObject { ["verb"] = "planAnswer", ["project"] = 1, ["milestone"] = 1, ["answer"] = "no", ["from"] = "reminder" };
        await _bot.PostAsync(As(Activities.Submit(Url, answer), "aad-berlin"));
        await _bot.Connector.WaitForAsync(r => r.Any(x => x.Method == "PUT" && PlanSut.AllText(x.Json).Contains("Your answer: I can't make it.", StringComparison.Ordinal)));
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM attendance WHERE attending = TRUE"));
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM attendance WHERE attending = FALSE"));
    }
}
