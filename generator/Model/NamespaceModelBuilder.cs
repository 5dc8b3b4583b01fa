using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using SoapGen.Generator.Common;
using SoapGen.Generator.Diagnostics;
using SoapGen.Generator.Wsdl;

namespace SoapGen.Generator.Model;

/// <summary>A WSDL as read, with the user's options for it.</summary>
internal sealed record DescribedWsdl(WsdlReadResult Read, GeneratorOptions Options);

/// <summary>The WSDLs whose code goes to one C# namespace, in path order.</summary>
internal sealed record NamespaceInput(string Namespace, EquatableArray<DescribedWsdl> Wsdls);

/// <summary>What the WSDLs of one namespace share while their models are built: names taken, and the schema types.</summary>
internal sealed class NamespaceContext
{
    public NamespaceContext(string ns) => Namespace = ns;

    public string Namespace { get; }

    // A type may not be named like a member it has (CS0542): a record or enum called "Equals" or "ToString".
    public HashSet<string> TypeNames { get; } = new(CSharpNames.RecordMemberNames, StringComparer.Ordinal);

    public HashSet<string> SerializerMethods { get; } = new(StringComparer.Ordinal);

    public string SerializerName { get; set; } = string.Empty;

    /// <summary>
    /// The response models already decided, by operation stem and parts: the SOAP 1.1 and 1.2 ports of one service (every
    /// ASP.NET .asmx WSDL has both) share one result record and one response reader instead of a copy named "…2".
    /// </summary>
    public Dictionary<(string Stem, EquatableArray<ElementModel> Parts, bool Bare), ReturnModel> Returns { get; } = new();

    public Dictionary<string, string> HintNames { get; set; } = new(StringComparer.Ordinal);

    public SchemaTypeMapper Types { get; set; } = null!; // set once every WSDL has taken its client names
}

/// <summary>
/// Builds the model of one C# namespace: the schema types of all its WSDLs merged by XML namespace and name (a type
/// defined differently by two documents is reported and the first definition kept), named once, then each WSDL's clients.
/// </summary>
internal static class NamespaceModelBuilder
{
    /// <summary>Groups the WSDLs by the C# namespace their code goes to.</summary>
    public static ImmutableArray<NamespaceInput> Group(ImmutableArray<DescribedWsdl> all) => all
        .GroupBy(w => w.Read.Description is { } d ? ServiceModelBuilder.NamespaceOf(d.FilePath, w.Options) : "\0unreadable:" + w.GetHashCode())
        .Select(g => new NamespaceInput(g.Key, g.OrderBy(w => w.Read.Description?.FilePath, StringComparer.Ordinal).ToEquatableArray()))
        .OrderBy(g => g.Namespace, StringComparer.Ordinal)
        .ToImmutableArray();

    public static ModelResult Build(NamespaceInput input)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var sharedSchemas = new HashSet<SchemaDescription>();
        foreach (var wsdl in input.Wsdls)
        {
            diagnostics.AddRange(wsdl.Read.Diagnostics);

            // A problem in a schema document many WSDLs import is reported once, in that document.
            foreach (var schema in wsdl.Read.Description?.ImportedSchemas ?? EquatableArray<SchemaDescription>.Empty)
            {
                if (sharedSchemas.Add(schema))
                {
                    diagnostics.AddRange(schema.Diagnostics);
                }
            }
        }

        var context = new NamespaceContext(input.Namespace);
        context.HintNames = HintNames.For(input.Namespace, input.Wsdls.Select(w => w.Read.Description?.FilePath).Where(p => p is not null).Select(p => p!));
        var builders = new List<ServiceModelBuilder>();
        foreach (var wsdl in input.Wsdls)
        {
            if (wsdl.Read.Description is { } description)
            {
                var builder = new ServiceModelBuilder(description, wsdl.Options, context);
                if (builder.Prepare())
                {
                    builders.Add(builder);
                }
                else
                {
                    diagnostics.AddRange(builder.Diagnostics.ToEquatableArray());
                }
            }
        }

        if (builders.Count == 0)
        {
            return new ModelResult(null, diagnostics.ToEquatableArray());
        }

        var first = new DiagnosticBag(input.Wsdls[0].Read.Description!.FilePath);
        var (types, elements) = Merge(input.Wsdls.Select(w => w.Read.Description).Where(d => d is not null).Select(d => d!), first);
        var lastSegment = input.Namespace.Substring(input.Namespace.LastIndexOf('.') + 1);
        context.SerializerName = CSharpNames.Unique(lastSegment + "Serializer", context.TypeNames);
        // Types are shared by the namespace's WSDLs: one of them asking for wrapper records is enough.
        var collectionsAsArrays = !input.Wsdls.Any(w => string.Equals(w.Options.Collections, "wrapper", System.StringComparison.OrdinalIgnoreCase));
        context.Types = new SchemaTypeMapper(types, elements, input.Namespace, context.SerializerName, context.TypeNames, context.SerializerMethods, first, MergeOverrides(builders), collectionsAsArrays);

        // Which members carry secrets is decided on the finished model, for every WSDL of the namespace at once (they share types).
        var sensitive = new SensitiveMembers(input.Wsdls.Select(w => w.Options.SensitiveMembers));
        var services = sensitive.Mark(builders.Select(b => b.Build()).ToList());
        var typeModels = sensitive.Mark(context.Types.BuildTypes());
        var enumModels = context.Types.BuildEnums();
        foreach (var builder in builders)
        {
            diagnostics.AddRange(builder.Diagnostics.ToEquatableArray());
        }

