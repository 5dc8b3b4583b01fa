using System;
using System.Collections.Generic;
using System.Text.Json;

namespace SoapGen.Interop.Tests;

/// <summary>
/// PHP ext/soap <c>SoapServer</c> playing the Salesforce partner SOAP API over the real <c>partner.wsdl</c>
/// (tests/servers/salesforce/server.php) on a free loopback port: <c>login</c> at <see cref="Endpoint"/> returns a
/// session id and a <c>serverUrl</c> (<see cref="InstanceEndpoint"/>) where <c>getUserInfo</c> and
/// <c>getServerTimestamp</c> need a <c>SessionHeader</c>. Its process group is killed and its state directory deleted
/// on dispose. See tests/servers/salesforce/README.md for the wire shapes.
/// </summary>
public sealed class SalesforcePhpServer : SessionPhpServer
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

    public SalesforcePhpServer()
        : base("salesforce", "SOAPGEN_PARTNER_WSDL", "salesforce-go-soapforce/partner.wsdl", "services/Soap/u/login", "The Salesforce partner API test server")
    {
    }

    /// <summary>The <c>serverUrl</c> the <paramref name="n"/>-th login since the last reset returns (1-based).</summary>
    public Uri InstanceEndpoint(int n) => new(BaseUri, "services/Soap/u/instance/" + n.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Counters and per-call facts (path, SessionHeader present, outcome); never a session id or password.</summary>
    public StatsSnapshot Stats()
    {
        var (root, calls, faults) = ReadStats(c =>
        {
            var (headers, note) = CommonCallFields(c);
            return new Call(
                c.GetProperty("path").GetString() ?? "",
                c.GetProperty("endpoint").GetString() == "instance",
                c.GetProperty("sessionHeader").GetBoolean(),
                headers,
                c.GetProperty("outcome").GetString() ?? "",
                note);
        });
        return new StatsSnapshot(root.GetProperty("logins").GetInt32(), root.GetProperty("failedLogins").GetInt32(), root.GetProperty("sessions").GetInt32(), calls, faults);
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
