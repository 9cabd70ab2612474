using System.Net.Sockets;
using System.Text;

namespace ProBonoBot.Tests.Faults;

/// <summary>HTTP/1.1 over a bare socket, for requests no well-behaved client sends: stalled, cut short, odd headers.</summary>
internal sealed class RawHttp : IAsyncDisposable
{
    private readonly TcpClient _tcp = new();
    private NetworkStream _stream = null!;

    public static async Task<RawHttp> ConnectAsync(Uri baseAddress)
    {
        var raw = new RawHttp();
        await raw._tcp.ConnectAsync(baseAddress.Host, baseAddress.Port);
        raw._stream = raw._tcp.GetStream();
        return raw;
    }

    /// <summary>Sends the request line, the headers and the first <paramref name="bodyPart"/> of a body of <paramref name="contentLength"/> bytes.</summary>
    public async Task SendHeadAsync(string host, int contentLength, string? authorization, string bodyPart = "", string contentType = "application/json")
    {
        var head = new StringBuilder()
            .Append("POST /api/messages HTTP/1.1\r\n")
            .Append("Host: ").Append(host).Append("\r\n")
            .Append("Content-Type: ").Append(contentType).Append("\r\n")
            .Append("Content-Length: ").Append(contentLength).Append("\r\n");
        if (authorization is not null)
        {
            head.Append("Authorization: ").Append(authorization).Append("\r\n");
        }

        head.Append("\r\n").Append(bodyPart);
        await _stream.WriteAsync(Encoding.UTF8.GetBytes(head.ToString()));
        await _stream.FlushAsync();
    }

    /// <summary>The status code of the response, or null when the server closed the connection without one.</summary>
    public async Task<int?> ReadStatusAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var buffer = new byte[4096];
        var text = new StringBuilder();
        try
        {
            while (!text.ToString().Contains("\r\n", StringComparison.Ordinal))
            {
                var read = await _stream.ReadAsync(buffer, cts.Token);
                if (read == 0)
                {
                    break;
                }

                text.Append(Encoding.UTF8.GetString(buffer, 0, read));
            }
        }
        catch (IOException)
        {
            return null;
        }

        var line = text.ToString().Split("\r\n")[0].Split(' ');
        return line.Length > 1 && int.TryParse(line[1], out var status) ? status : null;
    }

    public ValueTask DisposeAsync()
    {
        _tcp.Dispose();
        return ValueTask.CompletedTask;
    }
}
