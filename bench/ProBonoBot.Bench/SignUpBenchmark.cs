using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ProBonoBot.Testing;

namespace ProBonoBot.Bench;

/// <summary>
/// Sign-up under load, black-box over HTTP with valid tokens: a leader publishes a project whose first role has
/// 5 seats; <c>users</c> people click Sign up on the channel card (Action.Execute invokes, 50 at a time — the
/// latency measured); then all of them answer and confirm at once, every confirm redelivered and double-clicked.
/// Overbooked = confirmations beyond the seats; duplicates = people told their result more than once.
/// </summary>
internal sealed class SignUpBenchmark(string root, int users, int concurrency)
{
    private const string AppId = BenchBot.AppId;
    private const string Leader = "aad-bench-leader";
    private const int Seats = 5;

    public async Task<int> RunAsync()
    {
        await using var issuer = await LocalIssuer.StartAsync();
        await using var connector = await FakeConnector.StartAsync();
        using var http = new HttpClient();
        var dataDir = Directory.CreateTempSubdirectory("probonobot-bench-").FullName;
        Process? bot = null;
        try
        {
            var port = FreePort.Next();
            bot = BenchBot.Start(root, port, issuer, connector, $"Data Source={Path.Combine(dataDir, "bench.db")}",
                new Dictionary<string, string> { ["Club__Leaders__0"] = Leader });
            await Processes.WaitHealthyAsync(http, $"http://127.0.0.1:{port}/healthz", bot);
            var client = new BotClient(http, $"http://127.0.0.1:{port}/api/messages", issuer.BotConnectorToken(AppId, connector.ServiceUrl), connector.ServiceUrl);

            await client.PostAsync(client.TeamInstall());
            await client.PostAsync(client.Submit(Leader, "a:leader", new JsonObject
            {
                ["verb"] = "projectSave", ["title"] = "Bench project", ["partner"] = "Bench partner", ["summary"] = "Load test.",
                ["roles"] = $"Analyst | Excel | {Seats}\nWriter | | 3", ["hours"] = "5", ["mode"] = "remote", ["language"] = "en",
            }));
            await connector.WaitForAsync(r => r.Any(x => x.Body.Contains("not published yet", StringComparison.Ordinal)), TimeSpan.FromSeconds(30));
            await client.PostAsync(client.Submit(Leader, "a:leader", new JsonObject { ["verb"] = "projectPublish", ["project"] = 1, ["channels"] = BotClient.Channel }));
            await connector.WaitForAsync(r => r.Any(x => x.Body.Contains("Published #1", StringComparison.Ordinal)), TimeSpan.FromSeconds(30));

            Console.WriteLine($"== {users} sign-up clicks (Action.Execute invokes), {concurrency} at a time");
            var latencies = new ConcurrentBag<double>();
            var failures = 0;
            await Parallel.ForEachAsync(Enumerable.Range(0, users), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, _) =>
            {
                var clock = Stopwatch.StartNew();
                var response = await client.PostAsync(client.SignUpInvoke(i));
                latencies.Add(clock.Elapsed.TotalMilliseconds);
                if (!response.Contains("application/vnd.microsoft.card.adaptive", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref failures);
                }
            });
            var sorted = latencies.Order().ToArray();
            var p50 = sorted[(int)(sorted.Length * 0.50)];
            var p99 = sorted[Math.Min(sorted.Length - 1, (int)(sorted.Length * 0.99))];

            // Every clicker got the first question in a 1:1 chat the bot created; learn those chats.
            var chats = await WaitForChatsAsync(connector);
            Console.WriteLine($"== answering and confirming: {chats.Count} people, every confirm redelivered and double-clicked");
            foreach (var (text, _) in new[] { ("1", 0), ("5", 1), ("skip", 2) })
            {
                await Parallel.ForEachAsync(chats, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (chat, _) =>
                    await client.PostAsync(client.Message(chat.Key, chat.Value, text, id: $"{chat.Key}-{text}")));
                await Task.Delay(200);
            }

            await Parallel.ForEachAsync(chats, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (chat, _) =>
            {
                var confirm = client.Message(chat.Key, chat.Value, "yes", id: $"{chat.Key}-yes");
                await Task.WhenAll(client.PostAsync(confirm), client.PostAsync(confirm),
                    client.PostAsync(client.Message(chat.Key, chat.Value, "yes", id: $"{chat.Key}-yes-again")));
            });

            var results = await WaitForResultsAsync(connector, chats.Count);
            var confirmed = results.Sum(r => r.Value.Confirmed);
            var waitlisted = results.Sum(r => r.Value.Waitlisted);
            var overbooked = Math.Max(0, confirmed - Seats);
            var duplicates = results.Sum(r => Math.Max(0, r.Value.Confirmed + r.Value.Waitlisted - 1));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"invokes: {users}, failed {failures}, p50 {p50:F1} ms, p99 {p99:F1} ms; confirmed {confirmed} of {Seats} seats, waitlisted {waitlisted}, people without a result {chats.Count - results.Count}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT signup invoke_p99_ms={p99:F1} overbooked={overbooked} duplicates={duplicates}"));
            var met = p99 < 200 && overbooked == 0 && duplicates == 0 && failures == 0 && confirmed == Seats && results.Count == chats.Count;
            Console.WriteLine(met ? "BAR met: invoke p99 < 200 ms, no overbooking, no duplicates." : "BAR NOT met.");
            return met ? 0 : 1;
        }
        finally
        {
            Processes.Stop(bot);
            Directory.Delete(dataDir, recursive: true);
        }
    }

    /// <summary>Conversation id → person index, from the role questions the bot sent.</summary>
    private async Task<Dictionary<string, int>> WaitForChatsAsync(FakeConnector connector)
    {
        var requests = await connector.WaitForAsync(r => r.Count(x => x.Body.Contains("Which role", StringComparison.Ordinal)) >= users, TimeSpan.FromSeconds(120));
        // Proactive messages carry no recipient: pair each created chat (the fake connector numbers them in
        // creation order) with the person it was created for.
        var created = requests.Where(r => r.Path.EndsWith("/v3/conversations", StringComparison.Ordinal))
            .Select(c => int.Parse(((string?)c.Json!["members"]![0]!["id"])!.Split('-')[^1], CultureInfo.InvariantCulture)).ToList();
        var questioned = requests.Where(r => r.Body.Contains("Which role", StringComparison.Ordinal))
            .Select(r => Uri.UnescapeDataString(r.Path.Split('/')[^2])).Distinct()
            .OrderBy(q => int.Parse(q.Split('-')[^1], CultureInfo.InvariantCulture)).ToList();
        var chats = new Dictionary<string, int>();
        for (var i = 0; i < Math.Min(created.Count, questioned.Count); i++)
        {
            chats[questioned[i]] = created[i];
        }

        return chats;
    }

    private static async Task<Dictionary<string, (int Confirmed, int Waitlisted)>> WaitForResultsAsync(FakeConnector connector, int people)
    {
        static bool Confirmed(RecordedRequest r) => r.Body.Contains("confirmed as", StringComparison.Ordinal);
        static bool Waitlisted(RecordedRequest r) => r.Body.Contains("on the waitlist for", StringComparison.Ordinal);
        Dictionary<string, (int Confirmed, int Waitlisted)> Results() => connector.Requests
            .Where(r => Confirmed(r) || Waitlisted(r))
            .GroupBy(r => Uri.UnescapeDataString(r.Path.Split('/')[^2]))
            .ToDictionary(g => g.Key, g => (g.Count(Confirmed), g.Count(Waitlisted)));

        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(120) && Results().Count < people)
        {
            await Task.Delay(200);
        }

        // Give redeliveries and double clicks time to show up as duplicates, if they would.
        await Task.Delay(2000);
        return Results();
    }
}

