using System.Text;
using ProBonoBot.Cards;
using ProBonoBot.Cards.Broadcasts;
using ProBonoBot.Outbox;

namespace ProBonoBot.Broadcasts;

/// <summary>
/// The list of who a broadcast did not reach, for its leader: name, person or channel, a reason in the leader's
/// language and the ids last (for IT). Opened in a spreadsheet, so every field is quoted and a value starting with
/// = + - @ is prefixed with ' (it would otherwise run as a formula); a BOM makes Excel read the Japanese as UTF-8.
/// After the list, a blank line and the broadcast's figures (delivered, opened, clicked Sign up, signed up, chats opened,
/// waiting for the digest), one per row, so the same file answers "who was missed" and "what happened".
/// </summary>
public static class UndeliveredCsv
{
    public static string Build(IEnumerable<Undelivered> rows, Language language, BroadcastOutcome? outcome = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var text = UiText.For(language);
        var b = text.Broadcasts;
        var csv = new StringBuilder("\uFEFF").Append(b.CsvHeader).Append("\r\n");
        foreach (var row in rows)
        {
            var person = row.UserAad is not null;
            var name = person ? row.PersonName : ChannelName(text, row);
            csv.Append(Field(name)).Append(',')
                .Append(Field(person ? b.CsvPerson : b.CsvChannel)).Append(',')
                .Append(Field(Reason(b, (DeliveryStatus)row.Status))).Append(',')
                .Append(Field(row.Result)).Append(',')
                .Append(Field(row.UserAad)).Append(',')
                .Append(Field(row.ConversationId)).Append("\r\n");
        }

        if (outcome is not null)
        {
            csv.Append("\r\n").Append(b.CsvFigures).Append("\r\n");
            foreach (var (name, value) in new[]
            {
                (b.FactDelivered, outcome.Delivered), (b.FactOpened, outcome.Opened), (b.FactClicked, outcome.Clicked), (b.FactSignedUp, outcome.SignedUp),
                (b.FactChatsCreated, outcome.ChatsCreated), (b.FactDeferred, outcome.Deferred),
            })
            {
                csv.Append(Field(name)).Append(',').Append(Field(value.ToString(System.Globalization.CultureInfo.InvariantCulture))).Append("\r\n");
            }
        }

        return csv.ToString();
    }

    private static string? ChannelName(UiText text, Undelivered row)
    {
        var channel = row.TeamId is not null && row.ConversationId == row.TeamId ? text.Projects.ChannelGeneral : row.ChannelName;
        return row.TeamName is null ? channel : channel is null ? row.TeamName : $"{row.TeamName} — {channel}";
    }

    private static string Reason(Cards.Broadcasts.BroadcastTexts b, DeliveryStatus status) => status switch
    {
        DeliveryStatus.Blocked => b.CsvReasonBlocked,
        DeliveryStatus.NotFound => b.CsvReasonNotFound,
        DeliveryStatus.NotInstalled => b.CsvReasonNotInstalled,
        DeliveryStatus.Cancelled => b.CsvReasonCancelled,
        _ => b.CsvReasonFailed,
    };

    /// <summary>A CSV field, quoted, with formula-leading characters neutralised (spreadsheet injection).</summary>
    public static string Field(string? value)
    {
        var text = value ?? string.Empty;
        if (text.Length > 0 && "=+-@\t\r".Contains(text[0], StringComparison.Ordinal))
        {
            text = "'" + text;
        }

        return "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
