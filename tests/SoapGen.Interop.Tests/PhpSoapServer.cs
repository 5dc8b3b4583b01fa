using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using InterServer;

namespace SoapGen.Interop.Tests;

/// <summary>The counters the PHP server keeps (<c>/__control/stats</c>).</summary>
public sealed record ServerStats(int Logins, int Calls, int Sessions);

/// <summary>Which SOAP stack serves the InterServer test API.</summary>
public enum ServerFlavour
{
    /// <summary>PHP ext/soap <c>SoapServer</c> in WSDL mode (tests/servers/interserver/server.php).</summary>
    ExtSoap,

    /// <summary>nusoap 0.9.5 (Debian libnusoap-php), the library family the live API runs (nusoap-server.php).</summary>
    NuSoap,
}

/// <summary>
/// A PHP test server for <c>wsdl/interserver.wsdl</c> on a free loopback port, started once for the whole test collection
/// and killed (its whole process group) on dispose. Both flavours share the operations, data, sessions and control
/// endpoints (tests/servers/interserver/operations.php); they differ in how their SOAP stack writes the replies.
/// </summary>
public abstract class PhpSoapServer : IDisposable
{
    public const string User = "test@example.com";
    public const string Password = "secret";
    public const string InstallHint = "apt-get install -y php-cli php-soap php-xml";
    public const string NuSoapInstallHint = "apt-get install -y libnusoap-php php-xml";

    private readonly Process _process;
    private readonly int _processGroup;
    private readonly StringBuilder _log = new();
    private readonly HttpClient _control;