/// <summary>Posts Teams-shaped activities to the bot with a valid token.</summary>
internal sealed class BotClient(HttpClient http, string url, string token, string serviceUrl)
{
    public const string Channel = "19:bench-team@thread.tacv2";

    public async Task<string> PostAsync(JsonObject activity)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }

    private JsonObject Base(string type, string conversationId, string conversationType, string aad, string userId, string? id = null) => new()
    {
        ["type"] = type,
        ["id"] = id ?? Guid.NewGuid().ToString("N"),
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["from"] = new JsonObject { ["id"] = userId, ["name"] = $"User {aad}", ["aadObjectId"] = aad },
        ["recipient"] = new JsonObject { ["id"] = "28:bench-app", ["name"] = "ProBonoBot" },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = conversationType, ["tenantId"] = "tenant-bench" },
        ["locale"] = "en-US",
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-bench" } },
    };

    /// <summary>A person installing the bot in their 1:1 chat.</summary>
    public JsonObject Install(int user)
    {
        var a = Base("installationUpdate", $"a:bench-{user}", "personal", $"aad-user-{user}", $"29:user-{user}");
        a["action"] = "add";
        return a;
    }

    public JsonObject TeamInstall()
    {
        var a = Base("conversationUpdate", Channel, "channel", Leader, "29:leader");
        a["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "28:bench-app" });
        a["channelData"]!["team"] = new JsonObject { ["id"] = Channel, ["name"] = "Bench team" };
        return a;
    }

    private const string Leader = "aad-bench-leader";

    public JsonObject Submit(string aad, string conversationId, JsonObject value)
    {
        var a = Base("message", conversationId, "personal", aad, "29:leader");
        a["value"] = value;
        a["replyToId"] = "card";
        return a;
    }

    public JsonObject SignUpInvoke(int user)
    {
        var a = Base("invoke", Channel + ";messageid=1", "channel", $"aad-user-{user}", $"29:user-{user}");
        a["name"] = "adaptiveCard/action";
        a["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "signUp", ["data"] = new JsonObject { ["project"] = 1 } } };
        return a;
    }

    public JsonObject Message(string conversationId, int user, string text, string id)
    {
        var a = Base("message", conversationId, "personal", $"aad-user-{user}", $"29:user-{user}", id);
        a["text"] = text;
        return a;
    }
}
