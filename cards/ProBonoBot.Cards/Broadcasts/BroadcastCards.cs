using System.Globalization;
using System.Text.Json.Nodes;
using ProBonoBot.Cards.Json;

namespace ProBonoBot.Cards.Broadcasts;

/// <summary>Where a broadcast stands, for its report card.</summary>
public sealed record BroadcastProgress(
    long Id, long Project, string ProjectTitle, int Total, int Sent, int Pending, int Failed, int Blocked, int NotInstalled,
    double RatePerSecond, TimeSpan? Eta, bool Done, bool Cancelled, string? FailuresUrl);

/// <summary>The leader's cards: choosing the audience, and the live delivery report.</summary>
public static class BroadcastCards
{
    public const string StartVerb = "broadcastStart";
    public const string CancelVerb = "broadcastCancel";

    private static string F(string format, params object?[] args) => ProBonoBot.Cards.Wording.Plurals.Format(format, args);

    /// <param name="preview">The announcement card as recipients will see it (shown on demand).</param>
    public static JsonObject Audience(Language language, long project, string title, int people, int channels, JsonObject? preview = null)
    {
        var b = UiText.For(language).Broadcasts;
        return Card.Create(
            [
                Card.Title(F(b.AudienceTitle, project, Markdown.Escape(title))),
                Card.Text(F(b.Counts, people, channels)),
                Card.Choices("audience", b.AudienceLabel, [(b.AudiencePeople, "people"), (b.AudienceChannels, "channels"), (b.AudienceBoth, "both")], "both", expanded: true),
                new JsonObject { ["type"] = "Input.Toggle", ["id"] = "resend", ["title"] = b.ResendLabel, ["value"] = "false", ["valueOn"] = "true", ["valueOff"] = "false" },
            ],
            preview is null
                ? [Card.Submit(b.ButtonStart, StartVerb, new JsonObject { ["project"] = project })]
                : [Card.Submit(b.ButtonStart, StartVerb, new JsonObject { ["project"] = project }),
                   Card.ShowCard(b.ButtonPreview, Card.Inner(preview["body"]!.AsArray().Select(n => n!.DeepClone())))]);
    }

    public static JsonObject Report(Language language, BroadcastProgress p)
    {
        var b = UiText.For(language).Broadcasts;
        var state = p.Cancelled ? b.ReportCancelled : p.Done ? b.ReportDone : b.ReportRunning;
        var facts = new List<(string, string)>
        {
            (b.FactSent, F(b.SentValue, p.Sent, p.Total)),
            (b.FactPending, p.Pending.ToString(CultureInfo.InvariantCulture)),
            (b.FactFailed, p.Failed.ToString(CultureInfo.InvariantCulture)),
            (b.FactBlocked, p.Blocked.ToString(CultureInfo.InvariantCulture)),
            (b.FactNotInstalled, p.NotInstalled.ToString(CultureInfo.InvariantCulture)),
            (b.FactRate, F(b.RateValue, p.RatePerSecond.ToString("F1", CultureInfo.InvariantCulture))),
        };
        if (!p.Done && p.Eta is { } eta)
        {
            // "about 4 minutes" reads at a glance; a stopwatch-style 00:03:27 did not.
            facts.Add((b.FactEta, eta < TimeSpan.FromMinutes(1) ? b.EtaUnderMinute : F(b.EtaMinutes, (int)Math.Ceiling(eta.TotalMinutes))));
        }

        var actions = new List<JsonNode>();
        if (!p.Done)
        {
            actions.Add(Card.Submit(b.ButtonCancel, CancelVerb, new JsonObject { ["broadcast"] = p.Id }));
        }
        else if (p.FailuresUrl is not null && p.Failed + p.Blocked + p.NotInstalled > 0)
        {
            actions.Add(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = b.ButtonDownload, ["url"] = p.FailuresUrl });
        }

        return Card.Create(
            [Card.Title(F(b.ReportTitle, p.Project, Markdown.Escape(p.ProjectTitle))), Card.Text(state, weight: "Bolder", color: p.Done ? "Good" : null), Card.Facts(facts)],
            actions);
    }
}
