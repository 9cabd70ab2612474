using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ProBonoBot.Tests.Storage;
using Xunit.Abstractions;

namespace ProBonoBot.Tests.Faults;

/// <summary>
/// Issue 10, items 6 and 12: kill -9 during each kind of action, on SQLite and PostgreSQL. The real bot process gets
/// a batch of distinct activities, is killed (SIGKILL) once about half were acknowledged and answered, restarts on the same
/// database and receives again (same ids) what was not acknowledged. Then: every state change happened exactly
/// once per activity, every activity was answered, and replies or posts were repeated at most for the sends in
/// flight at the kill (accepted by the connector in the window before it; the number is reported).
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed partial class CrashReplayTests(DatabaseFixture databases, ITestOutputHelper output)
{
    private const int Batch = 120;
    private const string Channel = "19:team0123@thread.tacv2";

    /// <summary>
    /// Sends the connector accepted this shortly before the kill count as in flight: the bot records turns as done in
    /// batches after their answers, and on a loaded machine (CI sharing two cores) that lags by more than a second.
    /// </summary>
    private const double InFlightWindowMs = 2000;

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public Task Kill9DuringProjectSaves_EachSaveCreatesOneProjectAndGetsItsReply(string engine) => RunAsync(engine, new Scenario
    {
        Activities = h => Numbered(n => Submit(h, new JsonObject
        {
            ["verb"] = "projectSave", ["title"] = $"Crash save {n:D3}", ["partner"] = "Partner", ["summary"] = "Saved while the bot is killed.",
            ["roles"] = "Analyst | | 3", ["hours"] = "5", ["language"] = "en",
        })),
        ReplyKey = a => a.Conversation == CrashHarness.LeaderChat && SaveTitle().Match(a.Body) is { Success: true } m ? Number(m) : null,
        IsReply = a => a.Conversation == CrashHarness.LeaderChat,
        StateSql = "SELECT COUNT(*) FROM projects",
    });

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public Task Kill9DuringProjectsMessages_EachMessageGetsOneReply(string engine) => RunAsync(engine, new Scenario
    {
        Activities = h => Numbered(n => Activities.Message(h.Connector.ServiceUrl, "projects", conversationId: UserChat(n), fromAad: UserAad(n), fromId: "29:" + UserAad(n))),
        ReplyKey = a => a.Conversation.StartsWith("a:crash-user-", StringComparison.Ordinal) ? a.Conversation : null,
        IsReply = a => a.Conversation.StartsWith("a:crash-user-", StringComparison.Ordinal),
    });

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public Task Kill9DuringPublish_EachProjectPostedOnceAndAnswered(string engine) => RunAsync(engine, new Scenario
    {
        SetUpAsync = h => SaveProjectsAsync(h, Batch, publish: false),
        Activities = h => Numbered(n => Submit(h, new JsonObject { ["verb"] = "projectPublish", ["project"] = n, ["channels"] = Channel })),
        ReplyKey = a => a.Conversation == CrashHarness.LeaderChat && Published().Match(a.Body) is { Success: true } m ? Number(m) : null,
        IsReply = a => a.Conversation == CrashHarness.LeaderChat,
        SendKey = a => a.Conversation == Channel && ProjectData().Match(a.Body) is { Success: true } m ? m.Groups[1].Value : null,
        StateSql = "SELECT COUNT(*) FROM posted_cards",
    });

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public Task Kill9DuringBroadcastStart_EachBroadcastStartedOnce(string engine) => RunAsync(engine, new Scenario
    {
        SetUpAsync = async h =>
        {
            for (var p = 0; p < 2; p++)
            {
                await h.PostAsync(Activities.InstallationUpdate(h.Connector.ServiceUrl, "add", conversationId: $"a:crash-person-{p}"));
            }

            await SaveProjectsAsync(h, Batch, publish: true);
        },
        Activities = h => Numbered(n => Submit(h, new JsonObject { ["verb"] = "broadcastStart", ["project"] = n, ["audience"] = "people", ["resend"] = "false" })),
        ReplyKey = a => a.Conversation == CrashHarness.LeaderChat && a.Method == "POST" && BroadcastOf().Match(a.Body) is { Success: true } m ? Number(m) : null,
        // The leader has the bot too, so the announcements also reach the leader's chat: those are deliveries, not replies.
        IsReply = a => a.Conversation == CrashHarness.LeaderChat && !IsAnnouncement(a),
        SendKey = a => IsAnnouncement(a) && ProjectData().Match(a.Body) is { Success: true } m ? $"{a.Conversation}/{m.Groups[1].Value}" : null,
        StateSql = "SELECT COUNT(*) FROM broadcasts",
        Done = async h => await h.CountAsync("SELECT COUNT(*) FROM broadcasts WHERE status = 0") == 0,
    });

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public Task Kill9DuringSignUpConfirm_EachPersonSignedUpOnce(string engine) => RunAsync(engine, new Scenario
    {
        SetUpAsync = async h =>
        {
            await h.PostAsync(Activities.TeamInstall(h.Connector.ServiceUrl));
            await h.PostAsync(Submit(h, new JsonObject
            {
                ["verb"] = "projectSave", ["title"] = "Crash sign-ups", ["partner"] = "Partner", ["summary"] = "Seats for everyone.",
                ["roles"] = string.Join('\n', Enumerable.Range(1, 6).Select(r => $"Role {r} | | 20")), ["hours"] = "5", ["language"] = "en",
            }));
            await WaitAsync(h, "SELECT COUNT(*) FROM projects", 1);
            await h.PostAsync(Submit(h, new JsonObject { ["verb"] = "projectPublish", ["project"] = 1, ["channels"] = Channel }));
            await WaitAsync(h, "SELECT COUNT(*) FROM projects WHERE status = 1", 1);
            await Parallel.ForEachAsync(Enumerable.Range(1, Batch), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (n, _) =>
            {
                foreach (var text in new[] { "sign up 1", ((n % 6) + 1).ToString(CultureInfo.InvariantCulture), "5", "skip" })
                {
                    await h.PostAsync(Activities.Message(h.Connector.ServiceUrl, text, conversationId: UserChat(n), fromAad: UserAad(n), fromId: "29:" + UserAad(n)));
                }
            });
            await WaitAsync(h, "SELECT COUNT(*) FROM signup_sessions WHERE step = 3", Batch);
        },
        Activities = h => Numbered(n => Activities.Message(h.Connector.ServiceUrl, "yes", conversationId: UserChat(n), fromAad: UserAad(n), fromId: "29:" + UserAad(n))),
        ReplyKey = a => a.Conversation.StartsWith("a:crash-user-", StringComparison.Ordinal) ? a.Conversation : null,
        IsReply = a => a.Conversation.StartsWith("a:crash-user-", StringComparison.Ordinal),
        StateSql = "SELECT COUNT(*) FROM signups",
    });

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public Task Kill9DuringDraftingRequests_EachNeedRecordedOnce(string engine) => RunAsync(engine, new Scenario
    {
        Activities = h => Numbered(n => Activities.Message(h.Connector.ServiceUrl,
            // No partner name the reader recognises, so each need gets a clarifying question (the intake step under test), not a drafting job.
            $"new need Our food bank (partner {n}) loses track of volunteer shifts; we need a shared shift schedule spreadsheet delivered by 2027-03-31.",
            conversationId: UserChat(n), fromAad: UserAad(n), fromId: "29:" + UserAad(n))),
        // A need is answered with more than one message (acknowledgement, brief): a repeat is the same message twice.
        ReplyKey = a => a.Conversation.StartsWith("a:crash-user-", StringComparison.Ordinal) ? a.Conversation : null,
        IsReply = a => a.Conversation.StartsWith("a:crash-user-", StringComparison.Ordinal),
        RepeatsByContent = true,
        StateSql = "SELECT COUNT(*) FROM needs",
    });

    private async Task RunAsync(string engine, Scenario scenario)
    {
        var postgres = engine == "postgres" ? await databases.NewPostgresDatabaseAsync() : null;
        await using var h = await CrashHarness.StartAsync(postgres, new Dictionary<string, string> { ["Broadcasts__Lease"] = "00:00:05" });
        if (scenario.SetUpAsync is { } setUp)
        {
            await setUp(h);
            await h.WaitQuietAsync(quietMs: 500);
        }

        var start = h.Now;
        var batch = scenario.Activities(h);
        int Answered() => h.Arrivals.Where(a => a.AtMs >= start && a.Method == "POST" && scenario.IsReply(a))
            .Select(scenario.ReplyKey).OfType<string>().Distinct(StringComparer.Ordinal).Count();
        await h.RunBatchAsync([.. batch.Select(b => b.Activity)], Answered);
        // Every activity must be answered in the end. On PostgreSQL the restarted process takes over the killed one's
        // accepted activities once its heartbeat is three beats old (about 6 s), so "quiet" alone is not the end.
        var expected = scenario.ExpectedKeys(batch).Count;
        await h.WaitQuietAsync(
            async () => Answered() >= expected && (scenario.Done is null || await scenario.Done(h)),
            quietMs: 1500, maxMs: 30_000);

        var arrivals = h.Arrivals.Where(a => a.AtMs >= start && a.Method == "POST").ToList();
        var answeredAtKill = arrivals.Where(a => a.AtMs <= h.KilledAtMs && scenario.IsReply(a)).Select(scenario.ReplyKey).OfType<string>().Distinct().Count();
        var replies = arrivals.Where(a => scenario.IsReply(a)).ToList();
        var answered = replies.Select(scenario.ReplyKey).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var expectedKeys = scenario.ExpectedKeys(batch);
        var missing = expectedKeys.Where(k => !answered.Contains(k)).ToList();
        var replyRepeats = scenario.RepeatsByContent
            ? replies.GroupBy(a => (scenario.ReplyKey(a), Content(a.Body))).Sum(g => g.Count() - 1)
            : replies.Count - answered.Count;
        var sends = scenario.SendKey is null ? [] : arrivals.Select(scenario.SendKey).OfType<string>().ToList();
        var sendRepeats = sends.Count - sends.Distinct(StringComparer.Ordinal).Count();
        var inFlight = arrivals.Count(a => a.AtMs <= h.KilledAtMs && a.AtMs >= h.KilledAtMs - InFlightWindowMs);
        var state = scenario.StateSql is null ? (long?)null : await h.CountAsync(scenario.StateSql);
        output.WriteLine($"{engine}: acknowledged before the kill {h.AcknowledgedBeforeKill}/{Batch}, answered {answeredAtKill}; replies {replies.Count} for {answered.Count} activities " +
            $"(missing {missing.Count}, repeated {replyRepeats}); sends repeated {sendRepeats}; accepted by the connector in the {InFlightWindowMs} ms before the kill {inFlight}; " +
            $"state rows {state?.ToString(CultureInfo.InvariantCulture) ?? "-"}");
        foreach (var repeated in replies.GroupBy(scenario.ReplyKey).Where(g => g.Count() > 1).Take(2))
        {
            output.WriteLine($"  replies to {repeated.Key ?? "(no key)"}: " + string.Join(" / ", repeated.Select(a => $"{a.AtMs - h.KilledAtMs:F0} ms {Content(a.Body)[..Math.Min(160, Content(a.Body).Length)]}")));
        }


        if (scenario.StateSql is not null)
        {
            Assert.Equal(scenario.ExpectedStateRows, state);
        }

        Assert.True(missing.Count == 0, $"{missing.Count} activities got no reply, e.g. {string.Join(", ", missing.Take(5))}.");
        var repeats = replyRepeats + sendRepeats;
        // Not bounded by the lanes: turns are marked done in batches after their answers, so a kill can catch more answered
        // turns than lanes unmarked (CI once saw 70 of 70 answered in the 2 s before the kill). The bound is the sends in flight.
        Assert.True(repeats <= inFlight, $"{repeats} repeats, but only {inFlight} sends were accepted in the {InFlightWindowMs} ms before the kill.");
    }

    private static List<(string Key, JsonObject Activity)> Numbered(Func<int, JsonObject> build) =>
        [.. Enumerable.Range(1, Batch).Select(n => (n.ToString(CultureInfo.InvariantCulture), build(n)))];

    private static string Number(Match m) => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);

    private static JsonObject Submit(CrashHarness h, JsonObject value) =>
        Activities.Submit(h.Connector.ServiceUrl, value, conversationId: CrashHarness.LeaderChat, fromAad: CrashHarness.Leader, fromId: "29:crash-leader", fromName: "Crash Leader");

    private static bool IsAnnouncement(Arrival a) => a.Body.Contains("\"verb\":\"signUp\"", StringComparison.Ordinal);

    private static string UserChat(int n) => $"a:crash-user-{n:D3}";

    private static string UserAad(int n) => $"aad-crash-user-{n:D3}";

    /// <summary>Saves <paramref name="count"/> projects as the leader (and publishes each to the channel) before the batch.</summary>
    private static async Task SaveProjectsAsync(CrashHarness h, int count, bool publish)
    {
        await h.PostAsync(Activities.TeamInstall(h.Connector.ServiceUrl));
        for (var n = 1; n <= count; n++)
        {
            await h.PostAsync(Submit(h, new JsonObject
            {
                ["verb"] = "projectSave", ["title"] = $"Crash project {n:D3}", ["partner"] = "Partner", ["summary"] = "Set up before the kill.",
                ["roles"] = "Analyst | | 3", ["hours"] = "5", ["language"] = "en",
            }));
        }

        await WaitAsync(h, "SELECT COUNT(*) FROM projects", count);
        if (publish)
        {
            for (var n = 1; n <= count; n++)
            {
                await h.PostAsync(Submit(h, new JsonObject { ["verb"] = "projectPublish", ["project"] = n, ["channels"] = Channel }));
            }

            await WaitAsync(h, "SELECT COUNT(*) FROM posted_cards", count);
        }
    }

    private static async Task WaitAsync(CrashHarness h, string sql, long expected)
    {
        for (var i = 0; i < 300 && await h.CountAsync(sql) < expected; i++)
        {
            await Task.Delay(50);
        }

        Assert.Equal(expected, await h.CountAsync(sql));
    }

    private static string Content(string body)
    {
        using var doc = JsonDocument.Parse(body);
        var root = doc.RootElement;
        return (root.TryGetProperty("text", out var t) ? t.GetRawText() : string.Empty) + "|" + (root.TryGetProperty("attachments", out var a) ? a.GetRawText() : string.Empty);
    }

    private sealed class Scenario
    {
        public Func<CrashHarness, Task>? SetUpAsync { get; init; }
        public required Func<CrashHarness, List<(string Key, JsonObject Activity)>> Activities { get; init; }

        /// <summary>Which activity a reply answers (by its key), or null.</summary>
        public required Func<Arrival, string?> ReplyKey { get; init; }

        /// <summary>Which POSTs are replies to the batch's activities (one each expected).</summary>
        public required Func<Arrival, bool> IsReply { get; init; }

        /// <summary>Other sends that must happen once each (channel posts, deliveries), keyed.</summary>
        public Func<Arrival, string?>? SendKey { get; init; }

        public bool RepeatsByContent { get; init; }

        public string? StateSql { get; init; }

        public long ExpectedStateRows { get; init; } = Batch;

        public Func<CrashHarness, Task<bool>>? Done { get; init; }

        public IReadOnlyList<string> ExpectedKeys(List<(string Key, JsonObject Activity)> batch) =>
            [.. batch.Select(b => ReplyKeyFor(b))];

        private static string ReplyKeyFor((string Key, JsonObject Activity) b) =>
            (string?)b.Activity["conversation"]?["id"] is { } c && c.StartsWith("a:crash-user-", StringComparison.Ordinal) ? c : b.Key;
    }

    [GeneratedRegex(@"Crash save (\d{3})")]
    private static partial Regex SaveTitle();

    [GeneratedRegex(@"Published #(\d+)\b")]
    private static partial Regex Published();

    [GeneratedRegex(@"Broadcast of #(\d+)\b")]
    private static partial Regex BroadcastOf();

    [GeneratedRegex("\"project\\\\?\"\\s*:\\s*\\\\?\"?(\\d+)")]
    private static partial Regex ProjectData();
}
