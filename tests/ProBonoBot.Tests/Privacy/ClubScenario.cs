using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using ProBonoBot.SignUps;
using ProBonoBot.Testing;

namespace ProBonoBot.Tests.Privacy;

/// <summary>A club with a team channel, a leader (1:1 chat <c>a:personal-1</c>), projects and volunteers, driven through the host.</summary>
internal sealed class ClubScenario(BotHost bot)
{
    public const string VolunteerAad = "aad-volunteer-1";
    public const string VolunteerId = "29:volunteer-1";
    public const string Channel = "19%3Ateam0123";
    public const string LeaderChat = "a%3Apersonal-1";

    public string Url => bot.Connector.ServiceUrl;

    public static JsonNode? CardOf(RecordedRequest r) => r.Json?["attachments"]?[0]?["content"];

    private static readonly System.Text.Json.JsonSerializerOptions ReadableJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A JSON body as a person would read its strings (no <c>\u0027</c> escapes), for text searches.</summary>
    public static string Readable(string body)
    {
        try
        {
            return JsonNode.Parse(body)?.ToJsonString(ReadableJson) ?? body;
        }
        catch (System.Text.Json.JsonException)
        {
            return body;
        }
    }

    /// <summary>Whether the request shows <paramref name="text"/>.</summary>
    public static bool Says(RecordedRequest r, string text) => Readable(r.Body).Contains(text, StringComparison.Ordinal);

    public static JsonObject Form(string title) => new()
    {
        ["verb"] = "projectSave",
        ["title"] = title,
        ["partner"] = "Noto wood rescue team",
        ["summary"] = "They track wood from demolished homes on paper and lose its history.",
        ["roles"] = "Data analyst | Excel, SQL | 1\nWeb designer | Figma | 2",
        ["hours"] = "5",
        ["mode"] = "remote",
        ["language"] = "en",
    };

    public async Task<RecordedRequest> WaitAsync(Func<RecordedRequest, bool> predicate, int seconds = 10) =>
        (await bot.Connector.WaitForAsync(rs => rs.Any(predicate), TimeSpan.FromSeconds(seconds))).First(predicate);

    /// <summary>Requests the bot made into the team channel (the thread replies included).</summary>
    public IReadOnlyList<RecordedRequest> ChannelRequests() =>
        [.. bot.Connector.Requests.Where(r => r.RawTarget.Contains(Channel, StringComparison.Ordinal))];

    /// <summary>The leader saves a draft from their 1:1 chat; returns its number.</summary>
    public async Task<long> CreateDraftAsync(string title = "Reclaimed wood tracking app", string fromAad = Activities.UserAad, string fromId = Activities.UserId,
        string conversationId = "a:personal-1")
    {
        await bot.PostAsync(Activities.Submit(Url, Form(title), conversationId: conversationId, fromAad: fromAad, fromId: fromId));
        await WaitAsync(r => Says(r, "not published yet") && Says(r, title));
        return await bot.Db.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT MAX(number) FROM projects"), default);
    }

    public async Task InstallInTeamAsync()
    {
        await bot.PostAsync(Activities.TeamInstall(Url));
        await WaitAsync(r => r.RawTarget.Contains(Channel, StringComparison.Ordinal));
    }

    public async Task PublishAsync(long number)
    {
        await bot.PostAsync(Activities.Submit(Url, new JsonObject { ["verb"] = "projectPublish", ["project"] = number, ["channels"] = "19:team0123@thread.tacv2" }));
        await WaitAsync(r => ((string?)r.Json?["text"])?.StartsWith($"Published #{number}", StringComparison.Ordinal) == true);
    }

    public Task<SignUpOutcome> SignUpAsync(long project, int role, string aad = VolunteerAad, string id = VolunteerId, string name = "Kenji Tanaka", string? note = null) =>
        bot.Services.GetRequiredService<SignUpStore>().ConfirmAsync(project, role, new Person(aad, name, id, BotHost.TenantId, Url, BotHost.BotId), 5, note, default);

    public Task<long> CountAsync(string sql) => bot.Db.ReadAsync(c => c.ExecuteScalarAsync<long>(sql), default);

    /// <summary>A message typed by a club leader in the team channel (with the bot @mentioned).</summary>
    public JsonObject LeaderInChannel(string text, string aad = Activities.UserAad, string id = Activities.UserId)
    {
        var activity = Activities.ChannelMessage(Url, text);
        activity["from"] = new JsonObject { ["id"] = id, ["name"] = "Haruka Sato", ["aadObjectId"] = aad };
        return activity;
    }

    /// <summary>An Action.Submit pressed on a card in the team channel.</summary>
    public JsonObject SubmitInChannel(JsonObject value, string aad = Activities.UserAad, string id = Activities.UserId)
    {
        var activity = LeaderInChannel(string.Empty, aad, id);
        activity["text"] = string.Empty;
        activity.Remove("entities");
        activity["value"] = value;
        activity["replyToId"] = "card-in-channel";
        return activity;
    }

    /// <summary>The data of a card's first action (the Confirm button of a confirmation), ready to be submitted.</summary>
    public static JsonObject FirstActionData(RecordedRequest card) =>
        CardOf(card)!["actions"]![0]!["data"]!.DeepClone().AsObject();

    public static JsonObject SecondActionData(RecordedRequest card) =>
        CardOf(card)!["actions"]![1]!["data"]!.DeepClone().AsObject();
}
