using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ProBonoBot.Cards.Drafting;
using ProBonoBot.Club;
using ProBonoBot.Drafting;
using ProBonoBot.Hosting;
using ProBonoBot.Install;
using ProBonoBot.Outbox;
using ProBonoBot.People;
using ProBonoBot.Plans;
using ProBonoBot.Projects;
using ProBonoBot.SignUps;
using ProBonoBot.Storage;
using ProBonoBot.Testing;

namespace ProBonoBot.Tests.Plans;

/// <summary>The plan services over one database and a manual clock, wired as the host wires them (a new one = a restart).</summary>
internal sealed class PlanSut : IDisposable
{
    public PlanSut(Db db, ManualClock clock, PlanOptions? options = null)
    {
        Db = db;
        Clock = clock;
        var outbox = new OutboxStore(db, clock, Signal, new ProBonoBot.Turns.InstanceRegistry(db, clock, Options.Create(new ProBonoBot.Turns.TurnOptions())));
        Milestones = new MilestoneStore(db, outbox, Signal, clock);
        SignUps = new SignUpStore(db, outbox, Signal, Options.Create(new ClubOptions()), clock);
        Projects = new ProjectStore(db, clock);
        var planOptions = Options.Create(options ?? new PlanOptions());
        var settings = new UserSettingsStore(db, clock);
        var languages = new LanguageResolver(settings, new ConversationStore(db, clock));
        var zones = new PersonTimeZones(settings);
        Links = new PlanLinks(new LinkSigner(db, clock), Options.Create(new BotHostOptions { PublicBaseUrl = "https://bot.example" }), planOptions, clock);
        Messages = new PlanMessages(Links, SignUps, languages, zones, clock);
        Worker = new PlanReminderWorker(Milestones, Messages, Links, planOptions, clock, NullLogger<PlanReminderWorker>.Instance);
        Seeder = new PlanSeeder(new DraftingStore(db, clock, Options.Create(new DraftingOptions())), languages, zones, planOptions);
    }

    public Db Db { get; }
    public ManualClock Clock { get; }
    public OutboxSignal Signal { get; } = new();
    public MilestoneStore Milestones { get; }
    public SignUpStore SignUps { get; }
    public ProjectStore Projects { get; }
    public PlanLinks Links { get; }
    public PlanMessages Messages { get; }
    public PlanReminderWorker Worker { get; }
    public PlanSeeder Seeder { get; }

    public static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    /// <summary>A project led by "leader" (status 3, in progress) with the given dates and place; returns its number.</summary>
    public Task<long> ProjectAsync(string? start = null, string? end = null, string? place = null, string language = "ja") =>
        Db.WriteAsync(c => c.ExecuteScalarAsync<long>(
            """
            INSERT INTO projects (title, partner, summary, hours_per_week, start_date, end_date, place, language, leader_aad, leader_name, status, created_at, updated_at)
            VALUES ('Donor database', 'Kanazawa NPO', 'Summary', 3, @start, @end, @place, @language, 'leader', 'Lead', 3, @now, @now) RETURNING number
            """, new { start, end, place, language, now = Clock.GetUtcNow() }), default);

    /// <summary>A confirmed member with a language and time zone of their own.</summary>
    public Task MemberAsync(long project, string aad, string? language, string? zone) =>
        Db.WriteAsync(async c =>
        {
            await c.ExecuteAsync(
                """
                INSERT INTO signups (project_number, role_number, user_aad, user_name, user_teams_id, status, hours_per_week, created_at, updated_at)
                VALUES (@project, 1, @aad, @name, @teamsId, 0, 3, @now, @now)
                """, new { project, aad, name = "Name " + aad, teamsId = "29:" + aad, now = Clock.GetUtcNow() });
            return await c.ExecuteAsync(
                "INSERT INTO user_settings (aad_object_id, language, time_zone, updated_at) VALUES (@aad, @language, @zone, @now) ON CONFLICT (aad_object_id) DO NOTHING",
                new { aad, language, zone, now = Clock.GetUtcNow() });
        }, default);

    public Task BriefAsync(long project, params string[] phases) =>
        Db.WriteAsync(c => c.ExecuteAsync(
            """
            INSERT INTO briefs (need_id, author_aad, language, version, brief_json, source, fallback, status, project_number, created_at, updated_at)
            VALUES (1, 'leader', 'en', 1, @json, 'offline', 0, 2, @project, @now, @now)
            """, new { project, json = JsonSerializer.Serialize(Brief(phases), DraftingJsonContext.Default.ProjectBrief), now = Clock.GetUtcNow() }), default);

    /// <summary>Creates the plan with one milestone (or the given rows); returns the plan.</summary>
    public async Task<StoredPlan> PlanAsync(long project, params MilestoneInput[] rows)
    {
        await Milestones.SeedAsync(project, rows, default);
        return (await Milestones.PlanAsync(project, default))!;
    }

    public Task<long> CountAsync(string sql, object? args = null) => Db.ReadAsync(c => c.ExecuteScalarAsync<long>(sql, args), default);

    /// <summary>The queued messages, each with all its text joined (card JSON parsed, so Japanese reads as written).</summary>
    public async Task<IReadOnlyList<(string Aad, string Text)>> OutboxAsync()
    {
        var rows = await Db.ReadAsync(c => c.QueryAsync<(string Aad, string Activity)>("SELECT user_aad, activity FROM outbox ORDER BY id"), default);
        return [.. rows.Select(r => (r.Aad, AllText(JsonNode.Parse(r.Activity))))];
    }

    public static string AllText(JsonNode? node) => node switch
    {
        JsonObject o => string.Join(" | ", o.Select(p => AllText(p.Value))),
        JsonArray a => string.Join(" | ", a.Select(AllText)),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => (string)v!,
        _ => string.Empty,
    };

    private static ProjectBrief Brief(string[] phases) => new(
        "Donor database", "en", new PartnerProfile("Kanazawa NPO", "Mission", "People", "Contact"), "data", "Background", "Objective", "Impact",
        ["Database"], ["In"], ["Out"], [new BriefRole("Analyst", "SQL", 2, 3)], 2, "3 h a week", "3 months", "December", "March", "Firm",
        [.. phases.Select(p => new BriefPhase(p, "Goal of " + p, "Review meeting"))], "Every two weeks", "Teams", "Remote", ["Excel"],
        new BriefReadiness("Owner", "Maintainer", "Handover"), ["Success"], ["Risk"], ["Question"]);

    public void Dispose() => Signal.Dispose();
}
