using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;

namespace SoapGen.Interop.Tests;

/// <summary>
/// PHP ext/soap <c>SoapServer</c> playing the Bronto SOAP API v4 over the real <c>bronto.wsdl</c>
/// (tests/servers/bronto/server.php) on a free loopback port: <c>login(apiToken)</c> returns a session id that
/// <c>readLogins</c> and <c>addLogins</c> need in the <c>sessionHeader</c> SOAP header (never in the Body: the WSDL's
/// messages put that part beside the body part, <c>soap:body parts="parameters"</c>). Its process group is killed and
/// its state directory deleted on dispose. See tests/servers/bronto/README.md for the wire shapes.
/// </summary>
public sealed class BrontoPhpServer : IDisposable
{
    public const string ApiToken = "bronto-test-token";

    /// <summary>The WSDL's target namespace: the body wrappers, <c>sessionHeader</c> and <c>ApiException</c> (their children are unqualified).</summary>
    public const string BrontoNamespace = "http://api.bronto.com/v4";

    /// <summary>ApiException errorCode of a wrong apiToken ("102: Authentication failed for token.").</summary>
    public const int InvalidTokenCode = 102;

    /// <summary>ApiException errorCode of a missing, unknown or expired session ("103: Your session is invalid. Please log in again.").</summary>
    public const int InvalidSessionCode = 103;

    /// <summary>ApiException errorCode of a request with a <c>sessionHeader</c> inside the Body ("107: There was an error in your soap request. …").</summary>
    public const int InvalidRequestCode = 107;

    public const string InvalidTokenFaultString = "102: Authentication failed for token.";
    public const string InvalidSessionFaultString = "103: Your session is invalid. Please log in again.";

    private readonly PhpServerProcess _php;

    public BrontoPhpServer()
    {
        WsdlPath = FindWsdl();
        _php = new PhpServerProcess(
            Path.Combine(RepoPaths.Root, "tests", "servers", "bronto", "server.php"),
            new Dictionary<string, string?>
            {
                ["SOAPGEN_BRONTO_WSDL"] = WsdlPath,
                ["PHP_CLI_SERVER_WORKERS"] = "4", // sessions and counters live in a locked JSON file
            },
            new[] { "soap", "dom" },
            PhpSoapServer.InstallHint,
            "the Bronto API test server",
            stateVariable: "SOAPGEN_BRONTO_STATE");

        Endpoint = new Uri(_php.BaseUri, "v4");
        try
        {
            // SoapServer serves its WSDL once it is up; a SOAP call would need a valid request.
            _php.WaitUntilAnswering(new Uri(Endpoint, "?wsdl"));
            Reset();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>
    /// The Bronto WSDL: <c>SOAPGEN_BRONTO_WSDL</c> when set, else
    /// <c>../shared/wsdl-corpus/savon/spec/fixtures/wsdl/bronto.wsdl</c> beside the repository.
    /// </summary>
    public static string DefaultWsdlPath =>
        Environment.GetEnvironmentVariable("SOAPGEN_BRONTO_WSDL") is { Length: > 0 } path
            ? path
            : Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "wsdl-corpus", "savon", "spec", "fixtures", "wsdl", "bronto.wsdl"));

    public string WsdlPath { get; }

    public int Port => _php.Port;

    /// <summary><c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri BaseUri => _php.BaseUri;

    /// <summary>The SOAP endpoint, <c>/v4</c> (any path serves every operation; the WSDL's soap:address is https://api.bronto.com/v4).</summary>
    public Uri Endpoint { get; }

    /// <summary>What php -S printed so far; for failure messages.</summary>
    public string Log => _php.Log;

    /// <summary>Clears sessions, counters and the recorded request/response; the logins are the two fixture ones again.</summary>
    public void Reset() => GetText("__control/reset");

    /// <summary>Invalidates every session: the next session call gets ApiException 103. Returns how many there were.</summary>
    public int Expire() => GetJson("__control/expire").GetProperty("expired").GetInt32();

