using ProBonoBot.Protocol.Auth;

namespace ProBonoBot.Protocol.Tests.Auth;

public class BotFrameworkOptionsValidatorTests
{
    private static string[] Validate(BotFrameworkOptions options) =>
        [.. new BotFrameworkOptionsValidator().Validate(null, options).Failures ?? []];

    [Fact]
    public void Validate_LocalDevelopmentDefaults_Succeeds() => Assert.Empty(Validate(new BotFrameworkOptions()));

    [Fact]
    public void Validate_UnknownAppType_Fails() =>
        Assert.Contains(Validate(new BotFrameworkOptions { MicrosoftAppType = "Anything" }), f => f.Contains("MicrosoftAppType", StringComparison.Ordinal));

    [Fact]
    public void Validate_SingleTenantWithoutTenant_Fails() =>
        Assert.Contains(Validate(new BotFrameworkOptions { MicrosoftAppId = "id", MicrosoftAppPassword = "p" }),
            f => f.Contains("MicrosoftAppTenantId", StringComparison.Ordinal));

    [Fact]
    public void Validate_AppIdWithoutPassword_Fails() =>
        Assert.Contains(Validate(new BotFrameworkOptions { MicrosoftAppId = "id", MicrosoftAppTenantId = "t" }),
            f => f.Contains("MicrosoftAppPassword", StringComparison.Ordinal));

    [Fact]
    public void Validate_ManagedIdentityWithoutPassword_Succeeds() =>
        Assert.Empty(Validate(new BotFrameworkOptions { MicrosoftAppType = "UserAssignedMSI", MicrosoftAppId = "id", MicrosoftAppTenantId = "t" }));

    [Theory]
    [InlineData("http://metadata.example.com/openid")]
    [InlineData("not a url")]
    public void Validate_MetadataUrlNotHttpsOrLoopback_Fails(string url) =>
        Assert.Contains(Validate(new BotFrameworkOptions { ToBotFromChannelOpenIdMetadataUrl = url }),
            f => f.Contains("ToBotFromChannelOpenIdMetadataUrl", StringComparison.Ordinal));

    [Fact]
    public void Validate_PlainHttpLoopbackMetadata_Succeeds() =>
        Assert.Empty(Validate(new BotFrameworkOptions { ToBotFromChannelOpenIdMetadataUrl = "http://127.0.0.1:5000/openid" }));

    [Theory]
    [InlineData("SingleTenant", "tenant-1", "https://login.microsoftonline.com/tenant-1/oauth2/v2.0/token")]
    [InlineData("MultiTenant", null, "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token")]
    public void ResolveLoginUrl_ByAppType_UsesTenantOrBotFramework(string type, string? tenant, string expected) =>
        Assert.Equal(expected, new BotFrameworkOptions { MicrosoftAppType = type, MicrosoftAppTenantId = tenant }.ResolveLoginUrl());

    [Theory]
    [InlineData("*")]
    [InlineData(" ")]
    public void Validate_AllowedCallersWildcardOrEmpty_FailsWithOneLine(string entry)
    {
        var options = new BotFrameworkOptions();
        options.AllowedCallers.Add(entry);

        Assert.Contains(Validate(options), f => f.Contains("AllowedCallers", StringComparison.Ordinal) && !f.Contains('\n', StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_AllowedCallersExplicitIds_Succeeds()
    {
        var options = new BotFrameworkOptions();
        options.AllowedCallers.Add("00000000-0000-0000-0000-0000000000aa");

        Assert.Empty(Validate(options));
    }
}
