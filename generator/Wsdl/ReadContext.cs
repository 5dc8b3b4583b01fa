using System.Collections.Generic;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using SoapGen.Generator.Diagnostics;

namespace SoapGen.Generator.Wsdl;

/// <summary>State shared while reading one file: where diagnostics go and how prefixed names resolve.</summary>
internal sealed class ReadContext
{
    private readonly List<DiagnosticInfo> _diagnostics;

    public ReadContext(string filePath, List<DiagnosticInfo> diagnostics)
    {
        FilePath = filePath;
        _diagnostics = diagnostics;
    }

    public string FilePath { get; }

    public void Report(DiagnosticDescriptor descriptor, XObject at, params string[] arguments) =>
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, FilePath, WsdlReader.PositionOf(at), arguments));

    /// <summary>Resolves a QName-valued attribute ("tns:foo") against the namespaces in scope at its element.</summary>
    public QName? ResolveQName(XElement? element, string attributeName)
    {
        var attribute = element?.Attribute(attributeName);
        if (attribute is null)
        {
            return null;
        }

        return ResolveQName(element!, attribute.Value, attribute);
    }

    public QName? ResolveQName(XElement scope, string value, XObject reportAt)
    {
        value = value.Trim();
        var colon = value.IndexOf(':');
        if (colon < 0)
        {
            // An unprefixed QName takes the default namespace in scope (XML Schema rules).
            return new QName(scope.GetDefaultNamespace().NamespaceName, value);
        }

        var prefix = value.Substring(0, colon);
        var local = value.Substring(colon + 1);
        var ns = scope.GetNamespaceOfPrefix(prefix);
        if (ns is null)
        {
            Report(DiagnosticDescriptors.InvalidWsdl, reportAt, "The prefix '" + prefix + "' in '" + value + "' is not declared");
            return new QName("urn:undeclared-prefix:" + prefix, local);
        }

        return new QName(ns.NamespaceName, local);
    }
}
