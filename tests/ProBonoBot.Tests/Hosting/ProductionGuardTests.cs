namespace ProBonoBot.Tests.Hosting;

public sealed class ProductionGuardTests
{
    [Fact]
    public async Task Start_ProductionWithoutAppId_RefusesWithOneLineReason()
    {
        var error = await Record.ExceptionAsync(() => BotHost.StartAsync(anonymous: true, environment: "Production"));

        Assert.NotNull(error);
        var message = Flatten(error);
        Assert.Contains("Refusing to start: MicrosoftAppId is empty in Production", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ProductionWithAppId_Starts()
    {
        await using var bot = await BotHost.StartAsync(environment: "Production");

        Assert.Equal(System.Net.HttpStatusCode.OK, (await bot.Client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task Start_DevelopmentWithoutAppId_StartsInLocalMode()
    {
        await using var bot = await BotHost.StartAsync(anonymous: true, environment: "Development");

        Assert.Equal(System.Net.HttpStatusCode.OK, (await bot.Client.GetAsync("/healthz")).StatusCode);
    }

    private static string Flatten(Exception error) =>
        error is AggregateException aggregate ? string.Join(" | ", aggregate.InnerExceptions.Select(Flatten)) : error.Message + (error.InnerException is { } inner ? " | " + Flatten(inner) : string.Empty);
}