    /// <summary>The raw XML of the last SOAP request (it contains what the client sent, apiToken and session id included).</summary>
    public string LastRequest() => GetText("__control/last-request");

    /// <summary>The raw XML of the last SOAP reply.</summary>
    public string LastResponse() => GetText("__control/last-response");

    /// <summary>Counters and per-call facts (path, sessionHeader in Header / in Body, outcome); never a session id or token.</summary>
    public StatsSnapshot Stats()
    {
        JsonElement root = GetJson("__control/stats");
        var calls = new Dictionary<string, IReadOnlyList<Call>>(StringComparer.Ordinal);
        foreach (JsonProperty op in root.GetProperty("calls").EnumerateObject())
        {
            calls[op.Name] = op.Value.EnumerateArray().Select(c => new Call(
                c.GetProperty("path").GetString() ?? "",
                c.GetProperty("sessionHeader").GetBoolean(),
                c.GetProperty("bodySessionHeader").GetBoolean(),
                c.GetProperty("headers").EnumerateArray().Select(h => h.GetString() ?? "").ToArray(),
                c.GetProperty("outcome").GetString() ?? "",
                c.TryGetProperty("headerNote", out JsonElement note) ? note.GetString() : null)).ToArray();
        }

        var faults = root.GetProperty("faults").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32(), StringComparer.Ordinal);
        return new StatsSnapshot(
            root.GetProperty("logins").GetInt32(),
            root.GetProperty("failedLogins").GetInt32(),
            root.GetProperty("sessions").GetInt32(),
            root.GetProperty("accounts").GetInt32(),
            calls,
            faults);
    }

    /// <summary>GET of a control path (relative to <see cref="BaseUri"/>, e.g. <c>__control/stats</c>), parsed as JSON.</summary>
    public JsonElement GetJson(string path) => _php.GetJson(path);

    /// <summary>GET of a path relative to <see cref="BaseUri"/>; throws unless it answers 200.</summary>
    public string GetText(string path) => _php.GetText(path);

    public void Dispose() => _php.Dispose();


    private static string FindWsdl()
    {
        string path = DefaultWsdlPath;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"The Bronto interop tests need the Bronto WSDL at {path} (the read-only corpus beside the repository: " +
                "../shared/wsdl-corpus/savon/spec/fixtures/wsdl/bronto.wsdl); set SOAPGEN_BRONTO_WSDL to use another copy.");
        }

        return path;
    }

    /// <summary>One SOAP call the server saw.</summary>
    /// <param name="Path">The request path (<c>/v4</c>).</param>
    /// <param name="SessionHeader">Whether a <c>sessionHeader</c> in <see cref="BrontoNamespace"/> came in SOAP-ENV:Header.</param>
    /// <param name="BodySessionHeader">Whether a <c>sessionHeader</c> element was (wrongly) inside the Body: ApiException 107.</param>
    /// <param name="Headers">The local names of all SOAP header elements.</param>
    /// <param name="Outcome"><c>ok</c>, <c>ApiException N</c> (the errorCode), or another fault's code.</param>
    /// <param name="HeaderNote">Why a sessionHeader did not count (wrong namespace, qualified sessionId), else null.</param>
    public sealed record Call(string Path, bool SessionHeader, bool BodySessionHeader, IReadOnlyList<string> Headers, string Outcome, string? HeaderNote);

    /// <summary><c>/__control/stats</c>: successful and failed logins, live sessions, stored login accounts, calls per operation, faults per outcome.</summary>
    public sealed record StatsSnapshot(
        int Logins,
        int FailedLogins,
        int Sessions,
        int Accounts,
        IReadOnlyDictionary<string, IReadOnlyList<Call>> Calls,
        IReadOnlyDictionary<string, int> Faults)
    {
        /// <summary>The calls of <paramref name="operation"/> (e.g. <c>readLogins</c>), oldest first; empty when none.</summary>
        public IReadOnlyList<Call> CallsTo(string operation) => Calls.TryGetValue(operation, out IReadOnlyList<Call>? list) ? list : Array.Empty<Call>();
    }
}