    protected PhpSoapServer(ServerFlavour flavour)
    {
        Flavour = flavour;
        string script = flavour == ServerFlavour.NuSoap ? RepoPaths.NuSoapScript : RepoPaths.InterServerScript;
        string php = FindPhp()
            ?? throw new InvalidOperationException("The interop tests need PHP with the soap extension, and `php` is not on PATH (or SOAPGEN_PHP names no file). Install it: " + InstallHint);
        string modules = RunToEnd(php, "-m");
        foreach (string ext in flavour == ServerFlavour.NuSoap ? new[] { "xml", "dom" } : new[] { "soap", "dom" })
        {
            if (!modules.Split('\n').Any(l => string.Equals(l.Trim(), ext, StringComparison.OrdinalIgnoreCase)))
            {
                throw new InvalidOperationException(
                    $"`{php} -m` does not list the '{ext}' extension, which the interop test server needs. Install it: {(flavour == ServerFlavour.NuSoap ? NuSoapInstallHint : InstallHint)}");
            }
        }

        if (flavour == ServerFlavour.NuSoap)
        {
            string nusoap = Environment.GetEnvironmentVariable("SOAPGEN_NUSOAP") is { Length: > 0 } n ? n : RepoPaths.NuSoapLibrary;
            if (!File.Exists(nusoap))
            {
                throw new InvalidOperationException(
                    $"The nusoap interop tests need nusoap 0.9.5 at {nusoap} (Debian's libnusoap-php; SOAPGEN_NUSOAP names another copy). Install it: {NuSoapInstallHint}");
            }
        }

        Port = FreePort();
        BaseUri = new Uri($"http://127.0.0.1:{Port}/");
        Endpoint = new Uri(BaseUri, "api.php");
        DeleteStoreFile();

        // setsid makes php the leader of its own process group, so its PHP_CLI_SERVER_WORKERS children die with it.
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
        psi.ArgumentList.Add(script);
        psi.Environment["SOAPGEN_WSDL"] = RepoPaths.InterServerWsdl;
        psi.Environment["PHP_CLI_SERVER_WORKERS"] = "4";
        psi.Environment.Remove("SOAPGEN_TEST_USER");
        psi.Environment.Remove("SOAPGEN_TEST_PASSWORD");
        psi.Environment.Remove("SOAPGEN_SESSION_TTL");

        _process = Process.Start(psi) ?? throw new InvalidOperationException("Could not start " + php);
        _process.OutputDataReceived += (_, e) => AppendLog(e.Data);
        _process.ErrorDataReceived += (_, e) => AppendLog(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        _processGroup = ReadProcessGroup(_process.Id);

        _control = new HttpClient { BaseAddress = BaseUri, Timeout = TimeSpan.FromSeconds(30) };
        Http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        try
        {
            WaitUntilAnswering();
            Reset();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public ServerFlavour Flavour { get; }

    public bool IsNuSoap => Flavour == ServerFlavour.NuSoap;

    public int Port { get; }

    /// <summary>
    /// A request string as the operation sees it, i.e. as it comes back in an echo: ext/soap keeps every character.
    /// nusoap (decode_utf8 = true, its default) runs utf8_decode over every request string, so each character outside
    /// Latin-1 arrives as '?' (a surrogate pair as one '?'); this is lost on the server, no client can prevent it.
    /// </summary>
    public string Echoed(string sent)
    {
        if (!IsNuSoap)
        {
            return sent;
        }

        var sb = new StringBuilder(sent.Length);
        for (int i = 0; i < sent.Length; i++)
        {
            char c = sent[i];
            if (char.IsHighSurrogate(c) && i + 1 < sent.Length && char.IsLowSurrogate(sent[i + 1]))
            {
                i++;
                sb.Append('?');
            }
            else
            {
                sb.Append(c <= '\u00FF' ? c : '?');
            }
        }

        return sb.ToString();
    }

    public Uri BaseUri { get; }

    /// <summary>The SOAP endpoint (the WSDL's soap:address points at the live service; clients override it).</summary>
    public Uri Endpoint { get; }

    /// <summary>A shared HttpClient for generated clients.</summary>
    public HttpClient Http { get; }

    /// <summary>What php -S printed so far (request log, PHP warnings); for failure messages.</summary>
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

    public MyapiClient CreateClient() => new(Http, Endpoint);

    public MyapiClient CreateClient(HttpMessageHandler handler) => new(new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) }, Endpoint);

    public ServerStats Stats()
    {
        using JsonDocument doc = JsonDocument.Parse(Control("stats"));
        JsonElement root = doc.RootElement;
        return new ServerStats(root.GetProperty("logins").GetInt32(), root.GetProperty("calls").GetInt32(), root.GetProperty("sessions").GetInt32());
    }

    /// <summary>Drops all sessions: old session ids now get the "Invalid Session ID" fault.</summary>
    public void Expire() => Control("expire");

    /// <summary>Clears sessions, counters and any pending reply mode.</summary>
    public void Reset() => Control("reset");

    /// <summary>The next SOAP request gets garbage: html, empty, truncated or fault12.</summary>
    public void NextReply(string mode) => Control("reply?mode=" + Uri.EscapeDataString(mode));

    public void Dispose()
    {
        _control.Dispose();
        Http.Dispose();
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

        // Workers that survived the tree walk (it races with forks) are still in php's own process group.
        if (_processGroup > 1 && _processGroup == _process.Id)
        {
            try
            {
                RunToEnd("kill", "-KILL", "--", "-" + _processGroup);
            }
            catch (Exception)
            {
                // no process left in the group
            }
        }

        _process.WaitForExit(5000);
        _process.Dispose();
        DeleteStoreFile();
    }

    private string Control(string command)
    {
        using HttpResponseMessage response = _control.GetAsync("__control/" + command).GetAwaiter().GetResult();
        string body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"/__control/{command} answered {(int)response.StatusCode}: {body}\nphp log:\n{Log}");
        }

