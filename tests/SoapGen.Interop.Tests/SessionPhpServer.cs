using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace SoapGen.Interop.Tests;

/// <summary>
/// What the session test servers (tests/servers/salesforce, tests/servers/bronto, built on tests/servers/common) share:
/// a third-party WSDL read from ../shared, php -S with four workers and a state directory, and the control endpoints
/// <c>/__control/{reset,stats,expire,last-request,last-response}</c>. Started once per test class, reset on start.
/// </summary>
public abstract class SessionPhpServer : IDisposable
{
    private readonly PhpServerProcess _php;

    /// <param name="name">The server's folder under tests/servers, and its state variable's stem (SOAPGEN_NAME_STATE).</param>
    /// <param name="wsdlVariable">The variable that may name another copy of the WSDL.</param>
    /// <param name="corpusPath">The WSDL's path inside ../shared/wsdl-corpus.</param>
    /// <param name="endpointPath">The SOAP endpoint's path.</param>
    /// <param name="purpose">Who the server is, for error messages.</param>
    protected SessionPhpServer(string name, string wsdlVariable, string corpusPath, string endpointPath, string purpose)
    {
        WsdlPath = Environment.GetEnvironmentVariable(wsdlVariable) is { Length: > 0 } configured
            ? configured
            : Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "wsdl-corpus", corpusPath));
        if (!File.Exists(WsdlPath))
        {
            throw new InvalidOperationException(
                $"{purpose} needs its WSDL at {WsdlPath} (the read-only corpus beside the repository: ../shared/wsdl-corpus/{corpusPath}); " +
                $"set {wsdlVariable} to use another copy.");
        }

        _php = new PhpServerProcess(
            Path.Combine(RepoPaths.Root, "tests", "servers", name, "server.php"),
            new Dictionary<string, string?>
            {
                [wsdlVariable] = WsdlPath,
                ["PHP_CLI_SERVER_WORKERS"] = "4", // sessions and counters live in a locked JSON file
            },
            new[] { "soap", "dom" },
            PhpSoapServer.InstallHint,
            purpose,
            stateVariable: "SOAPGEN_" + name.ToUpperInvariant() + "_STATE");
        Endpoint = new Uri(_php.BaseUri, endpointPath);
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

    public string WsdlPath { get; }

    public int Port => _php.Port;

    /// <summary><c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri BaseUri => _php.BaseUri;

    /// <summary>The SOAP endpoint (for Salesforce: the login endpoint).</summary>
    public Uri Endpoint { get; }

    /// <summary>What php -S printed so far; for failure messages.</summary>
    public string Log => _php.Log;

    /// <summary>Clears sessions, counters and the recorded request/response.</summary>
    public void Reset() => GetText("__control/reset");

    /// <summary>Invalidates every session, so the next session call is told so. Returns how many there were.</summary>
    public int Expire() => GetJson("__control/expire").GetProperty("expired").GetInt32();

    /// <summary>The raw XML of the last SOAP request (it contains what the client sent, secrets included).</summary>
    public string LastRequest() => GetText("__control/last-request");

    /// <summary>The raw XML of the last SOAP reply.</summary>
    public string LastResponse() => GetText("__control/last-response");

    /// <summary>GET of a control path (relative to <see cref="BaseUri"/>, e.g. <c>__control/stats</c>), parsed as JSON.</summary>
    public JsonElement GetJson(string path) => _php.GetJson(path);

    /// <summary>GET of a path relative to <see cref="BaseUri"/>; throws unless it answers 200.</summary>
    public string GetText(string path) => _php.GetText(path);

    public void Dispose()
    {
        _php.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary><c>/__control/stats</c>: the root, the calls per operation (each read with <paramref name="readCall"/>), the faults per code.</summary>
    protected (JsonElement Root, IReadOnlyDictionary<string, IReadOnlyList<TCall>> Calls, IReadOnlyDictionary<string, int> Faults) ReadStats<TCall>(Func<JsonElement, TCall> readCall)
    {
        JsonElement root = GetJson("__control/stats");
        var calls = root.GetProperty("calls").EnumerateObject()
            .ToDictionary(op => op.Name, op => (IReadOnlyList<TCall>)op.Value.EnumerateArray().Select(readCall).ToArray(), StringComparer.Ordinal);
        var faults = root.GetProperty("faults").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32(), StringComparer.Ordinal);
        return (root, calls, faults);
    }

    /// <summary>The fields every recorded call has: the header names and the note on why a session header did not count.</summary>
    protected static (IReadOnlyList<string> Headers, string? HeaderNote) CommonCallFields(JsonElement call) => (
        call.GetProperty("headers").EnumerateArray().Select(h => h.GetString() ?? "").ToArray(),
        call.TryGetProperty("headerNote", out JsonElement note) ? note.GetString() : null);
}
