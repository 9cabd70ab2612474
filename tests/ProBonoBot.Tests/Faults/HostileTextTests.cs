using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.Logging;
using ProBonoBot.Tests.Storage;

namespace ProBonoBot.Tests.Faults;

/// <summary>
/// Issue 10, item 9: a NUL or a lone surrogate (as JSON escapes) in any field gave 500s and stack traces, and on
/// PostgreSQL made every later message of that person fail. Each is refused with 400 before anything is recorded,
/// and the same person's next ordinary message is answered — on SQLite and PostgreSQL alike.
/// </summary>
public abstract class HostileTextTests : IAsyncLifetime
{
    private const string Marker = "HOSTILE-MARKER";
    private BotHost _bot = null!;

    protected abstract Task<string?> DatabaseAsync();

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync(await DatabaseAsync());

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private string Url => _bot.Connector.ServiceUrl;

    private static readonly string[] Fields =
        ["text", "from.name", "id", "conversation.id", "value", "value.key", "channelData", "invoke.verb", "invoke.data", "invoke.name"];

    private JsonObject Build(string field)
    {
        var invoke = field.StartsWith("invoke.", StringComparison.Ordinal);
        var activity = invoke ? Activities.Personal(Url, "invoke") : Activities.Message(Url, "help");
        if (invoke)
        {
            activity["name"] = "adaptiveCard/action";
            activity["value"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "setLanguage", ["data"] = new JsonObject { ["language"] = "en" } },
            };
        }

        switch (field)
        {
            case "text": activity["text"] = "help " + Marker; break;
            case "from.name": activity["from"]!["name"] = Marker; break;
            case "id": activity["id"] = Marker; break;
            case "conversation.id": activity["conversation"]!["id"] = "a:" + Marker; break;
            case "value": activity["value"] = new JsonObject { ["verb"] = "projectSave", ["title"] = Marker }; break;
            case "value.key": activity["value"] = new JsonObject { ["verb"] = "projectSave", [Marker] = "x" }; break;
            case "channelData": activity["channelData"]!["note"] = Marker; break;
            case "invoke.verb": activity["value"]!["action"]!["verb"] = Marker; break;
            case "invoke.data": activity["value"]!["action"]!["data"]!["language"] = Marker; break;
            case "invoke.name": activity["name"] = Marker; break;
        }

        return activity;
    }

    private async Task<HttpResponseMessage> PostRawAsync(string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _bot.Token());
        return await _bot.Client.SendAsync(request);
    }

    [Theory]
    [InlineData("\\u0000")]
    [InlineData("\\ud800")]
    [InlineData("\\udc00")]
    [InlineData("a\\ud83db")]
    public async Task Post_HostileEscapeInAnyField_400AndNothingRecordedAndNextMessageWorks(string escape)
    {
        foreach (var field in Fields)
        {
            var json = Build(field).ToJsonString().Replace(Marker, escape, StringComparison.Ordinal);

            var response = await PostRawAsync(json);

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{field}: {response.StatusCode}");
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(text.Contains("NUL", StringComparison.Ordinal) || text.Contains("surrogate", StringComparison.Ordinal), $"{field}: {text}");
        }

        Assert.Equal(0, await _bot.Db.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM activity_journal"), default));
        Assert.Empty(_bot.Connector.Requests);
        Assert.DoesNotContain(_bot.Logs.Entries, e => e.Level >= LogLevel.Error);

        Assert.Equal(HttpStatusCode.OK, (await _bot.PostAsync(Activities.Message(Url, "help"))).StatusCode);
        await _bot.Connector.WaitForActivitiesAsync(1);
        Assert.DoesNotContain(_bot.Logs.Entries, e => e.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task Post_InvalidUtf8_400()
    {
        var bytes = Encoding.UTF8.GetBytes(Activities.Message(Url, "help " + Marker).ToJsonString());
        var at = bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(Marker));
        bytes[at] = 0xC3;
        bytes[at + 1] = 0x28;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _bot.Token());

        var response = await _bot.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("UTF-8", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_PairedSurrogatesAndEscapedBackslashU_Accepted()
    {
        var json = Activities.Message(Url, "help " + Marker).ToJsonString().Replace(Marker, "\\ud83d\\ude00 \\\\u0000", StringComparison.Ordinal);

        var response = await PostRawAsync(json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _bot.Connector.WaitForActivitiesAsync(1);
    }
}

public sealed class HostileTextSqliteTests : HostileTextTests
{
    protected override Task<string?> DatabaseAsync() => Task.FromResult<string?>(null);
}

[Collection(DatabaseCollection.Name)]
public sealed class HostileTextPostgresTests(DatabaseFixture databases) : HostileTextTests
{
    protected override async Task<string?> DatabaseAsync() => await databases.NewPostgresDatabaseAsync();
}
