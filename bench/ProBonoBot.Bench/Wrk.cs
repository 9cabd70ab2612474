using System.Globalization;
using System.Text.RegularExpressions;

namespace ProBonoBot.Bench;

/// <summary>One wrk run's numbers.</summary>
internal sealed record WrkResult(long Requests, double Seconds, double P50Ms, double P99Ms, long Non2xx, long SocketErrors);

/// <summary>Drives wrk (Debian package) with a Lua script that gives every request a unique activity id.</summary>
internal static partial class Wrk
{
    public static async Task<WrkResult> RunAsync(string url, string script, int connections, TimeSpan duration)
    {
        var output = await Processes.RunAsync("wrk", ["-t", "1", "-c", connections.ToString(CultureInfo.InvariantCulture),
            "-d", $"{(int)duration.TotalSeconds}s", "--latency", "--timeout", "10s", "-s", script, url]);
        var requests = long.Parse(RequestsLine().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var seconds = double.Parse(RequestsLine().Match(output).Groups[2].Value, CultureInfo.InvariantCulture);
        var non2xx = NonSuccess().Match(output) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var errors = SocketErrors().Match(output) is { Success: true } e
            ? e.Groups.Cast<Group>().Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture))
            : 0;
        return new WrkResult(requests, seconds, Percentile(output, "50%"), Percentile(output, "99%"), non2xx, errors);
    }

    private static double Percentile(string output, string label)
    {
        var match = Regex.Match(output, $@"^\s*{Regex.Escape(label)}\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    /// <summary>A Lua script posting a Teams-shaped 'help' message with a valid token, unique ids and 200 users.</summary>
    public static string WriteScript(string token, string serviceUrl, string runId)
    {
        var path = Path.Combine(Path.GetTempPath(), $"probonobot-bench-{runId}.lua");
        File.WriteAllText(path, """
            local counter = 0
            local token = "@token@"
            local service = "@serviceUrl@"
            local run = "@runId@"
            request = function()
              counter = counter + 1
              local user = counter % 200
              local body = '{"type":"message","id":"' .. run .. '-' .. counter .. '","channelId":"msteams","serviceUrl":"' .. service ..
                '","from":{"id":"29:user-' .. user .. '","name":"Bench User","aadObjectId":"aad-bench-' .. user ..
                '"},"conversation":{"id":"a:bench-' .. user .. '","conversationType":"personal","tenantId":"tenant-bench"},' ..
                '"recipient":{"id":"28:bench-app","name":"ProBonoBot"},"text":"help","textFormat":"plain","locale":"en-US",' ..
                '"entities":[{"type":"clientInfo","locale":"en-US"}],"channelData":{"tenant":{"id":"tenant-bench"}}}'
              return wrk.format("POST", "/api/messages", {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token}, body)
            end
            """.Replace("@token@", token, StringComparison.Ordinal)
               .Replace("@serviceUrl@", serviceUrl, StringComparison.Ordinal)
               .Replace("@runId@", runId, StringComparison.Ordinal));
        return path;
    }

    [GeneratedRegex(@"(\d+) requests in ([\d.]+)s")]
    private static partial Regex RequestsLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex NonSuccess();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrors();
}
