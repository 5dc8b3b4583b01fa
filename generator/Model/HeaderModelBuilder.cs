using System;
using System.Collections.Generic;
using System.Linq;
using SoapGen.Generator.Common;
using SoapGen.Generator.Diagnostics;
using SoapGen.Generator.Wsdl;

namespace SoapGen.Generator.Model;

/// <summary>
/// Decides, for one client, what its SOAP headers become: one descriptor per header element (named once), whether a
/// header is ambient (credentials and sessions: set once in DefaultHeaders) or per call (method parameters), and how
/// a per-call header maps onto parameters: a small struct of simple members is flattened into one parameter per member
/// (SoftLayer's <c>InitParameters</c> → <c>id</c>), anything else is one parameter.
/// </summary>
internal sealed class HeaderModelBuilder
{
    // Words that mark a header as carrying credentials or a session: those are set once, not passed to every call.
    private static readonly string[] AmbientWords = ["auth", "credential", "security", "session", "login", "apikey", "license"];

    private const int MaxFlattenedMembers = 3;

    private readonly SchemaTypeMapper _types;
    private readonly string? _stem;
    private readonly HashSet<string> _ambient;
    private readonly HashSet<string> _perCall;
    private readonly Dictionary<(string LocalName, string Namespace), HeaderModel> _headers = new();
    private readonly HashSet<string> _descriptorNames = new(StringComparer.Ordinal) { "GetType", "ToString", "Equals", "GetHashCode", "ReferenceEquals", "MemberwiseClone" };

    /// <param name="types">The schema type mapper.</param>
    /// <param name="options">The user's options (SoapGenAmbientHeaders, SoapGenPerCallHeaders).</param>
    /// <param name="stem">A prefix the header names repeat, dropped from C# names (SoftLayer's "SoftLayer_Account" in "SoftLayer_AccountObjectMask").</param>
    public HeaderModelBuilder(SchemaTypeMapper types, GeneratorOptions options, string? stem)
    {
        _types = types;
        _stem = stem;
        _ambient = NameList(options.AmbientHeaders);
        _perCall = NameList(options.PerCallHeaders);
    }

    /// <summary>The headers of the client, in the order first seen.</summary>
    public EquatableArray<HeaderModel> Build() => _headers.Values.ToEquatableArray();

    /// <summary>An input header of an operation and the parameters (named among <paramref name="parameterNames"/>) that fill it.</summary>
    public HeaderBinding Input(HeaderPart part, HashSet<string> parameterNames)
    {
        var type = part.Resolve(_types, TypeUsage.Write);
        var header = Declare(part, type, write: true);
        if (header.Ambient)
        {
            return new HeaderBinding(header.DescriptorName, type, EquatableArray<HeaderParameter>.Empty);
        }

        var parameters = Flatten(type, parameterNames)
            ?? new List<HeaderParameter>
            {
                new(new ElementModel(CSharpNames.Unique(CSharpNames.ToCamelCase(header.DescriptorName), parameterNames), header.LocalName, header.Namespace, type, Repeated: false, Optional: true, OmitWhenNull: true), null),
            };
        return new HeaderBinding(header.DescriptorName, type, parameters.ToEquatableArray());
    }

    /// <summary>An output header of an operation: the name of its descriptor.</summary>
    public string Output(HeaderPart part)
    {
        var type = part.Resolve(_types, TypeUsage.Read);
        return Declare(part, type, write: false).DescriptorName;
    }

    private HeaderModel Declare(HeaderPart part, TypeRef type, bool write)
    {
        var key = (part.LocalName, part.Namespace ?? string.Empty);
        if (_headers.TryGetValue(key, out var known))
        {
            var merged = known with { Write = known.Write || write, Read = known.Read || !write };
            _headers[key] = merged;
            return merged;
        }

        var descriptorName = CSharpNames.Unique(CSharpNames.ToPascalCase(WithoutStem(part.LocalName)), _descriptorNames);
        var header = new HeaderModel(descriptorName, part.LocalName, part.Namespace, type, part.Encoded, IsAmbient(part), write, !write);
        _headers.Add(key, header);
        return header;
    }

    private bool IsAmbient(HeaderPart part)
    {
        var names = new[] { part.LocalName, part.PartName, part.TypeName };
        if (names.Any(n => n is not null && _perCall.Contains(n)))
        {
            return false;
        }

        if (names.Any(n => n is not null && _ambient.Contains(n)))
        {
            return true;
        }

        return names.Any(n => n is not null && AmbientWords.Any(word => n.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0));
    }

    /// <summary>One parameter per member, when the header is a struct of at most a few simple, single members.</summary>
    private List<HeaderParameter>? Flatten(TypeRef type, HashSet<string> parameterNames)
    {
        if (type.Kind != TypeRefKind.Struct || _types.FindStruct(new QName(type.XmlNamespace, type.XmlName)) is not { } schemaType)
        {
            return null;
        }

        var members = _types.AllMembers(schemaType).ToList();
        if (members.Count == 0 || members.Count > MaxFlattenedMembers || schemaType.SimpleContent is not null
            || members.Any(m => m.IsAttribute || m.Repeated || m.IsWildcard || m.UnsupportedReason is not null))
        {
            return null;
        }

        var memberTypes = members.Select(m => _types.ResolveMember(m, schemaType.Name.Name + "." + m.Name, TypeUsage.Write)).ToList();
        if (memberTypes.Any(t => t.Kind != TypeRefKind.Scalar))
        {
            return null;
        }

        var propertyNames = _types.PropertyNames(schemaType);
        return members.Select((member, i) => new HeaderParameter(
                new ElementModel(CSharpNames.Unique(CSharpNames.ToCamelCase(member.Name), parameterNames), member.Name, member.Namespace, memberTypes[i], Repeated: false, Optional: true, OmitWhenNull: true),
                propertyNames[i]))
            .ToList();
    }

    private string WithoutStem(string name) =>
        _stem is { Length: > 0 } stem && name.Length > stem.Length && name.StartsWith(stem, StringComparison.Ordinal) && char.IsLetter(name[stem.Length])
            ? name.Substring(stem.Length)
            : name;

    private static HashSet<string> NameList(string? list) => new(
        (list ?? string.Empty).Split(new[] { ';', ',', ' ' }, StringSplitOptions.RemoveEmptyEntries),
        StringComparer.OrdinalIgnoreCase);
}

/// <summary>A header as an operation's binding names it: the part, the element it travels as, and its encoding.</summary>
internal sealed record HeaderPart(string PartName, string LocalName, string? Namespace, QName? Type, QName? Element, bool Encoded, SourcePosition Position)
{
    public string? TypeName => Type?.Name;

    public TypeRef Resolve(SchemaTypeMapper types, TypeUsage usage)
    {
        // Not per operation: a header many operations declare is reported once.
        var usedBy = "the header '" + PartName + "'";
        if (Type is { } type)
        {
            return types.Resolve(type, Position, usedBy, usage);
        }

        var element = types.FindElement(Element!.Value, Position);
        return element?.Type is { } elementType ? types.Resolve(elementType, Position, usedBy, usage) : XsdScalarTypes.XElement;
    }
}
