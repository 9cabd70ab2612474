using Microsoft.Extensions.Options;
using ProBonoBot.Cards;
using ProBonoBot.Cards.Projects;
using ProBonoBot.Club;
using ProBonoBot.Drafting;
using ProBonoBot.Outbox;
using ProBonoBot.Projects;
using ProBonoBot.Protocol.Connector;
using ProBonoBot.SignUps;
using static ProBonoBot.Hosting.TurnExtensions;

namespace ProBonoBot.Dashboard;

/// <summary>
/// Leader actions from the tab, through the chat's own code: confirming a team runs <see cref="TeamFormation"/>, the
/// core of the chat's "Confirm the team" (same checks, same outbox messages). The leader also finds the confirmation
/// in their 1:1 chat, as if they had clicked in the chat. Answers are in the tab's language (<c>lang</c>).
/// </summary>
public sealed class DashboardActions(ProjectStore projects, TeamFormation teams, BriefApproval approval, DraftingStore drafts, IOptions<ClubOptions> club,
    ProjectPublishing publishing, OutboxStore outbox)
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
        // The connector is the app's own (as the outbox's), not a turn's: the tab has no turn.
        api.MapGet("/projects/{number:long}/channels", (long number, string? lang, IConnectorClient connector, DashboardActions actions, CancellationToken ct) =>
            actions.ChannelsAsync(number, connector, lang, ct));
        api.MapPost("/projects/{number:long}/publish", async (long number, string? lang, HttpContext http, IConnectorClient connector, DashboardActions actions, CancellationToken ct) =>
        {
            if (!Dashboard.DashboardServices.IsJsonPost(http.Request))
            {
                return Results.Json(new { error = new { code = "UnsupportedMediaType", message = "Send the action as application/json." } }, statusCode: 415);
            }

            // Read by hand so that a malformed body is 400 in every environment (not an exception of the binder).
            if (await ReadChannelsAsync(http.Request, ct).ConfigureAwait(false) is not { } channels)
            {
                return Answer(400, "BadRequest", "Send {\"channels\": [\"channel id\", …]}.");
            }

            var user = (DashboardUser)http.Items[typeof(DashboardUser)]!;
            return await actions.PublishAsync(number, channels, connector, user, lang, ct).ConfigureAwait(false);
        });
    }

    /// <summary>
    /// The body of a publish, <c>{"channels": ["id", …]}</c> (ids as listed by <c>GET …/channels</c>; no list: none chosen).
    /// Null when it is not that shape: not JSON, not an object, channels not a list of at most 500 strings.
    /// </summary>
    internal static async Task<IReadOnlyList<string>?> ReadChannelsAsync(HttpRequest request, CancellationToken ct)
    {
        System.Text.Json.Nodes.JsonNode? body;
        try
        {
            body = await System.Text.Json.Nodes.JsonNode.ParseAsync(request.Body, cancellationToken: ct).ConfigureAwait(false);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }

        if (body is not System.Text.Json.Nodes.JsonObject obj)
        {
            return null;
        }

        if (!obj.TryGetPropertyValue("channels", out var node) || node is null)
        {
            return [];
        }

        if (node is not System.Text.Json.Nodes.JsonArray list || list.Count > 500
            || list.Any(i => i is not System.Text.Json.Nodes.JsonValue v || v.GetValueKind() != System.Text.Json.JsonValueKind.String))
        {
            return null;
        }

        return [.. list.Select(i => i!.GetValue<string>())];
    }

    private static Language LanguageOf(string? lang) =>
        lang is not null && lang.StartsWith("ja", StringComparison.OrdinalIgnoreCase) ? Language.Japanese : Language.English;

    /// <summary>
    /// The channels a draft or recruiting project can be published to, refreshed from Teams as the chat's
    /// <c>publish N</c> does (<see cref="ProjectPublishing.ChannelChoicesAsync"/>); <c>preselected</c> marks General channels.
    /// </summary>
    public async Task<IResult> ChannelsAsync(long number, IConnectorClient connector, string? lang, CancellationToken ct)
    {
        var language = LanguageOf(lang);
        var t = UiText.For(language).Projects;
        var project = await projects.GetAsync(number, ct).ConfigureAwait(false);
        if (project is null)
        {
            return Answer(404, "NotFound", t.UnknownProject);
        }

        if (!ProjectPublishing.CanPublish(project))
        {
            return Answer(409, "NotPublishable", F(t.CannotChangeStatus, t.StatusSentence(project.Status, project.Number)));
        }

        var choices = await publishing.ChannelChoicesAsync(connector, language, ct).ConfigureAwait(false);
        return Results.Json(new { channels = choices.Select(c => new { id = c.ConversationId, label = c.Label, preselected = c.Preselected }) });
    }

    /// <summary>
    /// Publishes through <see cref="ProjectPublishing"/>, the core of the chat's Publish button: the same checks, the same
    /// posts (posted_cards), and the leader finds the chat's answer in their 1:1 chat (through the outbox).
    /// </summary>
    public async Task<IResult> PublishAsync(long number, IReadOnlyList<string> channels, IConnectorClient connector, DashboardUser user, string? lang, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(user);
        var language = LanguageOf(lang);
        var t = UiText.For(language).Projects;
        // Each click of the tab is its own attempt: a double click finds the channels held and posts nothing twice.
        var claimant = $"tab:{Guid.NewGuid():N}";
        var outcome = await publishing.PublishAsync(connector, number, channels, claimant, ct).ConfigureAwait(false);
        var project = outcome.Project;
        switch (outcome.Result)
        {
            case ProjectPublishing.Result.Unknown:
                return Answer(404, "NotFound", t.UnknownProject);
            case ProjectPublishing.Result.NotPublishable:
                return Answer(409, "NotPublishable", F(t.CannotChangeStatus, t.StatusSentence(project!.Status, project.Number)));
            case ProjectPublishing.Result.NothingChosen:
                return Answer(400, "NothingChosen", t.NothingChosen);
        }

        var message = outcome.Posts!.Message(t, project!.Number);
        // Who acts: the signed-in leader; in local development (no sign-in) the project's own leader.
        var leaderAad = user.Aad ?? project.LeaderAad;
        await outbox.EnqueueAsync([SignUpNotices.ToPerson(SignUpNotices.Text(message), leaderAad, null, null, null, null)], ct).ConfigureAwait(false);
        return Results.Json(new { ok = true, message, posted = outcome.Posts.Posted, alreadyThere = outcome.Posts.AlreadyThere, failed = outcome.Posts.Failed });
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
