using System;
using System.Collections.Generic;
using System.Linq;
using SoapGen.Generator.Common;
using SoapGen.Generator.Diagnostics;
using SoapGen.Generator.Wsdl;

namespace SoapGen.Generator.Model;

/// <summary>Whether a type is read from replies or written into requests: each needs its own generated code.</summary>
internal enum TypeUsage
{
    Read,
    Write,
}

/// <summary>
/// Maps schema types to C# types: names every struct once, resolves references (built-ins, structs, SOAP-ENC arrays,
/// simple types, element refs) with a fallback to XElement, and records which structs need a reader or a writer.
/// </summary>
internal sealed class SchemaTypeMapper
{
    private readonly Dictionary<QName, SchemaElement> _elements = new();
    private readonly string _namespace;
    private readonly Dictionary<QName, SchemaType> _schemaTypes = new();
    private readonly Dictionary<QName, string> _structNames = new();
    private readonly Dictionary<QName, TypeRef> _resolved = new();
    private readonly HashSet<QName> _readTypes = new();
    private readonly HashSet<QName> _writtenTypes = new();

    // Structs marked used whose members are not yet marked: drained breadth-first, so a deep or cyclic type graph
    // (SoftLayer's relational properties) is walked without recursion and without a depth cut-off.
    private readonly Queue<(SchemaType Type, TypeUsage Usage)> _pending = new();

    /// <summary>Names every struct, avoiding <paramref name="typeNames"/> (and adding to it) and reserving its Read/Write methods.</summary>
    public SchemaTypeMapper(IEnumerable<SchemaType> types, IEnumerable<SchemaElement> elements, string ns, HashSet<string> typeNames, HashSet<string> serializerMethods, DiagnosticBag diagnostics)
    {
        _namespace = ns;
        Diagnostics = diagnostics;
        foreach (var element in elements)
        {
            if (!_elements.ContainsKey(element.Name))
            {
                _elements.Add(element.Name, element);
            }
        }

        foreach (var type in types)
        {
            if (_schemaTypes.ContainsKey(type.Name))
            {
                continue;
            }

            _schemaTypes.Add(type.Name, type);
            if (type.Kind == SchemaTypeKind.Struct)
            {
                var name = CSharpNames.Unique(CSharpNames.ToPascalCase(type.Name.Name), typeNames);
                _structNames.Add(type.Name, name);
                serializerMethods.Add("Read" + name);
                serializerMethods.Add("Write" + name);
            }
        }
    }

    /// <summary>Where problems go: the bag of the WSDL whose operations are being modelled.</summary>
    public DiagnosticBag Diagnostics { get; set; }

    /// <summary>The struct a type name refers to, if it is one.</summary>
    public SchemaType? FindStruct(QName name) =>
        _schemaTypes.TryGetValue(name, out var type) && type.Kind == SchemaTypeKind.Struct ? type : null;

    /// <summary>The records to emit: every struct some operation reads or writes, in schema order.</summary>
    public EquatableArray<TypeModel> BuildTypes()
    {
        DrainPending();
        var models = _structNames
            .Where(pair => _readTypes.Contains(pair.Key) || _writtenTypes.Contains(pair.Key))
            .Select(pair => BuildTypeModel(_schemaTypes[pair.Key], pair.Value))
            .ToEquatableArray();

        // Building a record resolves nothing new (its members were marked when it was), unless a simple-content base
        // was first reached there: then build again with the complete sets.
        return _pending.Count == 0 ? models : BuildTypes();
    }

    private void DrainPending()
    {
        while (_pending.Count > 0)
        {
            var (type, usage) = _pending.Dequeue();
            foreach (var member in AllMembers(type))
            {
                if (!member.IsAttribute && member.UnsupportedReason is null)
                {
                    ResolveMember(member, type.Name.Name + "." + member.Name, usage);
                }
            }
        }
    }

    public SchemaElement? FindElementQuietly(QName name) => _elements.TryGetValue(name, out var element) ? element : null;

    public SchemaElement? FindElement(QName name, SourcePosition at)
    {
        if (!_elements.TryGetValue(name, out var element))
        {
            Diagnostics.Report(DiagnosticDescriptors.UnresolvedReference, at, "element", name.ToString(), "its value is generated as XElement");
        }

        return element;
    }

