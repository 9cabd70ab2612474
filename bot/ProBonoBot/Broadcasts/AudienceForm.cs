using System.Globalization;
using System.Text.Json.Nodes;
using ProBonoBot.Cards;
using ProBonoBot.Cards.Broadcasts;
using ProBonoBot.Hosting;
using ProBonoBot.Protocol.Routing;

namespace ProBonoBot.Broadcasts;

/// <summary>
/// The audience card's answer, read and checked against what the card offered: card data can be edited, so a team the
/// bot is not in, a group not listed, an unknown language, target or topic, or a time that is not a real local time is
/// refused with a clear sentence and nothing is sent.
/// </summary>
public sealed record AudienceForm(AudienceChoices Choices, Targeting Targeting, DateTimeOffset? SendAt)
{
    /// <summary>The choices as card data (for the confirm card's Send and Back).</summary>
    public JsonObject ToData()
    {
        var c = Choices;
        var data = new JsonObject
        {
            ["audience"] = c.Audience, ["resend"] = c.Resend ? "true" : "false", ["target"] = c.Target, ["language"] = c.Language,
            ["when"] = c.When, ["topic"] = c.Topic ?? "none",
        };
        if (c.Teams is { Count: > 0 })
        {
            data["teams"] = string.Join(',', c.Teams);
        }

        if (c.Group is not null)
        {
            data["group"] = c.Group;
        }

        if (c.Date is not null)
        {
            data["date"] = c.Date;
        }

        if (c.Time is not null)
        {
            data["time"] = c.Time;
        }

        return data;
    }

    /// <summary>What the leader chose, as far as it can be read (for redrawing the card), without checking it.</summary>
    public static AudienceChoices Read(TurnContext turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        string? S(string name) => turn.DataString(name) is { Length: > 0 and <= 2000 } v ? v.Trim() : null;
        var teams = S("teams")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        var topic = S("topic");
        return new AudienceChoices(
            S("audience") ?? "both", S("resend") == "true", S("target") ?? Targeting.All, teams, S("group"), S("language") ?? Targeting.All,
            topic is null or "none" ? null : topic, S("when") ?? "now", S("date"), S("time"));
    }

    /// <summary>Reads and checks the answer; <c>Error</c> is a sentence in the leader's language when it cannot be used.</summary>
    public static (AudienceForm? Form, string? Error) Parse(TurnContext turn, AudienceOptions options, Language language, string zoneId, DateTimeOffset now, TimeSpan maxAhead, bool withTime = true)
    {
        ArgumentNullException.ThrowIfNull(options);
        var b = UiText.For(language).Broadcasts;
        var c = Read(turn);
        if (!Targeting.Audiences.Contains(c.Audience) || !Targeting.Targets.Contains(c.Target) || !Targeting.Languages.Contains(c.Language)
            || c.When is not ("now" or "at") || (c.Topic is not null && !options.Topics.Any(t => t.Key == c.Topic)))
        {
            return (null, b.ErrorChoice);
        }

        switch (c.Target)
        {
            case Targeting.ByTeams when c.Teams is not { Count: > 0 } || c.Teams.Any(t => !options.Teams.Any(o => o.Id == t)):
                return (null, b.ErrorTeam);
            case Targeting.ByGroup when c.Group is null || options.Groups is null || !options.Groups.Any(g => g.Id == c.Group):
                return (null, b.ErrorGroup);
            case Targeting.ByFit when !options.ProfileFit:
                return (null, b.ErrorFit);
        }

        // Only the chosen kind of target counts: teams picked but "everyone" chosen reaches everyone.
        var targeting = new Targeting(c.Audience, c.Resend, c.Target,
            c.Target == Targeting.ByTeams ? c.Teams : null, c.Target == Targeting.ByGroup ? c.Group : null, c.Language, c.Topic);
        DateTimeOffset? sendAt = null;
        if (c.When == "at" && withTime)
        {
            if (!DateOnly.TryParseExact(c.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                || !TimeOnly.TryParseExact(c.Time, ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            {
                return (null, b.ErrorTime);
            }

            var zone = zoneId == "UTC" ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(zoneId);
            var local = date.ToDateTime(time, DateTimeKind.Unspecified);
            if (zone.IsInvalidTime(local))
            {
                return (null, b.ErrorTime);
            }

            sendAt = new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
            if (sendAt <= now)
            {
                return (null, b.ErrorPast);
            }

            if (sendAt > now + maxAhead)
            {
                return (null, ProBonoBot.Cards.Wording.Plurals.Format(b.ErrorTooFar, (int)maxAhead.TotalDays));
            }
        }

        return (new AudienceForm(c, targeting, sendAt), null);
    }
}
