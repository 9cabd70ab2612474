using Microsoft.Extensions.Options;
using ProBonoBot.Cards;
using ProBonoBot.Cards.Projects;
using ProBonoBot.Club;
using ProBonoBot.Drafting;
using ProBonoBot.Projects;
using ProBonoBot.SignUps;
using static ProBonoBot.Hosting.TurnExtensions;

namespace ProBonoBot.Dashboard;

/// <summary>
/// Leader actions from the tab, through the chat's own code: confirming a team runs <see cref="TeamFormation"/>, the
/// core of the chat's "Confirm the team" (same checks, same outbox messages). The leader also finds the confirmation
/// in their 1:1 chat, as if they had clicked in the chat. Answers are in the tab's language (<c>lang</c>).
/// </summary>
public sealed class DashboardActions(ProjectStore projects, TeamFormation teams, BriefApproval approval, DraftingStore drafts, IOptions<ClubOptions> club)
{
    /// <summary>The body of an approval: the brief's version the leader saw (a newer one must be read first).</summary>
    public sealed record ApproveBriefRequest(long Version);

    /// <summary>The body of a confirmation: <c>confirmEmptySeats</c> answers the question about seats still free.</summary>
    public sealed record ConfirmTeamRequest(bool ConfirmEmptySeats = false);

    internal static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/projects/{number:long}/confirm-team", async (long number, string? lang, ConfirmTeamRequest? body, HttpContext http, DashboardActions actions, CancellationToken ct) =>
        {
            if (!Dashboard.DashboardServices.IsJsonPost(http.Request))
            {
                return Results.Json(new { error = new { code = "UnsupportedMediaType", message = "Send the action as application/json." } }, statusCode: 415);
            }

            var user = (DashboardUser)http.Items[typeof(DashboardUser)]!;
            return await actions.ConfirmTeamAsync(number, body?.ConfirmEmptySeats ?? false, user, lang, ct).ConfigureAwait(false);
        });
        api.MapPost("/briefs/{id:long}/approve", async (long id, string? lang, ApproveBriefRequest? body, HttpContext http, DashboardActions actions, CancellationToken ct) =>
        {
            if (!Dashboard.DashboardServices.IsJsonPost(http.Request))
            {
                return Results.Json(new { error = new { code = "UnsupportedMediaType", message = "Send the action as application/json." } }, statusCode: 415);
            }

            var user = (DashboardUser)http.Items[typeof(DashboardUser)]!;
            return await actions.ApproveBriefAsync(id, body?.Version, user, lang, ct).ConfigureAwait(false);
        });
    }

    public async Task<IResult> ConfirmTeamAsync(long number, bool confirmEmptySeats, DashboardUser user, string? lang, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var language = lang is not null && lang.StartsWith("ja", StringComparison.OrdinalIgnoreCase) ? Language.Japanese : Language.English;
        var t = UiText.For(language).Projects;
        var project = await projects.GetAsync(number, ct).ConfigureAwait(false);
        if (project is null)
        {
            return Answer(404, "NotFound", t.UnknownProject);
        }

        if (project.Status != ProjectStatus.Recruiting)
        {
            return Answer(409, "NotRecruiting", F(t.CannotChangeStatus, t.StatusSentence(project.Status, project.Number)));
        }

        var empty = await teams.EmptySeatsAsync(project, ct).ConfigureAwait(false);
        if (empty.Count > 0 && !confirmEmptySeats)
        {
            return Results.Json(new
            {
                error = new { code = "EmptySeats", message = "Some seats are still free; confirm to form the team anyway." },
                emptySeats = empty.Select(e => new { role = e.RoleName, taken = e.Taken, seats = e.Seats }),
            }, statusCode: 409);
        }

        // Who acts: the signed-in leader; in local development (no sign-in) the project's own leader.
        var leaderAad = user.Aad ?? project.LeaderAad;
        var leaderName = project.LeaderName ?? user.Name ?? "-";
        var leaderText = UiText.For(language).Projects;
        var toLeader = SignUpNotices.ToPerson(SignUpNotices.Text(F(leaderText.TeamFormed, project.Number)), leaderAad, null, null, null, null);
        if (!await teams.FormAsync(project, leaderName, [toLeader], ct).ConfigureAwait(false))
        {
            var now = await projects.GetAsync(project.Number, ct).ConfigureAwait(false) ?? project;
            return Answer(409, "NotRecruiting", F(t.CannotChangeStatus, t.StatusSentence(now.Status, now.Number)));
        }

        return Results.Json(new { ok = true, message = F(t.TeamFormed, project.Number) });
    }

    /// <summary>
    /// Approves a brief sent for review through <see cref="BriefApproval"/>, the core of the chat's Approve button: a Draft
    /// project led by the signed-in leader (in local development, the first configured leader), the author told.
    /// </summary>
    public async Task<IResult> ApproveBriefAsync(long id, long? version, DashboardUser user, string? lang, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var language = lang is not null && lang.StartsWith("ja", StringComparison.OrdinalIgnoreCase) ? Language.Japanese : Language.English;
        var t = UiText.For(language).Drafting;
        var leaderAad = user.Aad ?? club.Value.Leaders.FirstOrDefault();
        if (leaderAad is null)
        {
            return Answer(403, "Forbidden", UiText.For(language).Projects.NotALeader);
        }

        var brief = await drafts.BriefAsync(id, ct).ConfigureAwait(false);
        var refusal = BriefApproval.Check(brief, version);
        var outcome = refusal ?? await approval.ApproveAsync(brief!, language, leaderAad, user.Name ?? leaderAad, ct).ConfigureAwait(false);
        return outcome.Result switch
        {
            BriefApproval.Result.Approved => Results.Json(new { ok = true, projectNumber = outcome.ProjectNumber, title = outcome.Title }),
            BriefApproval.Result.Unknown => Answer(404, "NotFound", t.UnknownBrief),
            BriefApproval.Result.AlreadyApproved => Answer(409, "AlreadyApproved", F(t.AlreadyApproved, outcome.ProjectNumber)),
            BriefApproval.Result.NotSent => Answer(409, "NotSent", t.NotSentYet),
            BriefApproval.Result.Outdated => Answer(409, "Outdated", F(t.Outdated, version ?? 0, brief!.Version)),
            _ => Answer(409, "NeedsForm", "A field the project form requires is missing: approve this brief in the chat to complete the form."),
        };
    }

    private static IResult Answer(int status, string code, string message) =>
        Results.Json(new { error = new { code, message }, message }, statusCode: status);
}
