using System.Net;
using System.Net.Sockets;

namespace ProBonoBot.Testing;

/// <summary>Finds a free loopback TCP port.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
