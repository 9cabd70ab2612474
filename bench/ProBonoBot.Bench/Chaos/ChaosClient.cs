using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace ProBonoBot.Bench.Chaos;

/// <summary>What happened to one activity on its way in: first try, the 2xx (if any), tries, and the 2xx body.</summary>
internal sealed record Delivery(double FirstSentMs, double? AckMs, int Attempts, int LastStatus, string? Body)
{
    public bool Acked => AckMs is not null;
}

/// <summary>
/// Posts activities like Teams does: with a Bot Connector token, and — for every try that did not get a 2xx
/// (refused connection, time-out, 5xx, 429/503 with Retry-After) — again with the SAME activity id, until a
/// 2xx or until <c>giveUp</c> has passed since the first try.
/// </summary>
internal sealed class ChaosClient(HttpClient http, string url, Stopwatch clock)
{
    public async Task<Delivery> DeliverAsync(string json, string token, TimeSpan giveUp, bool redeliver = true)
    {
        var first = clock.Elapsed.TotalMilliseconds;
        var attempts = 0;
        var status = 0;
        while (true)
        {
            attempts++;
            TimeSpan? retryAfter = null;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
                if (token.Length > 0)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                }

                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                using var response = await http.SendAsync(request, cts.Token);
                status = (int)response.StatusCode;
                var body = await response.Content.ReadAsStringAsync(cts.Token);
                if (response.IsSuccessStatusCode)
                {
                    return new Delivery(first, clock.Elapsed.TotalMilliseconds, attempts, status, body);
                }

                retryAfter = response.Headers.RetryAfter?.Delta;
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
            {
                status = 0; // refused, reset or timed out: the bot is down or did not answer
            }

            var elapsed = clock.Elapsed.TotalMilliseconds - first;
            if (!redeliver || elapsed > giveUp.TotalMilliseconds)
            {
                return new Delivery(first, null, attempts, status, null);
            }

            var backoff = TimeSpan.FromMilliseconds(Math.Min(2000, 250 * Math.Pow(2, Math.Min(attempts - 1, 3))));
            await Task.Delay(retryAfter is { } ra ? TimeSpan.FromMilliseconds(Math.Clamp(ra.TotalMilliseconds, 100, 5000)) : backoff);
        }
    }
}

/// <summary>Teams-shaped activities of the chaos run.</summary>
internal sealed class ChaosActivities(string serviceUrl)
{
    public const string Channel = "19:chaos-team@thread.tacv2";
    public const string Tenant = "tenant-bench";

    public JsonObject Base(string type, string conversation, string aad, string name, string id, string conversationType = "personal", string locale = "en-US") => new()
    {
        ["type"] = type,
        ["id"] = id,
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["timestamp"] = "2026-01-01T00:00:00Z",
        ["from"] = new JsonObject { ["id"] = "29:" + aad, ["name"] = name, ["aadObjectId"] = aad },
        ["recipient"] = new JsonObject { ["id"] = "28:" + BenchBot.AppId, ["name"] = "ProBonoBot" },
        ["conversation"] = new JsonObject { ["id"] = conversation, ["conversationType"] = conversationType, ["tenantId"] = Tenant },
        ["locale"] = locale,
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Tenant } },
    };

    public JsonObject Message(string conversation, string aad, string name, string id, string text)
    {
        var a = Base("message", conversation, aad, name, id);
        a["text"] = text;
        return a;
    }

    /// <summary>An Action.Submit press: a message whose value holds the verb and data, replying to the card.</summary>
    public JsonObject Submit(string conversation, string aad, string name, string id, JsonObject value, string replyToId)
    {
        var a = Base("message", conversation, aad, name, id);
        a["value"] = value;
        a["replyToId"] = replyToId;
        return a;
    }

    /// <summary>An Action.Execute press: an adaptiveCard/action invoke, replying to the card.</summary>
    public JsonObject Invoke(string conversation, string aad, string name, string id, string verb, JsonObject data, string replyToId)
    {
        var a = Base("invoke", conversation, aad, name, id);
        a["name"] = "adaptiveCard/action";
        a["replyToId"] = replyToId;
        a["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data } };
        return a;
    }

    public JsonObject TeamInstall(string leaderAad)
    {
        var a = Base("conversationUpdate", Channel, leaderAad, "Leader", "team-install", "channel");
        a["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "28:" + BenchBot.AppId });
        a["channelData"]!["team"] = new JsonObject { ["id"] = Channel, ["name"] = "Chaos team" };
        return a;
    }
}
