using SoapGen.Generator.Common;

namespace SoapGen.Generator.Model;

// The C#-shaped model: every name here is final, every type reference resolved.
// Emitters only format it; they make no decisions of their own.

internal sealed record ServiceModel(
    string HintName,
    string Namespace,
    string Accessibility,
    EquatableArray<TypeModel> Types,
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
    EquatableArray<MemberModel> Members,
    bool IsStatusResult,
    bool NeedsReader,
    bool NeedsWriter);

internal sealed record MemberModel(string PropertyName, string LocalName, TypeRef Type, bool Repeated);

internal sealed record ClientModel(
    string ClientName,
    string InterfaceName,
    string? Documentation,
    string? DefaultEndpoint,
    bool Soap12,
    EquatableArray<OperationModel> Operations,
    SessionModel? Session);

internal sealed record OperationModel(
    string MethodName,
    string OperationName,
    string? SoapAction,
    string WrapperNamespace,
    bool Encoded,
    string? Documentation,
    EquatableArray<ParameterModel> Parameters,
    ReturnModel Return);

internal sealed record ParameterModel(string Name, string LocalName, TypeRef Type);

/// <summary>What an operation returns: nothing, one part (its type), or several parts (a generated record).</summary>
internal sealed record ReturnModel(EquatableArray<ParameterModel> Parts, string? RecordName, string ReaderName);

internal sealed record SessionModel(
    string ClassName,
    string InterfaceName,
    string LoginMethod,
    EquatableArray<ParameterModel> LoginParameters,
    string TokenLocalName,
    string? ExpiredText);
