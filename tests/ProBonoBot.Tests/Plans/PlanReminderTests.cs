using Dapper;
using ProBonoBot.Cards;
using ProBonoBot.Plans;
using ProBonoBot.Storage;
using ProBonoBot.Testing;
using ProBonoBot.Tests.Storage;
using static ProBonoBot.Tests.Plans.PlanSut;

namespace ProBonoBot.Tests.Plans;

/// <summary>
/// Issue 14 plans at the store: seeding from a brief, reminders in each member's zone and language, the rule after
/// downtime (due → sent once, overdue → late wording, begun → skipped), date changes, withdrawn members, invites.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class PlanReminderTests(DatabaseFixture databases)
{
    private static readonly DateTimeOffset T0 = At("2026-12-02T00:00:00Z");

    private static MilestoneInput Meeting(string title, DateTimeOffset? at, string? place = "Room 3") =>
        new(null, Milestone.KindMeeting, title, at, 60, place, false);

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Seed_FromBrief_KickOffAndPhasesEvenlyAtTenInLeaderZone_OnceWhenOpenedTwiceAtOnce(StorageProvider provider)
    {
        using var db = await databases.NewDbAsync(provider);
        using var sut = new PlanSut(db, new ManualClock(T0));
        var project = await sut.ProjectAsync("2026-12-07", "2027-03-07", "Kanazawa office");
        await sut.BriefAsync(project, "Discovery", "Build", "Handover");
        var p = (await sut.Projects.GetAsync(project, default))!;

        async Task OpenAsync() => await sut.Milestones.SeedAsync(project, await sut.Seeder.SeedAsync(p, default), default);
        await Task.WhenAll(OpenAsync(), OpenAsync());

        var plan = (await sut.Milestones.PlanAsync(project, default))!;
        Assert.Equal(
            [
                ("meeting", "キックオフミーティング", At("2026-12-07T01:00:00Z"), "Kanazawa office"), // 10:00 Tokyo: the leader's zone (Japanese, none reported)
                ("milestone", "Discovery", At("2027-01-06T01:00:00Z"), (string?)null),
                ("milestone", "Build", At("2027-02-05T01:00:00Z"), null),
                ("milestone", "Handover", At("2027-03-07T01:00:00Z"), null),
            ],
            plan.Milestones.Select(m => (m.Kind, m.Title, m.StartsAt!.Value, m.Place)));
    }

    [Fact]
    public async Task Seed_NoBriefOrNoDates_EmptyPlanOrUndatedPhases()
    {
        using var db = await databases.NewDbAsync(StorageProvider.Sqlite);
        using var sut = new PlanSut(db, new ManualClock(T0));
        var plain = await sut.ProjectAsync("2026-12-07", "2027-03-07");
        var undated = await sut.ProjectAsync();
        await sut.BriefAsync(undated, "Discovery");

        Assert.Empty(await sut.Seeder.SeedAsync((await sut.Projects.GetAsync(plain, default))!, default));
        var seed = await sut.Seeder.SeedAsync((await sut.Projects.GetAsync(undated, default))!, default);
        Assert.Equal(2, seed.Count);
        Assert.All(seed, m => Assert.Null(m.StartsAt));
    }

    [Fact]
    public async Task Reminders_TokyoAndBerlinMembers_EachGetsOwnLocalTimeAndLanguageOnce()
    {
        using var db = await databases.NewDbAsync(StorageProvider.Sqlite);
        var clock = new ManualClock(T0);
        using var sut = new PlanSut(db, clock);
        var project = await sut.ProjectAsync();
        await sut.MemberAsync(project, "tokyo", "ja", "Asia/Tokyo");
        await sut.MemberAsync(project, "berlin", "en", "Europe/Berlin");
        await sut.PlanAsync(project, Meeting("Design review", At("2026-12-10T01:00:00Z")));

        Assert.Equal(0, (await sut.Worker.RunOnceAsync(default)).Sent);
        Assert.Equal(2, await sut.CountAsync("SELECT COUNT(*) FROM reminders WHERE status = 0"));
        clock.Advance(At("2026-12-09T01:00:00Z") - T0); // 24 h before
        Assert.Equal(2, (await sut.Worker.RunOnceAsync(default)).Sent);
        Assert.Equal(0, (await sut.Worker.RunOnceAsync(default)).Sent);

        var sent = await sut.OutboxAsync();
        Assert.Contains("12月10日(木) 10:00", sent.Single(m => m.Aad == "tokyo").Text, StringComparison.Ordinal);
        Assert.Contains("参加します", sent.Single(m => m.Aad == "tokyo").Text, StringComparison.Ordinal);
        Assert.Contains("Thu 10 Dec, 2:00 (Berlin time)", sent.Single(m => m.Aad == "berlin").Text, StringComparison.Ordinal);
        Assert.Contains("I'll be there", sent.Single(m => m.Aad == "berlin").Text, StringComparison.Ordinal);
        Assert.Contains("/plans/milestones/1.ics?user=berlin", sent.Single(m => m.Aad == "berlin").Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Sorry this comes late", sent.Single(m => m.Aad == "berlin").Text, StringComparison.Ordinal);
    }

    /// <summary>
    /// Rows made at T0, then the bot is down until T0+10 h and two instances start at once: the reminder due 30 minutes ago
    /// goes out plainly, the one due 3 hours ago says it is late, the one whose meeting began is skipped; nothing twice.
    /// </summary>
    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Restart_DueOverdueAndBegun_SentOnceLateWordingSkipped(StorageProvider provider)
    {
        using var db = await databases.NewDbAsync(provider);
        var clock = new ManualClock(T0);
        using var before = new PlanSut(db, clock);
        var project = await before.ProjectAsync(language: "en");
        await before.MemberAsync(project, "m1", "en", "Europe/Berlin");
        var restartAt = T0.AddHours(10);
        await before.PlanAsync(project,
            Meeting("On time", restartAt.AddMinutes(-30).AddHours(24)),
            Meeting("Overdue", restartAt.AddHours(-3).AddHours(24)),
            Meeting("Begun", T0.AddHours(9)));
        Assert.Equal(3, await before.Milestones.EnsureRemindersAsync(TimeSpan.FromHours(24), default));

        clock.Advance(restartAt - T0);
        using var first = new PlanSut(db, clock);
        using var second = new PlanSut(db, clock);
        var passes = await Task.WhenAll(first.Worker.RunOnceAsync(default), second.Worker.RunOnceAsync(default));
        Assert.Equal(0, (await new PlanSut(db, clock).Worker.RunOnceAsync(default)).Total);

        Assert.Equal(2, passes.Sum(p => p.Sent));
        Assert.Equal(1, passes.Sum(p => p.Late));
        Assert.Equal(1, passes.Sum(p => p.Skipped));
        var sent = await first.OutboxAsync();
        Assert.Equal(2, sent.Count);
        Assert.Contains(sent, m => m.Text.Contains("On time", StringComparison.Ordinal) && !m.Text.Contains("Sorry this comes late", StringComparison.Ordinal));
        Assert.Contains(sent, m => m.Text.Contains("Overdue", StringComparison.Ordinal) && m.Text.Contains("Sorry this comes late", StringComparison.Ordinal));
        Assert.Equal(2, await first.CountAsync("SELECT status FROM reminders r JOIN milestones m ON m.id = r.milestone_id WHERE m.title = 'Begun'"));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task DateChange_OldReminderNeverSentNewOneDue_InviteSequenceUpAndMembersTold(StorageProvider provider)
    {
        using var db = await databases.NewDbAsync(provider);
        var clock = new ManualClock(T0);
        using var sut = new PlanSut(db, clock);
        var project = await sut.ProjectAsync(language: "en");
        await sut.MemberAsync(project, "m1", "en", "Europe/Berlin");
        var plan = await sut.PlanAsync(project, Meeting("Design review", T0.AddHours(48)));
        await sut.Worker.RunOnceAsync(default);
        var p = (await sut.Projects.GetAsync(project, default))!;
        var invite = CalendarInvite.Build(plan.Milestones[0], p.Title, Language.English, "bot.example", clock.GetUtcNow());
        Assert.Contains("SEQUENCE:0", invite, StringComparison.Ordinal);
        Assert.Contains("DTSTART:20261204T000000Z", invite, StringComparison.Ordinal);

        var rows = new[] { new MilestoneInput(plan.Milestones[0].Id, "meeting", "Design review", T0.AddHours(72), 60, "Room 3", false) };
        var notices = await sut.Messages.ChangesAsync(p, plan, rows, default);
        Assert.Equal(PlanSaveResult.Saved, await sut.Milestones.SaveAsync(project, plan.Version, rows, notices, TimeSpan.FromHours(24), default));
        Assert.Equal(PlanSaveResult.Stale, await sut.Milestones.SaveAsync(project, plan.Version, rows, notices, TimeSpan.FromHours(24), default));

        Assert.Equal(1, await sut.CountAsync("SELECT COUNT(*) FROM reminders WHERE status = 3"));
        Assert.Equal(1, await sut.CountAsync("SELECT COUNT(*) FROM reminders WHERE status = 0"));
        var changed = Assert.Single(await sut.OutboxAsync());
        Assert.Contains("Fri 4 Dec, 1:00 (Berlin time) → Sat 5 Dec, 1:00 (Berlin time)", changed.Text, StringComparison.Ordinal);
        Assert.Contains("/plans/milestones/1.ics?user=m1", changed.Text, StringComparison.Ordinal);
        var moved = (await sut.Milestones.MilestoneAsync(plan.Milestones[0].Id, default))!;
        invite = CalendarInvite.Build(moved, p.Title, Language.English, "bot.example", clock.GetUtcNow());
        Assert.Contains("SEQUENCE:1", invite, StringComparison.Ordinal);
        Assert.Contains("DTSTART:20261205T000000Z", invite, StringComparison.Ordinal);
        Assert.Contains("UID:milestone-1@bot.example", invite, StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromHours(24)); // the old due time
        Assert.Equal(0, (await sut.Worker.RunOnceAsync(default)).Sent);
        clock.Advance(TimeSpan.FromHours(24)); // the new one
        Assert.Equal(1, (await sut.Worker.RunOnceAsync(default)).Sent);
        Assert.Contains("Sat 5 Dec, 1:00 (Berlin time)", (await sut.OutboxAsync())[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelled_InviteSaysCancelledAndNoReminder()
    {
        using var db = await databases.NewDbAsync(StorageProvider.Sqlite);
        var clock = new ManualClock(T0);
        using var sut = new PlanSut(db, clock);
        var project = await sut.ProjectAsync(language: "en");
        await sut.MemberAsync(project, "m1", "en", null);
        var plan = await sut.PlanAsync(project, Meeting("Design review", T0.AddHours(48)));
        await sut.Worker.RunOnceAsync(default);

        var rows = new[] { new MilestoneInput(plan.Milestones[0].Id, "meeting", "Design review", T0.AddHours(48), 60, "Room 3", true) };
        var p = (await sut.Projects.GetAsync(project, default))!;
        await sut.Milestones.SaveAsync(project, plan.Version, rows, await sut.Messages.ChangesAsync(p, plan, rows, default), TimeSpan.FromHours(24), default);

        Assert.Contains("is cancelled", Assert.Single(await sut.OutboxAsync()).Text, StringComparison.Ordinal);
        var cancelled = (await sut.Milestones.MilestoneAsync(plan.Milestones[0].Id, default))!;
        var invite = CalendarInvite.Build(cancelled, p.Title, Language.English, "bot.example", clock.GetUtcNow());
        Assert.Contains("STATUS:CANCELLED", invite, StringComparison.Ordinal);
        Assert.Contains("SEQUENCE:1", invite, StringComparison.Ordinal);
        clock.Advance(TimeSpan.FromHours(30));
        Assert.Equal(0, (await sut.Worker.RunOnceAsync(default)).Sent);
    }

    [Fact]
    public async Task Withdrawn_MemberWhoLeftGetsNoReminder_NewMemberGetsOne()
    {
        using var db = await databases.NewDbAsync(StorageProvider.Sqlite);
        var clock = new ManualClock(T0);
        using var sut = new PlanSut(db, clock);
        var project = await sut.ProjectAsync(language: "en");
        await sut.MemberAsync(project, "stays", "en", null);
        await sut.MemberAsync(project, "leaves", "en", null);
        await sut.PlanAsync(project, Meeting("Design review", T0.AddHours(48)));
        await sut.Worker.RunOnceAsync(default);

        Assert.NotNull(await sut.SignUps.WithdrawAsync(project, "leaves", default));
        await sut.MemberAsync(project, "joins", "en", null); // confirmed after the date was set
        clock.Advance(TimeSpan.FromHours(24));
        var pass = await sut.Worker.RunOnceAsync(default);

        Assert.Equal(2, pass.Sent);
        Assert.Equal(1, pass.Obsolete);
        Assert.Equal(["joins", "stays"], (await sut.OutboxAsync()).Select(m => m.Aad).Order(StringComparer.Ordinal));
        Assert.Equal(3, await sut.CountAsync("SELECT status FROM reminders WHERE user_aad = 'leaves'"));
    }

    [Fact]
    public async Task DateSetInsideLead_DueAtOnce()
    {
        using var db = await databases.NewDbAsync(StorageProvider.Sqlite);
        var clock = new ManualClock(T0);
        using var sut = new PlanSut(db, clock);
        var project = await sut.ProjectAsync(language: "en");
        await sut.MemberAsync(project, "m1", "en", null);
        await sut.PlanAsync(project, Meeting("Tomorrow morning", T0.AddHours(5)));

        var pass = await sut.Worker.RunOnceAsync(default);

        Assert.Equal(1, pass.Sent);
        Assert.Equal(0, pass.Late);
    }
}
