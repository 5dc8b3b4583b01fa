using SoapGen.Generator.Common;

namespace SoapGen.Generator.Model;

// The C#-shaped model: every name here is final, every type reference resolved.
// Emitters only format it; they make no decisions of their own.

/// <summary>
/// Everything generated into one C# namespace: its schema types, generated once however many WSDLs use them (keyed by
/// XML namespace and name), one serializer for them, and the services of every WSDL configured for the namespace.
/// </summary>
internal sealed record NamespaceModel(
    string Namespace,
    string Accessibility,
    EquatableArray<TypeModel> Types,
    string SerializerName,
    EquatableArray<ServiceModel> Services);

/// <summary>The clients of one WSDL.</summary>
internal sealed record ServiceModel(
    string HintName,  // unique per WSDL path: "<Namespace>.<file>.<path hash>"
    string Namespace,
    string Accessibility,
    EquatableArray<ClientModel> Clients,
    string SerializerName);

internal enum TypeRefKind
{
    Scalar,
    Struct,
    Array,
    XElement,
}

/// <summary>
/// A resolved type. <see cref="CSharpName"/> is the fully qualified, non-nullable C# type;
/// <see cref="Codec"/> names the SoapWriter/SoapReader method suffix (scalars) or the generated
/// read/write method stem (structs).
/// </summary>
internal sealed record TypeRef(
    TypeRefKind Kind,
    string CSharpName,
    bool IsValueType,
    string Codec,
    string XmlNamespace,
    string XmlName,
    TypeRef? Item)
{
    public string Nullable => CSharpName + "?";

    /// <summary>The element type when this type is an array item: value types stay nullable so a nil item is not a zero.</summary>
    public string AsArrayItem => IsValueType ? Nullable : CSharpName;
}

internal sealed record TypeModel(
    string Name,
    string XmlNamespace,
    string XmlName,
    string? Documentation,
    EquatableArray<ElementModel> Members,
    bool IsStatusResult,
    bool NeedsReader,
    bool NeedsWriter,
    ElementModel? Text = null);  // the value of a type with simple content (its members are then attributes)

/// <summary>
/// An element that carries one value: a struct member, a parameter, a response part or an unwrapped wrapper member.
/// <see cref="Namespace"/> is null for an unqualified element; <see cref="Repeated"/> elements become arrays;
/// <see cref="Optional"/> (minOccurs="0") makes a value-type parameter nullable; <see cref="OmitWhenNull"/> (a schema
/// element that is not nillable) leaves a null out of a literal message instead of sending an invalid xsi:nil, as
/// XmlSerializer does. Encoded messages always send xsi:nil.
/// </summary>
internal sealed record ElementModel(string Name, string LocalName, string? Namespace, TypeRef Type, bool Repeated, bool Optional, bool OmitWhenNull, bool IsAttribute = false)
{
    /// <summary>The C# type of the property or part: always nullable (omitted or nil is null, never a zero).</summary>
    public string NullableType => Repeated ? Type.AsArrayItem + "[]?" : Type.Nullable;
}

internal sealed record ClientModel(
    string ClientName,
    string InterfaceName,
    string? Documentation,
    string? DefaultEndpoint,
    bool Soap12,
    EquatableArray<OperationModel> Operations,
    EquatableArray<HeaderModel> Headers,
    EquatableArray<FaultModel> Faults,
    SessionModel? Session);

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
    string DescriptorName)
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
    /// <summary>One plain part in a wrapper: the runtime's ReadSinglePart reads it, no reader method is generated.</summary>
    public bool IsSinglePart => !Bare && Parts.Count == 1 && !Parts[0].Repeated;

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
