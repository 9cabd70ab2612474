using System.Globalization;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;

namespace ProBonoBot.Install.Proactive;

/// <summary>
/// What a failed Graph call means for one person. "Blocked" and "disabled in tenant" are final: Graph answers 403
/// when the tenant's app policy blocks the app for the person or the app is disabled, and asking again changes
/// nothing. Throttling (429) and server errors pass, so they are tried again later; any other answer is tried
/// again a limited number of times (a 403 for missing permissions stops being one once an admin consents).
/// </summary>
internal sealed record GraphFailure(int Status, string Code, bool Final, bool Throttled, TimeSpan? RetryAfter)
{
    // Graph's codes and messages for an app the person may not have: blocked by the app permission policy or the
    // admin, disabled in the tenant, not allowed for the person.
    private static readonly string[] BlockedWords = ["blocked", "disabled", "notallowed", "not allowed", "policy"];

    /// <summary>"403 AppBlocked" style: the status and Graph's error code, never message text (it can name people).</summary>
    public string Detail => $"{Status} {Code}".Trim();

    public static GraphFailure? From(Exception exception) => exception switch
    {
        ODataError odata => Classify(odata.ResponseStatusCode, odata.Error?.Code, odata.Error?.Message, odata.ResponseHeaders),
        ApiException api => Classify(api.ResponseStatusCode, null, null, api.ResponseHeaders),
        HttpRequestException => new GraphFailure(0, "NetworkError", Final: false, Throttled: false, RetryAfter: null),
        TaskCanceledException or TimeoutException => new GraphFailure(0, "Timeout", Final: false, Throttled: false, RetryAfter: null),
        _ => null,
    };

    private static GraphFailure Classify(int status, string? code, string? message, IDictionary<string, IEnumerable<string>>? headers)
    {
        var blocked = status == 403 && BlockedWords.Any(w =>
            (code?.Contains(w, StringComparison.OrdinalIgnoreCase) ?? false) || (message?.Contains(w, StringComparison.OrdinalIgnoreCase) ?? false));
        return new GraphFailure(status, code ?? string.Empty, Final: blocked, Throttled: status == 429, RetryAfter: RetryAfterOf(headers));
    }

    private static TimeSpan? RetryAfterOf(IDictionary<string, IEnumerable<string>>? headers)
    {
        var value = headers?.FirstOrDefault(h => string.Equals(h.Key, "Retry-After", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0
            ? TimeSpan.FromSeconds(Math.Min(seconds, 86_400))
            : null;
    }
}
