using System.Globalization;
using System.Text.Json.Nodes;

namespace ProBonoBot.Bench.Chaos;

/// <summary>Sending steps and waiting for their answers.</summary>
internal sealed partial class ChaosBenchmark
{
    /// <summary>Sends one step after a think time and waits for its answer; null when the conversation cannot go on.</summary>
    private async Task<StepResult?> RunStepAsync(ChaosConversation c, string name, StepKind kind, Func<string, JsonObject> build, string? replyToId)
    {
        if (c.Steps.Count > 0)
        {
            await Task.Delay(ThinkTime(c));
        }

        var id = $"{c.Id[2..]}-{c.Steps.Count:D2}-{Guid.NewGuid():N}";
        var step = new Step(c.Id, c.Steps.Count, name, kind, id, replyToId);
        lock (c.Steps)
        {
            c.Steps.Add(step);
        }

        step.Delivery = await _client.DeliverAsync(build(id).ToJsonString(), _token, GiveUp);
        if (!step.Delivery.Acked)
        {
            return null;
        }

        if (kind == StepKind.Invoke)
        {
            step.InvokeAnswered = ChaosBooks.InvokeAnswered(step.Delivery.Body);
            return new StepResult(null);
        }

        var answer = await WaitAnswerAsync(c, StepTimeout);
        if (answer is null)
        {
            // Stalled: the conversation stops here and only sends its probe at the end.
            step.TimedOut = true;
            return null;
        }

        return new StepResult(answer);
    }

    /// <summary>The next answer in the conversation not yet taken by an earlier step (the books are settled afterwards, see <see cref="ChaosBooks"/>).</summary>
    private async Task<ConnectorEvent?> WaitAnswerAsync(ChaosConversation c, TimeSpan timeout)
    {
        var until = Ms + timeout.TotalMilliseconds;
        while (true)
        {
            var answers = _ledger.Of(c.Id).Where(e => e.IsAnswer).ToList();
            if (answers.Count > c.Consumed)
            {
                return answers[c.Consumed++];
            }

            if (Ms > until)
            {
                return null;
            }

            await Task.Delay(30);
        }
    }

    private static TimeSpan ThinkTime(ChaosConversation c) =>
        TimeSpan.FromMilliseconds(1200 + (ConnectorLedger.Fnv($"{c.Id}/{c.Steps.Count}") % 1800));

    private async Task DelayUntilAsync(double ms)
    {
        var wait = ms - Ms;
        if (wait > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(wait));
        }
    }

    /// <summary>Waits until the connector has seen nothing new for <paramref name="quiet"/> (at most <paramref name="max"/>).</summary>
    private async Task QuietAsync(TimeSpan quiet, TimeSpan max)
    {
        var until = Ms + max.TotalMilliseconds;
        var last = -1;
        var since = Ms;
        while (Ms < until)
        {
            var now = _ledger.Count;
            if (now != last)
            {
                last = now;
                since = Ms;
            }
            else if (Ms - since >= quiet.TotalMilliseconds)
            {
                return;
            }

            await Task.Delay(100);
        }
    }

    /// <summary>After the run every conversation says <c>help</c>; one without an answer in time is stalled.</summary>
    private async Task ProbeAsync()
    {
        List<ChaosConversation> targets;
        lock (_all)
        {
            targets = [.. _all.DistinctBy(c => c.Id)];
        }

        Progress($"probing {targets.Count} conversations with 'help'");
        await Parallel.ForEachAsync(targets, new ParallelOptions { MaxDegreeOfParallelism = targets.Count }, async (c, _) =>
        {
            var id = $"{c.Id[2..]}-probe-{Guid.NewGuid():N}";
            var probe = new Step(c.Id, -1, "help", StepKind.Probe, id, null);
            c.Probe = probe;
            probe.Delivery = await _client.DeliverAsync(_a.Message(c.Id, c.Aad, c.Name, id, "help").ToJsonString(), _token, ProbeTimeout);
            if (probe.Delivery.Acked)
            {
                var until = probe.Delivery.FirstSentMs + ProbeTimeout.TotalMilliseconds;
                while (!_ledger.Of(c.Id).Any(e => e.IsAnswer && e.AtMs >= probe.Delivery.FirstSentMs) && Ms < until)
                {
                    await Task.Delay(50, CancellationToken.None);
                }

                probe.TimedOut = !_ledger.Of(c.Id).Any(e => e.IsAnswer && e.AtMs >= probe.Delivery.FirstSentMs);
            }
        });
    }

    private async Task<int> HealthzAsync()
    {
        try
        {
            using var response = await _http.GetAsync(_healthz);
            return (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
    }

    private async Task ReportAsync(double load, CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(10), ct);
                int steps;
                lock (_all)
                {
                    steps = _all.Sum(c => c.Steps.Count);
                }

                Progress(string.Create(CultureInfo.InvariantCulture,
                    $"t={(Ms - load) / 1000:F0}s steps sent {steps}, connector events {_ledger.Count}, faults injected {_ledger.Faults}, kills {_kills.Count}"));
            }
        }
        catch (OperationCanceledException)
        {
            // Done.
        }
    }

    private void Progress(string message) => Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[chaos {Ms / 1000,6:F1}s] {message}"));
}