    /// <summary>The element model of a schema member, named <paramref name="name"/> in C#.</summary>
    public static ElementModel Element(string name, SchemaMember member, TypeRef type) =>
        new(name, member.Name, member.Namespace, type, member.Repeated, Optional: member.MinOccurs == 0, OmitWhenNull: !member.Nillable);

    public TypeRef Resolve(QName name, SourcePosition at, string usedBy, TypeUsage usage, int depth = 0)
    {
        if (XsdScalarTypes.Find(name) is { } scalar)
        {
            return scalar;
        }

        if (XsdScalarTypes.IsBuiltInNamespace(name.Namespace) && name.Name is "anyType" or "Array" or "Struct" or "anySimpleType")
        {
            return XsdScalarTypes.XElement;
        }

        if (!_schemaTypes.TryGetValue(name, out var schemaType))
        {
            Diagnostics.Report(DiagnosticDescriptors.UnresolvedType, at, name.ToString(), usedBy);
            return XsdScalarTypes.XElement;
        }

        if (depth > 32)
        {
            Diagnostics.Report(DiagnosticDescriptors.UnsupportedConstruct, schemaType.Position, "A type nested more than 32 levels deep", "it is generated as XElement");
            return XsdScalarTypes.XElement;
        }

        MarkUsed(schemaType, usage, depth);
        if (_resolved.TryGetValue(name, out var cached))
        {
            return cached;
        }

        TypeRef result;
        switch (schemaType.Kind)
        {
            case SchemaTypeKind.Struct:
                var typeName = _structNames[name];
                result = new TypeRef(TypeRefKind.Struct, "global::" + _namespace + "." + typeName, false, typeName, name.Namespace, name.Name, null);
                break;
            case SchemaTypeKind.Array:
                var item = Resolve(schemaType.ItemType!.Value, schemaType.Position, "the items of " + name.Name, usage, depth + 1);
                result = new TypeRef(TypeRefKind.Array, item.AsArrayItem + "[]", false, "Array", name.Namespace, name.Name, item);
                break;
            case SchemaTypeKind.Simple:
                result = schemaType.BaseType is { } baseType
                    ? Resolve(baseType, schemaType.Position, name.Name, usage, depth + 1)
                    : XsdScalarTypes.XElement;
                break;
            case SchemaTypeKind.OpenContent:
                result = XsdScalarTypes.XElement;
                break;
            default:
                Diagnostics.Report(DiagnosticDescriptors.UnsupportedConstruct, schemaType.Position, schemaType.UnsupportedReason ?? "This type", "'" + name.Name + "' is generated as XElement");

                result = XsdScalarTypes.XElement;
                break;
        }

        _resolved[name] = result;
        return result;
    }

    /// <summary>Records that a struct needs a reader or a writer; its members are marked when the queue is drained.</summary>
    private void MarkUsed(SchemaType type, TypeUsage usage, int depth)
    {
        if (type.Kind == SchemaTypeKind.Array && type.ItemType is { } item && depth < 32 && _schemaTypes.TryGetValue(item, out var itemType))
        {
            MarkUsed(itemType, usage, depth + 1);
        }

        if (type.Kind == SchemaTypeKind.Struct && Used(usage).Add(type.Name))
        {
            _pending.Enqueue((type, usage));
        }
    }

    /// <summary>A member's type: its own type=, or the type of the global element it references.</summary>
    public TypeRef ResolveMember(SchemaMember member, string usedBy, TypeUsage usage, int depth = 0)
    {
        if (member.UnsupportedReason is not null)
        {
            return XsdScalarTypes.XElement;
        }

        if (member.ElementRef is { } reference)
        {
            var element = FindElement(reference, member.Position);
            return element?.Type is { } elementType ? Resolve(elementType, member.Position, usedBy, usage, depth) : XsdScalarTypes.XElement;
        }

        return member.Type is { } type ? Resolve(type, member.Position, usedBy, usage, depth) : XsdScalarTypes.XElement;
    }

