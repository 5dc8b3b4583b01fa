using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
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

    private readonly PhpServerProcess _php;
    private readonly HttpClient _control;

    protected PhpSoapServer(ServerFlavour flavour)
    {
        Flavour = flavour;
        string installHint = IsNuSoap ? NuSoapInstallHint : InstallHint;
        if (IsNuSoap)
        {
            string nusoap = Environment.GetEnvironmentVariable("SOAPGEN_NUSOAP") is { Length: > 0 } n ? n : RepoPaths.NuSoapLibrary;
            if (!File.Exists(nusoap))
            {
                throw new InvalidOperationException(
                    $"The nusoap interop tests need nusoap 0.9.5 at {nusoap} (Debian's libnusoap-php; SOAPGEN_NUSOAP names another copy). Install it: {NuSoapInstallHint}");
            }
        }

        _php = new PhpServerProcess(
            IsNuSoap ? RepoPaths.NuSoapScript : RepoPaths.InterServerScript,
            new Dictionary<string, string?>
            {
                ["SOAPGEN_WSDL"] = RepoPaths.InterServerWsdl,
                ["PHP_CLI_SERVER_WORKERS"] = "4",

                // The tests expect operations.php's default credentials and session lifetime.
                ["SOAPGEN_TEST_USER"] = null,
                ["SOAPGEN_TEST_PASSWORD"] = null,
                ["SOAPGEN_SESSION_TTL"] = null,
            },
            IsNuSoap ? new[] { "xml", "dom" } : new[] { "soap", "dom" },
            installHint,
            "the interop test server");
        Endpoint = new Uri(BaseUri, "api.php");

        _control = new HttpClient { BaseAddress = BaseUri, Timeout = TimeSpan.FromSeconds(30) };
        Http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        try
        {
            // A store left by an earlier run on this port must not leak sessions in; php -S has served nothing yet.
            DeleteStoreFile();
            _php.WaitUntilAnswering(() => Stats());
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

    public int Port => _php.Port;

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

    public Uri BaseUri => _php.BaseUri;

    /// <summary>The SOAP endpoint (the WSDL's soap:address points at the live service; clients override it).</summary>
    public Uri Endpoint { get; }

    /// <summary>A shared HttpClient for generated clients.</summary>
    public HttpClient Http { get; }

    /// <summary>What php -S printed so far (request log, PHP warnings); for failure messages.</summary>
    public string Log => _php.Log;

    public MyapiClient CreateClient() => new(Http, Endpoint);

    public MyapiClient CreateClient(HttpMessageHandler handler) => new(new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) }, Endpoint);

    public ServerStats Stats()
    {
        using JsonDocument doc = JsonDocument.Parse(Control("stats"));
        JsonElement root = doc.RootElement;
        return new ServerStats(root.GetProperty("logins").GetInt32(), root.GetProperty("calls").GetInt32(), root.GetProperty("sessions").GetInt32());
    }

    /// <summary>
    /// How many times each session call really ran (passed the session check), keyed by the server's echo of it
    /// (<c>api_vps_queue_backup(id=7, name=b7)</c>).
    /// </summary>
    public IReadOnlyDictionary<string, int> Executed()
    {
        using JsonDocument doc = JsonDocument.Parse(Control("executed"));
        return doc.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32(), StringComparer.Ordinal);
    }

    /// <summary>Drops all sessions: old session ids now get the "Invalid Session ID" fault. Returns how many there were.</summary>
    public int ExpireCounted()
    {
        using JsonDocument doc = JsonDocument.Parse(Control("expire"));
        return doc.RootElement.GetProperty("expired").GetInt32();
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
        _php.Dispose();
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
