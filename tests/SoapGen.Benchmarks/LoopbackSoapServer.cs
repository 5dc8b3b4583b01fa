using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace SoapGen.Benchmarks;

/// <summary>
/// An in-process loopback SOAP 1.1 server (HttpListener on 127.0.0.1, a free port) that answers by SOAPAction with
/// the canned ext/soap-style replies. <c>/api.php</c> answers <c>text/xml; charset=utf-8</c> (what both clients are
/// benchmarked against); <c>/latin1/api.php</c> answers <c>text/xml; charset=ISO-8859-1</c> like the live NuSOAP server.
/// </summary>
internal sealed class LoopbackSoapServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Dictionary<string, byte[]> _utf8 = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]> _latin1 = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task[] _loops;
    private long _requests;

    public LoopbackSoapServer(int acceptLoops = 4)
    {
        foreach (var op in CannedReplies.Bodies.Keys)
        {
            _utf8[op] = new UTF8Encoding(false).GetBytes(CannedReplies.Envelope(op, Encoding.UTF8));
            _latin1[op] = Encoding.Latin1.GetBytes(CannedReplies.Envelope(op, Encoding.Latin1));
        }

        int port = FreePort();
        BaseUri = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseUri.ToString());
        _listener.Start();
        _loops = new Task[acceptLoops];
        for (int i = 0; i < acceptLoops; i++) _loops[i] = Task.Run(AcceptLoop);
    }

    public Uri BaseUri { get; }

    /// <summary>The UTF-8 endpoint both clients are benchmarked against.</summary>
    public Uri Endpoint => new(BaseUri, "api.php");

    /// <summary>The same replies in ISO-8859-1, as NuSOAP (the live InterServer server) sends them.</summary>
    public Uri Latin1Endpoint => new(BaseUri, "latin1/api.php");

    public long Requests => Interlocked.Read(ref _requests);

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                continue;
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            try
            {
                await HandleAsync(context).ConfigureAwait(false);
            }
            catch (Exception) when (!_stop.IsCancellationRequested)
            {
                // A client that went away mid-reply: nothing to do.
            }
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        Interlocked.Increment(ref _requests);
        var request = context.Request;
        await request.InputStream.CopyToAsync(Stream.Null).ConfigureAwait(false);

        string action = (request.Headers["SOAPAction"] ?? "").Trim('"');
        string op = action.StartsWith(CannedReplies.ActionPrefix, StringComparison.Ordinal)
            ? action.Substring(CannedReplies.ActionPrefix.Length)
            : action;
        bool latin1 = request.Url?.AbsolutePath.StartsWith("/latin1/", StringComparison.Ordinal) == true;

        var response = context.Response;
        byte[] body;
        if ((latin1 ? _latin1 : _utf8).TryGetValue(op, out var reply))
        {
            response.StatusCode = 200;
            response.ContentType = latin1 ? "text/xml; charset=ISO-8859-1" : "text/xml; charset=utf-8";
            body = reply;
        }
        else
        {
            response.StatusCode = 500;
            response.ContentType = "text/xml; charset=utf-8";
            body = Encoding.UTF8.GetBytes(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\">" +
                "<SOAP-ENV:Body><SOAP-ENV:Fault><faultcode>SOAP-ENV:Client</faultcode><faultstring>Unknown SOAPAction</faultstring>" +
                "</SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>");
        }
        response.ContentLength64 = body.Length;
        await response.OutputStream.WriteAsync(body).ConfigureAwait(false);
        response.Close();
    }

    /// <summary>Warms the server's own code paths with a raw socket request, so no client's HTTP stack is warmed.</summary>
    public void WarmUpServer()
    {
        using var tcp = new TcpClient();
        tcp.Connect(IPAddress.Loopback, BaseUri.Port);
        using var stream = tcp.GetStream();
        byte[] req = Encoding.ASCII.GetBytes(
            $"POST /api.php HTTP/1.1\r\nHost: 127.0.0.1:{BaseUri.Port}\r\nSOAPAction: \"{CannedReplies.ActionPrefix}api_login\"\r\n" +
            "Content-Type: text/xml\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        stream.Write(req);
        var buffer = new byte[4096];
        while (stream.Read(buffer) > 0)
        {
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        try { _listener.Stop(); } catch (ObjectDisposedException) { }
        _listener.Close();
        try { Task.WaitAll(_loops, TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
        _stop.Dispose();
    }
}
