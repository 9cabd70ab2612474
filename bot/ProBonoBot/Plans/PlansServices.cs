using Microsoft.Extensions.Options;
using ProBonoBot.Cards;
using ProBonoBot.Hosting;
using ProBonoBot.People;
using ProBonoBot.Projects;

namespace ProBonoBot.Plans;

/// <summary>Wires the plan of a project (milestones and meetings), reminders with answers, and calendar invites.</summary>
public static class PlansServices
{
    public static IServiceCollection AddPlans(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<PlanOptions>().Bind(configuration.GetSection(PlanOptions.Section))
            .Validate(o => o.ReminderLead >= TimeSpan.Zero && o.ReminderLead <= TimeSpan.FromDays(14), "Plans:ReminderLead must be from 0 to 14 days.")
            .Validate(o => o.LateAfter >= TimeSpan.FromMinutes(1), "Plans:LateAfter must be at least 1 minute.")
            .Validate(o => o.ScheduleInterval >= TimeSpan.FromMilliseconds(100) && o.ScheduleInterval <= TimeSpan.FromMinutes(10),
                "Plans:ScheduleInterval must be from 0.1 s to 10 minutes.")
            .Validate(o => o.BatchSize is >= 1 and <= 5000, "Plans:BatchSize must be from 1 to 5000.")
            .Validate(o => o.InviteGrace >= TimeSpan.Zero && o.InviteGrace <= TimeSpan.FromDays(60), "Plans:InviteGrace must be from 0 to 60 days.")
            .Validate(o => o.MaxMilestones is >= 1 and <= 20, "Plans:MaxMilestones must be from 1 to 20 (Teams refuses larger cards).")
            .ValidateOnStart();
        services.AddSingleton<MilestoneStore>();
        services.AddSingleton<PlanSeeder>();
        services.AddSingleton<PlanLinks>();
        services.AddSingleton<PlanMessages>();
        services.AddSingleton<IRouteModule, PlanRoutes>();
        services.AddSingleton<PlanReminderWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<PlanReminderWorker>());
        return services;
    }

    public static WebApplication MapPlans(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/plans/milestones/{id:long}.ics", CalendarAsync);
        return app;
    }

    /// <summary>The milestone's invite for the person the link was signed for: 401 for a bad or expired link, 404 for no such dated milestone.</summary>
    private static async Task<IResult> CalendarAsync(long id, string? user, string? expires, string? sig, PlanLinks links, MilestoneStore milestones,
        ProjectStore projects, LanguageResolver languages, TimeProvider time, CancellationToken ct)
    {
        if (!await links.VerifyAsync(id, user, LinkSigner.ParseExpiry(expires), sig, ct))
        {
            return Results.Json(new { error = new { code = "Unauthorized", message = "The link is not valid or has expired." } }, statusCode: 401);
        }

        var milestone = await milestones.MilestoneAsync(id, ct);
        var project = milestone is null ? null : await projects.GetAsync(milestone.ProjectNumber, ct);
        if (milestone?.StartsAt is null || project is null)
        {
            return Results.Json(new { error = new { code = "NotFound", message = "This milestone has no date (any more)." } }, statusCode: 404);
        }

        var language = await languages.ForPersonAsync(user!, project.CardLanguage, ct);
        var ics = CalendarInvite.Build(milestone, project.Title, language, links.Host, time.GetUtcNow());
        return Results.File(System.Text.Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8", $"milestone-{id}.ics");
    }
}
