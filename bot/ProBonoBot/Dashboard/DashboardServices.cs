using System.Collections.Frozen;
using System.Security.Cryptography;

namespace ProBonoBot.Dashboard;

/// <summary>
/// Wires the leaders' dashboard tab: static pages (one HTML shell, one ES module, one stylesheet and the npm-served
/// Chart.js and teams-js files, embedded in the assembly) at <c>/dashboard</c>, and JSON at <c>/dashboard/api/…</c>
/// behind <see cref="DashboardAuth"/>.
/// </summary>
public static class DashboardServices
{
    /// <summary>The pages; each is the same shell, the script draws the page its path names.</summary>
    public static readonly IReadOnlyList<string> Pages = ["", "project", "broadcasts", "drafting", "club", "config"];

    /// <summary>Teams (desktop, web, mobile) and Microsoft 365 hosts that may frame the tab.</summary>
    private const string FrameAncestors =
        "'self' https://teams.microsoft.com https://*.teams.microsoft.com https://teams.cloud.microsoft https://*.cloud.microsoft https://*.office.com https://*.microsoft365.com https://*.skype.com";

    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors " + FrameAncestors;

    public static IServiceCollection AddDashboard(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DashboardOptions>().Bind(configuration.GetSection(DashboardOptions.Section))
            .Validate(o => o.BoardColumnLimit is >= 1 and <= 1000, "Dashboard:BoardColumnLimit must be between 1 and 1000.")
            .Validate(o => string.IsNullOrWhiteSpace(o.OpenIdMetadataUrl) || Uri.TryCreate(o.OpenIdMetadataUrl, UriKind.Absolute, out _),
                "Dashboard:OpenIdMetadataUrl must be an absolute URL.")
            .ValidateOnStart();
        services.AddSingleton<DashboardAuth>();
        services.AddSingleton<DashboardQueries>();
        services.AddSingleton<DashboardActions>();
        return services;
    }

    public static WebApplication MapDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var enabled = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DashboardOptions>>().Value.Enabled;
        if (!enabled)
        {
            return app;
        }

        foreach (var page in Pages)
        {
            app.MapGet(page.Length == 0 ? "/dashboard" : $"/dashboard/{page}", (HttpContext http) => Asset(http, "index.html"));
        }

        app.MapGet("/dashboard/assets/{name}", (HttpContext http, string name) => Asset(http, name));

        var api = app.MapGroup("/dashboard/api").AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            http.Response.Headers.CacheControl = "no-store";
            var user = await http.RequestServices.GetRequiredService<DashboardAuth>().AuthenticateAsync(http, http.RequestAborted).ConfigureAwait(false);
            if (user.Status != StatusCodes.Status200OK)
            {
                var code = user.Status == StatusCodes.Status403Forbidden ? "Forbidden" : "Unauthorized";
                return Results.Json(new { error = new { code, message = user.Reason } }, statusCode: user.Status);
            }

            http.Items[typeof(DashboardUser)] = user;
            return await next(context).ConfigureAwait(false);
        });
        api.MapGet("/me", (HttpContext http) =>
        {
            var user = (DashboardUser)http.Items[typeof(DashboardUser)]!;
            return Results.Json(new { leader = true, local = user.Local, name = user.Name });
        });
        api.MapGet("/board", (string? status, string? q, DashboardQueries queries, CancellationToken ct) => queries.BoardAsync(status, q, ct));
        api.MapGet("/projects/{number:long}", async (long number, DashboardQueries queries, CancellationToken ct) =>
            await queries.ProjectAsync(number, ct).ConfigureAwait(false) is { } project ? Results.Json(project) : NotFound());
        api.MapGet("/broadcasts", (DashboardQueries queries, CancellationToken ct) => queries.BroadcastsAsync(ct));
        api.MapGet("/broadcasts/{id:long}", async (long id, DashboardQueries queries, CancellationToken ct) =>
            await queries.BroadcastAsync(id, ct).ConfigureAwait(false) is { } broadcast ? Results.Json(broadcast) : NotFound());
        api.MapGet("/drafting", (DashboardQueries queries, CancellationToken ct) => queries.DraftingAsync(ct));
        api.MapGet("/club", DashboardClub.GetAsync);
        DashboardActions.Map(api);
        return app;
    }

    /// <summary>
    /// Actions must be JSON: a cross-site form post (text/plain or a form type, no preflight) never reaches them, which
    /// matters in local development where loopback alone lets a request in. The Origin, when sent, must name this host
    /// (compared without the scheme: behind a TLS-terminating front end such as App Service the request arrives as http
    /// while the page's origin is https).
    /// </summary>
    internal static bool IsJsonPost(HttpRequest request) => Hosting.LocalRequestGate.IsJson(request.ContentType)
        && (request.Headers.Origin.Count == 0
            || (Uri.TryCreate(request.Headers.Origin.ToString(), UriKind.Absolute, out var origin)
                && string.Equals(origin.IsDefaultPort ? origin.Host : origin.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)));

    private static IResult NotFound() => Results.Json(new { error = new { code = "NotFound", message = "Not found." } }, statusCode: 404);

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly Lazy<FrozenDictionary<string, (byte[] Body, string ETag)>> Assets = new(LoadAssets);

    private static FrozenDictionary<string, (byte[] Body, string ETag)> LoadAssets()
    {
        var assembly = typeof(DashboardServices).Assembly;
        const string prefix = "ProBonoBot.Dashboard.Web.";
        var assets = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            var body = memory.ToArray();
            assets[resource[prefix.Length..]] = (body, "\"" + Convert.ToHexStringLower(SHA256.HashData(body))[..16] + "\"");
        }

        return assets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static IResult Asset(HttpContext http, string name)
    {
        if (!Assets.Value.TryGetValue(name, out var asset) || !ContentTypes.TryGetValue(Path.GetExtension(name), out var type))
        {
            return Results.NotFound();
        }

        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.ETag = asset.ETag;
        // The shell is revalidated each time (it is small); scripts and styles for an hour, revalidated by ETag.
        headers.CacheControl = name.EndsWith(".html", StringComparison.Ordinal) ? "no-cache" : "public, max-age=3600";
        if (name.EndsWith(".html", StringComparison.Ordinal))
        {
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers["Referrer-Policy"] = "no-referrer";
        }

        if (http.Request.Headers.IfNoneMatch.ToString() == asset.ETag)
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(asset.Body, type);
    }
}
