using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace SoapGen.Client.Tests;

/// <summary>One HTTP request as the loopback server received it.</summary>
internal sealed record LoopbackRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 (a free port) whose replies a test writes as raw bytes, so it can do what a
/// real server library would not: send the headers and half a body and then stall, or never answer at all.
/// One connection per request (the reply says <c>Connection: close</c>); every request is recorded.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<LoopbackRequest, Stream, CancellationToken, Task> _respond;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public LoopbackServer(Func<LoopbackRequest, Stream, CancellationToken, Task> respond)
    {
        _respond = respond;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Endpoint = new Uri("http://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port + "/soap");
        _accepting = AcceptAsync();
    }

    public Uri Endpoint { get; }

    public ConcurrentQueue<LoopbackRequest> Requests { get; } = new();

    /// <summary>Writes a complete reply with a Content-Length.</summary>
    public static async Task WriteAsync(Stream stream, int status, string body, string? extraHeaders = null, string contentType = "text/xml; charset=utf-8")
    {
        byte[] bytes = Encoding.UTF8.GetBytes(body);
        await WriteHeadAsync(stream, status, contentType, bytes.Length, extraHeaders);
        await stream.WriteAsync(bytes);
        await stream.FlushAsync();
    }

    /// <summary>Writes the status line and headers only.</summary>
    public static async Task WriteHeadAsync(Stream stream, int status, string contentType, long contentLength, string? extraHeaders = null)
    {
        string head = "HTTP/1.1 " + status + " " + (status == 200 ? "OK" : status == 503 ? "Service Unavailable" : "Error") + "\r\n" +
            "Content-Type: " + contentType + "\r\n" +
            "Content-Length: " + contentLength + "\r\n" +
            "Connection: close\r\n" +
            (extraHeaders ?? string.Empty) +
            "\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.FlushAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient connection = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = ServeAsync(connection);
        }
    }

    private async Task ServeAsync(TcpClient connection)
    {
        using (connection)
        {
            try
            {
                NetworkStream stream = connection.GetStream();
                LoopbackRequest? request = await ReadRequestAsync(stream, _stop.Token);
                if (request is null)
                {
                    return;
                }

                Requests.Enqueue(request);
                await _respond(request, stream, _stop.Token);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client gave up (a timeout test) or the server is stopping.
            }
        }
    }

    private static async Task<LoopbackRequest?> ReadRequestAsync(Stream stream, CancellationToken cancellationToken)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (head.Count < 4 || head[^4] != '\r' || head[^3] != '\n' || head[^2] != '\r' || head[^1] != '\n')
        {
            if (await stream.ReadAsync(one, cancellationToken) == 0)
            {
                return null;
            }

            head.Add(one[0]);
        }

        string[] lines = Encoding.ASCII.GetString(head.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        string[] requestLine = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string line in lines[1..])
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        int length = headers.TryGetValue("Content-Length", out string? value) ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        byte[] body = new byte[length];
        await stream.ReadExactlyAsync(body, cancellationToken);
        return new LoopbackRequest(requestLine[0], requestLine[1], headers, Encoding.UTF8.GetString(body));
    }
}
