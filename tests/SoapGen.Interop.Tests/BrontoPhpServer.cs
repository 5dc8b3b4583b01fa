using System;
using System.Collections.Generic;
using System.Text.Json;

namespace SoapGen.Interop.Tests;

/// <summary>
/// PHP ext/soap <c>SoapServer</c> playing the Bronto SOAP API v4 over the real <c>bronto.wsdl</c>
/// (tests/servers/bronto/server.php) on a free loopback port: <c>login(apiToken)</c> returns a session id that
/// <c>readLogins</c> and <c>addLogins</c> need in the <c>sessionHeader</c> SOAP header (never in the Body: the WSDL's
/// messages put that part beside the body part, <c>soap:body parts="parameters"</c>). Its process group is killed and
/// its state directory deleted on dispose. See tests/servers/bronto/README.md for the wire shapes.
/// </summary>
public sealed class BrontoPhpServer : SessionPhpServer
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

    public BrontoPhpServer()
        : base("bronto", "SOAPGEN_BRONTO_WSDL", "savon/spec/fixtures/wsdl/bronto.wsdl", "v4", "The Bronto API test server")
    {
    }

    /// <summary>Counters and per-call facts (path, sessionHeader in Header / in Body, outcome); never a session id or token.</summary>
    public StatsSnapshot Stats()
    {
        var (root, calls, faults) = ReadStats(c =>
        {
            var (headers, note) = CommonCallFields(c);
            return new Call(
                c.GetProperty("path").GetString() ?? "",
                c.GetProperty("sessionHeader").GetBoolean(),
                c.GetProperty("bodySessionHeader").GetBoolean(),
                headers,
                c.GetProperty("outcome").GetString() ?? "",
                note);
        });
        return new StatsSnapshot(
            root.GetProperty("logins").GetInt32(), root.GetProperty("failedLogins").GetInt32(), root.GetProperty("sessions").GetInt32(),
            root.GetProperty("accounts").GetInt32(), calls, faults);
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
