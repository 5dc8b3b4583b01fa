using SoapGen.Generator.Common;

namespace SoapGen.Generator.Model;

// The C#-shaped model: every name here is final, every type reference resolved.
// Emitters only format it; they make no decisions of their own.

/// <summary>
/// Everything generated into one C# namespace: its schema types, generated once however many WSDLs use them (keyed by
/// XML namespace and name), one serializer for them, and the services of every WSDL configured for the namespace.
/// <see cref="WriteUse"/>: how the serializer's writers are ever called, from what the services send.
/// </summary>
internal sealed record NamespaceModel(
    string Namespace,
    string Accessibility,
    EquatableArray<TypeModel> Types,
    EquatableArray<EnumModel> Enums,
    string SerializerName,
    EquatableArray<ServiceModel> Services,
    MessageUse WriteUse);

/// <summary>
/// How the messages (bodies and headers) that write a namespace's types are encoded. Where it is one way only, as in
/// all of SoftLayer (encoded) or a document/literal service, each writer is generated for that one way, without a test
/// of its <c>encoded</c> argument per member: thousands fewer branches for the compiler to bind.
/// </summary>
internal enum MessageUse
{
    /// <summary>Only literal messages (or none at all) write the types.</summary>
    Literal,

    /// <summary>Only SOAP-encoded messages (<c>use="encoded"</c>) write the types.</summary>
    Encoded,

    /// <summary>Both do: each writer tests its <c>encoded</c> argument.</summary>
    Mixed,
}

/// <summary>The clients of one WSDL.</summary>
internal sealed record ServiceModel(
    string HintName,  // unique per WSDL, independent of where it is on disk: see HintNames
    string Namespace,
    string Accessibility,
    EquatableArray<ClientModel> Clients,
    string SerializerName);

internal enum TypeRefKind
{
    /// <summary>A built-in XSD value: read and written by the runtime's SoapReader/SoapWriter.</summary>
    Scalar,

    /// <summary>A complex type: a generated record, read and written by the generated serializer.</summary>
    Struct,

    /// <summary>A string enumeration: a generated extensible-enum struct, read and written by the generated serializer.</summary>
    Enum,

    /// <summary>A SOAP-encoded array (or a wrapper of one repeated element) of <see cref="TypeRef.Item"/>.</summary>
    Array,

    /// <summary>XML kept whole (xsd:any, anyType, a construct not modelled).</summary>
    XElement,

    /// <summary>An item of a repeated choice or sequence: a generated abstract record, one case per <see cref="TypeRef.Alternatives"/>.</summary>
    Choice,
}

/// <summary>
/// A resolved type. <see cref="CSharpName"/> is the fully qualified, non-nullable C# type; <see cref="ReadMethod"/> and
/// <see cref="WriteMethod"/> name the methods that read and write one element of it (the runtime's for scalars and XML,
/// the generated serializer's for structs and enums); <see cref="XmlNamespace"/>/<see cref="XmlName"/> are the schema type
/// (written as xsi:type in encoded messages); <see cref="Scalar"/> is the value kind of a scalar or an enum's base.
/// </summary>
internal sealed record TypeRef(
    TypeRefKind Kind,
    string CSharpName,
    bool IsValueType,
    string ReadMethod,
    string WriteMethod,
    string XmlNamespace,
    string XmlName,
    TypeRef? Item,
    ScalarKind Scalar = ScalarKind.None,
    int Rank = 1,  // an array's dimensions: 2 is a T[,] (SOAP-ENC arrayType="t[2,3]")
    ElementModel? ItemElement = null,  // a literal collection (a type of one repeated element): that element, per item
    EquatableArray<ElementModel> Alternatives = default,  // a choice item's cases: each one's C# name, element and value type
    bool NullableItems = false)  // an array whose items may be nil: a reference-type item is T? (see ItemName)
{
    public string Nullable => CSharpName + "?";

    /// <summary>
    /// The C# type of one item of this array: nullable for a value type (a nil or empty item is not a zero) and, when
    /// <see cref="NullableItems"/>, for a reference type (a nil item is a null the type admits).
    /// </summary>
    public string ItemName => ItemOf(Item!, NullableItems);

    /// <summary>Whether reading an item needs the null-forgiving <c>!</c>: a reference type the array does not declare nullable.</summary>
    public bool ItemForgivesNull => !NullableItems && !Item!.IsValueType;

    /// <summary>The C# type of an array item of <paramref name="item"/>, nullable when it is a value type or <paramref name="nullable"/>.</summary>
    public static string ItemOf(TypeRef item, bool nullable) => item.IsValueType || nullable ? item.Nullable : item.CSharpName;

    /// <summary>The XSD type a scalar writer is told to name, when it is not the writer's own (token, anyURI, positiveInteger, …).</summary>
    public string? XsdTypeArgument =>
        Kind == TypeRefKind.Scalar && ScalarInfo.Of(Scalar) is { TakesXsdName: true } info && info.DefaultXsdName != XmlName ? XmlName : null;

    /// <summary>Whether the type has a name xsi:type can carry: an anonymous type's synthetic name ("Owner/member") has none.</summary>
    public bool HasXsiTypeName => XmlName.IndexOf('/') < 0;

    /// <summary>The scalar's runtime conversions for an attribute or simple content, or null when it has none (string, QName).</summary>
    public ScalarInfo? Lexical => Kind == TypeRefKind.Scalar && ScalarInfo.Of(Scalar).ParseMethod.Length > 0 ? ScalarInfo.Of(Scalar) : null;
}

