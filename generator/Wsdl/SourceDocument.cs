using System;
using System.Collections.Generic;
using System.IO;
using System.Xml;
using System.Xml.Linq;
using SoapGen.Generator.Common;

namespace SoapGen.Generator.Wsdl;

/// <summary>
/// An AdditionalFiles document (WSDL or XSD) that a WSDL may import: its path and text, and what it names — its root
/// targetNamespace, whether it is an XML Schema (its root is xsd:schema), its imports, and whether it is well-formed
/// and nests no deeper than <see cref="WsdlReader.MaxDepth"/> (<see cref="Shallow"/>: parsing it needs no check). They are scanned once per edit of this file, so finding the documents a WSDL
/// depends on parses none of them again (<see cref="ImportResolver.Reachable"/>).
/// </summary>
internal sealed record SourceDocument(string Path, string Text, string? TargetNamespace, EquatableArray<ImportReference> Imports, bool IsSchema = false, bool Shallow = false)
{
    // Parsed once however many WSDLs import it: every SoftLayer service includes the same 1.4 MB types schema.
    private readonly Lazy<XDocument> _parsed = new(() =>
    {
        var parsed = WsdlReader.Parse(Text, Shallow);
        parsed.AddAnnotation(new ImportedDocument(Path));
        return parsed;
    });

    /// <summary>The document parsed (shared: read it, never change it); throws the <see cref="XmlException"/> of a bad one.</summary>
    public XDocument Parsed() => _parsed.Value;

    // The path and the text decide everything else (the parsed tree is not compared); the hash skips the long text.
    public bool Equals(SourceDocument? other) =>
        ReferenceEquals(this, other) || (other is not null && Path == other.Path && Text == other.Text);

    public override int GetHashCode() => unchecked((StringComparer.Ordinal.GetHashCode(Path) * 31) + Text.Length);

    /// <summary>
    /// Reads the imports with the arguments <see cref="ReadContext.LoadImport"/> is given for them, wherever they are
    /// (a superset is harmless: it only makes a WSDL depend on one more document). A document that is not well-formed
    /// keeps the imports before the error; reading it reports the error.
    /// </summary>
    public static SourceDocument Scan(string path, string text)
    {
        string? rootNamespace = null;
        var isSchema = false;
        var shallow = false;
        var imports = new List<ImportReference>();
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), WsdlReader.Settings);
            var schemaNamespace = string.Empty;
            var atRoot = true;
            shallow = true;
            while (reader.Read())
            {
                shallow &= reader.Depth <= WsdlReader.MaxDepth;
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (atRoot)
                {
                    rootNamespace = reader.GetAttribute("targetNamespace");
                    isSchema = reader.LocalName == "schema" && reader.NamespaceURI == XmlNamespaces.Xsd;
                    atRoot = false;
                }

                switch (reader.LocalName)
                {
                    case "schema":
                        schemaNamespace = reader.GetAttribute("targetNamespace") ?? string.Empty;
                        break;
                    case "import" when reader.NamespaceURI == XmlNamespaces.Wsdl:
                        imports.Add(new ImportReference(reader.GetAttribute("location"), null, ImportKind.Wsdl));
                        break;
                    case "import":
                        imports.Add(new ImportReference(reader.GetAttribute("schemaLocation"), reader.GetAttribute("namespace"), ImportKind.Schema));
                        break;
                    case "include" or "redefine":
                        // An included schema takes the includer's namespace, and is looked up by it too.
                        imports.Add(new ImportReference(reader.GetAttribute("schemaLocation"), schemaNamespace.Length == 0 ? null : schemaNamespace, ImportKind.Include));
                        break;
                }
            }
        }
        catch (XmlException)
        {
            shallow = false;
        }

        return new SourceDocument(path, text, rootNamespace, imports.ToEquatableArray(), isSchema, shallow);
    }
}

/// <summary>What one import element names: its location, the namespace it may be found by, and which element it is.</summary>
internal readonly record struct ImportReference(string? Location, string? Namespace, ImportKind Kind = ImportKind.Schema);

/// <summary>The element an <see cref="ImportReference"/> was read from.</summary>
internal enum ImportKind
{
    /// <summary>wsdl:import.</summary>
    Wsdl,

    /// <summary>xsd:import.</summary>
    Schema,

    /// <summary>xsd:include or xsd:redefine: the included schema takes the includer's namespace when it has none.</summary>
    Include,
}
