using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using ProBonoBot.Broadcasts;
using ProBonoBot.Club;
using ProBonoBot.Confirmations;
using ProBonoBot.Dashboard;
using ProBonoBot.Conversations;
using ProBonoBot.Drafting;
using ProBonoBot.Help;
using ProBonoBot.Hours;
using ProBonoBot.Impact;
using ProBonoBot.Plans;
using ProBonoBot.Outbox;
using ProBonoBot.Projects;
using ProBonoBot.SignUps;
using ProBonoBot.Install;
using ProBonoBot.Install.Proactive;
using ProBonoBot.People;
using ProBonoBot.Privacy;
using ProBonoBot.Protocol;
using ProBonoBot.Protocol.Auth;
using ProBonoBot.Protocol.Routing;
using ProBonoBot.Storage;
using ProBonoBot.Turns;

namespace ProBonoBot.Hosting;

/// <summary>Wires the bot: protocol layer, storage, features, endpoints.</summary>
public static class HostingExtensions
{
    public static WebApplicationBuilder AddProBonoBot(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var configuration = builder.Configuration;
        builder.WebHost.ConfigureKestrel((_, kestrel) => DefaultAddress.Apply(kestrel));
        services.AddBotProtocol(configuration);
        // A body or query the endpoints cannot bind (malformed JSON) is a 400 in every environment, never an exception (500).
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
        builder.AddTelemetry();
        services.AddSingleton<IValidateOptions<BotFrameworkOptions>, ProductionGuard>();
        services.AddOptions<BotHostOptions>().Bind(configuration.GetSection(BotHostOptions.Section))
            .Validate(o => o.MaxActivityBytes is >= 1024 and <= 16 * 1024 * 1024, "Bot:MaxActivityBytes must be between 1 KB and 16 MB.")
            .Validate(o => o.PerPersonBurst is >= 1 and <= 10_000 && o.PerPersonPerMinute is >= 1 and <= 100_000,
                "Bot:PerPersonBurst (1–10000) and Bot:PerPersonPerMinute (1–100000) must be in range.")
            .ValidateOnStart();
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section)).ValidateOnStart();
        services.AddOptions<ClubOptions>().Bind(configuration.GetSection(ClubOptions.Section))
            .Validate(o => o.OfferTimeout > TimeSpan.Zero && o.SignUpSessionTimeout > TimeSpan.Zero, "Club:OfferTimeout and Club:SignUpSessionTimeout must be positive.")
            .Validate(o => o.CardUpdateInterval >= TimeSpan.FromMilliseconds(100), "Club:CardUpdateInterval must be at least 100 ms (Teams rate limits).")
            .ValidateOnStart();

        services.AddSingleton(sp => CreateDb(sp.GetRequiredService<IOptions<StorageOptions>>().Value, configuration, builder.Environment));
        services.AddSingleton<Migrator>();
        services.AddOptions<TurnOptions>().Bind(configuration.GetSection(TurnOptions.Section))
            .Validate(o => o.Timeout >= TimeSpan.FromSeconds(1) && o.StallAfter > o.Timeout && o.MaxAttempts is >= 1 and <= 100
                && o.HeartbeatInterval >= TimeSpan.FromMilliseconds(200) && o.HeartbeatInterval <= TimeSpan.FromMinutes(1),
                "Turns: Timeout must be at least 1 s, StallAfter longer than Timeout, MaxAttempts 1–100 and HeartbeatInterval 0.2–60 s.")
            .ValidateOnStart();
        services.AddSingleton<InstanceRegistry>();
        services.AddSingleton<ActivityJournal>();
        services.AddSingleton<DeadLetters>();
        services.AddSingleton<TurnSender>();
        services.AddSingleton<TurnRunner>();
        services.AddSingleton<TurnLanes>();
        services.AddSingleton<ConversationStore>();
        services.AddSingleton<TeamChannels>();
        services.AddOptions<RosterOptions>().Bind(configuration.GetSection(RosterOptions.Section))
            .Validate(o => o.RefreshMinutes is >= 1 and <= 10_080 && o.PageSize is >= 1 and <= 500,
                "Rosters:RefreshMinutes (1–10080) and Rosters:PageSize (1–500) must be in range.")
            .ValidateOnStart();
        services.AddSingleton<RosterStore>();
        services.AddSingleton<Rosters>();
        services.AddSingleton<RosterWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<RosterWorker>());
        services.AddSingleton<UserSettingsStore>();
        services.AddSingleton<LanguageResolver>();
        services.AddSingleton<PersonTimeZones>();
        services.AddOptions<BroadcastOptions>().Bind(configuration.GetSection(BroadcastOptions.Section))
            .Validate(o => o.RatePerSecond is >= 1 and <= 1000 && o.PerConversationPerSecond >= 1 && o.Parallelism is >= 1 and <= 256,
                "Broadcasts:RatePerSecond (1–1000), PerConversationPerSecond (≥1) and Parallelism (1–256) must be in range.")
            .Validate(o => o.LinkLifetime >= TimeSpan.FromMinutes(5) && o.LinkLifetime <= TimeSpan.FromDays(7),
                "Broadcasts:LinkLifetime must be between 5 minutes and 7 days (the link lists people who were not reached).")
            .Validate(o => o.ConfirmAbove >= 0 && o.PerPersonPerDay is >= 0 and <= 100 && o.DigestAt >= TimeSpan.Zero && o.DigestAt < TimeSpan.FromDays(1),
                "Broadcasts:ConfirmAbove (≥0), PerPersonPerDay (0–100, 0 = no limit) and DigestAt (a time of day, 00:00–23:59) must be in range.")
            .Validate(o => o.ScheduleInterval >= TimeSpan.FromMilliseconds(50) && o.ScheduleInterval <= TimeSpan.FromMinutes(10)
                    && o.MaxScheduleAhead >= TimeSpan.FromDays(1) && o.MaxScheduleAhead <= TimeSpan.FromDays(366),
                "Broadcasts:ScheduleInterval (50 ms–10 minutes) and MaxScheduleAhead (1–366 days) must be in range.")
            .ValidateOnStart();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<DeliveryRate>();
        services.AddSingleton<LinkSigner>();
        services.AddSingleton<BroadcastStore>();
        services.AddSingleton<BroadcastReporter>();
        services.AddHostedService(sp => sp.GetRequiredService<BroadcastReporter>());
        services.AddSingleton<BroadcastTargets>();
        services.AddSingleton<BroadcastEngagement>();
        services.AddSingleton<BroadcastDigests>();
        services.AddSingleton<BroadcastScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<BroadcastScheduler>());
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<ProjectStore>();
        services.AddSingleton<ChannelPosts>();
        services.AddSingleton<ChannelPublisher>();
        services.AddSingleton<LeaderDirectory>();
        services.AddSingleton<LeaderGate>();
        services.AddSingleton<TeamFormation>();
        services.AddSingleton<ProjectPublishing>();
        services.AddSingleton<ProjectVisibility>();
        services.AddSingleton<PersonalChat>();
        services.AddSingleton<ConfirmationSigner>();
        services.AddSingleton<SignUpStore>();
        services.AddSingleton<SignUpSessionStore>();
        services.AddSingleton<Profiles.ProfileStore>();
        services.AddSingleton<Profiles.ProfileFit>();
        services.AddSingleton<Profiles.IProfileFit>(sp => sp.GetRequiredService<Profiles.ProfileFit>());
        services.AddSingleton<ApplicantsView>();

        services.AddDrafting(configuration);
        services.AddProactiveInstall(configuration);
        services.AddPlans(configuration);
        services.AddHours(configuration);
        services.AddImpact(configuration);
        services.AddDashboard(configuration);

        services.AddSingleton<IConversationFlow, SignUpFlow>();
        services.AddSingleton<IConversationFlow, NeedFlow>();
        services.AddSingleton<ConversationFlows>();

        services.AddSingleton<IRouteModule, InstallRoutes>();
        services.AddSingleton<IRouteModule, HelpRoutes>();
        services.AddSingleton<IRouteModule, Commands.CommandRoutes>();
        services.AddSingleton<IRouteModule, ConversationRoutes>();
        services.AddSingleton<IRouteModule, LanguageRoutes>();
        services.AddSingleton<IRouteModule, ProjectRoutes>();
        services.AddSingleton<IRouteModule, TeamRoutes>();
        services.AddSingleton<IRouteModule, SignUpRoutes>();
        services.AddSingleton<IRouteModule, Profiles.ProfileRoutes>();
        services.AddSingleton<IRouteModule, BroadcastRoutes>();
        services.AddSingleton<IRouteModule, NeedRoutes>();
        services.AddSingleton<IRouteModule, BriefRoutes>();
        services.AddSingleton<IRouteModule, ManualRoutes>();
        services.AddSingleton<IRouteModule, Drafting.Feedback.FeedbackRoutes>();
        services.AddSingleton(sp =>
        {
            var router = new Router();
            foreach (var module in sp.GetServices<IRouteModule>())
            {
                module.Register(router);
            }

            return router;
        });

        services.AddSingleton<TurnQueue>();
        services.AddSingleton<PersonBudget>();
        services.AddSingleton<TurnWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<TurnWorker>());
        services.AddSingleton<OutboxWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxWorker>());
        services.AddSingleton<ClubWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<ClubWorker>());
        services.AddSingleton<MessagesEndpoint>();
        return builder;
    }

    /// <summary>Applies migrations, checks the routes and warns about local-development mode before serving.</summary>
    public static async Task PrepareAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        DateTimeOffsetHandler.Register();
        await app.Services.GetRequiredService<Migrator>().MigrateAsync(app.Lifetime.ApplicationStopping).ConfigureAwait(false);
        _ = app.Services.GetRequiredService<Router>();
        var bot = app.Services.GetRequiredService<IOptions<BotFrameworkOptions>>().Value;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ProBonoBot");
        if (bot.IsLocalDevelopment)
        {
            Log.LocalDevelopmentMode(logger);
        }
    }

    public static WebApplication MapProBonoBot(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/api/messages", (HttpContext http, MessagesEndpoint endpoint) => endpoint.HandleAsync(http));
        app.MapGet("/broadcasts/{id:long}/undelivered.csv", async (long id, string? user, string? expires, string? sig, BroadcastReporter reporter, BroadcastStore store, BroadcastEngagement engagement, LanguageResolver languages, CancellationToken ct) =>
        {
            // A missing or unreadable expiry is an invalid link (401), never a binding error.
            switch (await reporter.CheckLinkAsync(id, user, LinkSigner.ParseExpiry(expires), sig, ct).ConfigureAwait(false))
            {
                case StatusCodes.Status401Unauthorized:
                    return Results.Json(new { error = new { code = "Unauthorized", message = "The link is not valid or has expired." } }, statusCode: 401);
                case StatusCodes.Status403Forbidden:
                    return Results.Json(new { error = new { code = "Forbidden", message = "This link is for the club leader who started the broadcast." } }, statusCode: 403);
            }

            // The link is signed for the leader who started the broadcast: the list is in their language.
            var language = await languages.ForPersonAsync(user!, Cards.Language.Japanese, ct);
            var csv = UndeliveredCsv.Build(await store.UndeliveredAsync(id, ct), language, await engagement.FiguresAsync(id, ct));
            return Results.Text(csv, "text/csv; charset=utf-8");
        });
        app.MapGet("/manuals/{id:long}.md", DraftingEndpoints.DownloadManualAsync);
        app.MapPlans();
        app.MapHours();
        app.MapImpact();
        app.MapDashboard();
        app.MapGet("/healthz", async (Db db, TurnLanes lanes, DeadLetters deadLetters, CancellationToken ct) =>
        {
            // Unhealthy when the database does not answer or a turn lane is stuck: an operator's probe restarts the bot.
            var turns = lanes.Report();
            try
            {
                var parked = await deadLetters.CountSinceAsync(TimeSpan.FromDays(1), ct);
                var healthy = turns.Stalled == 0;
                return Results.Json(
                    new { status = healthy ? "healthy" : "unhealthy", storage = db.Provider.ToString(), turns, parkedTurnsLastDay = parked },
                    statusCode: healthy ? 200 : 503);
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
            {
                return Results.Json(new { status = "unhealthy", storage = db.Provider.ToString(), turns }, statusCode: 503);
            }
        });
        return app;
    }

    private static Db CreateDb(StorageOptions options, IConfiguration configuration, IWebHostEnvironment environment)
    {
        var connectionString = configuration.GetConnectionString("ProBono");
        if (options.Provider == StorageProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new OptionsValidationException("ConnectionStrings:ProBono", typeof(StorageOptions),
                    ["ConnectionStrings:ProBono is required when Storage:Provider is Postgres."]);
            }

            return new Db(StorageProvider.Postgres, connectionString);
        }

        // SQLite: a relative file is placed under the content root; its folder is created.
        var sqlite = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(connectionString) ? "Data Source=.data/probonobot.db" : connectionString);
        if (sqlite.DataSource != ":memory:" && !Path.IsPathRooted(sqlite.DataSource))
        {
            sqlite.DataSource = Path.Combine(environment.ContentRootPath, sqlite.DataSource);
        }

        if (Path.GetDirectoryName(sqlite.DataSource) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        sqlite.Pooling = true;
        return new Db(StorageProvider.Sqlite, sqlite.ToString());
    }
}
