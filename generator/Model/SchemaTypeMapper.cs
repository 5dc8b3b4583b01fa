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
    private readonly Dictionary<QName, List<SchemaElement>> _groupMembers = new();  // a head's direct substitution group members
    private readonly string _namespace;
    private readonly string _serializerName;
    private readonly Dictionary<QName, SchemaType> _schemaTypes = new();
    private readonly Dictionary<QName, string> _structNames = new();
    private readonly Dictionary<QName, string> _enumNames = new();
    private readonly Dictionary<QName, TypeRef> _resolved = new();
    private readonly HashSet<QName> _readTypes = new();
    private readonly HashSet<QName> _writtenTypes = new();
    private readonly HashSet<QName> _baseRecords = new();  // emitted because a used record derives from them
    private readonly HashSet<string> _serializerMethods;
    private readonly HashSet<string> _typeNames;
    private readonly Dictionary<QName, List<string>> _propertyNames = new();
    private readonly TypeHierarchy _hierarchy;
    private readonly IReadOnlyDictionary<QName, TypeOverride> _overrides;
    private readonly bool _collectionsAsArrays;

    // Structs marked used whose members are not yet marked: drained breadth-first, so a deep or cyclic type graph
    // (SoftLayer's relational properties) is walked without recursion and without a depth cut-off.
    private readonly Queue<(SchemaType Type, TypeUsage Usage)> _pending = new();

    /// <summary>Names every struct, avoiding <paramref name="typeNames"/> (and adding to it) and reserving its Read/Write methods.</summary>
    public SchemaTypeMapper(IEnumerable<SchemaType> types, IEnumerable<SchemaElement> elements, string ns, string serializerName, HashSet<string> typeNames, HashSet<string> serializerMethods, DiagnosticBag diagnostics, IReadOnlyDictionary<QName, TypeOverride>? overrides = null, bool collectionsAsArrays = true)
    {
        _collectionsAsArrays = collectionsAsArrays;
        _namespace = ns;
        _serializerName = serializerName;
        _overrides = overrides ?? new Dictionary<QName, TypeOverride>();
        Diagnostics = diagnostics;
        foreach (var element in elements)
        {
            if (!_elements.ContainsKey(element.Name))
            {
                _elements.Add(element.Name, element);
                if (element.SubstitutionGroup is { } head)
                {
                    if (!_groupMembers.TryGetValue(head, out var members))
                    {
                        _groupMembers[head] = members = new List<SchemaElement>();
                    }

                    members.Add(element);
                }
            }
        }

        foreach (var type in types)
        {
            if (_schemaTypes.ContainsKey(type.Name))
            {
                continue;
            }

            _schemaTypes.Add(type.Name, type);
        }

        _serializerMethods = serializerMethods;
        _typeNames = typeNames;
        foreach (var type in _schemaTypes.Values)
        {
            if (type.Kind == SchemaTypeKind.Struct || IsStringEnumeration(type))
            {
                var name = CSharpNames.Unique(CSharpNames.ToPascalCase(type.Name.Name), typeNames);
                (type.Kind == SchemaTypeKind.Struct ? _structNames : _enumNames).Add(type.Name, name);
                serializerMethods.Add("Read" + name);
                serializerMethods.Add("Write" + name);
            }
        }

        _hierarchy = new TypeHierarchy(_schemaTypes);
    }

    /// <summary>
    /// The one member of a collection type (a complex type of exactly one repeated element, nothing else: svcutil's
    /// ArrayOfX), which is then generated as the array itself; null for any other type or when wrappers are asked for.
    /// </summary>
    private SchemaMember? CollectionItem(SchemaType type) =>
        _collectionsAsArrays && type.Kind == SchemaTypeKind.Struct && type.BaseType is null && type.SimpleContent is null && !type.IsAbstract
            && !_hierarchy.HasDescendants(type) && type.Members.Count == 1
            && type.Members[0] is { Repeated: true, IsAttribute: false, IsWildcard: false, UnsupportedReason: null, Alternatives.Count: 0 } member
            && !(member.ElementRef is { } head && _groupMembers.ContainsKey(head))  // its items' element names say their types: a record reads them
                ? member
                : null;

    /// <summary>A simpleType listing enumeration values whose base is (ultimately) a string-like built-in type.</summary>
    private bool IsStringEnumeration(SchemaType type)
    {
        if (type.Kind != SchemaTypeKind.Simple || type.Enumeration.Count == 0)
        {
            return false;
        }

        var current = type;
        for (var depth = 0; depth < 32 && current.BaseType is { } baseName; depth++)
        {
            if (XsdScalarTypes.Find(baseName) is { } scalar)
            {
                return scalar.Scalar == ScalarKind.String;
            }

            if (!_schemaTypes.TryGetValue(baseName, out current) || current.Kind != SchemaTypeKind.Simple)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Where problems go: the bag of the WSDL whose operations are being modelled.</summary>
    public DiagnosticBag Diagnostics { get; set; }

    /// <summary>The struct a type name refers to, if it is one.</summary>
    public SchemaType? FindStruct(QName name) =>
        _schemaTypes.TryGetValue(name, out var type) && type.Kind == SchemaTypeKind.Struct ? type : null;

    /// <summary>
    /// The records to emit: every struct some operation reads or writes, the types derived from them, and the bases
    /// they inherit from, in schema order.
    /// </summary>
    public EquatableArray<TypeModel> BuildTypes()
    {
        DrainPending();
        var models = _structNames
            .Where(pair => IsEmitted(pair.Key))
            .Select(pair => BuildTypeModel(_schemaTypes[pair.Key], pair.Value))
            .ToEquatableArray();

        // Building a record resolves nothing new (its members were marked when it was), unless a simple-content base
        // was first reached there: then build again with the complete sets.
        return _pending.Count == 0 ? models : BuildTypes();
    }

    /// <summary>The enumerations some emitted record, parameter or part uses, in schema order.</summary>
    public EquatableArray<EnumModel> BuildEnums() => _enumNames
        .Where(pair => _readTypes.Contains(pair.Key) || _writtenTypes.Contains(pair.Key))
        .Select(pair => BuildEnumModel(_schemaTypes[pair.Key], pair.Value))
        .ToEquatableArray();

    private bool IsEmitted(QName name) => _readTypes.Contains(name) || _writtenTypes.Contains(name) || _baseRecords.Contains(name);

    private void DrainPending()
    {
        while (_pending.Count > 0)
        {
            var (type, usage) = _pending.Dequeue();
            foreach (var member in AllMembers(type))
            {
                if (!member.IsAttribute && member.UnsupportedReason is null)
                {
                    ResolveMember(member, type.Name.Name + "." + member.Name, usage, owner: type);
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

    /// <summary>
    /// The element model of a schema member, named <paramref name="name"/> in C#, with the elements that may stand in for
    /// it when it references the head of a substitution group.
    /// </summary>
    public ElementModel MemberElement(string name, SchemaMember member, TypeRef type, string usedBy, TypeUsage usage)
    {
        if (member.ElementRef is not { } reference || !_elements.TryGetValue(reference, out var head))
        {
            return Element(name, member, type);
        }

        // A reference has the default or fixed value of the element it references.
        var referenced = member.DefaultValue is null ? member with { DefaultValue = head.DefaultValue, IsFixed = head.IsFixed } : member;
        return Element(name, referenced, type) with { Substitutes = Substitutes(head, type, usedBy, usage, 0) };
    }

    /// <summary>The elements that may stand in for a global element used whole (a document/literal bare part): see <see cref="Substitutes"/>.</summary>
    public EquatableArray<ElementModel> SubstitutesOf(SchemaElement head, TypeRef type, string usedBy, TypeUsage usage) =>
        Substitutes(head, type, usedBy, usage, 0);

    /// <summary>A global element's default or fixed value, when the generated code can hold it (see <see cref="ValueConstraint"/>).</summary>
    public static (string? Default, bool IsFixed) ValueOf(SchemaElement element, TypeRef type) =>
        ValueConstraint(element.DefaultValue, repeated: false, type) is { } value ? (value, element.IsFixed) : (null, false);

    /// <summary>
    /// The members of <paramref name="head"/>'s substitution group, transitively (abstract ones excluded: they never
    /// appear), as elements of their own types, most derived type first so a type switch on a value reaches its own
    /// element first. A member whose type is not the head's record or derived from it cannot be held by the head's C#
    /// type: it is reported and read as an unknown element.
    /// </summary>
    private EquatableArray<ElementModel> Substitutes(SchemaElement head, TypeRef headType, string usedBy, TypeUsage usage, int depth)
    {
        if (!_groupMembers.ContainsKey(head.Name) || head.Blocked.HasFlag(Derivations.Substitution))
        {
            return default;
        }

        var found = new List<(ElementModel Element, int Depth)>();
        var seen = new HashSet<QName> { head.Name };
        var queue = new Queue<(SchemaElement Element, QName? InheritedType)>();
        queue.Enqueue((head, head.Type));
        while (queue.Count > 0)
        {
            var (current, inheritedType) = queue.Dequeue();
            if (!_groupMembers.TryGetValue(current.Name, out var members))
            {
                continue;
            }

            foreach (var member in members.Where(m => seen.Add(m.Name)))
            {
                // A member without a type= has its head's type.
                var typeName = member.Type ?? inheritedType;
                queue.Enqueue((member, typeName));
                if (member.IsAbstract || typeName is not { } memberTypeName)
                {
                    continue;
                }

                // A member whose type derives from the head's by a method the head blocks (block=, final=) may not stand in for it.
                if (head.Blocked != Derivations.None && head.Type is { } headTypeName && (DerivationMethods(memberTypeName, headTypeName) & head.Blocked) != 0)
                {
                    continue;
                }

                var type = Resolve(memberTypeName, member.Position, usedBy, usage, depth);
                if (DerivationDepth(memberTypeName, head.Type, headType, type) is not { } derivation)
                {
                    Diagnostics.Report(DiagnosticDescriptors.UnsupportedConstruct, member.Position,
                        "The element '" + member.Name.Name + "' of the substitution group of '" + head.Name.Name + "' has a type that is not the head's record type or derived from it",
                        "it is read as an unknown element where '" + head.Name.Name + "' is referenced");
                    continue;
                }

                found.Add((new ElementModel(CSharpNames.ToPascalCase(member.Name.Name), member.Name.Name, member.Name.Namespace, type,
                    Repeated: false, Optional: true, OmitWhenNull: !member.Nillable), derivation));
            }
        }

        return found.OrderByDescending(f => f.Depth).Select(f => f.Element).ToEquatableArray();
    }

    /// <summary>The derivation methods on the way from <paramref name="memberType"/> up to <paramref name="headType"/> (none when it is the head's type or not derived from it).</summary>
    private Derivations DerivationMethods(QName memberType, QName headType)
    {
        var methods = Derivations.None;
        if (!_schemaTypes.TryGetValue(memberType, out var current))
        {
            return methods;
        }

        foreach (var ancestor in _hierarchy.Ancestors(current))
        {
            methods |= current.IsRestriction ? Derivations.Restriction : Derivations.Extension;
            if (ancestor.Name.Equals(headType))
            {
                return methods;
            }

            current = ancestor;
        }

        return Derivations.None;
    }

    /// <summary>How many derivation steps the record <paramref name="memberType"/> is below the head's record type, or null when it is not below it.</summary>
    private int? DerivationDepth(QName memberType, QName? headTypeName, TypeRef headType, TypeRef type)
    {
        if (headType.Kind != TypeRefKind.Struct || type.Kind != TypeRefKind.Struct || headTypeName is not { } headName || !_schemaTypes.TryGetValue(memberType, out var schemaType))
        {
            return null;
        }

        if (memberType.Equals(headName))
        {
            return 0;
        }

        var ancestors = _hierarchy.Ancestors(schemaType).Select(a => a.Name).ToList();
        var index = ancestors.IndexOf(headName);
        return index < 0 ? null : index + 1;
    }

    /// <summary>The element model of a schema member, named <paramref name="name"/> in C#.</summary>
    public ElementModel Element(string name, SchemaMember member, TypeRef type)
    {
        var value = ValueConstraint(member.DefaultValue, member.Repeated, type);
        return new(name, member.Name, member.Namespace, type, member.Repeated, Optional: member.MinOccurs == 0, OmitWhenNull: !IsNillable(member),
            Default: value, IsFixed: member.IsFixed && value is not null);
    }

    // A reference cannot say nillable (XSD forbids it on a ref): the referenced global element does.
    private bool IsNillable(SchemaMember member) =>
        member.Nillable || (member.ElementRef is { } reference && _elements.TryGetValue(reference, out var element) && element.Nillable);

    /// <summary>
    /// A member's default or fixed value, when it has one the generated code can hold: a single value of a string, a
    /// scalar with an XSD lexical form, or an enumeration. Null otherwise (a struct, XML, QName, an array).
    /// </summary>
    private static string? ValueConstraint(string? defaultValue, bool repeated, TypeRef type) =>
        defaultValue is { } value && !repeated
            && (type.Kind == TypeRefKind.Enum || type.Kind == TypeRefKind.Scalar && (type.Scalar == ScalarKind.String || type.Lexical is not null))
                ? value
                : null;

    public TypeRef Resolve(QName name, SourcePosition at, string usedBy, TypeUsage usage, int depth = 0)
    {
        if (_overrides.TryGetValue(name, out var mapped))
        {
            return ResolveOverride(mapped, at, usedBy, usage, depth);
        }

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
            Diagnostics.Report(DiagnosticDescriptors.UnresolvedType, at, name.ToString(), "'" + usedBy + "' is generated as XElement");
            return XsdScalarTypes.XElement;
        }

        if (depth > 32)
        {
            Diagnostics.Report(DiagnosticDescriptors.UnsupportedConstruct, schemaType.Position, "A type nested more than 32 levels deep", "it is generated as XElement");
            return XsdScalarTypes.XElement;
        }

        if (CollectionItem(schemaType) is { } itemMember)
        {
            // ArrayOfString { string* }: the array itself, each item written as the wrapper's element; no record.
            if (!_resolved.TryGetValue(name, out var collection))
            {
                var item = ResolveMember(itemMember, name.Name + "." + itemMember.Name, usage, depth + 1);
                var itemElement = Element(itemMember.Name, itemMember, item);
                _resolved[name] = collection = new TypeRef(TypeRefKind.Array, ArrayOf(itemElement.ItemType, "[]"), false, "ReadArray", "WriteStartElement",
                    name.Namespace, name.Name, item, ItemElement: itemElement, NullableItems: itemElement.NullableItems);
            }
            else
            {
                ResolveMember(itemMember, name.Name + "." + itemMember.Name, usage, depth + 1);
            }

            return collection;
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
                result = new TypeRef(TypeRefKind.Struct, FullName(typeName), false, "Read" + typeName, "Write" + typeName, name.Namespace, name.Name, null);
                break;
            case SchemaTypeKind.Array:
                var item = Resolve(schemaType.ItemType!.Value, schemaType.Position, "the items of " + name.Name, usage, depth + 1);
                result = schemaType.Rank switch
                {
                    1 => EncodedArray(item, 1, "ReadArray", "WriteStartArray", name),
                    2 => EncodedArray(item, 2, "ReadArray2D", "WriteStartArray2D", name),
                    var rank => EncodedArray(item, rank, "ReadMultiDimensionalArray", "WriteStartArray", name),
                };
                break;
            case SchemaTypeKind.Simple when _enumNames.TryGetValue(name, out var enumName):
                result = new TypeRef(TypeRefKind.Enum, FullName(enumName), true, "Read" + enumName, "Write" + enumName, name.Namespace, name.Name, null, ScalarKind.String);
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

    /// <summary>
    /// The shape a SoapGenTypeMap entry gives a type. Its target is never itself mapped (TypeOverrides.Parse), so this
    /// does not recurse through entries; an array is written as SOAP-ENC:Array of the target, like a declared array type.
    /// </summary>
    private TypeRef ResolveOverride(TypeOverride mapped, SourcePosition at, string usedBy, TypeUsage usage, int depth)
    {
        var target = Resolve(mapped.Target, at, usedBy, usage, depth + 1);
        return mapped.IsArray ? EncodedArray(target, 1, "ReadArray", "WriteStartArray", mapped.Type) : target;
    }

    /// <summary>
    /// A SOAP-ENC array of <paramref name="item"/>: its items are nullable (<c>string?[]</c>), because SOAP encoding
    /// lets every item be <c>xsi:nil</c> and a partial or sparse array leaves the places nobody sent empty.
    /// </summary>
    private static TypeRef EncodedArray(TypeRef item, int rank, string readMethod, string writeMethod, QName name) =>
        new(TypeRefKind.Array, ArrayOf(TypeRef.ItemOf(item, nullable: true), "[" + new string(',', rank - 1) + "]"), false, readMethod, writeMethod,
            name.Namespace, name.Name, item, Rank: rank, NullableItems: true);

    /// <summary>Records that a struct needs a reader or a writer; its members are marked when the queue is drained.</summary>
    private void MarkUsed(SchemaType type, TypeUsage usage, int depth)
    {
        if (type.Kind == SchemaTypeKind.Array && type.ItemType is { } item && depth < 32 && _schemaTypes.TryGetValue(item, out var itemType))
        {
            MarkUsed(itemType, usage, depth + 1);
        }

        if (type.Kind == SchemaTypeKind.Simple && _enumNames.ContainsKey(type.Name))
        {
            Used(usage).Add(type.Name);
        }

        if (type.Kind == SchemaTypeKind.Struct && Used(usage).Add(type.Name))
        {
            _pending.Enqueue((type, usage));

            // A derived type can stand in for this one (xsi:type); the types it derives from are its records' bases.
            foreach (var descendant in _hierarchy.Descendants(type))
            {
                if (Used(usage).Add(descendant.Name))
                {
                    _pending.Enqueue((descendant, usage));
                }
            }

            foreach (var ancestor in _hierarchy.Ancestors(type))
            {
                _baseRecords.Add(ancestor.Name);
            }
        }
    }

    private string FullName(string typeName) => "global::" + _namespace + "." + typeName;

    /// <summary>
    /// <paramref name="itemType"/> with <paramref name="specifier"/> (<c>[,]</c>, or sizes <c>[a, b]</c> in a <c>new</c>)
    /// as its outermost rank. It goes before an array item's own: a two-dimensional array of <c>string[]</c> is
    /// <c>string[,][]</c> (<c>string[][,]</c> is a one-dimensional array of <c>string[,]</c>); a nullable item's
    /// <c>?</c> ends the item's type, so an array of <c>string[]?</c> is <c>string[]?[]</c>.
    /// </summary>
    internal static string ArrayOf(string itemType, string specifier)
    {
        var start = itemType.LastIndexOf('?') + 1;
        var bracket = itemType.IndexOf('[', start);
        return bracket < 0 ? itemType + specifier : itemType.Insert(bracket, specifier);
    }

    /// <summary>
    /// A member's type: its own type=, or the type of the global element it references; for a repeated choice of
    /// <paramref name="owner"/>, the record its items are.
    /// </summary>
    public TypeRef ResolveMember(SchemaMember member, string usedBy, TypeUsage usage, int depth = 0, SchemaType? owner = null)
    {
        if (member.UnsupportedReason is not null)
        {
            return XsdScalarTypes.XElement;
        }

        if (member.Alternatives.Count > 0)
        {
            return owner is null ? XsdScalarTypes.XElement : ChoiceItem(owner, member, usage, depth);
        }

        if (member.ElementRef is { } reference)
        {
            var element = FindElement(reference, member.Position);
            if (element?.Type is not { } elementType)
            {
                return XsdScalarTypes.XElement;
            }

            var referenced = Resolve(elementType, member.Position, usedBy, usage, depth);
            Substitutes(element, referenced, usedBy, usage, depth);  // their types are read or written too
            return referenced;
        }

        return member.Type is { } type ? Resolve(type, member.Position, usedBy, usage, depth) : XsdScalarTypes.XElement;
    }

    // A repeated choice's item record, by the member (a group's choice used by several types is one record).
    private readonly Dictionary<SchemaMember, string> _choiceNames = new();

    /// <summary>
    /// The item of a repeated choice or sequence, <c>(a|b)*</c> or <c>(x,(a|b))*</c>: a generated abstract record
    /// <c>OwnerItem</c> with one case per element (<c>OwnerItem.A(Value)</c>), so the member is an array that keeps the
    /// order the elements came in.
    /// </summary>
    private TypeRef ChoiceItem(SchemaType owner, SchemaMember member, TypeUsage usage, int depth)
    {
        if (!_choiceNames.TryGetValue(member, out var name))
        {
            _choiceNames[member] = name = CSharpNames.Unique(_structNames[owner.Name] + "Item", _typeNames);
        }

        var taken = new HashSet<string>(StringComparer.Ordinal) { name, "Value", "EqualityContract" };
        // An alternative that references a substitution group's head carries the group's members too.
        var alternatives = member.Alternatives
            .Select(a => MemberElement(CSharpNames.Unique(CSharpNames.ToPascalCase(a.Name), taken), a,
                ResolveMember(a, owner.Name.Name + "." + a.Name, usage, depth + 1), owner.Name.Name + "." + a.Name, usage))
            .ToEquatableArray();
        return new TypeRef(TypeRefKind.Choice, FullName(name), false, string.Empty, string.Empty, owner.Name.Namespace, owner.Name.Name + "/" + member.Name, null,
            Alternatives: alternatives);
    }

    /// <summary>
    /// The members of a struct, inherited first. A restriction of another struct has its base's members (it only
    /// narrows what they may hold); a base that is not a known struct contributes nothing.
    /// </summary>
    public IEnumerable<SchemaMember> AllMembers(SchemaType type)
    {
        var chain = new List<SchemaType> { type };
        chain.AddRange(_hierarchy.Ancestors(type));
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            if (chain[i].IsRestriction && _hierarchy.BaseOf(chain[i]) is not null)
            {
                continue;
            }

            foreach (var member in chain[i].Members)
            {
                yield return member;
            }
        }
    }

    /// <summary>
    /// The C# property name of each member of a struct, in <see cref="AllMembers"/> order: decided here once, for the
    /// record and for code that fills one (a header flattened into parameters). A derived record keeps its base's names.
    /// </summary>
    public List<string> PropertyNames(SchemaType type)
    {
        if (_propertyNames.TryGetValue(type.Name, out var cached))
        {
            return cached;
        }

        var baseType = _hierarchy.BaseOf(type);
        var names = baseType is null ? new List<string>() : new List<string>(PropertyNames(baseType));
        if (baseType is null || !type.IsRestriction)
        {
            var taken = new HashSet<string>(names.Concat(CSharpNames.RecordMemberNames), StringComparer.Ordinal) { _structNames[type.Name] };
            if (TextType(type, 0) is not null)
            {
                taken.Add("Value");
            }

            var own = baseType is null ? AllMembers(type) : type.Members;
            names.AddRange(own.Select(member => CSharpNames.Unique(CSharpNames.ToPascalCase(member.Name), taken)));
        }

        _propertyNames[type.Name] = names;
        return names;
    }

    private TypeModel BuildTypeModel(SchemaType type, string name)
    {
        var isRead = _readTypes.Contains(type.Name);
        var isWritten = _writtenTypes.Contains(type.Name);
        var usage = isRead ? TypeUsage.Read : TypeUsage.Write;
        ElementModel? text = null;
        if (TextType(type, 0) is { } textType)
        {
            text = new ElementModel("Value", string.Empty, null, textType, Repeated: false, Optional: true, OmitWhenNull: true, Variable: "text");
        }

        var propertyNames = PropertyNames(type);
        var locals = new HashSet<string>(StringComparer.Ordinal) { "reader", "text", "value", "writer", "localName", "ns", "encoded", "typeName", "typeNamespace", "fields" };
        var members = new List<ElementModel>();
        var index = 0;
        foreach (var member in AllMembers(type))
        {
            var propertyName = propertyNames[index++];
            var memberName = type.Name.Name + "." + member.Name;
            var variable = CSharpNames.Unique(CSharpNames.ToCamelCase(propertyName), locals);
            if (member.IsWildcard)
            {
                // Whatever the declared members do not match is kept whole, and written back after them.
                members.Add(new ElementModel(propertyName, string.Empty, null, member.IsAttribute ? XsdScalarTypes.XAttribute : XsdScalarTypes.XElement,
                    Repeated: true, Optional: true, OmitWhenNull: true, IsAttribute: member.IsAttribute, Variable: variable, IsWildcard: true));
                continue;
            }

            if (member.IsAttribute)
            {
                if (Attribute(member, memberName, propertyName) is { } attribute)
                {
                    members.Add(attribute with { Variable = variable });
                }

                continue;
            }

            if (member.UnsupportedReason is not null)
            {
                Diagnostics.Report(DiagnosticDescriptors.UnsupportedConstruct, member.Position, member.UnsupportedReason, "'" + memberName + "' is generated as XElement");
            }

            var memberType = ResolveMember(member, memberName, usage, owner: type);
            members.Add(MemberElement(propertyName, member, memberType, memberName, usage) with { Variable = variable });
        }

        var baseType = _hierarchy.BaseOf(type);
        var inherited = baseType is null ? 0 : members.Count(m => propertyNames.IndexOf(m.Name) < PropertyNames(baseType).Count);
        var isStatusResult = (baseType is null || !BuildsStatusResult(baseType))
            && members.Any(m => m.LocalName == "status" && m.Name == "Status" && m.Type.CSharpName == "string" && !m.Repeated)
            && members.Any(m => m.LocalName == "status_text" && m.Name == "StatusText" && m.Type.CSharpName == "string" && !m.Repeated);

        // A dispatch (on xsi:type when reading, on the runtime type when writing) needs the content methods of the
        // types it chooses from; a type needs them when it has such types or some ancestor dispatches to it.
        var descendants = _hierarchy.Descendants(type).Where(d => IsEmitted(d.Name)).ToList();
        var readDescendants = descendants.Where(d => _readTypes.Contains(d.Name)).ToList();
        var writtenDescendants = descendants.Where(d => _writtenTypes.Contains(d.Name)).ToList();
        var ancestors = _hierarchy.Ancestors(type).ToList();
        var readContent = isRead && (readDescendants.Count > 0 || ancestors.Any(a => _readTypes.Contains(a.Name))) ? Reserve("Read" + name + "Content") : null;
        var writeContent = isWritten && (writtenDescendants.Count > 0 || ancestors.Any(a => _writtenTypes.Contains(a.Name))) ? Reserve("Write" + name + "Content") : null;
        var unknownType = isRead && type.IsAbstract ? Reserve("Unknown" + name) : null;

        // An extension's content is its base's content, then its own elements: the base's writer writes the first part,
        // unless the extension adds attributes, which must come before any element.
        var baseWriteContent = isWritten && baseType is not null && !type.IsRestriction && _writtenTypes.Contains(baseType.Name)
            && _hierarchy.HasDescendants(baseType) && !members.Skip(inherited).Any(m => m.IsAttribute) && text is null
                ? ContentMethod("Write", baseType)
                : null;

        // A content writer that leaves the inherited members to its base's checks only the choices it writes itself.
        var written = baseWriteContent is null ? members : members.Skip(inherited);
        var writtenNames = new HashSet<string>(written.Select(m => m.Name), StringComparer.Ordinal);
        var choiceModels = isWritten
            ? Choices(AllMembers(type).ToList(), propertyNames).Where(c => c.Alternatives.All(a => a.Members.All(writtenNames.Contains))).ToEquatableArray()
            : EquatableArray<ChoiceModel>.Empty;

        // Each dispatch names only the direct children; a child with children of its own passes the question on, so
        // every type appears in one dispatch and the serializer grows with the types, not with the derivation depth.
        var variables = new HashSet<string>(locals, StringComparer.Ordinal);
        var children = _hierarchy.Children(type)
            .Where(d => _readTypes.Contains(d.Name) || _writtenTypes.Contains(d.Name))
            .Select(d => new DerivedTypeModel(FullName(_structNames[d.Name]), d.Name.Namespace, d.Name.Name,
                isRead && _readTypes.Contains(d.Name) ? ContentMethod("Read", d) : null,
                isWritten && _writtenTypes.Contains(d.Name) ? ContentMethod("Write", d) : null,
                isRead && _readTypes.Contains(d.Name) && _hierarchy.HasDescendants(d) ? DerivedMethod("Read", d) : null,
                isWritten && _writtenTypes.Contains(d.Name) && _hierarchy.HasDescendants(d) ? DerivedMethod("Write", d) : null,
                CSharpNames.Unique(CSharpNames.ToCamelCase(_structNames[d.Name]), variables)))
            .ToEquatableArray();
        var readDerived = isRead && readDescendants.Count > 0 ? DerivedMethod("Read", type) : null;

        // The child elements of a type in a read hierarchy are read by a member reader into a fields object; an
        // extension's reader reads its own elements and leaves the rest to its base's, so no reader repeats a base's.
        var readsBaseMembers = isRead && text is null && baseType is not null && !type.IsRestriction && _readTypes.Contains(baseType.Name)
            && TextType(baseType, 0) is null;
        var readMembers = isRead && text is null && (readDescendants.Count > 0 || readsBaseMembers) ? MembersMethod(type) : null;
        var writeDerived = isWritten && writtenDescendants.Count > 0 ? DerivedMethod("Write", type) : null;

        return new TypeModel(name, FullName(name), type.Name.Namespace, type.Name.Name, type.Documentation, members.ToEquatableArray(),
            inherited, baseType is null ? null : FullName(_structNames[baseType.Name]), type.IsAbstract, IsSealed: descendants.Count == 0,
            children, isStatusResult, isRead, isWritten, "Read" + name, "Write" + name, readContent, writeContent, readDerived, writeDerived,
            readMembers, readMembers is null ? null : FieldsClass(type), readsBaseMembers ? MembersMethod(baseType!) : null,
            readsBaseMembers ? FieldsClass(baseType!) : null, unknownType, baseWriteContent, text,
            choiceModels, readMembers is null ? null : FullName(_serializerName) + "." + FieldsClass(type));
    }

    /// <summary>
    /// The choices among <paramref name="members"/> (named <paramref name="names"/>, in the same order: properties or
    /// parameters) that a writer checks: each alternative as the names of the members it holds.
    /// </summary>
    public static IEnumerable<ChoiceModel> Choices(IReadOnlyList<SchemaMember> members, IReadOnlyList<string> names) =>
        members
            .SelectMany((member, i) => member.Choices.Select(slot => (slot, Name: names[i])))
            .GroupBy(c => c.slot.Choice)
            .Select(choice => new ChoiceModel(
                choice.GroupBy(c => c.slot.Alternative).Select(alternative => new ChoiceAlternativeModel(alternative.Select(c => c.Name).ToEquatableArray())).ToEquatableArray(),
                choice.Key.Required));

    // The name a type's content method has: the same name every time it is asked for (Reserve is idempotent per name).
    private string ContentMethod(string verb, SchemaType type) => Reserve(verb + _structNames[type.Name] + "Content");

    // The name of a type's xsi:type (reading) or runtime-type (writing) dispatch to its derived types.
    private string DerivedMethod(string verb, SchemaType type) => Reserve("Try" + verb + _structNames[type.Name] + "Derived");

    // The member reader of a type in a read hierarchy, and the class of the fields it reads into.
    private string MembersMethod(SchemaType type) => Reserve("TryRead" + _structNames[type.Name] + "Member");

    private string FieldsClass(SchemaType type) => Reserve(_structNames[type.Name] + "Fields");

    private readonly Dictionary<string, string> _reserved = new(StringComparer.Ordinal);

    /// <summary>A serializer member name for <paramref name="candidate"/>, unique among the serializer's, the same on every call.</summary>
    private string Reserve(string candidate)
    {
        if (!_reserved.TryGetValue(candidate, out var name))
        {
            _reserved[candidate] = name = CSharpNames.Unique(candidate, _serializerMethods);
        }

        return name;
    }

    // Whether the record of a base type implements the status-result interface (a derived record must not again).
    private bool BuildsStatusResult(SchemaType type)
    {
        var names = PropertyNames(type);
        var members = AllMembers(type).Select((member, i) => (member, name: names[i])).ToList();
        return members.Any(m => m.member.Name == "status" && m.name == "Status") && members.Any(m => m.member.Name == "status_text" && m.name == "StatusText");
    }

    private EnumModel BuildEnumModel(SchemaType type, string name)
    {
        var taken = new HashSet<string>(CSharpNames.RecordMemberNames, StringComparer.Ordinal) { name, "IsDefined" };
        var members = type.Enumeration
            .Select((value, index) =>
            {
                var pascal = CSharpNames.ToPascalCase(value);
                return new EnumMemberModel(CSharpNames.Unique(pascal == "_" ? "Value" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : pascal, taken), value);
            })
            .ToEquatableArray();
        return new EnumModel(name, FullName(name), type.Name.Namespace, type.Name.Name, type.Documentation, members,
            "Read" + name, "Write" + name, _readTypes.Contains(type.Name), _writtenTypes.Contains(type.Name));
    }

    /// <summary>An attribute of a simple XSD type (anything else is reported and left out).</summary>
    private ElementModel? Attribute(SchemaMember member, string memberName, string propertyName)
    {
        TypeRef? type = null;
        if (member.UnsupportedReason is null && member.Type is { } typeName)
        {
            // An attribute holds a simple value whatever its undefined type is: its lexical form, a string.
            if (IsUndefined(typeName))
            {
                Diagnostics.Report(DiagnosticDescriptors.UnresolvedType, member.Position, typeName.ToString(), "'" + memberName + "' (an attribute) is a string");
                type = XsdScalarTypes.Scalar(ScalarKind.String, "string");
            }
            else
            {
                type = Resolve(typeName, member.Position, memberName, TypeUsage.Read);
            }
        }

        if (type is { Kind: TypeRefKind.Scalar, Scalar: ScalarKind.QName })
        {
            // A QName attribute's prefix needs the element's namespace scope: it is kept in its lexical form.
            type = XsdScalarTypes.Scalar(ScalarKind.String, "QName");
        }

        if (type is null || type.Kind is not (TypeRefKind.Scalar or TypeRefKind.Enum))
        {
            Diagnostics.Report(DiagnosticDescriptors.UnsupportedConstruct, member.Position,
                member.UnsupportedReason ?? "The attribute '" + memberName + "' of a type that is not a simple value", "it is not read or written");
            return null;
        }

        var value = ValueConstraint(member.DefaultValue, member.Repeated, type);
        return new ElementModel(propertyName, member.Name, member.Namespace, type,
            Repeated: false, Optional: true, OmitWhenNull: true, IsAttribute: true, Default: value, IsFixed: member.IsFixed && value is not null);
    }

    // A type name neither a SoapGenTypeMap entry, a built-in nor a schema type stands for.
    private bool IsUndefined(QName name) =>
        !_overrides.ContainsKey(name) && XsdScalarTypes.Find(name) is null && !XsdScalarTypes.IsBuiltInNamespace(name.Namespace) && !_schemaTypes.ContainsKey(name);

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
