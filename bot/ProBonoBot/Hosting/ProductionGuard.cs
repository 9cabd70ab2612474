using Microsoft.Extensions.Options;
using ProBonoBot.Protocol.Auth;

namespace ProBonoBot.Hosting;

/// <summary>
/// Outside the Development environment the bot refuses to start in local-development mode: without
/// <c>MicrosoftAppId</c> it would accept anonymous requests, which is for the Agents Playground on a developer's
/// machine only. Staging, Production and any other environment need an app id.
/// </summary>
public sealed class ProductionGuard(IHostEnvironment environment) : IValidateOptions<BotFrameworkOptions>
{
    public ValidateOptionsResult Validate(string? name, BotFrameworkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return !environment.IsDevelopment() && options.IsLocalDevelopment
            ? ValidateOptionsResult.Fail(
                $"Refusing to start: MicrosoftAppId is empty in {environment.EnvironmentName}, which would accept anonymous requests; that mode runs only with ASPNETCORE_ENVIRONMENT=Development. Set MicrosoftAppId (and its credentials).")
            : ValidateOptionsResult.Success;
    }
}
