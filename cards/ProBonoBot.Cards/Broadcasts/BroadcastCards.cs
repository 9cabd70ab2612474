using System.Globalization;
using System.Text.Json.Nodes;
using ProBonoBot.Cards.Json;

namespace ProBonoBot.Cards.Broadcasts;

/// <summary>What a broadcast's recipients did (people only): for the report card and CSV.</summary>
public sealed record BroadcastOutcome(int Delivered, int Opened, int Clicked, int SignedUp, int ChatsCreated, int Deferred);

/// <summary>Where a broadcast stands, for its report card.</summary>
/// <param name="ScheduledFor">When a scheduled broadcast will start, already worded for the reader; null once started.</param>
public sealed record BroadcastProgress(
    long Id, long Project, string ProjectTitle, int Total, int Sent, int Pending, int Failed, int Blocked, int NotInstalled,
    double RatePerSecond, TimeSpan? Eta, bool Done, bool Cancelled, string? FailuresUrl,
    BroadcastOutcome? Outcome = null, string? ScheduledFor = null);

/// <summary>What the audience card offers: the teams the bot is in, Entra groups (null: not offered), profile fit, topics.</summary>
public sealed record AudienceOptions(
    IReadOnlyList<(string Id, string Name)> Teams,
    IReadOnlyList<(string Id, string Name)>? Groups,
    bool ProfileFit,
    IReadOnlyList<(string Key, string Name)> Topics,
    string ZoneName)
{
    public static AudienceOptions None { get; } = new([], null, false, [], "UTC");
}

/// <summary>The leader's current choices on the audience card (kept when the card is redrawn after Count or Back).</summary>
public sealed record AudienceChoices(
    string Audience = "both", bool Resend = false, string Target = "all", IReadOnlyList<string>? Teams = null, string? Group = null,
    string Language = "all", string? Topic = null, string When = "now", string? Date = null, string? Time = null);

/// <summary>The leader's cards: choosing the audience, confirming a large one, and the live delivery report.</summary>
public static class BroadcastCards
{
    public const string StartVerb = "broadcastStart";
    public const string CancelVerb = "broadcastCancel";
    public const string CountVerb = "broadcastCount";
    public const string TopicsVerb = "topicsSave";

    private static string F(string format, params object?[] args) => ProBonoBot.Cards.Wording.Plurals.Format(format, args);

    /// <param name="preview">The announcement card as recipients will see it (shown on demand).</param>
    public static JsonObject Audience(Language language, long project, string title, int people, int channels, JsonObject? preview = null) =>
        Audience(language, project, title, people, channels, preview, AudienceOptions.None, new AudienceChoices());

