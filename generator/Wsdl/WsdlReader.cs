using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using SoapGen.Generator.Common;
using SoapGen.Generator.Diagnostics;

namespace SoapGen.Generator.Wsdl;

/// <summary>
/// Reads a WSDL 1.1 document (and its inline XML Schemas) into a <see cref="WsdlDescription"/>.
/// Input is the text Roslyn hands us; nothing is read from disk or network (no DTDs, no resolver).
/// </summary>
internal static class WsdlReader
{
    private static readonly XNamespace Wsdl = XmlNamespaces.Wsdl;

    public static WsdlReadResult Read(string filePath, string text) =>
        Read(filePath, text, new ImportResolver(EquatableArray<SourceDocument>.Empty));

    /// <summary>
    /// Reads a WSDL; its imports are looked up among <paramref name="imports"/> (the other AdditionalFiles), and an imported
    /// schema document read already on its own (<paramref name="shared"/>) is taken as it is.
    /// </summary>
    public static WsdlReadResult Read(string filePath, string text, ImportResolver imports, SharedSchemas? shared = null, bool shallow = false)
    {
        var diagnostics = new List<DiagnosticInfo>();
        XDocument document;
        try
        {
            document = Parse(text, shallow);
        }
        catch (XmlException ex)
        {
            diagnostics.Add(Unreadable(filePath, null, text, ex));
            return new WsdlReadResult(null, diagnostics.ToEquatableArray());
        }

        var root = document.Root!;
        if (root.Name != Wsdl + "definitions")
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.NotAWsdl, filePath, PositionOf(root), Path.GetFileName(filePath), "{" + root.Name.NamespaceName + "}" + root.Name.LocalName));
            return new WsdlReadResult(null, diagnostics.ToEquatableArray());
        }

        var context = new ReadContext(filePath, diagnostics, imports);
        var definitions = new Definitions(new SchemaReader(context, shared));
        ReadDefinitions(root, context, definitions);

        var description = new WsdlDescription(
            filePath,
            (string?)root.Attribute("targetNamespace") ?? string.Empty,
            DocumentationOf(root),
            definitions.Schemas.Schemas.ToEquatableArray(),
            definitions.Messages.ToEquatableArray(),
            definitions.PortTypes.ToEquatableArray(),
            definitions.Bindings.ToEquatableArray(),
            definitions.Services.ToEquatableArray(),
            root.Attributes()
                .Where(a => a.IsNamespaceDeclaration && a.Name.Namespace == XNamespace.Xmlns)
                .Select(a => new NamespaceDeclaration(a.Name.LocalName, a.Value))
                .ToEquatableArray(),
            definitions.Schemas.ImportedSchemas.ToEquatableArray());

        return new WsdlReadResult(description, diagnostics.ToEquatableArray());
    }

    /// <summary>Reads one definitions element, and those it imports, into <paramref name="into"/>.</summary>
    private static void ReadDefinitions(XElement root, ReadContext context, Definitions into)
    {
        var targetNamespace = (string?)root.Attribute("targetNamespace") ?? string.Empty;
        foreach (var import in root.Elements(Wsdl + "import"))
        {
            var imported = context.LoadImport(import, "wsdl:import", (string?)import.Attribute("location"), null);
            if (imported?.Name == Wsdl + "definitions")
            {
                ReadDefinitions(imported, context, into);
            }
            else if (imported?.Name == XName.Get("schema", XmlNamespaces.Xsd))
            {
                into.Schemas.ReadSchema(imported);
            }
        }

        foreach (var schema in root.Elements(Wsdl + "types").Elements(XName.Get("schema", XmlNamespaces.Xsd)))
        {
            into.Schemas.ReadSchema(schema);
        }

        into.Messages.AddRange(root.Elements(Wsdl + "message").Select(m => ReadMessage(m, targetNamespace, context)));
        into.PortTypes.AddRange(root.Elements(Wsdl + "portType").Select(p => ReadPortType(p, targetNamespace, context)));
        into.Bindings.AddRange(root.Elements(Wsdl + "binding").Select(b => ReadBinding(b, targetNamespace, context)));
        into.Services.AddRange(root.Elements(Wsdl + "service").Select(s => ReadService(s, context)));
    }

    /// <summary>
    /// How deep elements may nest. Reading schemas recurses with the nesting (anonymous types in anonymous types), and a
    /// stack overflow would take the compiler down with it; real WSDLs nest a few dozen levels.
    /// </summary>
    public const int MaxDepth = 256;

    internal static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    /// <summary>
    /// Parses a document with line info; one that nests too deep is refused first, unless scanning it found it
    /// <paramref name="shallow"/> already (<see cref="SourceDocument.Shallow"/>).
    /// </summary>
    internal static XDocument Parse(string text, bool shallow = false)
    {
        using (var scan = shallow ? null : XmlReader.Create(new StringReader(text), Settings))
        {
            while (scan is not null && scan.Read())
            {
                if (scan.Depth > MaxDepth)
                {
                    var info = (IXmlLineInfo)scan;
                    throw new XmlTooDeepException(info.LineNumber, info.LinePosition);
                }
            }
        }

        using var xmlReader = XmlReader.Create(new StringReader(text), Settings);
        return XDocument.Load(xmlReader, LoadOptions.SetLineInfo);
    }

    /// <summary>
    /// SOAPGEN001 for a document <see cref="Parse"/> refused, at the error; <paramref name="importedPath"/> names an
    /// imported document. A DTD gets its own message: .NET's ("set the DtdProcessing property to Parse") is advice a
    /// user cannot follow and must not want.
    /// </summary>
    internal static DiagnosticInfo Unreadable(string filePath, string? importedPath, string text, XmlException ex)
    {
        // Without a position (an empty document, "Root element is missing") the reader failed at the end of the text.
        var position = ex.LineNumber > 0 ? new SourcePosition(ex.LineNumber, ex.LinePosition, importedPath) : EndOf(text) with { File = importedPath };
        string reason;
        if (ex is XmlTooDeepException)
        {
            reason = "its elements nest more than " + MaxDepth + " levels deep, which SoapGen refuses (a limit against hostile input; real WSDLs nest a few dozen levels)";
        }
        else if (DoctypeOf(text) is { } doctype && (ex.LineNumber == 0 || ex.LineNumber >= doctype.Line))
        {
            // XmlReader refuses a DTD without a position; the DOCTYPE is where the user has to act.
            position = doctype with { File = importedPath };
            reason = "it contains a DTD (<!DOCTYPE ...>), which SoapGen refuses for security (entity expansion, external files). Remove the DOCTYPE declaration (and any entity references such as &name;) from the file";
        }
        else
        {
            reason = "it is not well-formed XML: " + ex.Message;
        }

        return DiagnosticInfo.Create(DiagnosticDescriptors.MalformedXml, filePath, position, Path.GetFileName(importedPath ?? filePath), reason);
    }

    private static SourcePosition EndOf(string text) =>
        new(1 + text.Count(c => c == '\n'), text.Length - text.LastIndexOf('\n'));

    /// <summary>Where the document's DOCTYPE starts, if its prolog (what comes before the root element) has one.</summary>
    private static SourcePosition? DoctypeOf(string text)
    {
        var index = text.IndexOf("<!DOCTYPE", StringComparison.Ordinal);
        if (index < 0 || text.IndexOf('<', 0) is var first && Enumerable.Range(first, index - first).Any(i => text[i] == '<' && i + 1 < text.Length && text[i + 1] is not ('?' or '!')))
        {
            return null;
        }

        var lineStart = index == 0 ? 0 : text.LastIndexOf('\n', index - 1) + 1;
        return new SourcePosition(1 + text.Take(index).Count(c => c == '\n'), index - lineStart + 1);
    }

    /// <summary>What the definitions of a WSDL and its imports add up to, in document order.</summary>
    private sealed class Definitions
    {
        public Definitions(SchemaReader schemas) => Schemas = schemas;

        public SchemaReader Schemas { get; }

        public List<WsdlMessage> Messages { get; } = new();

        public List<WsdlPortType> PortTypes { get; } = new();

        public List<WsdlBinding> Bindings { get; } = new();

        public List<WsdlService> Services { get; } = new();
    }

    private static WsdlMessage ReadMessage(XElement message, string targetNamespace, ReadContext context)
    {
        var parts = message.Elements(Wsdl + "part").Select(part => new WsdlPart(
            (string?)part.Attribute("name") ?? string.Empty,
            context.ResolveQName(part, "type"),
            context.ResolveQName(part, "element"),
            PositionOf(part),
            DocumentationOf(part)));
        return new WsdlMessage(new QName(targetNamespace, NameOf(message)), parts.ToEquatableArray(), PositionOf(message));
    }

    private static WsdlPortType ReadPortType(XElement portType, string targetNamespace, ReadContext context)
    {
        var operations = portType.Elements(Wsdl + "operation").Select(operation => new WsdlOperation(
            NameOf(operation),
            DocumentationOf(operation),
            context.ResolveQName(operation.Element(Wsdl + "input"), "message"),
            context.ResolveQName(operation.Element(Wsdl + "output"), "message"),
            operation.Elements(Wsdl + "fault")
                .Select(f => (Name: (string?)f.Attribute("name") ?? string.Empty, Message: context.ResolveQName(f, "message")))
                .Where(f => f.Message is not null)
                .Select(f => new WsdlFault(f.Name, f.Message!.Value))
                .ToEquatableArray(),
            PositionOf(operation),
            (string?)operation.Element(Wsdl + "output")?.Attribute("name")));
        return new WsdlPortType(new QName(targetNamespace, NameOf(portType)), operations.ToEquatableArray(), PositionOf(portType));
    }

    private static WsdlBinding ReadBinding(XElement binding, string targetNamespace, ReadContext context)
    {
        var version = SoapBindingVersion.None;
        var style = "document";
        var soapBinding = binding.Elements().FirstOrDefault(e => e.Name.LocalName == "binding" && IsSoapBindingNamespace(e.Name.NamespaceName));
        if (soapBinding is not null)
        {
            version = soapBinding.Name.NamespaceName == XmlNamespaces.Soap12Binding ? SoapBindingVersion.Soap12 : SoapBindingVersion.Soap11;
            style = (string?)soapBinding.Attribute("style") ?? "document";
        }

        var operations = binding.Elements(Wsdl + "operation").Select(operation =>
        {
            var soapOperation = operation.Elements().FirstOrDefault(e => e.Name.LocalName == "operation" && IsSoapBindingNamespace(e.Name.NamespaceName));
            return new WsdlBindingOperation(
                NameOf(operation),
                (string?)soapOperation?.Attribute("soapAction"),
                (string?)soapOperation?.Attribute("style"),
                ReadBody(operation.Element(Wsdl + "input"), context),
                ReadBody(operation.Element(Wsdl + "output"), context),
                PositionOf(operation));
        });

        return new WsdlBinding(
            new QName(targetNamespace, NameOf(binding)),
            context.ResolveQName(binding, "type") ?? new QName(string.Empty, string.Empty),
            version,
            style,
            operations.ToEquatableArray(),
            PositionOf(binding));
    }

    private static WsdlBody ReadBody(XElement? message, ReadContext context)
    {
        var body = message?.Elements().FirstOrDefault(e => e.Name.LocalName == "body" && IsSoapBindingNamespace(e.Name.NamespaceName));
        var parts = (string?)body?.Attribute("parts") is { } list
            ? list.Split(new[] { ' ', '\t', '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries).ToEquatableArray()
            : (EquatableArray<string>?)null;
        var headers = message?.Elements()
            .Where(e => e.Name.LocalName == "header" && IsSoapBindingNamespace(e.Name.NamespaceName))
            .Select(header => ReadHeader(header, context))
            .Where(header => header is not null)
            .Select(header => header!)
            .ToEquatableArray() ?? EquatableArray<WsdlHeader>.Empty;
        return new WsdlBody((string?)body?.Attribute("use") ?? "literal", (string?)body?.Attribute("namespace"), parts, headers);
    }

    private static WsdlHeader? ReadHeader(XElement header, ReadContext context)
    {
        var message = context.ResolveQName(header, "message");
        var part = (string?)header.Attribute("part");
        if (message is null || string.IsNullOrEmpty(part))
        {
            context.Report(DiagnosticDescriptors.InvalidWsdl, header, "A soap:header needs both a message and a part attribute; it is ignored");
            return null;
        }

        var faults = header.Elements()
            .Where(e => e.Name.LocalName == "headerfault" && IsSoapBindingNamespace(e.Name.NamespaceName))
            .Select(e => context.ResolveQName(e, "message"))
            .Where(q => q is not null)
            .Select(q => q!.Value)
            .ToEquatableArray();
        return new WsdlHeader(message.Value, part!, (string?)header.Attribute("use") ?? "literal", (string?)header.Attribute("namespace"), faults, PositionOf(header));
    }

    private static WsdlService ReadService(XElement service, ReadContext context)
    {
        var ports = service.Elements(Wsdl + "port").Select(port => new WsdlPort(
            NameOf(port),
            context.ResolveQName(port, "binding") ?? new QName(string.Empty, string.Empty),
            (string?)port.Elements().FirstOrDefault(e => e.Name.LocalName == "address")?.Attribute("location"),
            PositionOf(port)));
        return new WsdlService(NameOf(service), DocumentationOf(service), ports.ToEquatableArray(), PositionOf(service));
    }

    private static bool IsSoapBindingNamespace(string ns) => ns == XmlNamespaces.Soap11Binding || ns == XmlNamespaces.Soap12Binding;

    private static string NameOf(XElement element) => (string?)element.Attribute("name") ?? string.Empty;

    internal static string? DocumentationOf(XElement element)
    {
        var documentation = element.Elements().FirstOrDefault(e => e.Name.LocalName == "documentation")
            ?? element.Elements().FirstOrDefault(e => e.Name.LocalName == "annotation")?.Elements().FirstOrDefault(e => e.Name.LocalName == "documentation");
        var value = documentation?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>
    /// Where a node starts, and in which imported file if it is not the WSDL itself. XmlReader reports an element at
    /// its name, so step back onto its '&lt;'.
    /// </summary>
    internal static SourcePosition PositionOf(XObject node) =>
        node is IXmlLineInfo info && info.HasLineInfo()
            ? new SourcePosition(info.LineNumber, node is XElement ? Math.Max(info.LinePosition - 1, 1) : info.LinePosition, node.Document?.Annotation<ImportedDocument>()?.Path)
            : SourcePosition.Unknown;
}

/// <summary>A document nested deeper than <see cref="WsdlReader.MaxDepth"/>, refused before it is loaded.</summary>
internal sealed class XmlTooDeepException : XmlException
{
    public XmlTooDeepException(int line, int column)
        : base("elements nest more than " + WsdlReader.MaxDepth + " levels deep", null, line, column)
    {
    }
}
