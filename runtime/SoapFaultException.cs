using System;
using System.Net;
using System.Xml.Linq;

namespace SoapGen.Runtime;

/// <summary>
/// The service answered with a SOAP 1.1 or 1.2 <c>Fault</c> (with HTTP 500 or, as some servers do, 200).
/// </summary>
public sealed class SoapFaultException : SoapException
{
    /// <summary>Creates a fault exception; the runtime does this when it reads a Fault, tests and mocks may too.</summary>
    /// <param name="version">The SOAP version of the envelope that carried the fault.</param>
    /// <param name="code">The fault code's local name without prefix, e.g. <c>Client</c> or <c>Sender</c>.</param>
    /// <param name="reason">The human-readable fault string (1.1) or reason text (1.2).</param>
    /// <param name="codeNamespace">The namespace the fault code's prefix resolved to, if known.</param>
    /// <param name="subcode">The first SOAP 1.2 subcode's local name, if any.</param>
    /// <param name="actor">The SOAP 1.1 faultactor or SOAP 1.2 Role, if any.</param>
    /// <param name="node">The SOAP 1.2 Node, if any.</param>
    /// <param name="detail">The <c>detail</c>/<c>Detail</c> element as sent, if any.</param>
    /// <param name="httpStatusCode">The HTTP status the fault came with.</param>
    public SoapFaultException(
        SoapVersion version,
        string code,
        string reason,
        string? codeNamespace = null,
        string? subcode = null,
        string? actor = null,
        string? node = null,
        XElement? detail = null,
        HttpStatusCode httpStatusCode = HttpStatusCode.InternalServerError)
        : base(FormatMessage(code, subcode, reason))
    {
        SoapVersion = version;
        Code = code ?? string.Empty;
        Reason = reason ?? string.Empty;
        CodeNamespace = codeNamespace;
        Subcode = subcode;
        Actor = actor;
        Node = node;
        Detail = detail;
        RawDetail = detail?.ToString(SaveOptions.DisableFormatting);
        HttpStatusCode = httpStatusCode;
    }

    /// <summary>The fault code's local name without prefix, e.g. <c>Client</c>, <c>Server</c>, <c>Sender</c>, <c>Receiver</c>.</summary>
    public string Code { get; }

    /// <summary>The namespace of the fault code (usually the envelope namespace), when the prefix could be resolved.</summary>
    public string? CodeNamespace { get; }

    /// <summary>The first SOAP 1.2 <c>Subcode/Value</c> local name; always <see langword="null"/> for SOAP 1.1.</summary>
    public string? Subcode { get; }

    /// <summary>The fault string (1.1) or the English (else first) reason text (1.2).</summary>
    public string Reason { get; }

    /// <summary>The SOAP 1.1 <c>faultactor</c> or SOAP 1.2 <c>Role</c>.</summary>
    public string? Actor { get; }

    /// <summary>The SOAP 1.2 <c>Node</c>.</summary>
    public string? Node { get; }

    /// <summary>
    /// The <c>detail</c> (1.1) or <c>Detail</c> (1.2) element itself; its child elements are the detail entries.
    /// Namespace declarations that were in scope on the envelope are copied onto it so prefixed values still resolve.
    /// </summary>
    public XElement? Detail { get; }

    /// <summary>The detail element as XML text, for logging or for parsing with a different API.</summary>
    public string? RawDetail { get; }

    /// <summary>The HTTP status code the fault came with.</summary>
    public HttpStatusCode HttpStatusCode { get; }

    /// <summary>The SOAP version of the envelope that carried the fault.</summary>
    public SoapVersion SoapVersion { get; }

    private static string FormatMessage(string code, string? subcode, string reason)
    {
        // "SOAP fault Client: Invalid Session ID" reads like the server's own words, which is what people search for.
        string fullCode = subcode is null ? code : code + "/" + subcode;
        return "SOAP fault " + fullCode + ": " + reason;
    }
}
