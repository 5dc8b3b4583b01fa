using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Weather;

namespace SoapGen.Interop.Tests;

/// <summary>
/// PHP ext/soap <c>SoapServer</c> serving the document/literal <c>wsdl/weather.wsdl</c> (tests/servers/weather/server.php)
/// on a free loopback port; started once for <see cref="WeatherDocumentLiteralTests"/>, its process group killed on dispose.
/// </summary>
public sealed class WeatherPhpServer : IDisposable
{
    private readonly Process _process;
    private readonly int _processGroup;
    private readonly StringBuilder _log = new();

    public WeatherPhpServer()
    {
        string php = PhpSoapServer.FindPhp()
            ?? throw new InvalidOperationException("The weather interop tests need PHP with the soap extension, and `php` is not on PATH (or SOAPGEN_PHP names no file). Install it: " + PhpSoapServer.InstallHint);
        string modules = PhpSoapServer.RunToEnd(php, "-m");
        foreach (string ext in new[] { "soap", "dom" })
        {
            if (!modules.Split('\n').Any(l => string.Equals(l.Trim(), ext, StringComparison.OrdinalIgnoreCase)))
            {
                throw new InvalidOperationException(
                    $"`{php} -m` does not list the '{ext}' extension, which the weather test server needs. Install it: {PhpSoapServer.InstallHint}");
            }
        }

        Port = PhpSoapServer.FreePort();
        Endpoint = new Uri($"http://127.0.0.1:{Port}/weather");

        // setsid: php leads its own process group, so the whole group can be killed on dispose.
        bool useSetsid = File.Exists("/usr/bin/setsid") || File.Exists("/bin/setsid");
        var psi = new ProcessStartInfo(useSetsid ? "setsid" : php)
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (useSetsid)
        {
            psi.ArgumentList.Add(php);
        }

        psi.ArgumentList.Add("-S");
        psi.ArgumentList.Add($"127.0.0.1:{Port}");
        psi.ArgumentList.Add(Path.Combine(RepoPaths.Root, "tests", "servers", "weather", "server.php"));
        psi.Environment["SOAPGEN_WSDL"] = Path.Combine(RepoPaths.Root, "wsdl", "weather.wsdl");

        _process = Process.Start(psi) ?? throw new InvalidOperationException("Could not start " + php);
        _process.OutputDataReceived += (_, e) => AppendLog(e.Data);
        _process.ErrorDataReceived += (_, e) => AppendLog(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        _processGroup = PhpSoapServer.ReadProcessGroup(_process.Id);
        try
        {
            WaitUntilAnswering();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public int Port { get; }

    public Uri Endpoint { get; }

    /// <summary>What php -S printed so far; for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>A client whose exchanges (headers and bodies) <paramref name="recorder"/> records.</summary>
    public WeatherClient CreateClient(WireRecorder recorder) => new(new HttpClient(recorder) { Timeout = TimeSpan.FromSeconds(60) }, Endpoint);

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }

        if (_processGroup > 1 && _processGroup == _process.Id)
        {
            try
            {
                PhpSoapServer.RunToEnd("kill", "-KILL", "--", "-" + _processGroup);
            }
            catch (Exception)
            {
                // no process left in the group
            }
        }

        _process.WaitForExit(5000);
        _process.Dispose();
    }

    private void WaitUntilAnswering()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        Exception? last = null;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"php -S exited with code {_process.ExitCode} before answering. If PHP or its soap extension is missing: {PhpSoapServer.InstallHint}\n{Log}");
            }

            try
            {
                using HttpResponseMessage r = http.GetAsync(new Uri(Endpoint, "?wsdl")).GetAwaiter().GetResult();
                if (r.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                last = new InvalidOperationException($"GET ?wsdl answered {(int)r.StatusCode}: {r.Content.ReadAsStringAsync().GetAwaiter().GetResult()}");
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                last = ex;
            }

            Thread.Sleep(100);
        }

        throw new InvalidOperationException($"php -S on port {Port} did not answer within 20 s: {last?.Message}\n{Log}", last);
    }

    private void AppendLog(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            if (_log.Length < 200_000)
            {
                _log.AppendLine(line);
            }
        }
    }
}

/// <summary>One HTTP exchange with its request headers, as the client put them on the wire.</summary>
public sealed record WireExchange(
    string Method,
    IReadOnlyDictionary<string, string> RequestHeaders,
    string RequestBody,
    int Status,
    IReadOnlyDictionary<string, string> ResponseHeaders,
    string ResponseBody);

/// <summary>Records request headers (SOAPAction, Content-Type) and both bodies; optionally rewrites the request body.</summary>
public sealed class WireRecorder : DelegatingHandler
{
    private readonly List<WireExchange> _exchanges = new();

    public WireRecorder()
        : base(new SocketsHttpHandler())
    {
    }

    /// <summary>Rewrites the request body before it is sent (to check what the server accepts).</summary>
    public Func<string, string>? RewriteRequest { get; set; }

    public IReadOnlyList<WireExchange> Exchanges
    {
        get
        {
            lock (_exchanges)
            {
                return _exchanges.ToArray();
            }
        }
    }

    public WireExchange Last => Exchanges.Count > 0 ? Exchanges[^1] : throw new InvalidOperationException("No exchange recorded.");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, IEnumerable<string>> h in request.Headers)
        {
            headers[h.Key] = string.Join(", ", h.Value);
        }

        if (request.Content is not null)
        {
            foreach (KeyValuePair<string, IEnumerable<string>> h in request.Content.Headers)
            {
                headers[h.Key] = string.Join(", ", h.Value);
            }
        }

        if (RewriteRequest is { } rewrite && request.Content is not null)
        {
            body = rewrite(body);
            var content = new StringContent(body, new UTF8Encoding(false));
            content.Headers.Clear();
            foreach (KeyValuePair<string, IEnumerable<string>> h in request.Content.Headers)
            {
                if (!h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                {
                    content.Headers.TryAddWithoutValidation(h.Key, h.Value);
                }
            }

            request.Content = content;
        }

        HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        byte[] bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var responseHeaders = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, IEnumerable<string>> h in response.Headers.Concat(response.Content.Headers))
        {
            responseHeaders[h.Key] = string.Join(", ", h.Value);
        }

        var buffered = new ByteArrayContent(bytes);
        foreach (KeyValuePair<string, IEnumerable<string>> h in response.Content.Headers)
        {
            buffered.Headers.TryAddWithoutValidation(h.Key, h.Value);
        }

        response.Content = buffered;
        lock (_exchanges)
        {
            _exchanges.Add(new WireExchange(request.Method.Method, headers, body, (int)response.StatusCode, responseHeaders, Encoding.UTF8.GetString(bytes)));
        }

        return response;
    }
}
