using System.Text.Json;

namespace ProBonoBot.Bench.Chaos;

/// <summary>A kill of the bot: when SIGKILL was sent and when the restarted bot answered /healthz.</summary>
internal sealed record KillWindow(double KillMs, double HealthyMs);

/// <summary>The settled books of one conversation's steps.</summary>
internal sealed record StepBook(Step Step, int Posts, int Puts, double? FirstAnswerMs, bool FaultHit, int Duplicates, int InflightRepeats)
{
    public bool Lost => Step.Delivery?.Acked == true && (Step.Kind == StepKind.Invoke ? !Step.InvokeAnswered : Posts + Puts == 0);
}

/// <summary>
/// Settles the books after the run: attributes every connector event of a conversation to one of its steps and
/// counts answers per step. Rules (also in docs/benchmarks.md):
/// a PUT of a card goes to the step that replied to that card; any other event goes to the latest step sent before
/// it arrived — unless its content equals the first answer of one of the three steps before that sent another
/// command, which it then repeats (a replayed turn answers like the first time). Typing indicators are ignored.
/// </summary>
internal static class ChaosBooks
{
    /// <summary>A repeat counts as in flight at a kill when the first copy reached the connector at most this long before the kill.</summary>
    public const double InflightWindowMs = 1000;

    /// <summary>Latency samples exclude steps whose life touches [kill − 1 s, healthy + 5 s].</summary>
    public const double KillWindowBeforeMs = 1000;
    public const double KillWindowAfterMs = 5000;

    public static IReadOnlyList<StepBook> Settle(IReadOnlyList<Step> steps, IReadOnlyList<ConnectorEvent> events, IReadOnlyList<KillWindow> kills)
    {
        var answers = steps.ToDictionary(s => s, _ => new List<ConnectorEvent>());
        var faulted = new HashSet<Step>();
        var ordered = steps.Where(s => s.Delivery is not null).OrderBy(s => s.Delivery!.FirstSentMs).ToList();
        foreach (var e in events.OrderBy(e => e.AtMs))
        {
            var target = e.Method == "PUT" ? ordered.FirstOrDefault(s => s.ReplyToId is not null && s.ReplyToId == e.ActivityId) : null;
            if (target is null)
            {
                var current = ordered.FindLastIndex(s => s.Delivery!.FirstSentMs <= e.AtMs);
                if (current < 0)
                {
                    continue;
                }

                target = ordered[current];
                // A message that was held up (a deleted card's answer sent as a new message, an answer the outbox
                // delivered after 429s) can arrive after the next step was sent: it belongs to the recent step that
                // has no delivered answer yet, not to the later one.
                var late = e.IsDeliveredPost
                    ? Enumerable.Range(Math.Max(0, current - 3), current - Math.Max(0, current - 3))
                        .Select(j => ordered[j])
                        .FirstOrDefault(s => s.Kind != StepKind.Invoke && !answers[s].Any(x => x.Status is >= 200 and < 300))
                    : null;
                if (late is not null)
                {
                    target = late;
                }
                else if (e.IsDeliveredPost)
                {
                    for (var j = current - 1; j >= Math.Max(0, current - 3); j--)
                    {
                        var first = answers[ordered[j]].FirstOrDefault(x => x.IsDeliveredPost);
                        // A step that sent the same command (e.g. the probe's `help` after a first `help`) answers the same: no repeat.
                        if (first is not null && first.Content == e.Content && ordered[j].Name != target.Name
                            && !answers[target].Any(x => x.IsDeliveredPost && x.Content == e.Content))
                        {
                            target = ordered[j];
                            break;
                        }
                    }
                }
            }

            if (e.Injected)
            {
                faulted.Add(target);
            }

            if (e.IsAnswer)
            {
                answers[target].Add(e);
            }
        }

        return [.. steps.Select(s => Book(s, answers[s], faulted.Contains(s), kills))];
    }

    private static StepBook Book(Step s, List<ConnectorEvent> answers, bool faulted, IReadOnlyList<KillWindow> kills)
    {
        var posts = answers.Where(a => a.IsDeliveredPost).ToList();
        var puts = answers.Count(a => a.Method == "PUT");
        // One answer is expected: the reply, or the card update (a new card in its place, e.g. after a 404, is no
        // repeat); an invoke answers over HTTP, so any message it causes in the chat is one too many.
        var allowedPosts = s.Kind == StepKind.Invoke ? 0 : 1;
        var duplicates = 0;
        var inflight = 0;
        var firstPost = posts.FirstOrDefault();
        foreach (var extra in posts.Skip(allowedPosts))
        {
            // In flight at a kill: the first copy reached the connector just before a kill, the repeat after it.
            var first = firstPost ?? extra;
            if (kills.Any(k => first.AtMs <= k.KillMs && first.AtMs >= k.KillMs - InflightWindowMs && extra.AtMs > k.KillMs))
            {
                inflight++;
            }
            else
            {
                duplicates++;
            }
        }

        var firstAnswer = s.Kind == StepKind.Invoke
            ? (s.InvokeAnswered ? s.Delivery?.AckMs : null)
            : answers.Count > 0 ? answers.Min(a => a.AtMs) : null;
        return new StepBook(s, posts.Count, puts, firstAnswer, faulted, duplicates, inflight);
    }

    /// <summary>True when the invoke's HTTP answer carries what the person sees (a card or a message), not a bare 202/500.</summary>
    public static bool InvokeAnswered(string? body)
    {
        if (string.IsNullOrEmpty(body))
        {
            return false;
        }

        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("statusCode", out var status) && status.TryGetInt32(out var code) && code == 200
                && root.TryGetProperty("value", out var value) && value.ValueKind is JsonValueKind.Object or JsonValueKind.String
                && (value.ValueKind != JsonValueKind.String || value.GetString()!.Length > 0);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Whether a step's life [sent, answered or timed out] touches a kill window.</summary>
    public static bool InKillWindow(double fromMs, double toMs, IReadOnlyList<KillWindow> kills) =>
        kills.Any(k => fromMs <= k.HealthyMs + KillWindowAfterMs && toMs >= k.KillMs - KillWindowBeforeMs);

    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }
}
