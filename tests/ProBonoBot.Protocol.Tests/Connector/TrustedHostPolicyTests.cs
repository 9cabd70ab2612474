using Microsoft.Extensions.Options;
using ProBonoBot.Protocol.Auth;
using ProBonoBot.Protocol.Connector;

namespace ProBonoBot.Protocol.Tests.Connector;

public class TrustedHostPolicyTests
{
    private static TrustedHostPolicy CreateSut(bool localDevelopment, params string[] extra)
    {
        var connector = new ConnectorOptions();
        foreach (var host in extra)
        {
            connector.TrustedHosts.Add(host);
        }

        return new TrustedHostPolicy(Options.Create(connector), Options.Create(new BotFrameworkOptions { MicrosoftAppId = localDevelopment ? null : "app" }));
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/teams/", true)]
    [InlineData("https://smba.trafficmanager.net/jp/tenant/", true)]
    [InlineData("https://europe.webchat.botframework.com/", true)]
    [InlineData("http://smba.trafficmanager.net/teams/", false)]
    [InlineData("https://botframework.com.evil.example/", false)]
    [InlineData("https://evilbotframework.com/", false)]
    [InlineData("https://smba.trafficmanager.net.evil.example/", false)]
    [InlineData("http://localhost:56150/_connector", false)]
    public void IsTrusted_DefaultsInProduction(string url, bool trusted) =>
        Assert.Equal(trusted, CreateSut(localDevelopment: false).IsTrusted(new Uri(url)));

    [Fact]
    public void IsTrusted_LoopbackInLocalDevelopment_True() =>
        Assert.True(CreateSut(localDevelopment: true).IsTrusted(new Uri("http://localhost:56150/_connector")));

    [Fact]
    public void IsTrusted_LoopbackConfiguredExplicitly_TrueOverPlainHttp() =>
        Assert.True(CreateSut(false, "127.0.0.1").IsTrusted(new Uri("http://127.0.0.1:9000/teams/")));

    [Fact]
    public void IsTrusted_LoopbackConfiguredWithOtherPort_False() =>
        Assert.False(CreateSut(false, "127.0.0.1:9001").IsTrusted(new Uri("http://127.0.0.1:9000/teams/")));
}
