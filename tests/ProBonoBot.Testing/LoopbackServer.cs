using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace ProBonoBot.Testing;

/// <summary>A tiny Kestrel server on a free loopback port; subclasses map their routes.</summary>
public abstract class LoopbackServer : IAsyncDisposable
{
    private WebApplication? _app;

    public Uri BaseUri { get; private set; } = null!;

    public int Port { get; private set; }

    /// <summary>Starts the server; returns itself for chaining.</summary>
    protected async Task StartCoreAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        Port = FreePort.Next();
        builder.WebHost.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, Port));
        _app = builder.Build();
        Map(_app);
        await _app.StartAsync();
        BaseUri = new Uri($"http://127.0.0.1:{Port}/");
    }

    protected abstract void Map(WebApplication app);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
