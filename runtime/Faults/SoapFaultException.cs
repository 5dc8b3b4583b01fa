using System;
using System.Net;
using System.Xml.Linq;

namespace SoapGen.Runtime;

/// <summary>
/// The service answered with a SOAP 1.1 or 1.2 <c>Fault</c> (with HTTP 500 or, as some servers do, 200).
/// </summary>
public class SoapFaultException : SoapException
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
        : this(version, code, reason, codeNamespace, subcode, actor, node, detail, httpStatusCode, redact: null)
    {
    }

    // The runtime's way in: the message masks the credentials the request carried, should the server echo them.
    internal SoapFaultException(
        SoapVersion version,
        string code,
        string reason,
        string? codeNamespace,
        string? subcode,
        string? actor,
        string? node,
        XElement? detail,
        HttpStatusCode httpStatusCode,
        Func<string, string>? redact)
        : base(FormatMessage(code, subcode, reason, redact))
    {
        SoapVersion = version;
        Code = code ?? string.Empty;
        Reason = reason ?? string.Empty;
        CodeNamespace = codeNamespace;
        Subcode = subcode;
        Actor = actor;
        Node = node;
        Detail = detail;
        RawDetail = detail is null ? null : XmlText.Of(detail);
        HttpStatusCode = httpStatusCode;
    }

    /// <summary>Copies a fault, for a subclass that adds what the WSDL declares about it.</summary>
    /// <param name="fault">The fault as read.</param>
    protected SoapFaultException(SoapFaultException fault)
        : base((fault ?? throw new ArgumentNullException(nameof(fault))).Message, fault.InnerException)
    {
        SoapVersion = fault.SoapVersion;
        Code = fault.Code;
        Reason = fault.Reason;
        CodeNamespace = fault.CodeNamespace;
        Subcode = fault.Subcode;
        Actor = fault.Actor;
        Node = fault.Node;
        Detail = fault.Detail;
        RawDetail = fault.RawDetail;
        HttpStatusCode = fault.HttpStatusCode;
    }

    /// <summary>The fault code's local name without prefix, e.g. <c>Client</c>, <c>Server</c>, <c>Sender</c>, <c>Receiver</c>.</summary>
    public string Code { get; }

    /// <summary>The namespace of the fault code (usually the envelope namespace), when the prefix could be resolved.</summary>
    public string? CodeNamespace { get; }

    /// <summary>The first SOAP 1.2 <c>Subcode/Value</c> local name; always <see langword="null"/> for SOAP 1.1.</summary>
    public string? Subcode { get; }

    /// <summary>
    /// The fault string (1.1) or the English (else first) reason text (1.2), whole and as sent. <see cref="Exception.Message"/>
    /// quotes at most its first 512 characters, with credential values the request carried masked; this property does not.
    /// </summary>
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

    /// <summary>
    /// Whether the fault code is <paramref name="code"/>: its local name, case-sensitive, whatever its prefix. Vendor codes
    /// read well in filters: <c>catch (SoapFaultException ex) when (ex.HasCode("SoftLayer_Exception_ObjectNotFound"))</c>.
    /// </summary>
    /// <param name="code">The code's local name, e.g. <c>Client</c> or <c>SoftLayer_Exception_ObjectNotFound</c>.</param>
    /// <returns>Whether the code or the SOAP 1.2 subcode is that name.</returns>
    public bool HasCode(string code) => string.Equals(Code, code, StringComparison.Ordinal) || string.Equals(Subcode, code, StringComparison.Ordinal);

    private static string FormatMessage(string? code, string? subcode, string? reason, Func<string, string>? redact)
    {
        // "SOAP fault Client: Invalid Session ID" reads like the server's own words, which is what people search for.
        // Each part is cut short: the message of a 10 MB fault string stays small; the whole text is in Reason.
        string fullCode = BodyPreview.Excerpt(code ?? string.Empty, MaxCodeChars)
            + (subcode is null ? string.Empty : "/" + BodyPreview.Excerpt(subcode, MaxCodeChars));
        string message = "SOAP fault " + fullCode + ": " + BodyPreview.Excerpt(reason ?? string.Empty, MaxReasonChars);
        return redact is null ? message : redact(message);
    }

    private const int MaxCodeChars = 128;
    private const int MaxReasonChars = 512;
}

/// <summary>A fault the operation declares in its WSDL (<c>wsdl:fault</c>), with its detail read into its generated type.</summary>
/// <typeparam name="TDetail">The detail's type.</typeparam>
public sealed class SoapFaultException<TDetail> : SoapFaultException
{
    /// <summary>Creates the typed fault from the fault as read.</summary>
    /// <param name="fault">The fault as read, with its raw detail.</param>
    /// <param name="faultName">The fault's name in the WSDL.</param>
    /// <param name="detail">The detail entry, read.</param>
    public SoapFaultException(SoapFaultException fault, string faultName, TDetail? detail)
        : base(fault)
    {
        FaultName = faultName;
        TypedDetail = detail;
    }

    /// <summary>The fault's name in the WSDL.</summary>
    public string FaultName { get; }

    /// <summary>The detail, as the WSDL declares it; the raw XML stays in <see cref="SoapFaultException.Detail"/>.</summary>
    public TDetail? TypedDetail { get; }
}
