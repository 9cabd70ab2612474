using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace ProBonoBot.Hosting;

/// <summary>
/// Where the bot listens when nothing says otherwise: <c>http://127.0.0.1:3978</c>, the Bot Framework's usual port,
/// on loopback so that a developer's bot is not reachable from the network. Any of the hosting conventions replaces
/// it: <c>ASPNETCORE_URLS</c>, <c>ASPNETCORE_HTTP_PORTS</c> / <c>HTTPS_PORTS</c> (set by the .NET container
/// images), <c>--urls</c>, a <c>Urls</c> setting or <c>Kestrel:Endpoints</c>.
/// </summary>
public static class DefaultAddress
{
    public const int Port = 3978;

    /// <summary>Listens on the default address when no address is configured.</summary>
    public static void Apply(KestrelServerOptions kestrel)
    {
        ArgumentNullException.ThrowIfNull(kestrel);

        // Read at server start from the final configuration, so settings added late (tests, command line) count.
        var configuration = kestrel.ApplicationServices.GetRequiredService<IConfiguration>();
        if (IsNeeded(configuration))
        {
            kestrel.Listen(IPAddress.Loopback, Port);
        }
    }

    /// <summary>True when none of the hosting conventions names an address.</summary>
    public static bool IsNeeded(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return string.IsNullOrWhiteSpace(configuration["urls"])
            && string.IsNullOrWhiteSpace(configuration["http_ports"])
            && string.IsNullOrWhiteSpace(configuration["https_ports"])
            && !configuration.GetSection("Kestrel:Endpoints").Exists();
    }
}
