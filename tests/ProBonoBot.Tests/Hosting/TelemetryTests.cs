using System.Diagnostics;
using System.Text;
using Azure.Monitor.OpenTelemetry.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using ProBonoBot.Hosting;
using ProBonoBot.Testing;

namespace ProBonoBot.Tests.Hosting;

/// <summary>
/// Issue 15, telemetry: the bot's meters and spans are produced (read with the in-memory exporter over real HTTP turns,
/// a 429 included), none of them carries user text, names, conversation ids or Entra ids, and the exporters are chosen by
/// the standard variables — none when neither is set.
/// </summary>
/// <remarks>
/// OpenTelemetry listens to every meter and source of that name in the process: these tests run alone, so other tests'
/// bots (429s, duplicates of their own) do not add to what is counted here.
/// </remarks>
[Collection(Collection)]
public sealed class TelemetryTests
{
    public const string Collection = "Telemetry (not in parallel)";

    private const string Text = "quartzfox7731 would like a word";
    private const string Name = "Zebulon Quartermain";
    private const string Aad = "d1e2f3a4-7731-4b5c-9d8e-7731deadbeef";
    private const string TeamsId = "29:1ZebulonTeamsId7731";
    private const string Conversation = "a:1zebconv7731XYZ";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Turns_WithA429_ProduceMetersAndSpansWithoutUserText()
    {
        var metrics = new List<MetricSnapshot>();
        var spans = new List<Activity>();
        await using var bot = await BotHost.StartAsync(extra: NoExporter(), services: s => s.AddOpenTelemetry().WithProBonoBot()
            .WithMetrics(m => m.AddInMemoryExporter(metrics))
            .WithTracing(t => t.AddInMemoryExporter(spans)));
        var url = bot.Connector.ServiceUrl;

        // An answer meets a 429 (not waited out: handed to the outbox), whose send meets another (waited out, then sent).
        bot.Connector.Fail(new Fault(429, RetryAfter: "0"), new Fault(429, RetryAfter: "1"));
        await bot.PostAsync(Message(url, "help", "t-1"));
        await bot.Connector.WaitForAsync(rs => rs.Count(r => r.Method == "POST") >= 3, Patience);
        await bot.PostAsync(Message(url, Text, "t-2"));
        await bot.PostAsync(Message(url, "help", "t-3"));
        await bot.PostAsync(Message(url, "help", "t-3"));
        await bot.Connector.WaitForAsync(rs => rs.Count(r => r.Method == "POST") >= 5, Patience);
        // A turn is counted once its handler returns, just after its last send.
        await UntilAsync(() => Sum(Flush(bot, metrics), "probonobot.turns", ("probonobot.outcome", "answered")) >= 3);

        var snapshot = Flush(bot, metrics);
        Assert.True(Sum(snapshot, "probonobot.turns", ("probonobot.outcome", "answered")) >= 3);
        Assert.Equal(1, Sum(snapshot, "probonobot.turns", ("probonobot.outcome", "duplicate")));
        Assert.True(Sum(snapshot, "probonobot.turns", ("probonobot.route", "help")) >= 2);
        Assert.True(Count(snapshot, "probonobot.turn.duration") >= 3);
        Assert.Equal(1, Sum(snapshot, "probonobot.connector.throttled", ("probonobot.caller", "answer")));
        Assert.Equal(1, Sum(snapshot, "probonobot.connector.throttled", ("probonobot.caller", "background")));
        Assert.Equal(1, Count(snapshot, "probonobot.connector.retry_after"));
        Assert.True(Sum(snapshot, "probonobot.outbox.sends", ("probonobot.result", "sent")) >= 1);
        Assert.Equal(0, Gauge(snapshot, "probonobot.outbox.pending"));
        Assert.Equal(0, Gauge(snapshot, "probonobot.lanes.stalled"));
        Assert.Contains(snapshot, m => m.Name == "probonobot.lanes.busy");
        Assert.Contains(snapshot, m => m.Name == "probonobot.turns.queued");
        Assert.Contains(snapshot, m => m.Name == "probonobot.broadcasts.running");

        var ours = Ours(bot, spans);
        var turn = Assert.Single(ours, s => s.OperationName == "turn" && s.GetTagItem("probonobot.route") as string == "fallback");
        Assert.Equal("message", turn.GetTagItem("probonobot.activity.type"));
        Assert.Equal("answered", turn.GetTagItem("probonobot.outcome"));
        Assert.Contains(ours, s => s.OperationName == "outbox.send" && s.GetTagItem("probonobot.result") as string == "sent");
        Assert.Contains(ours, s => s.Kind == ActivityKind.Client && s.GetTagItem("url.full") is string u && u.Contains("/v3/conversations/{id}/activities", StringComparison.Ordinal));

        var exported = Serialize(snapshot, ours);
        foreach (var secret in new[] { "quartzfox7731", Name, Aad, TeamsId, Conversation, Uri.EscapeDataString(Conversation) })
        {
            Assert.DoesNotContain(secret, exported, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task DraftingCall_ModelAnswers_LatencyTokensAndSpanWithoutThePrompt()
    {
        var metrics = new List<MetricSnapshot>();
        var spans = new List<Activity>();
        await using var stub = await OpenAIStub.StartAsync();
        stub.Default = new StubReply(StubMode.Content, "{\"title\":\"A plan\"}");
        var settings = NoExporter();
        settings["Drafting:Provider"] = "OpenAICompatible";
        settings["Drafting:Endpoint"] = stub.Endpoint;
        settings["Drafting:Model"] = "stub-model";
        settings["Drafting:MaxRetries"] = "0";
        await using var bot = await BotHost.StartAsync(extra: settings, services: s => s.AddOpenTelemetry().WithProBonoBot()
            .WithMetrics(m => m.AddInMemoryExporter(metrics))
            .WithTracing(t => t.AddInMemoryExporter(spans)));
        var caller = bot.Services.GetRequiredService<ProBonoBot.Drafting.ModelCaller>();

        var reply = await caller.CallAsync([new Microsoft.Extensions.AI.ChatMessage(Microsoft.Extensions.AI.ChatRole.User, Text + " " + Name)], null, null, default);

        Assert.Equal(ProBonoBot.Drafting.FallbackReason.None, reply.Failure);
        var snapshot = Flush(bot, metrics);
        Assert.Equal(1, Count(snapshot, "probonobot.drafting.duration"));
        Assert.Equal(500, Sum(snapshot, "probonobot.drafting.tokens", ("probonobot.token.kind", "input")));
        Assert.True(Sum(snapshot, "probonobot.drafting.tokens", ("probonobot.token.kind", "output")) > 0);
        var ours = Ours(bot, spans);
        Assert.Contains(ours, s => s.OperationName == "drafting.call" && s.GetTagItem("probonobot.outcome") as string == "none");
        var exported = Serialize(snapshot, ours);
        Assert.DoesNotContain("quartzfox7731", exported, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Name, exported, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task OutboxSend_BroadcastRow_CountedForItsBroadcastWithASpan()
    {
        var metrics = new List<MetricSnapshot>();
        var spans = new List<Activity>();
        await using var bot = await BotHost.StartAsync(extra: NoExporter(), services: s => s.AddOpenTelemetry().WithProBonoBot()
            .WithMetrics(m => m.AddInMemoryExporter(metrics))
            .WithTracing(t => t.AddInMemoryExporter(spans)));
        var worker = bot.Services.GetRequiredService<ProBonoBot.Outbox.OutboxWorker>();
        var row = new ProBonoBot.Outbox.OutboxRow(1_000_001, null, null, null, null, Conversation, bot.Connector.ServiceUrl,
            "{\"type\":\"message\",\"text\":\"" + Text + "\"}", 0, BroadcastId: 7);

        await worker.DeliverAsync(row, default);

        var snapshot = Flush(bot, metrics);
        Assert.Equal(1, Sum(snapshot, "probonobot.broadcast.deliveries", ("probonobot.broadcast.id", 7L), ("probonobot.result", "sent")));
        Assert.Equal(1, Sum(snapshot, "probonobot.outbox.sends", ("probonobot.result", "sent")));
        var ours = Ours(bot, spans);
        Assert.Contains(ours, s => s.OperationName == "outbox.send" && s.GetTagItem("probonobot.result") as string == "sent");
        var exported = Serialize(snapshot, ours);
        Assert.DoesNotContain("quartzfox7731", exported, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Uri.EscapeDataString(Conversation), exported, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AddTelemetry_NeitherVariableSet_NothingRegisteredAndBotAnswers()
    {
        await using var bot = await BotHost.StartAsync(extra: NoExporter());

        await bot.PostAsync(Activities.Message(bot.Connector.ServiceUrl, "help"));

        await bot.Connector.WaitForActivitiesAsync(1, Patience);
        Assert.Null(bot.Services.GetService<MeterProvider>());
        Assert.Null(bot.Services.GetService<TracerProvider>());
        Assert.NotNull(bot.Services.GetService<BotMetrics>());
    }

    [Fact]
    public void AddTelemetry_AppInsightsConnectionString_AzureMonitorRegistered()
    {
        // Syntactically valid, pointing nowhere; only the registrations are looked at, so nothing is sent.
        const string connection = "InstrumentationKey=00000000-0000-0000-0000-000000000001;IngestionEndpoint=http://127.0.0.1:9/;LiveEndpoint=http://127.0.0.1:9/";
        var services = Configure(new() { [Telemetry.AppInsightsVariable] = connection, [Telemetry.OtlpVariable] = string.Empty });

        Assert.Contains(services, d => FromAssembly(d, "Azure.Monitor.OpenTelemetry"));
        Assert.Contains(services, d => d.ServiceType == typeof(TracerProvider));
        Assert.Contains(services, d => d.ServiceType == typeof(MeterProvider));
        using var provider = services.BuildServiceProvider();
        Assert.Equal(connection, provider.GetRequiredService<IOptionsMonitor<AzureMonitorOptions>>().Get(Options.DefaultName).ConnectionString);
    }

    [Fact]
    public void AddTelemetry_OtlpEndpoint_OtlpOnly()
    {
        var services = Configure(new() { [Telemetry.AppInsightsVariable] = string.Empty, [Telemetry.OtlpVariable] = "http://127.0.0.1:4317" });

        Assert.Contains(services, d => d.ServiceType == typeof(MeterProvider));
        Assert.Contains(services, d => FromAssembly(d, "OpenTelemetry.Exporter.OpenTelemetryProtocol"));
        Assert.DoesNotContain(services, d => FromAssembly(d, "Azure.Monitor.OpenTelemetry"));
    }

    [Fact]
    public void RedactedUrl_ConnectorAndGraphPaths_IdsAndQueryRemoved()
    {
        Assert.Equal("https://smba.example/teams/v3/conversations/{id}/activities/{id}",
            Telemetry.RedactedUrl(new Uri("https://smba.example/teams/v3/conversations/a%3A1zeb7731/activities/1234?x=" + Aad)));
        Assert.Equal("https://graph.example/v1.0/users/{id}/teamwork/installedApps",
            Telemetry.RedactedUrl(new Uri($"https://graph.example/v1.0/users/{Aad}/teamwork/installedApps")));
    }

    private static Dictionary<string, string?> NoExporter() => new() { [Telemetry.AppInsightsVariable] = string.Empty, [Telemetry.OtlpVariable] = string.Empty };

    private static IServiceCollection Configure(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddTelemetry();
        return builder.Services;
    }

    private static bool FromAssembly(ServiceDescriptor d, string prefix) =>
        new[] { d.ImplementationType, d.ImplementationInstance?.GetType(), d.IsKeyedService ? d.KeyedImplementationType : null }
            .Any(t => t?.Assembly.GetName().Name?.StartsWith(prefix, StringComparison.Ordinal) == true);

    private static System.Text.Json.Nodes.JsonObject Message(string url, string text, string id) =>
        Activities.Message(url, text, id: id, conversationId: Conversation, fromAad: Aad, fromId: TeamsId, fromName: Name);

    private static List<MetricSnapshot> Flush(BotHost bot, List<MetricSnapshot> metrics)
    {
        var provider = bot.Services.GetRequiredService<MeterProvider>();
        lock (metrics)
        {
            metrics.Clear();
        }

        provider.ForceFlush();
        lock (metrics)
        {
            return [.. metrics];
        }
    }

    // Other hosts in this process (the fake connector, the token issuer, other tests' bots) are seen by the same listeners:
    // only the spans of this bot's own process are checked (its sources, its client calls, requests to its port).
    private static List<Activity> Ours(BotHost bot, List<Activity> spans)
    {
        bot.Services.GetRequiredService<TracerProvider>().ForceFlush();
        var port = bot.Client.BaseAddress!.Port;
        lock (spans)
        {
            return [.. spans.Where(s => s.Kind != ActivityKind.Server || (s.GetTagItem("server.port") is int p && p == port))];
        }
    }

    private static IEnumerable<MetricPoint> Points(IEnumerable<MetricSnapshot> metrics, string name)
    {
        foreach (var metric in metrics.Where(m => m.Name == name))
        {
            foreach (var point in metric.MetricPoints)
            {
                yield return point;
            }
        }
    }

    private static bool Has(MetricPoint point, (string Key, object Value)[] tags)
    {
        var all = new Dictionary<string, object?>();
        foreach (var tag in point.Tags)
        {
            all[tag.Key] = tag.Value;
        }

        return tags.All(t => all.TryGetValue(t.Key, out var v) && Equals(v, t.Value));
    }

    private static long Sum(IEnumerable<MetricSnapshot> metrics, string name, params (string Key, object Value)[] tags) =>
        Points(metrics, name).Where(p => Has(p, tags)).Sum(p => p.GetSumLong());

    private static long Count(IEnumerable<MetricSnapshot> metrics, string name) => Points(metrics, name).Sum(p => p.GetHistogramCount());

    private static long Gauge(IEnumerable<MetricSnapshot> metrics, string name) => Points(metrics, name).Single().GetGaugeLastValueLong();

    private static string Serialize(IEnumerable<MetricSnapshot> metrics, IEnumerable<Activity> spans)
    {
        var text = new StringBuilder();
        foreach (var metric in metrics)
        {
            text.Append(metric.Name).Append(' ').Append(metric.Description).Append('\n');
            foreach (var point in metric.MetricPoints)
            {
                foreach (var tag in point.Tags)
                {
                    text.Append(tag.Key).Append('=').Append(tag.Value).Append('\n');
                }
            }
        }

        foreach (var span in spans)
        {
            text.Append(span.DisplayName).Append(' ').Append(span.OperationName).Append(' ').Append(span.StatusDescription).Append('\n');
            foreach (var tag in span.TagObjects)
            {
                text.Append(tag.Key).Append('=').Append(tag.Value).Append('\n');
            }

            foreach (var e in span.Events)
            {
                text.Append(e.Name).Append('\n');
                foreach (var tag in e.Tags)
                {
                    text.Append(tag.Key).Append('=').Append(tag.Value).Append('\n');
                }
            }

            foreach (var item in span.Baggage)
            {
                text.Append(item.Key).Append('=').Append(item.Value).Append('\n');
            }
        }

        return text.ToString();
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        var until = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, "The condition did not hold in time.");
            await Task.Delay(100);
        }
    }
}

/// <summary>The telemetry tests' collection: not run in parallel with any other test.</summary>
[CollectionDefinition(TelemetryTests.Collection, DisableParallelization = true)]
public sealed class TelemetryCollection;