/// <summary>
/// A record for a complex type. <see cref="Members"/> are all its members, inherited first (the first
/// <see cref="InheritedMemberCount"/> are declared by <see cref="BaseName"/>'s record); the serializer reads and writes
/// all of them. <see cref="Children"/> are the types derived directly from it; they and their own descendants can stand
/// in for it (xsi:type), chosen by <see cref="ReadDerived"/>/<see cref="WriteDerived"/>, which ask the children's.
/// <see cref="ReadContent"/>/<see cref="WriteContent"/> name the methods that read and write its content without the
/// element's own handling (nil, xsi:type dispatch), when some dispatch needs them; null otherwise, and the content is read
/// or written in <see cref="ReadMethod"/>/<see cref="WriteMethod"/>.
/// </summary>
internal sealed record TypeModel(
    string Name,
    string FullName,
    string XmlNamespace,
    string XmlName,
    string? Documentation,
    EquatableArray<ElementModel> Members,
    int InheritedMemberCount,
    string? BaseName,
    bool IsAbstract,
    bool IsSealed,
    EquatableArray<DerivedTypeModel> Children,
    bool IsStatusResult,
    bool NeedsReader,
    bool NeedsWriter,
    string ReadMethod,
    string WriteMethod,
    string? ReadContent,
    string? WriteContent,
    string? ReadDerived,  // the xsi:type dispatch to derived types when reading; null when none is read
    string? WriteDerived,  // the runtime-type dispatch to derived types when writing; null when none is written
    string? ReadMembers,  // in a read hierarchy: reads one child element into a Fields object, false for one it does not know
    string? Fields,  // the class of those fields: the child elements ReadMembers reads, derived from BaseFields
    string? BaseReadMembers,  // an extension's ReadMembers reads its own elements and passes the others to its base's
    string? BaseFields,
    string? UnknownTypeName,  // abstract types read without a known xsi:type: a private record of the serializer
    string? BaseWriteContent,  // an extension writes its base's content (that method), then its own members
    ElementModel? Text = null,  // the value of a type with simple content (its members are then attributes)
    EquatableArray<ChoiceModel> Choices = default,  // the choices its content writer checks before writing
    string? FieldsType = null)  // Fields, qualified: the record's constructor from what the serializer read takes it
{
    /// <summary>Whether the xsi:type of this type can be written: an anonymous type's synthetic name ("Owner/member") cannot.</summary>
    public bool HasXsiTypeName => XmlName.IndexOf('/') < 0;

    /// <summary>The child elements <see cref="ReadMembers"/> reads itself: the declared ones when its base reads the others.</summary>
    public System.Collections.Generic.IEnumerable<ElementModel> FieldMembers =>
        System.Linq.Enumerable.Where(BaseReadMembers is null ? Members : DeclaredMembers, m => !m.IsAttribute);

    /// <summary>The members this record declares itself.</summary>
    public System.Collections.Generic.IEnumerable<ElementModel> DeclaredMembers => System.Linq.Enumerable.Skip(Members, InheritedMemberCount);
}

/// <summary>
/// A choice among members (property or parameter names, grouped by alternative): writing a value with more than one
/// alternative set (an alternative is set when any of its members is not null), or (when <see cref="Required"/>) none,
/// is an ArgumentException: no XML the schema allows carries it.
/// </summary>
internal sealed record ChoiceModel(EquatableArray<ChoiceAlternativeModel> Alternatives, bool Required);

/// <summary>One alternative of a choice: the members it holds (one element, or a sequence's elements).</summary>
internal sealed record ChoiceAlternativeModel(EquatableArray<string> Members);

/// <summary>
/// A derived type a dispatch can choose, with the methods for its content, its own dispatch to the types derived from it
/// (null when it has none) and the pattern variable a switch uses.
/// </summary>
internal sealed record DerivedTypeModel(string FullName, string XmlNamespace, string XmlName, string? ReadContent, string? WriteContent,
    string? ReadDerived, string? WriteDerived, string Variable);

