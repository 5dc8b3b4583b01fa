using System;
using SoapGen.Generator.Common;
using SoapGen.Generator.Diagnostics;

namespace SoapGen.Generator.Wsdl;

/// <summary>
/// One imported schema document read on its own, once however many WSDLs reach it (every SoftLayer service includes
/// the same 1.5 MB types schema): the types and elements it declares itself, the documents its imports and includes
/// name (each its own description: they are not read into this one), and the problems found reading it. A document
/// without a targetNamespace ("chameleon") takes its includer's, so it has one description per
/// <see cref="Namespace"/> it is included into.
/// </summary>
internal sealed record SchemaDescription(
    string Path,
    string Namespace,
    SchemaDeclarations Declarations,
    EquatableArray<SchemaImport> Imports,
    bool DefinesComponents,  // whether it has top-level groups, attributeGroups or attributes, which its importers may refer to
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>The key a reader looks this description up by.</summary>
    public SchemaKey Key => new(ImportResolver.Normalize(Path), Namespace);

    // Shared instances are compared a great deal (the same one by every WSDL that reaches it): by reference first.
    public bool Equals(SchemaDescription? other) =>
        ReferenceEquals(this, other) || (other is not null && Path == other.Path && Namespace == other.Namespace && DefinesComponents == other.DefinesComponents
            && Declarations.Equals(other.Declarations) && Imports.Equals(other.Imports) && Diagnostics.Equals(other.Diagnostics));

    public override int GetHashCode() => unchecked((StringComparer.Ordinal.GetHashCode(Path) * 31) + StringComparer.Ordinal.GetHashCode(Namespace));
}

/// <summary>
/// The types and global elements one reading of one schema declares (its imports' are their own). A WSDL's
/// description lists them in the order it reads its schemas; an imported schema's are the very instance every
/// WSDL that reaches it shares, so the model merges them once.
/// </summary>
internal sealed record SchemaDeclarations(EquatableArray<SchemaType> Types, EquatableArray<SchemaElement> Elements)
{
    public static readonly SchemaDeclarations Empty = new(EquatableArray<SchemaType>.Empty, EquatableArray<SchemaElement>.Empty);

    public bool Equals(SchemaDeclarations? other) =>
        ReferenceEquals(this, other) || (other is not null && Types.Equals(other.Types) && Elements.Equals(other.Elements));

    public override int GetHashCode() => unchecked((Types.Count * 31) + Elements.Count);
}

/// <summary>
/// A document an imported schema's xsd:import, xsd:include or xsd:redefine names, as found among the AdditionalFiles;
/// <see cref="IncluderNamespace"/> is the namespace an included schema without its own takes (null for an import).
/// </summary>
internal sealed record SchemaImport(string Path, string? IncluderNamespace);

/// <summary>Which reading of a schema document: its path (normalized) and the namespace it is read in.</summary>
internal readonly record struct SchemaKey(string Path, string Namespace);
