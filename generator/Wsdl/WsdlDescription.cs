using System.Collections.Generic;
using System.Linq;
using SoapGen.Generator.Common;
using SoapGen.Generator.Diagnostics;

namespace SoapGen.Generator.Wsdl;

// The description model mirrors the WSDL and XSD documents as read, names unresolved.
// Every record is value-equatable so an unchanged file is cached by the incremental pipeline.

internal readonly record struct QName(string Namespace, string Name)
{
    public override string ToString() => Namespace.Length == 0 ? Name : "{" + Namespace + "}" + Name;
}

/// <summary>
/// A WSDL as read. <see cref="Schemas"/> are the declarations of every schema it reaches, in the order it reads them:
/// its inline schemas' own, and, for an imported schema document, the declarations of that document's shared
/// <see cref="SchemaDescription"/> (listed in <see cref="ImportedSchemas"/>, whose diagnostics are reported once).
/// </summary>
internal sealed record WsdlDescription(
    string FilePath,
    string TargetNamespace,
    string? Documentation,
    EquatableArray<SchemaDeclarations> Schemas,
    EquatableArray<WsdlMessage> Messages,
    EquatableArray<WsdlPortType> PortTypes,
    EquatableArray<WsdlBinding> Bindings,
    EquatableArray<WsdlService> Services,
    EquatableArray<NamespaceDeclaration> Prefixes = default,
    EquatableArray<SchemaDescription> ImportedSchemas = default)
{
    /// <summary>The types of all its schemas, in reading order.</summary>
    public IEnumerable<SchemaType> Types => Schemas.SelectMany(schema => schema.Types);

    /// <summary>The global elements of all its schemas, in reading order.</summary>
    public IEnumerable<SchemaElement> Elements => Schemas.SelectMany(schema => schema.Elements);
}

/// <summary>A prefix the WSDL's definitions element declares: configuration (SoapGenTypeMap) names types with them.</summary>
internal sealed record NamespaceDeclaration(string Prefix, string Namespace);

internal sealed record WsdlMessage(QName Name, EquatableArray<WsdlPart> Parts, SourcePosition Position);

internal sealed record WsdlPart(string Name, QName? Type, QName? Element, SourcePosition Position, string? Documentation = null);

internal sealed record WsdlPortType(QName Name, EquatableArray<WsdlOperation> Operations, SourcePosition Position);

internal sealed record WsdlOperation(
    string Name,
    string? Documentation,
    QName? Input,
    QName? Output,
    EquatableArray<WsdlFault> Faults,
    SourcePosition Position,
    string? OutputName = null);  // wsdl:output's name attribute: PHP ext/soap names its rpc response wrapper after it

internal sealed record WsdlFault(string Name, QName Message);

internal enum SoapBindingVersion
{
    None,
    Soap11,
    Soap12,
}

internal sealed record WsdlBinding(
    QName Name,
    QName PortType,
    SoapBindingVersion Version,
    string Style,
    EquatableArray<WsdlBindingOperation> Operations,
    SourcePosition Position);

internal sealed record WsdlBindingOperation(
    string Name,
    string? SoapAction,
    string? Style,
    WsdlBody Input,
    WsdlBody Output,
    SourcePosition Position);

/// <summary>
/// A binding operation's input or output: its <c>soap:body</c> (<c>use</c> is "literal" or "encoded"; <c>Namespace</c>
/// names the rpc wrapper; <c>Parts</c>, when given, lists the message parts that go in the body) and its <c>soap:header</c>s.
/// </summary>
internal sealed record WsdlBody(string Use, string? Namespace, EquatableArray<string>? Parts, EquatableArray<WsdlHeader> Headers);

/// <summary>
/// A <c>soap:header</c>: the message part that travels as a header entry, how it is encoded, and the
/// <c>soap:headerfault</c>s that may answer it (read, kept, not yet generated).
/// </summary>
internal sealed record WsdlHeader(QName Message, string Part, string Use, string? Namespace, EquatableArray<QName> HeaderFaults, SourcePosition Position);

internal sealed record WsdlService(string Name, string? Documentation, EquatableArray<WsdlPort> Ports, SourcePosition Position);

