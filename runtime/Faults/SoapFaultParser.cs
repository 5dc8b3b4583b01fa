using System;
using System.Linq;
using System.Net;
using System.Xml.Linq;

namespace SoapGen.Runtime;

/// <summary>
/// Turns a Fault element into a <see cref="SoapFaultException"/>. Children are looked up by local name in any order
/// and any namespace: NuSOAP writes <c>faultactor</c> before <c>faultstring</c>, some stacks qualify the 1.1 children,
/// and WCF's strict reader reports "invalid SOAP Fault" for both instead of the server's message.
/// </summary>
internal static class SoapFaultParser
{
    public static SoapFaultException Parse(XElement fault, HttpStatusCode status, Func<string, string>? redact = null)
    {
        return fault.Name.NamespaceName == SoapNamespaces.Envelope12 ? Parse12(fault, status, redact) : Parse11(fault, status, redact);
    }

    private static SoapFaultException Parse11(XElement fault, HttpStatusCode status, Func<string, string>? redact)
    {
        XElement? code = Child(fault, "faultcode");
        (string codeName, string? codeNs) = SplitQName(code);
        return new SoapFaultException(
            SoapVersion.Soap11,
            codeName,
            Child(fault, "faultstring")?.Value.Trim() ?? string.Empty,
            codeNs,
            subcode: null,
            actor: NullIfEmpty(Child(fault, "faultactor")?.Value),
            node: null,
            detail: Child(fault, "detail"),
            httpStatusCode: status,
            redact: redact);
    }

    private static SoapFaultException Parse12(XElement fault, HttpStatusCode status, Func<string, string>? redact)
    {
        XElement? code = Child(fault, "Code");
        (string codeName, string? codeNs) = SplitQName(Child(code, "Value"));
        XElement? subcodeValue = Child(Child(code, "Subcode"), "Value");
        string? subcode = subcodeValue is null ? null : SplitQName(subcodeValue).LocalName;

        // Reason holds one Text per language; English if there is one, else the first.
        XElement[] texts = Child(fault, "Reason")?.Elements().Where(e => e.Name.LocalName == "Text").ToArray() ?? Array.Empty<XElement>();
        XElement? text = texts.FirstOrDefault(t => ((string?)t.Attribute(XNamespace.Xml + "lang"))?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true)
            ?? texts.FirstOrDefault();

        return new SoapFaultException(
            SoapVersion.Soap12,
            codeName,
            text?.Value.Trim() ?? string.Empty,
            codeNs,
            subcode,
            actor: NullIfEmpty(Child(fault, "Role")?.Value),
            node: NullIfEmpty(Child(fault, "Node")?.Value),
            detail: Child(fault, "Detail"),
            httpStatusCode: status,
            redact: redact);
    }

    private static XElement? Child(XElement? parent, string localName) =>
        parent?.Elements().FirstOrDefault(e => string.Equals(e.Name.LocalName, localName, StringComparison.OrdinalIgnoreCase));

    // "SOAP-ENV:Client" → ("Client", envelope namespace); the prefix is resolved against the declarations in scope.
    private static (string LocalName, string? Namespace) SplitQName(XElement? element)
    {
        string value = element?.Value.Trim() ?? string.Empty;
        int colon = value.IndexOf(':');
        if (colon < 0)
        {
            return (value, element?.GetDefaultNamespace().NamespaceName is { Length: > 0 } defaultNs ? defaultNs : null);
        }

        string prefix = value.Substring(0, colon);
        return (value.Substring(colon + 1), element!.GetNamespaceOfPrefix(prefix)?.NamespaceName);
    }

    private static string? NullIfEmpty(string? value)
    {
        value = value?.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }
}
