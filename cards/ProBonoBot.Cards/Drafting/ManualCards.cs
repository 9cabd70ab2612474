using System.Globalization;
using System.Text.Json.Nodes;
using ProBonoBot.Cards.Json;

namespace ProBonoBot.Cards.Drafting;

/// <summary>A project a person may ask manuals for.</summary>
public sealed record ManualProjectChoice(long Number, string Title);

/// <summary>A stored manual as the card shows it, with links to download it and its earlier versions.</summary>
public sealed record ManualCardModel(
    long Id,
    long ProjectNumber,
    string ProjectTitle,
    ManualKind Kind,
    int Version,
    ManualDocument Document,
    string SourceNote,
    bool SourceIsFallback,
    string DownloadUrl,
    IReadOnlyList<(int Version, string Url)> Earlier);

/// <summary>The manual picker and the manual itself.</summary>
public static class ManualCards
{
    /// <summary>Teams refuses cards above ~28 KB: each section shows at most this much, the download has it all.</summary>
    public const int MaxSectionChars = 1800;

    public static JsonObject Choose(Language language, IReadOnlyList<ManualProjectChoice> projects, long? selected = null)
    {
        ArgumentNullException.ThrowIfNull(projects);
        var t = UiText.For(language).Drafting;
        var chosen = selected ?? (projects.Count == 1 ? projects[0].Number : null);
        return Card.Create(
            [
                Card.Heading(t.ManualChooseTitle),
                Card.Choices("project", t.ManualProjectLabel, projects.Select(p => ($"#{p.Number} {p.Title}", p.Number.ToString(CultureInfo.InvariantCulture))),
                    chosen?.ToString(CultureInfo.InvariantCulture)),
                Card.Choices("kind", t.ManualKindLabel,
                    Enum.GetValues<ManualKind>().Select(k => (t.ManualName(k), k.ToString().ToLowerInvariant())), "operational", expanded: true),
                Card.TextInput("instruction", t.ManualInstructionLabel, maxLength: BriefCard.MaxInstruction, multiline: true, placeholder: t.ManualInstructionPlaceholder),
            ],
            [Card.Execute(t.ButtonDraft, DraftingVerbs.CreateManual, style: "positive")]);
    }

    public static JsonObject Build(Language language, ManualCardModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var t = UiText.For(language).Drafting;
        var body = new List<JsonNode>
        {
            Card.Title(Markdown.Escape(model.Document.Title)),
            Card.Text(ProBonoBot.Cards.Wording.Plurals.Format(t.ManualVersion, model.ProjectNumber, Markdown.Escape(model.ProjectTitle), model.Version, t.ManualName(model.Kind)), subtle: true),
            Card.Text(model.SourceNote, color: model.SourceIsFallback ? "Attention" : null, subtle: !model.SourceIsFallback),
        };
        for (var i = 0; i < model.Document.Sections.Count; i++)
        {
            var section = model.Document.Sections[i];
            // Model-written Markdown keeps its emphasis and lists; links are shown as text, never as a disguised link.
            var cut = TextCut.Cut(section.Body, MaxSectionChars);
            var text = Markdown.Formatting(cut) + (cut.Length < section.Body.Length ? "\n\n" + t.ManualTruncated : string.Empty);
            body.AddRange(Collapsible.Section($"s{i + 1}", section.Heading, [Card.Text(text)], open: i == 0));
        }

        if (model.Earlier.Count > 0)
        {
            body.Add(Card.Text($"**{Markdown.Escape(t.ManualEarlier)}**: " + string.Join(" · ", model.Earlier.Select(e => $"[v{e.Version}]({e.Url})")), subtle: true));
        }

        var data = new JsonObject { ["manual"] = model.Id };
        return Card.Create(body,
        [
            new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = t.ButtonDownload, ["url"] = model.DownloadUrl },
            Card.ShowCard(t.ButtonRevise, Card.Inner([
                Card.TextInput("instruction", t.InstructionLabel, multiline: true, errorMessage: t.InstructionRequired, maxLength: BriefCard.MaxInstruction, placeholder: t.InstructionPlaceholder),
                Card.Actions([Card.Execute(t.ButtonRevise, DraftingVerbs.ReviseManual, data)]),
            ])),
            FeedbackCards.ReportAction(language, new JsonObject { ["manual"] = model.Id }),
        ]);
    }
}
