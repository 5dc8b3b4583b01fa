using System.Collections.Generic;
using System.IO;
using System.Xml;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using SoapGen.Generator.Diagnostics;

namespace SoapGen.Generator.Wsdl;

/// <summary>
/// State shared while reading one WSDL and the documents it imports: where diagnostics go, how prefixed names
/// resolve, and which imported documents were read already (imports may repeat or form cycles).
/// </summary>
internal sealed class ReadContext
{
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly ImportResolver _imports;
    private readonly HashSet<string> _read = new();

    public ReadContext(string filePath, List<DiagnosticInfo> diagnostics, ImportResolver imports)
    {
        FilePath = filePath;
        _diagnostics = diagnostics;
        _imports = imports;
        _read.Add(ImportResolver.Normalize(filePath));
    }

    public string FilePath { get; }

    public void Report(DiagnosticDescriptor descriptor, XObject at, params string[] arguments) =>
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, FilePath, WsdlReader.PositionOf(at), arguments));

    /// <summary>
    /// The root element of the document an import names, parsed; null when it was read already, or is not among the
    /// AdditionalFiles (reported when <paramref name="location"/> was given), or is not well-formed (reported).
    /// </summary>
    public XElement? LoadImport(XElement import, string kind, string? location, string? ns) => LoadImport(import, kind, location, ns, out _);

    /// <inheritdoc cref="LoadImport(XElement, string, string?, string?)"/>
    /// <param name="found">The path of the document the import names, null when it is not among the AdditionalFiles.</param>
    public XElement? LoadImport(XElement import, string kind, string? location, string? ns, out string? found)
    {
        var importer = import.Document?.Annotation<ImportedDocument>()?.Path ?? FilePath;
        var document = _imports.Find(importer, location, ns);
        found = document?.Path;
        if (document is null)
        {
            if (!string.IsNullOrWhiteSpace(location))
            {
                Report(DiagnosticDescriptors.ImportNotFound, import, kind, location!);
            }

            return null;
        }

        return Load(document, report: true);
    }

    /// <summary>
    /// The root element of a document a shared <see cref="SchemaDescription"/> names among its imports (found when it
    /// was read); null when it was read already, or is not well-formed (the shared description reported that).
    /// </summary>
    public XElement? LoadImported(string path) =>
        _imports.FindByPath(path) is { } document ? Load(document, report: false) : null;

    private XElement? Load(SourceDocument document, bool report)
    {
        if (!_read.Add(ImportResolver.Normalize(document.Path)))
        {
            return null;
        }

        try
        {
            return document.Parsed().Root;
        }
        catch (XmlException ex)
        {
            if (report)
            {
                _diagnostics.Add(WsdlReader.Unreadable(FilePath, document.Path, document.Text, ex));
            }

            return null;
        }
    }

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

/// <summary>Marks an imported document with its path, so positions in it are reported in that file.</summary>
internal sealed class ImportedDocument
{
    public ImportedDocument(string path) => Path = path;

    public string Path { get; }
}
