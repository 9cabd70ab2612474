using System.Globalization;
using Microsoft.Data.Sqlite;
using ProBonoBot.Testing;

namespace ProBonoBot.Bench.Chaos;

/// <summary>Settling the books and printing the result.</summary>
internal sealed partial class ChaosBenchmark
{
    private int Report(FakeConnector connector, int healthz, int projectRepeats, int signUpRepeats, int forgedProjects)
    {
        var ordinary = _all.Where(c => c.Role is Role.Volunteer or Role.Leader).DistinctBy(c => c.Id).ToList();
        var books = ordinary.SelectMany(c =>
        {
            var steps = c.Probe is null ? c.Steps : [.. c.Steps, c.Probe];
            return ChaosBooks.Settle(steps, _ledger.Of(c.Id), _kills);
        }).Where(b => b.Step.Kind != StepKind.Probe).ToList();

        var lost = books.Count(b => b.Lost);
        var refused = books.Count(b => b.Step.Delivery?.Acked == false);
        var (channelRepeats, channelInflight) = ChannelPosts();
        var replyRepeats = books.Sum(b => b.Duplicates);
        var inflight = books.Sum(b => b.InflightRepeats) + channelInflight;
        var duplicates = replyRepeats + channelRepeats + projectRepeats + signUpRepeats;

        var everyone = _all.DistinctBy(c => c.Id).ToList();
        var stalled = everyone.Count(c => c.Probe is null || c.Probe.Delivery?.Acked != true || c.Probe.TimedOut);

        // Bystanders: ordinary conversations' steps that met no injected fault and whose life lies outside the kill
        // windows; an unanswered one counts with the time it was waited for.
        var samples = new List<double>();
        var slow = new List<StepBook>();
        foreach (var b in books.Where(b => !b.FaultHit && b.Step.Delivery is not null))
        {
            var sent = b.Step.Delivery!.FirstSentMs;
            var end = b.FirstAnswerMs ?? sent + (b.Step.Delivery.Acked ? StepTimeout : GiveUp).TotalMilliseconds;
            if (!ChaosBooks.InKillWindow(sent, end, _kills))
            {
                samples.Add(end - sent);
                if (end - sent > 1000)
                {
                    slow.Add(b);
                }
            }
        }

        var p99 = ChaosBooks.Percentile(samples, 0.99);
        var hostile = _hostile.ToList();
        var forgedAccepted = hostile.Count(h => Hostile.IsForged(h.Request) && h.Status is >= 200 and < 300);
        var hostile5xx = hostile.Count(h => h.Status >= 500);
        var faults = _ledger.Faults + hostile.Count + _kills.Count;

        Progress(string.Create(CultureInfo.InvariantCulture,
            $"steps {books.Count} in {ordinary.Count} ordinary conversations: lost {lost}, refused (never 2xx) {refused}, stopped at a time-out {books.Count(b => b.Step.TimedOut)}"));
        Progress($"repeats: replies {replyRepeats}, channel posts {channelRepeats}, projects {projectRepeats}, sign-ups {signUpRepeats}; in flight at a kill {inflight}");
        Progress(string.Create(CultureInfo.InvariantCulture,
            $"bystander latency: {samples.Count} samples, p50 {ChaosBooks.Percentile(samples, 0.5):F0} ms, p99 {p99:F0} ms, max {(samples.Count > 0 ? samples.Max() : 0):F0} ms"));
        Progress($"faults: connector {_ledger.Faults}, hostile {hostile.Count} (5xx answers {hostile5xx}, forged accepted {forgedAccepted}, forged projects {forgedProjects}), kills {_kills.Count}; Teams-limit 429s {connector.Throttled}");
        Progress($"stalled: {stalled} of {everyone.Count} conversations without an answer to their probe; /healthz {healthz}; flood acknowledged {_floodAcked} of {FloodMessages}");
        foreach (var group in books.Where(b => b.Lost).GroupBy(b => b.Step.Name).OrderByDescending(g => g.Count()).Take(8))
        {
            Progress($"  lost at '{group.Key}': {group.Count()}");
        }

        WriteDetails(books, slow);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT chaos lanes_stalled={stalled} duplicates={duplicates} lost={lost} bystander_p99_ms={p99:F0} faults={faults} inflight_repeats={inflight} refused={refused} forged_accepted={forgedAccepted} hostile_5xx={hostile5xx} healthz={healthz} steps={books.Count}"));
        var met = stalled == 0 && duplicates == 0 && lost == 0 && p99 <= 1000;
        Progress(met ? "BAR met: 0 stalled, 0 duplicates, 0 lost, bystander p99 <= 1000 ms." : "BAR NOT met (0 stalled, 0 duplicates, 0 lost, bystander p99 <= 1000 ms).");
        return met ? 0 : 1;
    }

