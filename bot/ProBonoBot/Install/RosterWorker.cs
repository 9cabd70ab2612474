using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace ProBonoBot.Install;

/// <summary>
/// Lists team rosters in the background: a team right after the bot is installed in it (<see cref="Request"/>), and every
/// team whose roster is older than <see cref="RosterOptions.RefreshMinutes"/> (checked at start-up and every minute), so a
/// big team's listing never holds up a turn. A team whose listing failed is tried again after a pause.
/// </summary>
public sealed class RosterWorker(Rosters rosters, RosterStore store, IOptions<RosterOptions> options, TimeProvider time, ILogger<RosterWorker> logger)
    : BackgroundService
{
    private static readonly TimeSpan CheckEvery = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan RetryFailedAfter = TimeSpan.FromMinutes(10);
    private readonly Channel<RosterTeam> _requests = Channel.CreateUnbounded<RosterTeam>();
    private static readonly TimeSpan Recent = TimeSpan.FromMinutes(1);
    private readonly Dictionary<string, DateTimeOffset> _failedUntil = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _listedAt = new(StringComparer.Ordinal);

    /// <summary>Asks for the team's roster to be listed now (the bot was just installed there).</summary>
    public void Request(RosterTeam team) => _requests.Writer.TryWrite(team);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextCheck = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (_requests.Reader.TryRead(out var requested))
                {
                    // Teams announces an install twice (installationUpdate and conversationUpdate): one listing serves both.
                    if (!_listedAt.TryGetValue(requested.TeamId, out var listed) || time.GetUtcNow() - listed > Recent)
                    {
                        await SyncAsync(requested, stoppingToken);
                    }
                }

                if (time.GetUtcNow() >= nextCheck)
                {
                    nextCheck = time.GetUtcNow() + CheckEvery;
                    var before = time.GetUtcNow() - TimeSpan.FromMinutes(options.Value.RefreshMinutes);
                    foreach (var team in await store.StaleTeamsAsync(before, stoppingToken))
                    {
                        if (!_failedUntil.TryGetValue(team.TeamId, out var until) || until <= time.GetUtcNow())
                        {
                            await SyncAsync(team, stoppingToken);
                        }
                    }
                }

                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                wait.CancelAfter(TimeSpan.FromSeconds(5));
                try
                {
                    await _requests.Reader.WaitToReadAsync(wait.Token);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                    // Time to look for stale rosters.
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                Log.RosterLoopFailed(logger, ex.GetType().Name);
                await Task.Delay(TimeSpan.FromSeconds(5), time, stoppingToken);
            }
        }
    }

    private async Task SyncAsync(RosterTeam team, CancellationToken ct)
    {
        if (await rosters.SyncAsync(team, ct))
        {
            _failedUntil.Remove(team.TeamId);
            _listedAt[team.TeamId] = time.GetUtcNow();
        }
        else
        {
            _failedUntil[team.TeamId] = time.GetUtcNow() + RetryFailedAfter;
        }
    }
}
