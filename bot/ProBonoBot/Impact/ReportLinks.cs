using System.Globalization;
using Microsoft.Extensions.Options;
using ProBonoBot.Cards;
using ProBonoBot.Hosting;

namespace ProBonoBot.Impact;

/// <summary>Signed, expiring links to a fiscal year's chart and CSV, for one club leader.</summary>
public sealed class ReportLinks(LinkSigner links, IOptions<BotHostOptions> host, IOptions<ImpactOptions> options)
{
    /// <summary>The chart's and the CSV's URLs.</summary>
    public async Task<(string Chart, string Csv)> UrlsAsync(int fiscalYear, string aad, Language language, CancellationToken ct)
    {
        var (expires, sig) = await links.SignAsync(Subject(fiscalYear, aad), options.Value.LinkLifetime, ct);
        var lang = language == Language.Japanese ? "ja" : "en";
        var query = string.Create(CultureInfo.InvariantCulture, $"user={Uri.EscapeDataString(aad)}&expires={expires}&sig={sig}");
        var root = string.Create(CultureInfo.InvariantCulture, $"{host.Value.PublicBaseUrl.TrimEnd('/')}/reports/{fiscalYear}");
        return ($"{root}.png?lang={lang}&{query}", $"{root}.csv?{query}");
    }

    public Task<bool> VerifyAsync(int fiscalYear, string? aad, long expires, string? signature, CancellationToken ct) =>
        aad is null ? Task.FromResult(false) : links.VerifyAsync(Subject(fiscalYear, aad), expires, signature, ct);

    private static string Subject(int fiscalYear, string aad) => string.Create(CultureInfo.InvariantCulture, $"report:{fiscalYear}:{aad}");
}
