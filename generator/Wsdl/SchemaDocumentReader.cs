using System.Collections.Generic;
using System.Linq;
using System.Xml;
using SoapGen.Generator.Common;
using SoapGen.Generator.Diagnostics;

namespace SoapGen.Generator.Wsdl;

/// <summary>
/// Reads one imported schema document on its own into a <see cref="SchemaDescription"/>: its own declarations, with the
/// groups and attributes of the schemas it imports known, and the documents its imports name. Its problems are
/// reported in it (an import it names that is missing, a prefix it does not declare), once however many WSDLs reach it.
/// </summary>
internal static class SchemaDocumentReader
{
    /// <summary>Reads <paramref name="document"/> in <paramref name="ns"/>; its imports are looked up among <paramref name="imports"/>.</summary>
    public static SchemaDescription Read(SourceDocument document, string ns, ImportResolver imports)
    {
        var diagnostics = new List<DiagnosticInfo>();
        System.Xml.Linq.XElement root;
        try
        {
            root = document.Parsed().Root!;
        }
        catch (XmlException ex)
        {
            // No WSDL takes this description: the first to import the document reports it, as any unreadable import.
            diagnostics.Add(WsdlReader.Unreadable(document.Path, document.Path, document.Text, ex));
            return new SchemaDescription(document.Path, ns, SchemaDeclarations.Empty, EquatableArray<SchemaImport>.Empty, false, diagnostics.ToEquatableArray());
        }

        var reader = new SchemaReader(new ReadContext(document.Path, diagnostics, imports));
        var found = new List<SchemaImport>();
        reader.ReadDeclarations(root, ns, found);
        return new SchemaDescription(
            document.Path,
            ns,
            reader.Schemas.SingleOrDefault() ?? SchemaDeclarations.Empty,
            found.ToEquatableArray(),
            SchemaReader.DefinesComponents(root),
            diagnostics.ToEquatableArray());
    }
}
