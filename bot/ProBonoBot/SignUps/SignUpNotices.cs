using System.Data.Common;
using System.Text.Json;
using Dapper;
using ProBonoBot.Cards;
using ProBonoBot.Cards.Json;
using ProBonoBot.Cards.SignUps;
using ProBonoBot.Cards.Wording;
using ProBonoBot.Outbox;
using ProBonoBot.Protocol.Activities;

namespace ProBonoBot.SignUps;

/// <summary>Builds the proactive messages of the sign-up flows, in each recipient's language.</summary>
public static class SignUpNotices
{
    public static string Text(string text) =>
        JsonSerializer.Serialize(new Activity { Type = ActivityTypes.Message, Text = text }, ProtocolJsonContext.Default.Activity);

    public static string CardActivity(System.Text.Json.Nodes.JsonObject card) =>
        JsonSerializer.Serialize(Activity.WithAdaptiveCard(card), ProtocolJsonContext.Default.Activity);

    /// <summary>The person's chosen language, else the project's language.</summary>
    public static async Task<Language> LanguageOfAsync(DbConnection c, DbTransaction? tx, string aad, string projectLanguage)
    {
        var code = await c.QuerySingleOrDefaultAsync<string?>("SELECT language FROM user_settings WHERE aad_object_id = @aad", new { aad }, tx)
            .ConfigureAwait(false);
        return (code ?? projectLanguage) == "en" ? Language.English : Language.Japanese;
    }

    public static OutboxItem ToPerson(string activity, string aad, string? teamsId, string? tenantId, string? serviceUrl, string? botId) =>
        new(activity, aad, teamsId, tenantId, botId, null, serviceUrl);

    /// <summary>The person's last reported time zone (see <see cref="People.PersonTimeZones"/>), or null.</summary>
    public static async Task<string?> TimeZoneOfAsync(DbConnection c, DbTransaction? tx, string aad) =>
        Times.Normalize(await c.QuerySingleOrDefaultAsync<string?>("SELECT time_zone FROM user_settings WHERE aad_object_id = @aad", new { aad }, tx));

    /// <summary>The answer-by time of an offer, in the recipient's zone and language.</summary>
    public static string Deadline(DateTimeOffset until, Language language, string? timeZone, DateTimeOffset now) =>
        Times.DateTime(until, language, timeZone, now);

    public static OutboxItem Offer(Language language, long project, string title, string roleName, string deadline, OfferTarget target) =>
        ToPerson(CardActivity(SignUpCards.Offer(language, project, title, roleName, deadline)),
            target.Aad, target.TeamsId, target.TenantId, target.ServiceUrl, target.BotId);
}

/// <summary>Where to reach a person offered a seat.</summary>
public sealed record OfferTarget(string Aad, string? TeamsId, string? TenantId, string? ServiceUrl, string? BotId);
