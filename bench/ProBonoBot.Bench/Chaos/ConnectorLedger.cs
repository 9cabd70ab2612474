using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using ProBonoBot.Testing;

namespace ProBonoBot.Bench.Chaos;

/// <summary>One activity request the fake connector answered: when, where, with what status, and whether the status was an injected fault.</summary>
internal sealed record ConnectorEvent(double AtMs, string Method, string Conversation, string? ActivityId, int Status, bool Injected, string Content, long? Project)
{
    /// <summary>An answer the user sees: a delivered POST, or a card update (a 404 on it is the outcome "the message is gone").</summary>
    public bool IsAnswer => Method == "PUT" || (Method == "POST" && Status is >= 200 and < 300);

    public bool IsDeliveredPost => Method == "POST" && Status is >= 200 and < 300;
}

/// <summary>
/// The connector's side of the books: every POST/PUT of an activity, timestamped on the run's clock, and the
/// deterministic fault plan that decides which of them fail (by a hash of conversation and content, so a
/// retry of the same reply meets the same plan).
/// </summary>
internal sealed partial class ConnectorLedger(Stopwatch clock)
{
    private readonly ConcurrentDictionary<RecordedRequest, Fault> _injected = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<string, int> _attempts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, List<ConnectorEvent>> _byConversation = new(StringComparer.Ordinal);
    private int _faults;

    /// <summary>When false (set-up), nothing is injected.</summary>
    public bool Injecting { get; set; }

    /// <summary>Conversations whose replies the plan may fail.</summary>
    public Func<string, bool> Targeted { get; set; } = _ => false;

    public int Faults => Volatile.Read(ref _faults);

    public Fault? Decide(RecordedRequest request)
    {
        if (!Injecting || Parse(request.Path) is not var (conversation, _) || !Targeted(conversation) || IsTyping(request.Body))
        {
            return null;
        }

        var key = $"{request.Method} {conversation} {Canonical(request.Body)}";
        var attempt = _attempts.AddOrUpdate(key, 1, (_, n) => n + 1);
        var bucket = Fnv(key) % 1000;
        Fault? fault = request.Method switch
        {
            // The person deleted the card: every update of it is answered 404.
            "PUT" when bucket < 150 => new Fault(404, ErrorCode: "NotFound"),
            "POST" when bucket < 25 && attempt == 1 => new Fault(500, ErrorCode: "InternalServerError"),
            "POST" when bucket is >= 25 and < 60 && attempt <= 2 => new Fault(429, "1", "TooManyRequests"),
            // Beyond the bot's 4 retries: only a later attempt (the outbox) can deliver it.
            "POST" when bucket is >= 60 and < 80 && attempt <= 6 => new Fault(429, "1", "TooManyRequests"),
            _ => null,
        };
        if (fault is not null)
        {
            _injected[request] = fault;
            Interlocked.Increment(ref _faults);
        }

        return fault;
    }

    public void Record(RecordedRequest request, int status)
    {
        if (Parse(request.Path) is not var (conversation, activityId) || IsTyping(request.Body))
        {
            return;
        }

        var injected = _injected.TryRemove(request, out _);
        var content = Canonical(request.Body);
        var project = ProjectPattern().Match(request.Body) is { Success: true } m ? long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : (long?)null;
        var e = new ConnectorEvent(clock.Elapsed.TotalMilliseconds, request.Method, conversation, activityId, status, injected, content, project);
        var list = _byConversation.GetOrAdd(conversation, _ => []);
        lock (list)
        {
            list.Add(e);
        }
    }

    /// <summary>The events of one conversation so far, in arrival order.</summary>
    public IReadOnlyList<ConnectorEvent> Of(string conversation)
    {
        if (!_byConversation.TryGetValue(conversation, out var list))
        {
            return [];
        }

        lock (list)
        {
            return [.. list];
        }
    }

    public IEnumerable<string> Conversations => _byConversation.Keys;

    public int Count => _byConversation.Values.Sum(l => { lock (l) { return l.Count; } });

    /// <summary>Conversation and activity id of <c>…/v3/conversations/{id}/activities[/{activityId}]</c>.</summary>
    private static (string, string?)? Parse(string path)
    {
        var parts = path.Split('/');
        var at = Array.IndexOf(parts, "conversations");
        if (at < 0 || at + 2 >= parts.Length || parts[at + 2] != "activities")
        {
            return null;
        }

        return (Uri.UnescapeDataString(parts[at + 1]), at + 3 < parts.Length ? Uri.UnescapeDataString(parts[at + 3]) : null);
    }

    private static bool IsTyping(string body) => body.Contains("\"type\":\"typing\"", StringComparison.Ordinal);

    /// <summary>What the person sees (text and card content), without addressing fields that differ per send.</summary>
    internal static string Canonical(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            var text = root.TryGetProperty("text", out var t) ? t.GetRawText() : string.Empty;
            var attachments = root.TryGetProperty("attachments", out var a) ? a.GetRawText() : string.Empty;
            return text + "|" + attachments;
        }
        catch (JsonException)
        {
            return body;
        }
    }

    internal static uint Fnv(string s)
    {
        var h = 2166136261u;
        foreach (var c in s)
        {
            h = (h ^ c) * 16777619u;
        }

        return h;
    }

    [GeneratedRegex("\"project\\\\?\"\\s*:\\s*\\\\?\"?(\\d+)")]
    private static partial Regex ProjectPattern();
}
