using System.Text.Json;
using Microsoft.Extensions.Options;
using ProBonoBot.Projects;

namespace ProBonoBot.Drafting;

/// <summary>Wiring of AI drafting, and the manual download.</summary>
public static class DraftingEndpoints
{
    public static IServiceCollection AddDrafting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DraftingOptions>().Bind(configuration.GetSection(DraftingOptions.Section))
            .Validate(o => o.Provider == DraftingProvider.Offline || !string.IsNullOrWhiteSpace(o.Model), "Drafting:Model is required for a model provider.")
            .Validate(o => o.Provider is not (DraftingProvider.AzureOpenAI or DraftingProvider.OpenAICompatible) || Uri.TryCreate(o.Endpoint, UriKind.Absolute, out _),
                "Drafting:Endpoint must be an absolute URL for AzureOpenAI and OpenAICompatible.")
            .Validate(o => o.Provider != DraftingProvider.OpenAI || !string.IsNullOrWhiteSpace(o.ApiKey), "Drafting:ApiKey is required for OpenAI.")
            .Validate(o => o.Timeout > TimeSpan.Zero && o.JobTimeout > TimeSpan.Zero && o.JobTimeout <= TimeSpan.FromSeconds(115),
                "Drafting:Timeout must be positive and Drafting:JobTimeout between 0 and 115 s (Teams ends streams after 2 minutes).")
            .Validate(o => o.MaxRetries is >= 0 and <= 5 && o.MaxOutputTokens is >= 256 and <= 32000 && o.RequestsPerUserPerHour >= 1 && o.MaxNeedChars is >= 200 and <= 20000,
                "Drafting:MaxRetries (0–5), MaxOutputTokens (256–32000), RequestsPerUserPerHour (≥1) and MaxNeedChars (200–20000) must be in range.")
            .Validate(o => o.StreamInterval >= TimeSpan.FromSeconds(1), "Drafting:StreamInterval must be at least 1 s (Teams allows one streamed update per second).")
            .ValidateOnStart();
        services.AddSingleton(sp => DraftingModel.Create(sp.GetRequiredService<IOptions<DraftingOptions>>().Value));
        services.AddSingleton<ModelCaller>();
        services.AddSingleton<DraftingStore>();
        services.AddSingleton<BriefApproval>();
        services.AddSingleton<Feedback.FeedbackStore>();
        services.AddSingleton<ITokenBudget>(sp => sp.GetRequiredService<DraftingStore>());
        services.AddSingleton<BriefDrafter>();
        services.AddSingleton<ManualDrafter>();
        services.AddSingleton<ProjectAccess>();
        services.AddSingleton<ManualLinks>();
        services.AddSingleton<DraftingSignal>();
        services.AddSingleton<DraftingQueue>();
        services.AddSingleton<DraftingJobRunner>();
        services.AddSingleton<DraftingWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<DraftingWorker>());
        return services;
    }

    /// <summary>The manual as Markdown, for the person the link was made for while they may still see it.</summary>
    public static async Task<IResult> DownloadManualAsync(long id, string? user, string? expires, string? sig,
        ManualLinks links, DraftingStore store, ProjectStore projects, ProjectAccess access, CancellationToken ct)
    {
        if (!await links.VerifyAsync(id, user, Hosting.LinkSigner.ParseExpiry(expires), sig, ct).ConfigureAwait(false))
        {
            return Results.Json(new { error = new { code = "Unauthorized", message = "The link is not valid or has expired." } }, statusCode: 401);
        }

        var manual = await store.ManualAsync(id, ct).ConfigureAwait(false);
        var project = manual is null ? null : await projects.GetAsync(manual.ProjectNumber, ct).ConfigureAwait(false);
        if (manual is null || project is null)
        {
            return Results.Json(new { error = new { code = "NotFound", message = "The manual no longer exists." } }, statusCode: 404);
        }

        if (!await access.CanUseManualsAsync(project, user!, ct).ConfigureAwait(false))
        {
            return Results.Json(new { error = new { code = "Forbidden", message = "Only the project's members and leaders can download its manuals." } }, statusCode: 403);
        }

        var document = JsonSerializer.Deserialize(manual.DocumentJson, DraftingJsonContext.Default.ManualDocument)!;
        var file = $"project-{project.Number}-{manual.Kind}-v{manual.Version}.md";
        return Results.File(System.Text.Encoding.UTF8.GetBytes(document.ToMarkdown()), "text/markdown; charset=utf-8", file);
    }
}