    public IEnumerable<SchemaMember> AllMembers(SchemaType type, int depth = 0)
    {
        if (type.BaseType is { } baseName && depth < 32 && _schemaTypes.TryGetValue(baseName, out var baseType) && baseType.Kind == SchemaTypeKind.Struct)
        {
            foreach (var member in AllMembers(baseType, depth + 1))
            {
                yield return member;
            }
        }

        foreach (var member in type.Members)
        {
            yield return member;
        }
    }

    /// <summary>
    /// The C# property name of each member of a struct, in <see cref="AllMembers"/> order: decided here once, for the
    /// record and for code that fills one (a header flattened into parameters).
    /// </summary>
    public List<string> PropertyNames(SchemaType type)
    {
        var propertyNames = new HashSet<string>(StringComparer.Ordinal) { _structNames[type.Name], "EqualityContract", "IsOk" };
        if (TextType(type, 0) is not null)
        {
            propertyNames.Add("Value");
        }

        return AllMembers(type).Select(member => CSharpNames.Unique(CSharpNames.ToPascalCase(member.Name), propertyNames)).ToList();
    }

    private TypeModel BuildTypeModel(SchemaType type, string name)
    {
        var usage = _readTypes.Contains(type.Name) ? TypeUsage.Read : TypeUsage.Write;
        ElementModel? text = null;
        if (TextType(type, 0) is { } textType)
        {
            text = new ElementModel("Value", string.Empty, null, textType, Repeated: false, Optional: true, OmitWhenNull: true);
        }

        var propertyNames = PropertyNames(type);
        var members = new List<ElementModel>();
        var index = 0;
        foreach (var member in AllMembers(type))
        {
            var propertyName = propertyNames[index++];
            var memberName = type.Name.Name + "." + member.Name;
            if (member.IsAttribute)
            {
                if (Attribute(member, memberName, propertyName) is { } attribute)
                {
                    members.Add(attribute);
                }

                continue;
            }

            if (member.UnsupportedReason is not null)
            {
                Diagnostics.Report(DiagnosticDescriptors.UnsupportedConstruct, member.Position, member.UnsupportedReason, "'" + memberName + "' is generated as XElement");
            }

            var memberType = ResolveMember(member, memberName, usage);
            members.Add(Element(propertyName, member, memberType));
        }

        var isStatusResult = members.Any(m => m.LocalName == "status" && m.Name == "Status" && m.Type.CSharpName == "string" && !m.Repeated)
            && members.Any(m => m.LocalName == "status_text" && m.Name == "StatusText" && m.Type.CSharpName == "string" && !m.Repeated);

        return new TypeModel(name, type.Name.Namespace, type.Name.Name, type.Documentation, members.ToEquatableArray(),
            isStatusResult, _readTypes.Contains(type.Name), _writtenTypes.Contains(type.Name), text);
    }

    /// <summary>An attribute of a simple XSD type (anything else is reported and left out).</summary>
    private ElementModel? Attribute(SchemaMember member, string memberName, string propertyName)
    {
        var type = member.UnsupportedReason is null && member.Type is { } typeName
            ? Resolve(typeName, member.Position, memberName, TypeUsage.Read)
            : null;
        if (type is not { Kind: TypeRefKind.Scalar } || type.Codec == "Base64")
        {
            Diagnostics.Report(DiagnosticDescriptors.UnsupportedConstruct, member.Position,
                member.UnsupportedReason ?? "The attribute '" + memberName + "' of a type that is not a simple value", "it is not read or written");
            return null;
        }

        return new ElementModel(propertyName, member.Name, member.Namespace, type,
            Repeated: false, Optional: true, OmitWhenNull: true, IsAttribute: true);
    }

    /// <summary>The type of the text of a type with simple content: its base, or its base's text when the base is such a type too.</summary>
    private TypeRef? TextType(SchemaType type, int depth)
    {
        if (type.SimpleContent is not { } baseName || depth > 32)
        {
            return null;
        }

        if (_schemaTypes.TryGetValue(baseName, out var baseType) && baseType.Kind == SchemaTypeKind.Struct)
        {
            return TextType(baseType, depth + 1);
        }

        var text = Resolve(baseName, type.Position, type.Name.Name, TypeUsage.Read);
        return text.Kind == TypeRefKind.Scalar ? text : null;
    }

    private HashSet<QName> Used(TypeUsage usage) => usage == TypeUsage.Read ? _readTypes : _writtenTypes;
}
