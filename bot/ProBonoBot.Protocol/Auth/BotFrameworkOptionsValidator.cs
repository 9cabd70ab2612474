using Microsoft.Extensions.Options;

namespace ProBonoBot.Protocol.Auth;

/// <summary>Fails start-up with a one-line reason when the Bot Framework settings do not fit together.</summary>
public sealed class BotFrameworkOptionsValidator : IValidateOptions<BotFrameworkOptions>
{
    private static readonly string[] AppTypes = ["SingleTenant", "MultiTenant", "UserAssignedMSI"];

    public ValidateOptionsResult Validate(string? name, BotFrameworkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!AppTypes.Contains(options.MicrosoftAppType, StringComparer.OrdinalIgnoreCase))
        {
            failures.Add($"MicrosoftAppType must be one of {string.Join(", ", AppTypes)} (got '{options.MicrosoftAppType}').");
        }

        if (!options.IsLocalDevelopment)
        {
            var msi = string.Equals(options.MicrosoftAppType, "UserAssignedMSI", StringComparison.OrdinalIgnoreCase);
            var multi = string.Equals(options.MicrosoftAppType, "MultiTenant", StringComparison.OrdinalIgnoreCase);
            if (!multi && string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId))
            {
                failures.Add($"MicrosoftAppTenantId is required when MicrosoftAppType is {options.MicrosoftAppType}.");
            }

            if (!msi && string.IsNullOrWhiteSpace(options.MicrosoftAppPassword))
            {
                failures.Add("MicrosoftAppPassword is required when MicrosoftAppId is set (except for UserAssignedMSI).");
            }
        }

        // The Bot Framework SDK reads "*" as "any caller"; here any app in the tenant could then act as any
        // person, so only explicit app ids are accepted.
        if (options.AllowedCallers.Any(c => string.IsNullOrWhiteSpace(c) || c.Trim() == "*"))
        {
            failures.Add("AllowedCallers must list app ids; '*' (any caller) and empty entries are not accepted.");
        }

        CheckUrl(options.ToBotFromChannelOpenIdMetadataUrl, nameof(options.ToBotFromChannelOpenIdMetadataUrl), failures);
        CheckUrl(options.ToBotFromEntraOpenIdMetadataUrl, nameof(options.ToBotFromEntraOpenIdMetadataUrl), failures);
        CheckUrl(options.ToChannelFromBotLoginUrl, nameof(options.ToChannelFromBotLoginUrl), failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckUrl(string? value, string key, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri))
        {
            failures.Add($"{key} is not an absolute URL: '{value}'.");
        }
        else if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
        {
            failures.Add($"{key} must use https (plain http is accepted only for loopback hosts): '{value}'.");
        }
    }
}