        diagnostics.AddRange(first.ToEquatableArray());
        var accessibility = builders.Any(b => b.Accessibility == "public") ? "public" : "internal";
        return new ModelResult(
            new NamespaceModel(input.Namespace, accessibility, typeModels, enumModels, context.SerializerName, services, WriteUse(services)),
            diagnostics.Distinct().ToEquatableArray());
    }

    // Every message that writes a type: the operations' bodies and the headers they send.
    private static MessageUse WriteUse(IEnumerable<ServiceModel> services)
    {
        var encoded = services.SelectMany(s => s.Clients)
            .SelectMany(c => c.Operations.Select(o => o.Encoded).Concat(c.Headers.Where(h => h.Write).Select(h => h.Encoded)))
            .Distinct()
            .ToList();
        return encoded.Count switch
        {
            0 => MessageUse.Literal,
            1 => encoded[0] ? MessageUse.Encoded : MessageUse.Literal,
            _ => MessageUse.Mixed,
        };
    }

    /// <summary>
    /// The SoapGenTypeMap entries of all WSDLs of the namespace: types are shared, so are their overrides. Two WSDLs
    /// mapping one type differently are reported at the second; the first entry is used.
    /// </summary>
    private static Dictionary<QName, TypeOverride> MergeOverrides(List<ServiceModelBuilder> builders)
    {
        var merged = new Dictionary<QName, TypeOverride>();
        foreach (var builder in builders)
        {
            foreach (var entry in builder.TypeOverrides)
            {
                if (!merged.TryGetValue(entry.Type, out var known))
                {
                    merged.Add(entry.Type, entry);
                }
                else if (known != entry)
                {
                    builder.Diagnostics.Report(
                        DiagnosticDescriptors.InvalidConfiguration, SourcePosition.Unknown, TypeOverrides.MetadataName, entry.Type.ToString(), "another WSDL of this namespace maps it differently; its entry is used");
                }
            }
        }

        return merged;
    }

    /// <summary>
    /// The types and global elements of all documents, each once; every position names its file, so a problem found
    /// while another WSDL uses a type is reported where the type is written.
    /// </summary>
    private static (List<SchemaType> Types, List<SchemaElement> Elements) Merge(IEnumerable<WsdlDescription> descriptions, DiagnosticBag diagnostics)
    {
        var types = new Dictionary<QName, SchemaType>();
        var typeOrder = new List<SchemaType>();
        var elements = new Dictionary<QName, SchemaElement>();
        var elementOrder = new List<SchemaElement>();
        var merged = new HashSet<SchemaDeclarations>(ReferenceComparer.Instance);
        foreach (var description in descriptions)
        {
            foreach (var schema in description.Schemas)
            {
                // A shared schema's declarations are one instance however many WSDLs reach it: merged once, adding
                // nothing the second time (its positions name its own file, so they are the same for every WSDL).
                if (merged.Add(schema))
                {
                    Merge(schema, description.FilePath);
                }
            }
        }

        return (typeOrder, elementOrder);

        void Merge(SchemaDeclarations schema, string filePath)
        {
            foreach (var type in schema.Types)
            {
                var located = Locate(type, filePath);
                if (types.TryGetValue(type.Name, out var known))
                {
                    if (!SameDefinition(known, located))
                    {
                        diagnostics.Report(DiagnosticDescriptors.ConflictingDefinition, located.Position, "type", type.Name.ToString(), Where(known.Position));
                    }

                    continue;
                }

                types.Add(type.Name, located);
                typeOrder.Add(located);
            }

            foreach (var element in schema.Elements)
            {
                if (!elements.ContainsKey(element.Name))
                {
                    var located = NeedsStamp(element.Position) ? element with { Position = Stamp(element.Position, filePath) } : element;
                    elements.Add(element.Name, located);
                    elementOrder.Add(located);
                }
            }
        }
    }

    // Only what has a position without a file (in the WSDL itself) is copied: an imported document's already names it.
    private static SchemaType Locate(SchemaType type, string filePath) =>
        !NeedsStamp(type.Position) && !type.Members.Any(m => NeedsStamp(m.Position)) ? type : type with
        {
            Position = Stamp(type.Position, filePath),
            Members = type.Members.Select(m => m with { Position = Stamp(m.Position, filePath) }).ToEquatableArray(),
        };

    private static bool NeedsStamp(SourcePosition position) => position.File is null && position.Line > 0;

    private static SourcePosition Stamp(SourcePosition position, string filePath) =>
        NeedsStamp(position) ? position with { File = filePath } : position;

    /// <summary>Compares by reference: the shared declarations are the same instance in every WSDL that reaches them.</summary>
    private sealed class ReferenceComparer : IEqualityComparer<SchemaDeclarations>
    {
        public static readonly ReferenceComparer Instance = new();

        public bool Equals(SchemaDeclarations? x, SchemaDeclarations? y) => ReferenceEquals(x, y);

        public int GetHashCode(SchemaDeclarations obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }

    // Two documents (or one read by two WSDLs) define a type the same way when all but the positions agree.
    private static bool SameDefinition(SchemaType a, SchemaType b) =>
        a with { Position = default, Members = Unpositioned(a.Members) } == b with { Position = default, Members = Unpositioned(b.Members) };

    private static EquatableArray<SchemaMember> Unpositioned(EquatableArray<SchemaMember> members) =>
        members.Select(m => m with { Position = default }).ToEquatableArray();

    private static string Where(SourcePosition position) =>
        (position.File ?? "the WSDL") + "(" + position.Line + "," + position.Column + ")";
}