    /// <summary>The audience card: who, which language, topic, when; the count for the current choice; Count, Start, Preview.</summary>
    public static JsonObject Audience(Language language, long project, string title, int people, int channels, JsonObject? preview,
        AudienceOptions options, AudienceChoices choices, string? error = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(choices);
        var b = UiText.For(language).Broadcasts;
        var body = new List<JsonNode> { Card.Title(F(b.AudienceTitle, project, Markdown.Escape(title))) };
        if (error is not null)
        {
            body.Add(Card.Text(error, weight: "Bolder", color: "Attention"));
        }

        body.Add(Card.Text(F(b.Counts, people, channels)));
        body.Add(Card.Choices("audience", b.AudienceLabel, [(b.AudiencePeople, "people"), (b.AudienceChannels, "channels"), (b.AudienceBoth, "both")], choices.Audience, expanded: true));

        var targets = new List<(string, string)> { (b.TargetAll, "all") };
        if (options.Teams.Count > 0)
        {
            targets.Add((b.TargetTeams, "teams"));
        }

        if (options.Groups is { Count: > 0 })
        {
            targets.Add((b.TargetGroup, "group"));
        }

        if (options.ProfileFit)
        {
            targets.Add((b.TargetFit, "fit"));
        }

        body.Add(Card.Choices("target", b.TargetLabel, targets, choices.Target));
        if (options.Teams.Count > 0)
        {
            body.Add(Card.Choices("teams", b.TeamsLabel, options.Teams.Select(t => (Markdown.Escape(t.Name), t.Id)),
                choices.Teams is { Count: > 0 } chosen ? string.Join(',', chosen) : null, multiSelect: true));
        }

        if (options.Groups is { Count: > 0 } groups)
        {
            body.Add(Card.Choices("group", b.GroupLabel, groups.Select(g => (Markdown.Escape(g.Name), g.Id)), choices.Group));
        }

        body.Add(Card.Choices("language", b.LanguageLabel, [(b.LanguageAll, "all"), (b.LanguageJapanese, "ja"), (b.LanguageEnglish, "en")], choices.Language));
        if (options.Topics.Count > 0)
        {
            body.Add(Card.Choices("topic", b.TopicLabel, options.Topics.Select(t => (t.Name, t.Key)).Prepend((b.TopicNone, "none")), choices.Topic ?? "none"));
        }

        body.Add(new JsonObject { ["type"] = "Input.Toggle", ["id"] = "resend", ["title"] = b.ResendLabel, ["value"] = choices.Resend ? "true" : "false", ["valueOn"] = "true", ["valueOff"] = "false" });
        body.Add(Card.Choices("when", b.WhenLabel, [(b.WhenNow, "now"), (b.WhenAt, "at")], choices.When, expanded: true));
        body.Add(Card.DateInput("date", b.DateLabel, choices.Date));
        var time = new JsonObject { ["type"] = "Input.Time", ["id"] = "time", ["label"] = F(b.TimeLabel, options.ZoneName) };
        if (!string.IsNullOrEmpty(choices.Time))
        {
            time["value"] = choices.Time;
        }

        body.Add(time);
        var data = new JsonObject { ["project"] = project };
        var actions = new List<JsonNode> { Card.Submit(b.ButtonStart, StartVerb, data), Card.Submit(b.ButtonCount, CountVerb, data.DeepClone().AsObject()) };
        if (preview is not null)
        {
            actions.Add(Card.ShowCard(b.ButtonPreview, Card.Inner(preview["body"]!.AsArray().Select(n => n!.DeepClone()))));
        }

        return Card.Create(body, actions);
    }

    /// <summary>Asked again above the threshold: "This goes to 850 people. Send?" with Send and Back (the choices travel in the data).</summary>
    public static JsonObject Confirm(Language language, long project, string title, int people, JsonObject choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var b = UiText.For(language).Broadcasts;
        var send = choices.DeepClone().AsObject();
        send["project"] = project;
        send["confirmed"] = "true";
        var back = choices.DeepClone().AsObject();
        back["project"] = project;
        return Card.Create(
            [Card.Title(F(b.AudienceTitle, project, Markdown.Escape(title))), Card.Text(F(b.ConfirmAsk, people), weight: "Bolder")],
            [Card.Submit(b.ButtonSend, StartVerb, send), Card.Submit(b.ButtonBack, CountVerb, back)]);
    }

