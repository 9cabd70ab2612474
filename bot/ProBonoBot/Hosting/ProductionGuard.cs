using Microsoft.Extensions.Options;
using ProBonoBot.Protocol.Auth;

namespace ProBonoBot.Hosting;

/// <summary>
/// In Production the bot refuses to start in local-development mode: without <c>MicrosoftAppId</c> it would
/// accept anonymous requests, which is for the Agents Playground on a developer's machine only.
/// </summary>
public sealed class ProductionGuard(IHostEnvironment environment) : IValidateOptions<BotFrameworkOptions>
{
    public ValidateOptionsResult Validate(string? name, BotFrameworkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return environment.IsProduction() && options.IsLocalDevelopment
            ? ValidateOptionsResult.Fail(
                "Refusing to start: MicrosoftAppId is empty in Production, which would accept anonymous requests. Set MicrosoftAppId (and its credentials), or run with ASPNETCORE_ENVIRONMENT=Development for local testing.")
            : ValidateOptionsResult.Success;
    }
}
