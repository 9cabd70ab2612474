using ProBonoBot.Cards;
using ProBonoBot.Cards.Json;
using ProBonoBot.Cards.Drafting;
using ProBonoBot.Cards.Projects;
using ProBonoBot.Outbox;
using ProBonoBot.People;
using ProBonoBot.Projects;
using ProBonoBot.SignUps;
using static ProBonoBot.Hosting.TurnExtensions;

namespace ProBonoBot.Drafting;

/// <summary>
/// Approving a brief — one set of rules for the chat's Approve button (<see cref="BriefRoutes"/>) and the dashboard tab:
/// only a brief sent for review, at the version the leader saw; the status moves first by a conditional update (two
/// leaders approving at once make one project); the approved brief becomes a Draft project (never published without a
/// human) and its author is told through the outbox.
/// </summary>
public sealed class BriefApproval(DraftingStore store, ProjectStore projects, OutboxStore outbox, LanguageResolver languages)
{
    public enum Result { Approved, Unknown, AlreadyApproved, NotSent, Outdated, NeedsForm }

    /// <summary>The outcome; <paramref name="ProjectNumber"/> for Approved and AlreadyApproved, the form's values when a field is missing.</summary>
    public sealed record Outcome(Result Result, long? ProjectNumber = null, string? Title = null, BriefRow? Brief = null,
        ProjectFormValues? Values = null, IReadOnlyList<string>? Errors = null);

    /// <summary>Why the brief cannot be approved as seen (null: it can).</summary>
    public static Outcome? Check(BriefRow? brief, long? version) => brief switch
    {
        null => new Outcome(Result.Unknown),
        { BriefStatus: BriefStatus.Approved } => new Outcome(Result.AlreadyApproved, brief.ProjectNumber),
        { BriefStatus: not BriefStatus.Sent } => new Outcome(Result.NotSent),
        _ when version != brief.Version => new Outcome(Result.Outdated, Brief: brief),
        _ => null,
    };

    /// <summary>Approves a brief <see cref="Check"/> let through, as the given leader.</summary>
    public async Task<Outcome> ApproveAsync(BriefRow row, Language language, string leaderAad, string? leaderName, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(row);
        var brief = BriefRules.Parse(row.BriefJson).Brief!;
        var values = BriefToProject.Values(brief);
        var (draft, errors) = ProjectFormParser.Parse(values, language);
        if (draft is null)
        {
            return new Outcome(Result.NeedsForm, Brief: row, Values: values, Errors: errors);
        }

        if (!await store.SetBriefStatusAsync(row.Id, row.Version, [(long)BriefStatus.Sent], (long)BriefStatus.Approved, null, ct).ConfigureAwait(false))
        {
            var winner = await store.BriefAsync(row.Id, ct).ConfigureAwait(false);
            return new Outcome(Result.AlreadyApproved, winner?.ProjectNumber);
        }

        var number = await projects.CreateAsync(draft, leaderAad, leaderName, ct).ConfigureAwait(false);
        await store.LinkProjectAsync(row.Id, number, ct).ConfigureAwait(false);
        var authorLanguage = await languages.ForPersonAsync(row.AuthorAad, language, ct).ConfigureAwait(false);
        await outbox.EnqueueAsync([SignUpNotices.ToPerson(SignUpNotices.Text(F(UiText.For(authorLanguage).Drafting.ApprovedNotice, Markdown.Escape(brief.Title), Markdown.Escape(leaderName), number)), row.AuthorAad, null, null, null, null)], ct).ConfigureAwait(false);
        return new Outcome(Result.Approved, number, draft.Title, (await store.BriefAsync(row.Id, ct).ConfigureAwait(false))!);
    }
}
