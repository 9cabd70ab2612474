using ProBonoBot.Cards;
using ProBonoBot.Hosting;
using ProBonoBot.People;
using ProBonoBot.Projects;

namespace ProBonoBot.Impact;

/// <summary>
/// <c>GET /reports/{fy}.png</c> and <c>/reports/{fy}.csv</c>: signed for one club leader and one fiscal year, expiring. A bad or
/// expired signature is 401; a signed person who is no longer a club leader is 403.
/// </summary>
public static class ReportEndpoints
{
    public static async Task<IResult> ChartAsync(int fy, string? lang, string? user, string? expires, string? sig,
        ReportLinks links, LeaderDirectory leaders, ReportService reports, CancellationToken ct)
    {
        if (await RefusalAsync(fy, user, expires, sig, links, leaders, ct) is { } refusal)
        {
            return refusal;
        }

        var language = lang == "ja" ? Language.Japanese : Language.English;
        return Results.Bytes(ReportChart.Render(await reports.BuildAsync(fy, ct), language), "image/png");
    }

    public static async Task<IResult> CsvAsync(int fy, string? user, string? expires, string? sig,
        ReportLinks links, LeaderDirectory leaders, ReportService reports, LanguageResolver languages, CancellationToken ct)
    {
        if (await RefusalAsync(fy, user, expires, sig, links, leaders, ct) is { } refusal)
        {
            return refusal;
        }

        // Headers in the language of the leader the link was signed for.
        var language = await languages.ForPersonAsync(user!, Language.Japanese, ct);
        var csv = ReportCsv.Build(await reports.BuildAsync(fy, ct), language);
        return Results.File(System.Text.Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", $"club-report-FY{fy}.csv");
    }

    private static async Task<IResult?> RefusalAsync(int fy, string? user, string? expires, string? sig, ReportLinks links, LeaderDirectory leaders, CancellationToken ct)
    {
        if (fy is < 2000 or > 2100 || !await links.VerifyAsync(fy, user, LinkSigner.ParseExpiry(expires), sig, ct))
        {
            return Results.Json(new { error = new { code = "Unauthorized", message = "The link is not valid or has expired." } }, statusCode: 401);
        }

        return await leaders.IsLeaderAsync(user, ct)
            ? null
            : Results.Json(new { error = new { code = "Forbidden", message = "The club report is for club leaders." } }, statusCode: 403);
    }
}