/// <summary>
/// A string enumeration, generated as an extensible-enum struct: one static property per value the schema lists, and any
/// other string kept as sent (a value the server adds later must not fail a call).
/// </summary>
internal sealed record EnumModel(
    string Name,
    string FullName,
    string XmlNamespace,
    string XmlName,
    string? Documentation,
    EquatableArray<EnumMemberModel> Members,
    string ReadMethod,
    string WriteMethod,
    bool NeedsReader,
    bool NeedsWriter);

/// <summary>A value of an enumeration: its C# property name and its wire form.</summary>
internal sealed record EnumMemberModel(string Name, string Value);

/// <summary>
/// An element that carries one value: a struct member, a parameter, a response part or an unwrapped wrapper member.
/// <see cref="Namespace"/> is null for an unqualified element; <see cref="Repeated"/> elements become arrays;
/// <see cref="Optional"/> (minOccurs="0") makes a value-type parameter nullable; <see cref="OmitWhenNull"/> (a schema
/// element that is not nillable) leaves a null out of a literal message instead of sending an invalid xsi:nil, as
/// XmlSerializer does. Encoded messages always send xsi:nil. <see cref="Variable"/> is the local a generated reader
/// collects the value in. A <see cref="IsWildcard"/> member (xsd:any, xsd:anyAttribute) keeps every element (attribute)
/// no other member matched, and writes them back. <see cref="Documentation"/>: the WSDL's text for it (a part's
/// <c>wsdl:documentation</c>), for the parameter's XML doc.
/// <see cref="Default"/> is the schema's default (or, <see cref="IsFixed"/>, fixed) value in its lexical form: a record
/// member reads as it when the element or attribute is absent, and a null fixed member is written as it.
/// A <see cref="IsSensitive"/> member (a password, an API key, a session token: see <see cref="SensitiveMembers"/>) is
/// masked when its record is printed.
/// <see cref="Substitutes"/>: when the element is the head of a substitution group, the group's members, each read as
/// its own type where the head may appear (most derived type first).
/// </summary>
internal sealed record ElementModel(string Name, string LocalName, string? Namespace, TypeRef Type, bool Repeated, bool Optional, bool OmitWhenNull, bool IsAttribute = false, string Variable = "", ParameterModel? Parameter = null, bool IsWildcard = false, string? Documentation = null, string? Default = null, bool IsFixed = false, bool IsSensitive = false, EquatableArray<ElementModel> Substitutes = default)
{
    /// <summary>
    /// The substitutes a value is written as, by its runtime type: the first (most derived) one of each type; none of the
    /// head's own type, which the head's element carries.
    /// </summary>
    public System.Collections.Generic.IEnumerable<ElementModel> WrittenSubstitutes =>
        System.Linq.Enumerable.Where(
            System.Linq.Enumerable.Select(System.Linq.Enumerable.GroupBy(Substitutes, s => s.Type.CSharpName), g => System.Linq.Enumerable.First(g)),
            s => s.Type.CSharpName != Type.CSharpName);

    /// <summary>
    /// Whether an item of a repeated element may be null: the element is nillable (a nil item is valid on the wire).
    /// Items of a value type are nullable anyway (<see cref="TypeRef.ItemOf"/>).
    /// </summary>
    public bool NullableItems => Repeated && !OmitWhenNull;

    /// <summary>The C# type of one item of a repeated element.</summary>
    public string ItemType => TypeRef.ItemOf(Type, NullableItems);

    /// <summary>Whether reading an item needs the null-forgiving <c>!</c>: a reference type the element does not declare nillable.</summary>
    public bool ItemForgivesNull => !NullableItems && !Type.IsValueType;

    /// <summary>The C# type of the items together: the array a repeated element is.</summary>
    public string ArrayType => SchemaTypeMapper.ArrayOf(ItemType, "[]");

    /// <summary>The C# type of the property or part: always nullable (omitted or nil is null, never a zero).</summary>
    public string NullableType => Repeated ? ArrayType + "?" : Type.Nullable;
}

/// <summary>
/// How a body element is a method parameter: its C# type (nullable unless a value is required), whether a null is refused
/// before sending (a required, non-nillable element of a literal message: null has no valid form), and whether it may be
/// left out (an optional element with no required one after it defaults to null).
/// </summary>
internal sealed record ParameterModel(string Type, bool IsNullable, bool ThrowIfNull, bool DefaultsToNull);

internal sealed record ClientModel(
    string ClientName,
    string InterfaceName,
    string? Documentation,
    string? DefaultEndpoint,
    bool Soap12,
    EquatableArray<OperationModel> Operations,
    EquatableArray<HeaderModel> Headers,
    EquatableArray<FaultModel> Faults,
    SessionModel? Session,
    string ServiceName);  // the wsdl:service name: rpc.method on spans is "{ServiceName}/{operation}"

