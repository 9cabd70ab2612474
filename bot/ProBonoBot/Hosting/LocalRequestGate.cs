using System.Net;
using Microsoft.Net.Http.Headers;

namespace ProBonoBot.Hosting;

/// <summary>
/// Extra checks for anonymous local-development mode, where loopback alone decides who may drive the bot. A web
/// page in the developer's browser can reach loopback too (a form post, fetch, or DNS rebinding), so requests
/// that look like a browser's are refused: a Host that is not a loopback name, an Origin that is not loopback,
/// or a body not sent as JSON (browsers send text/plain or form types without a preflight). The Agents Playground
/// posts <c>application/json</c> from Node, with no Origin, to 127.0.0.1 or localhost.
/// </summary>
public static class LocalRequestGate
{
    /// <summary>Null when the request may go on; else the status, the message for the client and a reason for the log.</summary>
    public static (int Status, string Message, string Reason)? Check(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsLoopbackName(request.Host.Host))
        {
            return (403, "In local-development mode only requests addressed to localhost or a loopback address are accepted.", "host is not loopback");
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && !IsLoopbackOrigin(origin))
        {
            return (403, "Requests from web pages (an Origin that is not loopback) are refused in local-development mode.", "foreign Origin");
        }

        if (!IsJson(request.ContentType))
        {
            return (415, "The activity must be sent with Content-Type: application/json.", "not application/json");
        }

        return null;
    }

    /// <summary>application/json, with or without parameters such as charset.</summary>
    public static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && string.Equals(media.MediaType.Value, "application/json", StringComparison.OrdinalIgnoreCase);

    private static bool IsLoopbackOrigin(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && IsLoopbackName(uri.Host);

    /// <summary>True for <c>localhost</c> and loopback IP addresses (IPv6 in brackets too), as a Host header carries them.</summary>
    public static bool IsLoopbackName(string host)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var bare = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        return IPAddress.TryParse(bare, out var address) && IPAddress.IsLoopback(address);
    }
}
