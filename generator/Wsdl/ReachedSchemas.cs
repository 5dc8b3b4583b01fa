using System.Collections.Generic;
using System.Collections.Immutable;
using SoapGen.Generator.Common;

namespace SoapGen.Generator.Wsdl;

/// <summary>
/// Which imported schema documents reading a WSDL reaches, and in which namespace (an included schema without a
/// targetNamespace takes its includer's), found from the scanned imports without parsing anything: each is read once,
/// on its own, for every WSDL that reaches it. The imports are followed as <see cref="SchemaReader"/> and
/// <see cref="WsdlReader"/> follow them; a reading it did not foresee is read with the WSDL, as before.
/// </summary>
internal static class ReachedSchemas
{
    /// <summary>
    /// The schema readings any WSDL among <paramref name="documents"/> reaches, each once. From the documents alone (not
    /// from each WSDL's own step), so the step tree Roslyn records when tracking stays small.
    /// </summary>
    public static ImmutableArray<SchemaKey> InAny(EquatableArray<SourceDocument> documents)
    {
        var imports = new ImportResolver(documents);
        var keys = new List<SchemaKey>();
        var seen = new HashSet<SchemaKey>();
        foreach (var document in documents)
        {
            if (!document.IsSchema)
            {
                foreach (var key in Of(document, imports))
                {
                    if (seen.Add(key))
                    {
                        keys.Add(key);
                    }
                }
            }
        }

        return keys.ToImmutableArray();
    }

    /// <summary>The schema readings reading <paramref name="wsdl"/> reaches, in the order they are found.</summary>
    public static EquatableArray<SchemaKey> Of(SourceDocument wsdl, ImportResolver imports)
    {
        var keys = new List<SchemaKey>();
        var seen = new HashSet<SchemaKey>();
        var definitions = new HashSet<string> { ImportResolver.Normalize(wsdl.Path) };
        var pending = new Stack<(SourceDocument Document, string? Namespace, bool Definitions)>();
        pending.Push((wsdl, null, true));
        while (pending.Count > 0)
        {
            var (document, ns, isDefinitions) = pending.Pop();
            foreach (var import in document.Imports)
            {
                // In a schema document, an include looks for its document by the namespace it is read in; in a WSDL, by
                // its inline schema's (as scanned).
                var lookup = import.Kind == ImportKind.Include && ns is not null ? (ns.Length == 0 ? null : ns) : import.Namespace;
                if ((import.Kind == ImportKind.Wsdl && !isDefinitions) || (import.Kind == ImportKind.Schema && IsBuiltIn(import.Namespace))
                    || imports.Find(document.Path, import.Location, lookup) is not { } found)
                {
                    continue;
                }

                if (found.IsSchema)
                {
                    var effective = found.TargetNamespace ?? (import.Kind == ImportKind.Include ? lookup ?? ns ?? string.Empty : string.Empty);
                    var key = new SchemaKey(ImportResolver.Normalize(found.Path), effective);
                    if (seen.Add(key))
                    {
                        keys.Add(key);
                        pending.Push((found, effective, false));
                    }
                }
                else if (definitions.Add(ImportResolver.Normalize(found.Path) + (import.Kind == ImportKind.Wsdl ? "\0definitions" : "\0types")))
                {
                    // A wsdl:import reads the imported WSDL whole; an xsd:import or include of a WSDL, its inline schemas.
                    pending.Push((found, null, import.Kind == ImportKind.Wsdl));
                }
            }
        }

        return keys.ToEquatableArray();
    }

    private static bool IsBuiltIn(string? ns) =>
        ns is XmlNamespaces.SoapEncoding or XmlNamespaces.Wsdl or XmlNamespaces.Xsd or XmlNamespaces.Soap12Encoding;
}
