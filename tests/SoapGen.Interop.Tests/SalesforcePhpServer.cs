using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;

namespace SoapGen.Interop.Tests;

/// <summary>
/// PHP ext/soap <c>SoapServer</c> playing the Salesforce partner SOAP API over the real <c>partner.wsdl</c>
/// (tests/servers/salesforce/server.php) on a free loopback port: <c>login</c> at <see cref="Endpoint"/> returns a
/// session id and a <c>serverUrl</c> (<see cref="InstanceEndpoint"/>) where <c>getUserInfo</c> and
/// <c>getServerTimestamp</c> need a <c>SessionHeader</c>. Its process group is killed and its state directory deleted
/// on dispose. See tests/servers/salesforce/README.md for the wire shapes.
/// </summary>
public sealed class SalesforcePhpServer : IDisposable
{
    public const string Username = "sf-user@example.com";

    /// <summary>Salesforce's "password + security token".</summary>
    public const string Password = "sf-pass+token";

    public const string UserId = "005000000000001AAA";
    public const string OrganizationId = "00D000000000001AAA";

    /// <summary>The namespace of the WSDL's messages and of <c>SessionHeader</c>.</summary>
    public const string PartnerNamespace = "urn:partner.soap.sforce.com";

    /// <summary>The namespace of the fault codes (<c>sf:INVALID_SESSION_ID</c>) and fault detail elements.</summary>
    public const string FaultNamespace = "urn:fault.partner.soap.sforce.com";

    public const string InvalidLoginFaultString = "INVALID_LOGIN: Invalid username, password, security token; or user locked out.";
    public const string InvalidSessionFaultString = "INVALID_SESSION_ID: Invalid Session ID found in SessionHeader: Illegal Session";
    public const string UrlNotResetFaultString = "UNKNOWN_EXCEPTION: Destination URL not reset. The URL returned from login must be set in the SforceService";

    private readonly PhpServerProcess _php;

    public SalesforcePhpServer()
    {
        WsdlPath = FindWsdl();
        _php = new PhpServerProcess(
            Path.Combine(RepoPaths.Root, "tests", "servers", "salesforce", "server.php"),
            new Dictionary<string, string?>
            {
                ["SOAPGEN_PARTNER_WSDL"] = WsdlPath,
                ["PHP_CLI_SERVER_WORKERS"] = "4", // sessions and counters live in a locked JSON file
            },
            new[] { "soap", "dom" },
            PhpSoapServer.InstallHint,
            "the Salesforce partner API test server",
            stateVariable: "SOAPGEN_SALESFORCE_STATE");

        Endpoint = new Uri(_php.BaseUri, "services/Soap/u/login");
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
    /// The partner WSDL: <c>SOAPGEN_PARTNER_WSDL</c> when set, else
    /// <c>../shared/wsdl-corpus/salesforce-go-soapforce/partner.wsdl</c> beside the repository.
    /// </summary>
    public static string DefaultWsdlPath =>
        Environment.GetEnvironmentVariable("SOAPGEN_PARTNER_WSDL") is { Length: > 0 } path
            ? path
            : Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "wsdl-corpus", "salesforce-go-soapforce", "partner.wsdl"));

    public string WsdlPath { get; }

    public int Port => _php.Port;

    /// <summary><c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri BaseUri => _php.BaseUri;

    /// <summary>The login endpoint, <c>/services/Soap/u/login</c> (any path without <c>/instance/</c> is one).</summary>
    public Uri Endpoint { get; }

    /// <summary>What php -S printed so far; for failure messages.</summary>
    public string Log => _php.Log;

    /// <summary>The <c>serverUrl</c> the <paramref name="n"/>-th login since the last reset returns (1-based).</summary>
    public Uri InstanceEndpoint(int n) => new(_php.BaseUri, "services/Soap/u/instance/" + n.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Clears sessions, counters and the recorded request/response.</summary>
    public void Reset() => GetText("__control/reset");

    /// <summary>Invalidates every session: the next session call gets <c>sf:INVALID_SESSION_ID</c>. Returns how many there were.</summary>
    public int Expire() => GetJson("__control/expire").GetProperty("expired").GetInt32();

    /// <summary>The raw XML of the last SOAP request (it contains what the client sent, session id and password included).</summary>
    public string LastRequest() => GetText("__control/last-request");

    /// <summary>The raw XML of the last SOAP reply.</summary>
    public string LastResponse() => GetText("__control/last-response");

    /// <summary>Counters and per-call facts (path, SessionHeader present, outcome); never a session id or password.</summary>
    public StatsSnapshot Stats()
    {
        JsonElement root = GetJson("__control/stats");
        var calls = new Dictionary<string, IReadOnlyList<Call>>(StringComparer.Ordinal);
        foreach (JsonProperty op in root.GetProperty("calls").EnumerateObject())
        {
            calls[op.Name] = op.Value.EnumerateArray().Select(c => new Call(
                c.GetProperty("path").GetString() ?? "",
                c.GetProperty("endpoint").GetString() == "instance",
                c.GetProperty("sessionHeader").GetBoolean(),
                c.GetProperty("headers").EnumerateArray().Select(h => h.GetString() ?? "").ToArray(),
                c.GetProperty("outcome").GetString() ?? "",
                c.TryGetProperty("headerNote", out JsonElement note) ? note.GetString() : null)).ToArray();
        }

        var faults = root.GetProperty("faults").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32(), StringComparer.Ordinal);
        return new StatsSnapshot(
            root.GetProperty("logins").GetInt32(),
            root.GetProperty("failedLogins").GetInt32(),
            root.GetProperty("sessions").GetInt32(),
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
                $"The Salesforce interop tests need the partner WSDL at {path} (the read-only corpus beside the repository: " +
                "../shared/wsdl-corpus/salesforce-go-soapforce/partner.wsdl); set SOAPGEN_PARTNER_WSDL to use another copy.");
        }

        return path;
    }

    /// <summary>One SOAP call the server saw.</summary>
    /// <param name="Path">The request path (<c>/services/Soap/u/login</c>, <c>/services/Soap/u/instance/1</c>).</param>
    /// <param name="AtInstance">Whether the path was an instance endpoint (contains <c>/instance/</c>).</param>
    /// <param name="SessionHeader">Whether a <c>SessionHeader</c> in <see cref="PartnerNamespace"/> came.</param>
    /// <param name="Headers">The local names of all SOAP header elements.</param>
    /// <param name="Outcome"><c>ok</c> or the fault code (<c>sf:INVALID_SESSION_ID</c>).</param>
    /// <param name="HeaderNote">Why a SessionHeader did not count (wrong namespace, unqualified sessionId), else null.</param>
    public sealed record Call(string Path, bool AtInstance, bool SessionHeader, IReadOnlyList<string> Headers, string Outcome, string? HeaderNote);

    /// <summary><c>/__control/stats</c>: successful and failed logins, live sessions, calls per operation, faults per code.</summary>
    public sealed record StatsSnapshot(
        int Logins,
        int FailedLogins,
        int Sessions,
        IReadOnlyDictionary<string, IReadOnlyList<Call>> Calls,
        IReadOnlyDictionary<string, int> Faults)
    {
        /// <summary>The calls of <paramref name="operation"/> (e.g. <c>getUserInfo</c>), oldest first; empty when none.</summary>
        public IReadOnlyList<Call> CallsTo(string operation) => Calls.TryGetValue(operation, out IReadOnlyList<Call>? list) ? list : Array.Empty<Call>();
    }
}