        return body;
    }

    private void WaitUntilAnswering()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        Exception? last = null;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"php -S exited with code {_process.ExitCode} before answering. If PHP or its soap extension is missing: {(IsNuSoap ? NuSoapInstallHint : InstallHint)}\n{Log}");
            }

            try
            {
                Stats();
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or JsonException or TaskCanceledException)
            {
                last = ex;
                Thread.Sleep(100);
            }
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

    private void DeleteStoreFile()
    {
        foreach (string dir in new[] { Path.GetTempPath(), "/tmp" }.Distinct())
        {
            try
            {
                File.Delete(Path.Combine(dir, $"soapgen-interserver-{Port}.json"));
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    internal static int ReadProcessGroup(int pid)
    {
        try
        {
            // /proc/PID/stat: "pid (comm) state ppid pgrp ..."; comm may contain spaces, so parse after the last ')'.
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[2], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or FormatException or IndexOutOfRangeException or UnauthorizedAccessException)
        {
            return -1;
        }
    }

    internal static string? FindPhp()
    {
        // SOAPGEN_PHP names a specific php binary (e.g. another version); it must exist.
        if (Environment.GetEnvironmentVariable("SOAPGEN_PHP") is { Length: > 0 } explicitPhp)
        {
            return File.Exists(explicitPhp) ? explicitPhp : null;
        }

        string? path = Environment.GetEnvironmentVariable("PATH");
        if (path is null)
        {
            return null;
        }

        foreach (string dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(dir, "php");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    internal static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    internal static string RunToEnd(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using Process p = Process.Start(psi) ?? throw new InvalidOperationException("Could not start " + file);
        Task<string> err = p.StandardError.ReadToEndAsync();
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return output + err.GetAwaiter().GetResult();
    }
}

/// <summary>The ext/soap flavour (server.php).</summary>
public sealed class ExtSoapServer : PhpSoapServer
{
    public ExtSoapServer()
        : base(ServerFlavour.ExtSoap)
    {
    }
}

/// <summary>The nusoap flavour (nusoap-server.php).</summary>
public sealed class NuSoapServer : PhpSoapServer
{
    public NuSoapServer()
        : base(ServerFlavour.NuSoap)
    {
    }
}

/// <summary>The ExtSoap* test classes share one ext/soap server and run one after another (they reset its counters).</summary>
[CollectionDefinition(Name)]
public sealed class ExtSoapCollection : ICollectionFixture<ExtSoapServer>
{
    public const string Name = "PHP ext/soap SoapServer";
}

/// <summary>The NuSoap* test classes share one nusoap server and run one after another; in parallel with the ext/soap ones.</summary>
[CollectionDefinition(Name)]
public sealed class NuSoapCollection : ICollectionFixture<NuSoapServer>
{
    public const string Name = "PHP nusoap server";
}

/// <summary>An HTTP exchange as the client sent and received it (<see cref="ResponseBytes"/>: the bytes on the wire).</summary>
public sealed record Exchange(string RequestBody, int Status, string? ContentType, string? ContentEncoding, byte[] ResponseBytes)
{
    /// <summary>The body with its Content-Encoding (nusoap gzips replies over 1024 bytes when asked to) undone.</summary>
    public byte[] DecodedBytes => ContentEncoding?.ToLowerInvariant() switch
    {
        null or "" or "identity" => ResponseBytes,
        "gzip" => Decompress(new System.IO.Compression.GZipStream(new MemoryStream(ResponseBytes), System.IO.Compression.CompressionMode.Decompress)),
        "deflate" => Decompress(new System.IO.Compression.DeflateStream(new MemoryStream(ResponseBytes), System.IO.Compression.CompressionMode.Decompress)),
        _ => throw new NotSupportedException("Content-Encoding " + ContentEncoding),
    };

    public string ResponseText => Encoding.Latin1.GetString(DecodedBytes);

    private static byte[] Decompress(Stream stream)
    {
        using (stream)
        {
            var ms = new MemoryStream();
            stream.CopyTo(ms);
            return ms.ToArray();
        }
    }
}

/// <summary>Records every exchange and lets a test act after a response (e.g. expire sessions right after a login).</summary>
public sealed class RecordingHandler : DelegatingHandler
{
    private readonly List<Exchange> _exchanges = new();

    public RecordingHandler()
        : base(new SocketsHttpHandler())
    {
    }

    /// <summary>Rewrites the request body before it is sent (to isolate reply-side behaviour from request-side bugs).</summary>
    public Func<string, string>? RewriteRequest { get; set; }

    /// <summary>Runs after each response has been buffered, before the client sees it.</summary>
    public Action<Exchange>? AfterResponse { get; set; }

    public IReadOnlyList<Exchange> Exchanges
    {
        get
        {
            lock (_exchanges)
            {
                return _exchanges.ToArray();
            }
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string requestBody = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (RewriteRequest is { } rewrite && request.Content is not null)
        {
            requestBody = rewrite(requestBody);
            var content = new StringContent(requestBody, new UTF8Encoding(false));
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
        var buffered = new ByteArrayContent(bytes);
        foreach (KeyValuePair<string, IEnumerable<string>> h in response.Content.Headers)
        {
            buffered.Headers.TryAddWithoutValidation(h.Key, h.Value);
        }

        response.Content = buffered;
        var exchange = new Exchange(
            requestBody,
            (int)response.StatusCode,
            response.Content.Headers.ContentType?.ToString(),
            string.Join(",", response.Content.Headers.ContentEncoding),
            bytes);
        lock (_exchanges)
        {
            _exchanges.Add(exchange);
        }

        AfterResponse?.Invoke(exchange);
        return response;
    }
}