/// <summary>A fault some operation declares: its detail entry's element and the type it is read into.</summary>
internal sealed record FaultModel(string DescriptorName, string Name, string DetailLocalName, string? DetailNamespace, TypeRef Type);

/// <summary>
/// A SOAP header a port's operations declare, described once per client as <c>Client.Headers.{DescriptorName}</c>.
/// <see cref="Ambient"/> headers (credentials, sessions) are set once in the client's DefaultHeaders; the others are
/// method parameters. <see cref="Write"/>/<see cref="Read"/>: whether some operation sends or receives it.
/// </summary>
internal sealed record HeaderModel(
    string DescriptorName,
    string LocalName,
    string? Namespace,
    TypeRef Type,
    bool Encoded,
    bool Ambient,
    bool Write,
    bool Read);

/// <summary>
/// A header sent with one operation and the method parameters that fill it: one parameter for the whole value, or one
/// per member of a small struct (<see cref="HeaderParameter.PropertyName"/> set), or none for an ambient header.
/// </summary>
internal sealed record HeaderBinding(string DescriptorName, TypeRef Type, EquatableArray<HeaderParameter> Parameters);

/// <summary>A method parameter that fills a header, or (<see cref="PropertyName"/> set) one member of it.</summary>
internal sealed record HeaderParameter(ElementModel Parameter, string? PropertyName);

internal enum OperationStyle
{
    /// <summary>rpc: a wrapper named after the operation (in the soap:body namespace) around one element per part.</summary>
    Rpc,

    /// <summary>document/literal wrapped: the single body element's members are the parameters.</summary>
    Wrapped,

    /// <summary>document/literal bare: each part is a body element of its own.</summary>
    Bare,
}

internal sealed record OperationModel(
    string MethodName,
    string OperationName,
    string? SoapAction,
    OperationStyle Style,
    string WrapperLocalName,
    string? WrapperNamespace,
    bool Encoded,
    string? Documentation,
    EquatableArray<ElementModel> Parameters,
    ReturnModel Return,
    EquatableArray<HeaderBinding> InputHeaders,
    EquatableArray<string> OutputHeaders,
    EquatableArray<string> Faults,
    string DescriptorName,
    string? ResponseLocalName = null,  // the element Body's first child must be; null: not checked
    string? ResponseNamespace = null,  // its namespace; null with a name: any (rpc, where servers differ)
    EquatableArray<ChoiceModel> Choices = default)  // a wrapper's choices among the parameters, checked before sending
{
    /// <summary>The method parameters that fill headers; all optional, after the body parameters.</summary>
    public System.Collections.Generic.IEnumerable<ElementModel> HeaderParameters =>
        System.Linq.Enumerable.Select(System.Linq.Enumerable.SelectMany(InputHeaders, h => h.Parameters), p => p.Parameter);
}

/// <summary>
/// What an operation returns: nothing, one part (its type), or several parts (a generated record).
/// <see cref="Bare"/>: the body's first element is the value itself, not a wrapper around the parts.
/// </summary>
internal sealed record ReturnModel(EquatableArray<ElementModel> Parts, string? RecordName, string ReaderName, bool Bare)
{
    /// <summary>
    /// One plain part in a wrapper: the runtime's ReadSinglePart reads it, no reader method is generated (not for the head
    /// of a substitution group: its reader dispatches on the element's name; not for a part with a default, which the
    /// reader's local starts with, so that an absent part reads as it).
    /// </summary>
    public bool IsSinglePart => !Bare && Parts.Count == 1 && !Parts[0].Repeated && Parts[0].Substitutes.Count == 0 && Parts[0].Default is null;

    /// <summary>Whether the serializer needs a reader method for this response (several or repeated parts).</summary>
    public bool NeedsReaderMethod => Parts.Count > 0 && !Bare && !IsSinglePart;
}

/// <summary>
/// A session: <see cref="Header"/> set for a token in a SOAP header (CreateSession returns a logged-in client), else a
/// token parameter (CreateSession returns <see cref="ClassName"/>, the operations without that parameter).
/// </summary>
internal sealed record SessionModel(
    string ClassName,
    string InterfaceName,
    string LoginMethod,
    EquatableArray<ElementModel> LoginParameters,
    string TokenLocalName,
    string? ExpiredText,
    SessionHeaderModel? Header);

/// <summary>
/// How a header session is filled: the header (<c>Headers.{DescriptorName}</c>, of type <see cref="HeaderType"/>) gets the
/// token in <see cref="HeaderTokenProperty"/>; the login's result is the token, or has it in <see cref="ResultTokenProperty"/>
/// and maybe the endpoint for later calls in <see cref="ResultEndpointProperty"/>.
/// </summary>
internal sealed record SessionHeaderModel(
    string DescriptorName,
    string HeaderLocalName,
    string HeaderType,
    string HeaderTokenProperty,
    string? ResultTokenProperty,
    string? ResultEndpointProperty);