    public static JsonObject Report(Language language, BroadcastProgress p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var b = UiText.For(language).Broadcasts;
        var actions = new List<JsonNode>();
        if (p.ScheduledFor is { } at && !p.Cancelled)
        {
            actions.Add(Card.Submit(b.ButtonCancelScheduled, CancelVerb, new JsonObject { ["broadcast"] = p.Id }));
            return Card.Create(
                [Card.Title(F(b.ReportTitle, p.Project, Markdown.Escape(p.ProjectTitle))), Card.Text(F(b.ReportScheduled, at, p.Project), weight: "Bolder")],
                actions);
        }

        var state = p.Cancelled ? b.ReportCancelled : p.Done ? b.ReportDone : b.ReportRunning;
        var facts = new List<(string, string)>
        {
            (b.FactSent, F(b.SentValue, p.Sent, p.Total)),
            (b.FactPending, N(p.Pending)),
            (b.FactFailed, N(p.Failed)),
            (b.FactBlocked, N(p.Blocked)),
            (b.FactNotInstalled, N(p.NotInstalled)),
            (b.FactRate, F(b.RateValue, p.RatePerSecond.ToString("F1", CultureInfo.InvariantCulture))),
        };
        if (!p.Done && p.Eta is { } eta)
        {
            // "about 4 minutes" reads at a glance; a stopwatch-style 00:03:27 did not.
            facts.Add((b.FactEta, eta < TimeSpan.FromMinutes(1) ? b.EtaUnderMinute : F(b.EtaMinutes, (int)Math.Ceiling(eta.TotalMinutes))));
        }

        var body = new List<JsonNode>
        {
            Card.Title(F(b.ReportTitle, p.Project, Markdown.Escape(p.ProjectTitle))), Card.Text(state, weight: "Bolder", color: p.Done ? "Good" : null), Card.Facts(facts),
        };
        if (p.Outcome is { } o)
        {
            var outcome = new List<(string, string)>
            {
                (b.FactDelivered, N(o.Delivered)), (b.FactOpened, N(o.Opened)), (b.FactClicked, N(o.Clicked)), (b.FactSignedUp, N(o.SignedUp)),
                (b.FactChatsCreated, N(o.ChatsCreated)),
            };
            if (o.Deferred > 0)
            {
                outcome.Add((b.FactDeferred, N(o.Deferred)));
            }

            body.Add(Card.Heading(b.OutcomeTitle));
            body.Add(Card.Facts(outcome));
            body.Add(Card.Text(b.OpenedNote, subtle: true));
        }

        if (!p.Done)
        {
            actions.Add(Card.Submit(b.ButtonCancel, CancelVerb, new JsonObject { ["broadcast"] = p.Id }));
        }
        else if (p.FailuresUrl is not null)
        {
            actions.Add(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = b.ButtonDownload, ["url"] = p.FailuresUrl });
        }

        return Card.Create(body, actions);
    }

    /// <summary>One card listing the projects that waited for a person over the daily cap, each with Sign up.</summary>
    public static JsonObject Digest(UiText text, IReadOnlyList<(long Number, string Title, string Summary)> projects)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(projects);
        var b = text.Broadcasts;
        var body = new List<JsonNode> { Card.Title(b.DigestTitle), Card.Text(b.DigestIntro) };
        foreach (var (number, title, summary) in projects)
        {
            body.Add(Card.Container(
                [
                    Card.Heading($"#{number} {Markdown.Escape(title)}"),
                    Card.Text(Markdown.Escape(Projects.SummaryText.Preview(summary))),
                    Card.Actions([Card.Submit(text.Projects.ButtonSignUp, Projects.ProjectVerbs.SignUp, new JsonObject { ["project"] = number })]),
                ], separator: true));
        }

        return Card.Create(body);
    }

    /// <summary>The topics card: which kinds of project a person wants broadcasts about (none chosen: all).</summary>
    public static JsonObject Topics(Language language, IReadOnlyList<(string Key, string Name)> topics, IReadOnlyCollection<string> chosen)
    {
        ArgumentNullException.ThrowIfNull(topics);
        ArgumentNullException.ThrowIfNull(chosen);
        var b = UiText.For(language).Broadcasts;
        return Card.Create(
            [
                Card.Title(b.TopicsTitle),
                Card.Text(b.TopicsIntro),
                Card.Choices("topics", b.TopicsLabel, topics.Select(t => (t.Name, t.Key)), chosen.Count > 0 ? string.Join(',', chosen) : null, multiSelect: true, expanded: true),
            ],
            [Card.Submit(b.ButtonSaveTopics, TopicsVerb)]);
    }

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
}
