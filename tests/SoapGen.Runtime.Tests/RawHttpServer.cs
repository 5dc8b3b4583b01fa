using System;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace SoapGen.Runtime.Tests;

/// <summary>
/// A loopback HTTP/1.1 server that answers at the socket level, to break the body in ways an HttpMessageHandler cannot:
/// the path picks the behaviour (/reset: RST after half the body; /short: close before Content-Length bytes;
/// /badchunk: an invalid chunk size; anything else: a well-formed reply). One per test class, stopped by Dispose.
/// </summary>
public sealed class RawHttpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public RawHttpServer()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    public Uri Url(string path) => new("http://127.0.0.1:" + Port + path);

    public static readonly string GoodReply = Soap.Envelope11("<ns1:echoResponse xmlns:ns1=\"urn:myapi\"><return>ok</return></ns1:echoResponse>");

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(socket));
        }
    }

    private static async Task ServeAsync(Socket socket)
    {
        using (socket)
        {
            string path = await ReadRequestAsync(socket);
            byte[] body = Encoding.UTF8.GetBytes(GoodReply);
            switch (path)
            {
                case "/reset":
                    await SendAsync(socket, Head(body.Length) + GoodReply[..(GoodReply.Length / 2)]);
                    await Task.Delay(50);
                    socket.LingerState = new LingerOption(true, 0);
                    socket.Close();
                    return;
                case "/short":
                    await SendAsync(socket, Head(body.Length) + GoodReply[..(GoodReply.Length / 2)]);
                    socket.Shutdown(SocketShutdown.Both);
                    return;
                case "/badchunk":
                    await SendAsync(socket, "HTTP/1.1 200 OK\r\nContent-Type: text/xml; charset=utf-8\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n" +
                        "20\r\n" + GoodReply[..32] + "\r\nzz\r\n");
                    await Task.Delay(50);
                    socket.Shutdown(SocketShutdown.Both);
                    return;
                default:
                    await SendAsync(socket, Head(body.Length) + GoodReply);
                    socket.Shutdown(SocketShutdown.Both);
                    return;
            }
        }
    }

    private static string Head(int length) =>
        "HTTP/1.1 200 OK\r\nContent-Type: text/xml; charset=utf-8\r\nContent-Length: " + length + "\r\nConnection: close\r\n\r\n";

    private static Task SendAsync(Socket socket, string text) => socket.SendAsync(Encoding.UTF8.GetBytes(text), SocketFlags.None);

    // Reads the request line and headers, then the body by its Content-Length; returns the path.
    private static async Task<string> ReadRequestAsync(Socket socket)
    {
        var received = new StringBuilder();
        var buffer = new byte[8192];
        int headerEnd;
        while ((headerEnd = received.ToString().IndexOf("\r\n\r\n", StringComparison.Ordinal)) < 0)
        {
            int n = await socket.ReceiveAsync(buffer, SocketFlags.None);
            if (n == 0)
            {
                return "";
            }

            received.Append(Encoding.Latin1.GetString(buffer, 0, n));
        }

        string head = received.ToString(0, headerEnd);
        int length = 0;
        foreach (string line in head.Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(line["Content-Length:".Length..].Trim());
            }
        }

        int have = received.Length - headerEnd - 4;
        while (have < length)
        {
            int n = await socket.ReceiveAsync(buffer, SocketFlags.None);
            if (n == 0)
            {
                break;
            }

            have += n;
        }

        return head.Split(' ')[1];
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            _accepting.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }

        _stop.Dispose();
    }
}