    /// <summary>Every step that was lost, repeated or timed out, with its events, for looking into a result (path printed on stderr).</summary>
    private void WriteDetails(IReadOnlyList<StepBook> books, IReadOnlyList<StepBook> slow)
    {
        var path = Path.Combine(Path.GetTempPath(), "probonobot-chaos-details.txt");
        using var w = new StreamWriter(path);
        w.WriteLine(string.Join(" ", _kills.Select(k => string.Create(CultureInfo.InvariantCulture, $"kill={k.KillMs:F0}..{k.HealthyMs:F0}"))));
        foreach (var b in books.Where(b => b.Lost || b.Duplicates > 0 || b.InflightRepeats > 0 || b.Step.TimedOut).Concat(slow.Select(s => s)))
        {
            var d = b.Step.Delivery;
            w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{b.Step.Conversation} #{b.Step.Index} {b.Step.Name} {b.Step.Kind} sent={d?.FirstSentMs:F0} ack={d?.AckMs:F0} tries={d?.Attempts} posts={b.Posts} puts={b.Puts} lost={b.Lost} dup={b.Duplicates} inflight={b.InflightRepeats} timedOut={b.Step.TimedOut} fault={b.FaultHit}"));
            foreach (var e in _ledger.Of(b.Step.Conversation))
            {
                w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {e.AtMs:F0} {e.Method} {e.Status}{(e.Injected ? " injected" : string.Empty)} {e.Content[..Math.Min(90, e.Content.Length)]}"));
            }
        }

        Progress($"details of lost, repeated, stalled and slow (> 1 s) bystander steps: {path}");
    }

    /// <summary>Announcements posted to the channel more than once for a project the leaders published during the run.</summary>
    private (int Repeats, int Inflight) ChannelPosts()
    {
        var repeats = 0;
        var inflight = 0;
        foreach (var posts in _ledger.Of(ChaosActivities.Channel).Where(e => e.IsDeliveredPost && e.Project > Projects).GroupBy(e => e.Project))
        {
            var list = posts.OrderBy(e => e.AtMs).ToList();
            foreach (var extra in list.Skip(1))
            {
                if (_kills.Any(k => list[0].AtMs <= k.KillMs && list[0].AtMs >= k.KillMs - ChaosBooks.InflightWindowMs && extra.AtMs > k.KillMs))
                {
                    inflight++;
                }
                else
                {
                    repeats++;
                }
            }
        }

        return (repeats, inflight);
    }

    /// <summary>State changes made twice, read from the stopped bot's database: a project saved twice (titles are unique in the run), a sign-up made twice.</summary>
    private static (int ProjectRepeats, int SignUpRepeats, int ForgedProjects) ReadDatabase(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        int Scalar(string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt32(command.ExecuteScalar() ?? 0, CultureInfo.InvariantCulture);
        }

        return (
            Scalar("SELECT COUNT(*) - COUNT(DISTINCT title) FROM projects WHERE title NOT LIKE 'Forged project%'"),
            Scalar("SELECT COUNT(*) - COUNT(DISTINCT project_number || '|' || user_aad) FROM signups"),
            Scalar("SELECT COUNT(*) FROM projects WHERE title LIKE 'Forged project%'"));
    }
}
