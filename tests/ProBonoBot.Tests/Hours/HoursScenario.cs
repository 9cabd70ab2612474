using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using ProBonoBot.Hours;
using ProBonoBot.People;
using ProBonoBot.Testing;
using ProBonoBot.Tests.Privacy;

namespace ProBonoBot.Tests.Hours;

/// <summary>
/// A project with a team, its members and leader, driven through the host. The hours worker is given a day-long interval
/// so it never runs by itself: tests call <see cref="PromptsAsync"/> with the instant they choose (a manual clock).
/// </summary>
internal sealed class HoursScenario(BotHost bot)
{
    public const string Volunteer = ClubScenario.VolunteerAad;
    public const string VolunteerChat = "a:volunteer";
    public const string Second = "aad-volunteer-2";
    public const string SecondChat = "a:volunteer-2";

    public static readonly Dictionary<string, string?> Settings = new() { ["Hours:ScheduleInterval"] = "1.00:00:00" };

    public ClubScenario Club { get; } = new(bot);

    public string Url => bot.Connector.ServiceUrl;

    /// <summary>A published project led by the test leader, the volunteer (and the second member) confirmed at 5 h a week, moved to <paramref name="status"/>.</summary>
    public async Task<long> ProjectAsync(int status = 3, string title = "Reclaimed wood tracking app", bool install = true, bool second = false)
    {
        if (install)
        {
            await Club.InstallInTeamAsync();
        }

        var number = await Club.CreateDraftAsync(title);
        await Club.PublishAsync(number);
        await Club.SignUpAsync(number, 1);
        if (second)
        {
            await Club.SignUpAsync(number, 2, Second, "29:volunteer-2", "Aiko <b>Mori</b>");
        }

        await SetStatusAsync(number, status);
        bot.Connector.Clear();
        return number;
    }

    public Task SetStatusAsync(long project, int status) =>
        bot.Db.WriteAsync(c => c.ExecuteAsync("UPDATE projects SET status = @status WHERE number = @project", new { status, project }), default);

    /// <summary>A milestone row as the plan would write it (the plan's code is not needed).</summary>
    public Task<long> MilestoneAsync(long project, DateTimeOffset startsAt, string kind = "meeting", string title = "Kick-off", int duration = 90, bool cancelled = false) =>
        bot.Db.WriteAsync(c => c.ExecuteScalarAsync<long>(
            $"""
            INSERT INTO milestones (project_number, kind, title, starts_at, duration_minutes, place, sequence, cancelled, created_at, updated_at)
            VALUES (@project, @kind, @title, @startsAt, @duration, 'Teams', 0, {(cancelled ? "TRUE" : "FALSE")}, @startsAt, @startsAt) RETURNING id
            """, new { project, kind, title, startsAt, duration }), default);

    public Task<int> PromptsAsync(DateTimeOffset now) => bot.Services.GetRequiredService<HoursPrompts>().RunOnceAsync(now, default);

    public Task SetZoneAsync(string aad, string zone) => bot.Services.GetRequiredService<UserSettingsStore>().SetTimeZoneAsync(aad, zone, default);

    /// <summary>The hours cards queued for a person, oldest first.</summary>
    public async Task<IReadOnlyList<JsonObject>> CardsForAsync(string aad)
    {
        var rows = await bot.Db.ReadAsync(c => c.QueryAsync<string>("SELECT activity FROM outbox WHERE user_aad = @aad ORDER BY id", new { aad }), default);
        return [.. rows.Select(r => JsonNode.Parse(r)?["attachments"]?[0]?["content"]).OfType<JsonObject>()
            .Where(c => c["actions"]?[0]?["data"]?["verb"]?.GetValue<string>() == "hoursLog")];
    }

    /// <summary>The texts queued for a person (notices), oldest first.</summary>
    public async Task<IReadOnlyList<string>> NoticesForAsync(string aad) =>
        [.. (await bot.Db.ReadAsync(c => c.QueryAsync<string>("SELECT activity FROM outbox WHERE user_aad = @aad ORDER BY id", new { aad }), default))
            .Select(r => (string?)JsonNode.Parse(r)?["text"]).OfType<string>()];

    public static JsonObject LogData(JsonObject card) => card["actions"]![0]!["data"]!.DeepClone().AsObject();

    public static JsonObject SaveData(JsonObject card, string hours, string? date = null, string note = "")
    {
        var data = card["actions"]![1]!["card"]!["actions"]![0]!["data"]!.DeepClone().AsObject();
        data["hours"] = hours;
        data["date"] = date ?? (string?)data["day"];
        data["note"] = note;
        return data;
    }

    /// <summary>A member presses a button; returns the bot's answer in their chat.</summary>
    public async Task<RecordedRequest> SubmitAsync(JsonObject value, string aad = Volunteer, string chat = VolunteerChat, string name = "Kenji Tanaka", Func<RecordedRequest, bool>? until = null)
    {
        bot.Connector.Clear();
        await bot.PostAsync(Activities.Submit(Url, value, conversationId: chat, fromAad: aad, fromId: "29:" + aad, fromName: name));
        return await Club.WaitAsync(r => r.RawTarget.Contains(Uri.EscapeDataString(chat), StringComparison.Ordinal) && (until ?? (_ => true))(r));
    }

    /// <summary>A person types a command in their 1:1 chat; returns the first answer.</summary>
    public async Task<RecordedRequest> TypeAsync(string text, string aad, string chat, string name = "Kenji Tanaka", Func<RecordedRequest, bool>? until = null)
    {
        bot.Connector.Clear();
        await bot.PostAsync(Activities.Message(Url, text, conversationId: chat, fromAad: aad, fromId: "29:" + aad, fromName: name));
        return await Club.WaitAsync(r => r.RawTarget.Contains(Uri.EscapeDataString(chat), StringComparison.Ordinal) && (until ?? (_ => true))(r));
    }

    public Task<IReadOnlyList<HoursEntry>> EntriesAsync(long project) =>
        bot.Db.ReadAsync<IReadOnlyList<HoursEntry>>(async c => [.. await c.QueryAsync<HoursEntry>(
            """
            SELECT id AS Id, project_number AS ProjectNumber, user_aad AS UserAad, user_name AS UserName, period AS Period, worked_on AS WorkedOn,
                   minutes AS Minutes, note AS Note, status AS Status, logged_minutes AS LoggedMinutes, reviewed_by AS ReviewedBy
            FROM hours WHERE project_number = @project ORDER BY id
            """, new { project })], default);

    public static string Text(RecordedRequest r) => ClubScenario.Readable(r.Body);
}