internal sealed record WsdlPort(string Name, QName Binding, string? Address, SourcePosition Position);

internal enum SchemaTypeKind
{
    /// <summary>A complexType with element (and attribute) members.</summary>
    Struct,

    /// <summary>A SOAP-encoded array (restriction of soapenc:Array) or a wrapper of one repeated element.</summary>
    Array,

    /// <summary>A simpleType; it maps to its base type.</summary>
    Simple,

    /// <summary>A complexType whose content is a single wildcard (xsd:any): any XML, kept whole as XElement.</summary>
    OpenContent,

    /// <summary>A construct the reader does not model; generated as XElement with a warning.</summary>
    Unsupported,
}

/// <summary>
/// A named (or synthesized) schema type. <see cref="SimpleContent"/> is the type of the text of a complexType with
/// simpleContent (a value with attributes); its <see cref="Members"/> are then attributes only. <see cref="BaseType"/> is
/// the type a complexContent derives from (by extension, or by restriction when <see cref="IsRestriction"/>) or a
/// simpleType restricts; <see cref="Enumeration"/> lists a simpleType's enumeration facets, in schema order.
/// </summary>
internal sealed record SchemaType(
    QName Name,
    SchemaTypeKind Kind,
    EquatableArray<SchemaMember> Members,
    QName? BaseType,
    QName? ItemType,
    string? Documentation,
    string? UnsupportedReason,
    SourcePosition Position,
    QName? SimpleContent = null,
    bool IsAbstract = false,
    bool IsRestriction = false,
    EquatableArray<string> Enumeration = default,
    int Rank = 1);  // a SOAP-encoded array's dimensions: arrayType="xsd:string[,]" has two

/// <summary>
/// A member of a complex type. <see cref="Namespace"/> is null for an unqualified element (the rpc and
/// elementFormDefault="unqualified" case); <see cref="ElementRef"/> names a global element (ref=) whose type the
/// model looks up. Group, attributeGroup and attribute references are expanded by the reader, so members are always
/// elements, attributes, wildcards or repeated particles (<see cref="Alternatives"/>).
/// </summary>
internal sealed record SchemaMember(
    string Name,
    string? Namespace,
    QName? Type,
    QName? ElementRef,
    int MinOccurs,
    bool Repeated,
    bool Nillable,
    bool IsAttribute,
    string? UnsupportedReason,
    SourcePosition Position,
    bool IsWildcard = false,  // xsd:any (IsAttribute: xsd:anyAttribute): whatever the declared members do not match
    EquatableArray<ChoiceSlot> Choices = default,  // the choices (outermost first) this member is in an alternative of, when the model checks them
    EquatableArray<SchemaMember> Alternatives = default,  // a repeated particle, (a|b)* or (x,(a|b))*: its items are one of these elements, in order
    string? DefaultValue = null,  // the default= (or, IsFixed, fixed=) value of the declaration, lexical
    bool IsFixed = false);

/// <summary>A choice that occurs at most once: exactly one (<see cref="Required"/>) or at most one of its alternatives is set.</summary>
internal sealed record SchemaChoice(QName Owner, int Id, bool Required);

/// <summary>A member's place in a choice: which of its alternatives (in schema order) the member is part of.</summary>
internal sealed record ChoiceSlot(SchemaChoice Choice, int Alternative);

/// <summary>
/// A global element. <see cref="SubstitutionGroup"/> is the head it may stand in for (its substitutionGroup=);
/// an <see cref="IsAbstract"/> element never appears itself, only the members of its group do.
/// </summary>
internal sealed record SchemaElement(QName Name, QName? Type, SourcePosition Position, bool Nillable = false, QName? SubstitutionGroup = null, bool IsAbstract = false,
    string? DefaultValue = null, bool IsFixed = false,  // its default or fixed value (lexical form), as a member's
    Derivations Blocked = Derivations.None);  // as a head: the members its block/final keep out of its group

/// <summary>Derivation methods a head's <c>block</c>/<c>final</c> name; <see cref="Substitution"/>: no member may stand in for it.</summary>
[System.Flags]
internal enum Derivations
{
    None = 0,
    Extension = 1,
    Restriction = 2,
    Substitution = 4,
}
