using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using ProBonoBot.Cards;
using ProBonoBot.Cards.Drafting;
using ProBonoBot.Drafting.Feedback;
using ProBonoBot.Drafting.Grounding;
using ProBonoBot.People;
using ProBonoBot.Projects;
using ProBonoBot.Protocol.Activities;
using ProBonoBot.Protocol.Connector;
using static ProBonoBot.Hosting.TurnExtensions;

namespace ProBonoBot.Drafting;

/// <summary>
/// Runs one drafting job: tells the person at once, drafts (streaming), saves the result, then sends it. A job
/// whose result was already saved (the bot stopped between saving and sending) only sends it again.
/// </summary>
public sealed class DraftingJobRunner(
    DraftingStore store,
    BriefDrafter briefs,
    ManualDrafter manuals,
    ProjectStore projects,
    ProjectAccess access,
    ManualLinks links,
    FeedbackStore feedback,
    IConnectorClient connector,
    IOptions<DraftingOptions> options,
    TimeProvider time)
{
    public async Task<long> RunAsync(DraftingJob job, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(job);
        var language = job.Language == "ja" ? Language.Japanese : Language.English;
        var t = UiText.For(language).Drafting;
        var output = new DraftOutput(connector, job, time, options.Value.StreamInterval);
        return job.Kind switch
        {
            JobKinds.Manual => await ManualAsync(job, language, t, output, ct).ConfigureAwait(false),
            _ => await BriefAsync(job, language, t, output, ct).ConfigureAwait(false),
        };
    }

    private async Task<long> BriefAsync(DraftingJob job, Language language, DraftingTexts t, DraftOutput output, CancellationToken ct)
    {
        long tokens = 0;
        var changed = 0;
        if (job.ResultId is null)
        {
            await output.InformAsync(job.Attempts > 1 ? t.Resumed : t.DraftingBrief, ct).ConfigureAwait(false);
            var payload = JsonNode.Parse(job.Payload)?.AsObject() ?? [];
            BriefRow? existing = null;
            NeedRow? need;
            if (job.Kind == JobKinds.Regenerate)
            {
                existing = await store.BriefAsync(job.SubjectId, ct).ConfigureAwait(false) ?? throw new InvalidOperationException("The brief is gone.");
                need = await store.NeedAsync(existing.NeedId, ct).ConfigureAwait(false);
            }
            else
            {
                need = await store.NeedAsync(job.SubjectId, ct).ConfigureAwait(false);
            }

            if (need is null)
            {
                throw new InvalidOperationException("The need is gone.");
            }

            var answers = JsonSerializer.Deserialize(need.Answers, DraftingJsonContext.Default.NeedAnswers) ?? NeedAnswers.None;
            var previous = existing is null ? null : BriefRules.Parse(existing.BriefJson).Brief;
            var request = new BriefRequest(need.NeedText, answers, language, previous, payload["instruction"]?.GetValue<string>());
            var result = await briefs.DraftAsync(request, output.ProgressAsync, ct).ConfigureAwait(false);
            tokens = result.Tokens;
            changed = result.Grounding.Changed;
            var json = JsonSerializer.Serialize(result.Value, DraftingJsonContext.Default.ProjectBrief);
            long saved;
            if (existing is null)
            {
                saved = await store.SaveNewBriefAsync(job.Id, new BriefRow
                {
                    NeedId = need.Id, AuthorAad = job.PersonAad, AuthorName = job.PersonName, Language = language.Code(),
                    BriefJson = json, Source = result.Source, Fallback = (long)result.Fallback,
                }, ct).ConfigureAwait(false);
            }
            else if (!await store.ReviseBriefAsync(existing.Id, payload["version"]?.GetValue<long>() ?? existing.Version, json, result.Source, (long)result.Fallback, language.Code(), job.Id, ct).ConfigureAwait(false))
            {
                var now = await store.BriefAsync(existing.Id, ct).ConfigureAwait(false);
                await output.FinishAsync(new Activity { Text = F(t.Outdated, payload["version"]?.GetValue<long>() ?? existing.Version, now?.Version ?? existing.Version) }, ct).ConfigureAwait(false);
                return tokens;
            }
            else
            {
                saved = existing.Id;
            }

            job = job with { ResultId = saved };
        }
        else
        {
            await output.InformAsync(t.Resumed, ct).ConfigureAwait(false);
        }

        var brief = await store.BriefAsync(job.ResultId!.Value, ct).ConfigureAwait(false) ?? throw new InvalidOperationException("The brief is gone.");
        var cited = await CitationsAsync(brief, language, job, ct).ConfigureAwait(false);
        var card = BriefViews.Card(brief, language, BriefViewer.Author);
        await FinishDraftAsync(job, output, DraftMessage.Brief(card, cited, changed, brief.Source != DraftResult<ProjectBrief>.Offline, t), new DraftRef(DraftRef.Brief, brief.Id), ct);
        return tokens;
    }

    // Worked out again from the stored (already grounded) brief, so a job resumed after a restart cites the same sentences.
    private async Task<IReadOnlyList<CitedFact>> CitationsAsync(BriefRow row, Language language, DraftingJob job, CancellationToken ct)
    {
        var need = await store.NeedAsync(row.NeedId, ct).ConfigureAwait(false);
        if (need is null || BriefRules.Parse(row.BriefJson).Brief is not { } brief)
        {
            return [];
        }

        var answers = JsonSerializer.Deserialize(need.Answers, DraftingJsonContext.Default.NeedAnswers) ?? NeedAnswers.None;
        var instruction = (JsonNode.Parse(job.Payload)?.AsObject() ?? [])["instruction"]?.GetValue<string>();
        var sources = BriefGrounding.Sources(new BriefRequest(need.NeedText, answers, language, null, instruction));
        return BriefGrounding.Ground(brief, sources, language).Report.Cited;
    }

    private async Task<long> ManualAsync(DraftingJob job, Language language, DraftingTexts t, DraftOutput output, CancellationToken ct)
    {
        var project = await projects.GetAsync(job.SubjectId, ct).ConfigureAwait(false) ?? throw new InvalidOperationException("The project is gone.");
        var payload = JsonNode.Parse(job.Payload)?.AsObject() ?? [];
        var kind = Enum.TryParse<ManualKind>(payload["kind"]?.GetValue<string>(), ignoreCase: true, out var k) ? k : ManualKind.Operational;
        long tokens = 0;
        var changed = 0;
        var manualId = job.ResultId;
        if (manualId is null)
        {
            await output.InformAsync(job.Attempts > 1 ? t.Resumed : F(t.DraftingManual, t.ManualName(kind), project.Number), ct).ConfigureAwait(false);
            var briefRow = await store.BriefForProjectAsync(project.Number, ct).ConfigureAwait(false);
            var brief = briefRow is null ? null : BriefRules.Parse(briefRow.BriefJson).Brief;
            var (text, context) = await access.ManualFactsAsync(project, brief, ct).ConfigureAwait(false);
            ManualDocument? previous = null;
            if (payload["previous"]?.GetValue<long>() is { } previousId && await store.ManualAsync(previousId, ct).ConfigureAwait(false) is { } p && p.ProjectNumber == project.Number)
            {
                previous = JsonSerializer.Deserialize(p.DocumentJson, DraftingJsonContext.Default.ManualDocument);
            }

            var need = briefRow is null ? null : await store.NeedAsync(briefRow.NeedId, ct).ConfigureAwait(false);
            var request = new ManualRequest(project.Number, kind, language, text, context, previous, payload["instruction"]?.GetValue<string>(), need?.NeedText);
            var result = await manuals.DraftAsync(request, output.ProgressAsync, ct).ConfigureAwait(false);
            tokens = result.Tokens;
            changed = result.Grounding.Changed;
            manualId = await store.SaveManualAsync(job.Id, new ManualRow
            {
                ProjectNumber = project.Number, Kind = kind.ToString().ToLowerInvariant(), Language = language.Code(),
                DocumentJson = JsonSerializer.Serialize(result.Value, DraftingJsonContext.Default.ManualDocument),
                Source = result.Source, Fallback = (long)result.Fallback, Instruction = request.Instruction, CreatedBy = job.PersonAad,
            }, ct).ConfigureAwait(false);
        }
        else
        {
            await output.InformAsync(t.Resumed, ct).ConfigureAwait(false);
        }

        var card = await ManualCardAsync(manualId.Value, project, language, job.PersonAad, ct).ConfigureAwait(false);
        var source = (await store.ManualAsync(manualId.Value, ct).ConfigureAwait(false))?.Source ?? DraftResult<ManualDocument>.Offline;
        await FinishDraftAsync(job, output, DraftMessage.Manual(card, changed, source != DraftResult<ManualDocument>.Offline, t), new DraftRef(DraftRef.Manual, manualId.Value), ct);
        return tokens;
    }

    /// <summary>
    /// Sends the drafted card (with its citations and AI label) as the final message, with Teams' feedback buttons, and
    /// remembers which draft the message shows so that feedback on it (named by the message's id) finds the draft.
    /// </summary>
    private async Task FinishDraftAsync(DraftingJob job, DraftOutput output, Activity activity, DraftRef draft, CancellationToken ct)
    {
        activity.ChannelData = FeedbackLoop.ChannelData();
        var sent = await output.FinishAsync(activity, ct);
        await feedback.RememberMessageAsync(job.ConversationId, [sent.Id, output.StreamId], draft, ct);
    }

    /// <summary>The manual card, with the person's own download links.</summary>
    public async Task<JsonObject> ManualCardAsync(long manualId, Project project, Language language, string aad, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(project);
        var manual = await store.ManualAsync(manualId, ct).ConfigureAwait(false) ?? throw new InvalidOperationException("The manual is gone.");
        var document = JsonSerializer.Deserialize(manual.DocumentJson, DraftingJsonContext.Default.ManualDocument)!;
        var earlier = new List<(int, string)>();
        foreach (var v in (await store.ManualVersionsAsync(project.Number, manual.Kind, ct).ConfigureAwait(false)).Where(v => v.Version < manual.Version).Take(5))
        {
            earlier.Add(((int)v.Version, await links.UrlAsync(v.Id, aad, ct).ConfigureAwait(false)));
        }

        var (note, isFallback) = BriefViews.SourceNote(UiText.For(language).Drafting, manual.Source, (FallbackReason)manual.Fallback);
        var kind = Enum.Parse<ManualKind>(manual.Kind, ignoreCase: true);
        return ManualCards.Build(language, new ManualCardModel(manual.Id, project.Number, project.Title, kind, (int)manual.Version, document, note, isFallback,
            await links.UrlAsync(manual.Id, aad, ct).ConfigureAwait(false), earlier));
    }
}
