using Microsoft.Extensions.Options;
using ProBonoBot.Protocol.Activities;
using ProBonoBot.Protocol.Auth;
using ProBonoBot.Protocol.Connector;
using static ProBonoBot.Install.Proactive.ProactiveInstallStore;

namespace ProBonoBot.Install.Proactive;

/// <summary>
/// Keeps the configured groups' members (every <see cref="ProactiveInstallOptions.RefreshInterval"/>) and installs the
/// app for each member the bot cannot write to yet, then stores the installation chat's reference so broadcasts reach
/// them. Does nothing unless <see cref="ProactiveInstallOptions.Enabled"/>. Everything it needs is in the database,
/// so a restart picks up where it stopped; a throttled Graph pauses the whole pass.
/// </summary>
internal sealed class ProactiveInstallWorker(
    IServiceProvider services,
    ProactiveInstallStore store,
    ConversationStore conversations,
    IOptions<ProactiveInstallOptions> options,
    IOptions<BotFrameworkOptions> bot,
    IOptions<ConnectorOptions> connector,
    TimeProvider time,
    ILogger<ProactiveInstallWorker> logger) : BackgroundService
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromDays(1);
    private static readonly TimeSpan MaxIdle = TimeSpan.FromMinutes(1);
    private const int Batch = 100;
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.Enabled)
        {
            return;
        }

        // Created only when enabled: a disabled bot never builds a Graph client or asks for a Graph token.
        var graph = services.GetRequiredService<InstallGraph>();
        var nextSync = DateTimeOffset.MinValue;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (time.GetUtcNow() >= nextSync && time.GetUtcNow() >= _pausedUntil)
                {
                    nextSync = time.GetUtcNow() + o.RefreshInterval;
                    await StepAsync("groups", ct => SyncGroupsAsync(graph, ct), stoppingToken);
                    if (_pausedUntil > time.GetUtcNow())
                    {
                        // Throttled part-way: list again as soon as Graph allows, not a refresh interval later.
                        nextSync = Min(nextSync, _pausedUntil);
                    }
                }

                if (time.GetUtcNow() >= _pausedUntil)
                {
                    await StepAsync("install", ct => InstallDueAsync(graph, ct), stoppingToken);
                }

                var wake = Min(nextSync, _pausedUntil > time.GetUtcNow() ? _pausedUntil : nextSync);
                if (await store.NextRetryAsync(stoppingToken) is { } retry)
                {
                    wake = Min(wake, Max(retry, _pausedUntil));
                }

                var idle = wake - time.GetUtcNow();
                await Task.Delay(idle < TimeSpan.FromMilliseconds(50) ? TimeSpan.FromMilliseconds(50) : idle > MaxIdle ? MaxIdle : idle, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task StepAsync(string name, Func<CancellationToken, Task> step, CancellationToken ct)
    {
        try
        {
            await step(ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            ProactiveInstallLog.StepFailed(logger, name, ex.GetType().Name);
        }
    }

    private async Task SyncGroupsAsync(InstallGraph graph, CancellationToken ct)
    {
        var groups = options.Value.GroupIds.Where(g => !string.IsNullOrWhiteSpace(g)).Select(g => g.Trim()).Distinct(StringComparer.Ordinal).ToList();
        await store.ForgetOtherGroupsAsync(groups, ct);
        foreach (var group in groups)
        {
            try
            {
                var name = await graph.GroupNameAsync(group, ct);
                var members = await graph.MembersAsync(group, ct);
                await store.SetGroupAsync(group, name, members, ct);
                ProactiveInstallLog.GroupListed(logger, group, members.Count);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested && GraphFailure.From(ex) is { } failure)
            {
                // An incomplete listing changes nothing: the members known before stay.
                ProactiveInstallLog.GroupListingFailed(logger, group, failure.Detail);
                if (failure.Throttled)
                {
                    Pause(failure);
                    return;
                }
            }
        }
    }

    private async Task InstallDueAsync(InstallGraph graph, CancellationToken ct)
    {
        var tried = new HashSet<string>(StringComparer.Ordinal);
        while (time.GetUtcNow() >= _pausedUntil)
        {
            var due = (await store.DueAsync(Batch, ct)).Where(c => tried.Add(c.Id)).ToList();
            if (due.Count == 0)
            {
                return;
            }

            foreach (var person in due)
            {
                if (!await InstallAsync(graph, person, ct))
                {
                    return;
                }
            }
        }
    }

    /// <summary>One person: install, find the chat, store the reference. False when Graph throttles (the pass stops).</summary>
    private async Task<bool> InstallAsync(InstallGraph graph, Candidate person, CancellationToken ct)
    {
        var attempts = person.Attempts + 1;
        try
        {
            var already = await graph.InstallAsync(person.Id, ct);
            if (await graph.ChatIdAsync(person.Id, ct) is not { } chatId)
            {
                // Just installed, not listed yet: Graph is eventually consistent.
                await RetryAsync(person, attempts, new GraphFailure(0, "InstallationNotListed", false, false, null), ct);
                return true;
            }

            await conversations.ActivateAsync(await ReferenceAsync(person, chatId, ct), ct);
            await store.RecordAsync(person.Id, Statuses.Installed, already ? "409 AlreadyInstalled" : null, attempts, chatId, null, ct);
            ProactiveInstallLog.Installed(logger, person.Id, already);
            return true;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && GraphFailure.From(ex) is { } failure)
        {
            if (failure.Final)
            {
                await store.RecordAsync(person.Id, Statuses.Blocked, failure.Detail, attempts, null, null, ct);
                ProactiveInstallLog.Blocked(logger, person.Id, failure.Detail);
                return true;
            }

            await RetryAsync(person, attempts, failure, ct);
            if (failure.Throttled)
            {
                Pause(failure);
                return false;
            }

            return true;
        }
    }

    private async Task RetryAsync(Candidate person, int attempts, GraphFailure failure, CancellationToken ct)
    {
        var o = options.Value;
        if (attempts >= o.MaxAttempts)
        {
            await store.RecordAsync(person.Id, Statuses.Failed, failure.Detail, attempts, null, null, ct);
            ProactiveInstallLog.GaveUp(logger, person.Id, failure.Detail, attempts);
            return;
        }

        var backoff = o.RetryBaseDelay * Math.Pow(2, Math.Min(attempts - 1, 16));
        var delay = backoff > MaxRetryDelay ? MaxRetryDelay : backoff;
        if (failure.RetryAfter is { } after && after > delay)
        {
            delay = after;
        }

        await store.RecordAsync(person.Id, Statuses.Retry, failure.Detail, attempts, null, time.GetUtcNow() + delay, ct);
        ProactiveInstallLog.WillRetry(logger, person.Id, failure.Detail, delay);
    }

    private void Pause(GraphFailure failure)
    {
        var wait = failure.RetryAfter ?? options.Value.RetryBaseDelay;
        _pausedUntil = time.GetUtcNow() + wait;
        ProactiveInstallLog.Throttled(logger, wait);
    }

    private async Task<ConversationReference> ReferenceAsync(Candidate person, string chatId, CancellationToken ct)
    {
        var b = bot.Value;
        var serviceUrl = options.Value.ServiceUrl is { Length: > 0 } configured
            ? configured
            : await store.LearnedServiceUrlAsync(b.MicrosoftAppTenantId, ct) ?? connector.Value.DefaultServiceUrl;
        return new ConversationReference(
            ConversationId: chatId,
            ConversationType: ConversationTypes.Personal,
            ServiceUrl: serviceUrl,
            ChannelId: "msteams",
            TenantId: b.MicrosoftAppTenantId,
            BotId: $"28:{b.MicrosoftAppId}",
            UserId: null,
            UserAadObjectId: person.Id,
            UserName: person.Name,
            TeamId: null,
            TeamName: null,
            TeamAadGroupId: null,
            TeamsChannelId: null,
            Locale: null);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
