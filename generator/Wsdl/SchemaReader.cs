using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using SoapGen.Generator.Common;
using SoapGen.Generator.Diagnostics;

namespace SoapGen.Generator.Wsdl;

/// <summary>Reads the XML Schema subset SOAP services use: named complex and simple types, top-level elements, SOAP-encoded arrays.</summary>
internal sealed class SchemaReader
{
    private static readonly XNamespace Xsd = XmlNamespaces.Xsd;
    private readonly ReadContext _context;
    private readonly HashSet<string> _namedTypes = new(System.StringComparer.Ordinal);
    private string _targetNamespace = string.Empty;
    private bool _qualified;
    private string? _blockDefault;  // the schema's blockDefault and finalDefault, for its elements that say neither
    private string? _finalDefault;
    private int _choices;  // numbers the choices read, so each member knows which one it is an alternative of

    // Top-level xsd:group, xsd:attributeGroup and xsd:attribute definitions, by kind and name, with the namespace
    // settings of the schema that defines them; and the groups being expanded now (a group may refer to itself).
    private readonly Dictionary<(string Kind, QName Name), Definition> _definitions = new();
    private readonly HashSet<(string Kind, QName Name)> _expanding = new();

    private sealed record Definition(XElement Element, string TargetNamespace, bool Qualified);

    private readonly SharedSchemas _shared;
    private readonly List<SchemaDeclarations> _schemas = new();
    private readonly List<SchemaDescription> _importedSchemas = new();

    /// <param name="context">Where diagnostics go, how names and imports resolve.</param>
    /// <param name="shared">Imported schema documents read already, on their own: used as they are, not read again.</param>
    public SchemaReader(ReadContext context, SharedSchemas? shared = null)
    {
        _context = context;
        _shared = shared ?? SharedSchemas.None;
    }

    // The declarations of the schema being read; each schema's become one SchemaDeclarations when it is read.
    private List<SchemaType> Types { get; } = new();

    private List<SchemaElement> Elements { get; } = new();

    /// <summary>The declarations of every schema read, in reading order (a shared schema's are its own instance).</summary>
    public IReadOnlyList<SchemaDeclarations> Schemas => _schemas;

    /// <summary>The shared descriptions of the imported schema documents read, in reading order.</summary>
    public IReadOnlyList<SchemaDescription> ImportedSchemas => _importedSchemas;

    /// <summary>
    /// Reads one schema, then the schemas it imports or includes (after it: its per-schema state must not be mixed).
    /// <paramref name="includerNamespace"/> is the namespace an included schema without its own takes ("chameleon").
    /// An imported document read already on its own (<see cref="SharedSchemas"/>) is taken as it is.
    /// </summary>
    public void ReadSchema(XElement schema, string? includerNamespace = null)
    {
        var targetNamespace = (string?)schema.Attribute("targetNamespace") ?? includerNamespace ?? string.Empty;
        if (SharedDescriptionOf(schema, targetNamespace) is { } shared)
        {
            ReadShared(schema, shared);
            return;
        }

        ReadImported(ReadDeclarations(schema, targetNamespace, found: null));
    }

    /// <summary>
    /// Reads one schema's own declarations (in <paramref name="targetNamespace"/>, its own or its includer's) into one
    /// <see cref="SchemaDeclarations"/>, knowing the groups and attributes of the schemas it imports; returns the imported
    /// documents not read yet. <paramref name="found"/> collects the documents its imports name, read or not.
    /// </summary>
    public List<(XElement Root, string? IncluderNamespace)> ReadDeclarations(XElement schema, string targetNamespace, List<SchemaImport>? found)
    {
        _targetNamespace = targetNamespace;
        _qualified = (string?)schema.Attribute("elementFormDefault") == "qualified";
        (_blockDefault, _finalDefault) = ((string?)schema.Attribute("blockDefault"), (string?)schema.Attribute("finalDefault"));
        _namedTypes.Clear();
        foreach (var named in schema.Elements().Where(e => e.Name.LocalName is "complexType" or "simpleType"))
        {
            _namedTypes.Add(Name(named));
        }

        // Imports first, so the group and attribute definitions of the schemas they name are known to this one's types.
        var imported = new List<(XElement Root, string? IncluderNamespace)>();
        foreach (var child in schema.Elements())
        {
            string? path;
            switch (child.Name.LocalName)
            {
                case "include":
                case "redefine":
                    // An included schema shares the includer's namespace: a saved copy of "https://host/Svc?xsd" is found by it.
                    var included = _context.LoadImport(child, "xsd:" + child.Name.LocalName, (string?)child.Attribute("schemaLocation"), targetNamespace.Length == 0 ? null : targetNamespace, out path);
                    Found(path, targetNamespace);
                    if (included is not null)
                    {
                        imported.Add((included, targetNamespace));
                    }

                    break;
                case "import":
                    var ns = (string?)child.Attribute("namespace");
                    if (!IsBuiltInNamespace(ns))
                    {
                        var root = _context.LoadImport(child, "xsd:import", (string?)child.Attribute("schemaLocation"), ns, out path);
                        Found(path, null);
                        if (root is not null)
                        {
                            imported.Add((root, null));
                        }
                    }

                    break;
            }
        }

        CollectDefinitions(schema, targetNamespace);
        foreach (var (root, includerNs) in imported)
        {
            CollectImportedDefinitions(root, includerNs);
        }

        foreach (var child in schema.Elements())
        {
            switch (child.Name.LocalName)
            {
                case "complexType":
                    Types.Add(ReadComplexType(child, new QName(targetNamespace, Name(child))));
                    break;
                case "simpleType":
                    Types.Add(ReadSimpleType(child, new QName(targetNamespace, Name(child))));
                    break;
                case "element":
                    Elements.Add(ReadTopLevelElement(child, targetNamespace));
                    break;
            }
        }

        if (Types.Count > 0 || Elements.Count > 0)
        {
            _schemas.Add(new SchemaDeclarations(Types.ToEquatableArray(), Elements.ToEquatableArray()));
            Types.Clear();
            Elements.Clear();
        }

        return imported;

        void Found(string? path, string? includerNamespace)
        {
            if (path is not null)
            {
                found?.Add(new SchemaImport(path, includerNamespace));
            }
        }
    }

    /// <summary>Whether a schema defines groups, attribute groups or attributes, which the schemas importing it may refer to.</summary>
    public static bool DefinesComponents(XElement schema) =>
        schema.Elements().Any(e => e.Name.LocalName is "group" or "attributeGroup" or "attribute");

    // The shared description of an imported schema document's root, read in this namespace; null for an inline schema.
    private SchemaDescription? SharedDescriptionOf(XElement schema, string targetNamespace) =>
        schema.Parent is null && schema.Document?.Annotation<ImportedDocument>() is { } document ? _shared.Find(document.Path, targetNamespace) : null;

    /// <summary>
    /// An imported schema document read already on its own: its declarations as they are, then what it imports, as
    /// <see cref="ReadSchema"/> would (the imports this WSDL has not read yet, each once, after it).
    /// </summary>
    private void ReadShared(XElement schema, SchemaDescription shared)
    {
        _schemas.Add(shared.Declarations);
        _importedSchemas.Add(shared);
        if (shared.DefinesComponents)
        {
            CollectDefinitions(schema, shared.Namespace);
        }

        var imported = new List<(XElement Root, string? IncluderNamespace)>();
        foreach (var import in shared.Imports)
        {
            if (_context.LoadImported(import.Path) is { } root)
            {
                imported.Add((root, import.IncluderNamespace));
            }
        }

        foreach (var (root, includerNs) in imported)
        {
            CollectImportedDefinitions(root, includerNs);
        }

        ReadImported(imported);
    }

    private void ReadImported(List<(XElement Root, string? IncluderNamespace)> imported)
    {
        foreach (var (root, includerNs) in imported)
        {
            if (root.Name == Xsd + "schema")
            {
                ReadSchema(root, includerNs);
            }
            else
            {
                // A WSDL named by xsd:import: its inline schemas.
                foreach (var inline in root.Elements(XName.Get("types", XmlNamespaces.Wsdl)).Elements(Xsd + "schema"))
                {
                    ReadSchema(inline);
                }
            }
        }
    }

    // The group and attribute definitions of an imported document's schemas (none to look for in a shared one that has none).
    private void CollectImportedDefinitions(XElement root, string? includerNamespace)
    {
        foreach (var inner in root.Name == Xsd + "schema" ? new[] { root } : root.Elements(XName.Get("types", XmlNamespaces.Wsdl)).Elements(Xsd + "schema"))
        {
            var targetNamespace = (string?)inner.Attribute("targetNamespace") ?? includerNamespace ?? string.Empty;
            if (SharedDescriptionOf(inner, targetNamespace) is not { DefinesComponents: false })
            {
                CollectDefinitions(inner, targetNamespace);
            }
        }
    }

    private void CollectDefinitions(XElement schema, string targetNamespace)
    {
        var qualified = (string?)schema.Attribute("elementFormDefault") == "qualified";
        foreach (var child in schema.Elements().Where(e => e.Name.LocalName is "group" or "attributeGroup" or "attribute"))
        {
            var key = (child.Name.LocalName, new QName(targetNamespace, Name(child)));
            if (key.Item2.Name.Length > 0 && !_definitions.ContainsKey(key))
            {
                _definitions.Add(key, new Definition(child, targetNamespace, qualified));
            }
        }
    }

    /// <summary>
    /// Reads a referenced definition's content with the namespace settings of the schema that defines it; false when the
    /// reference resolves to nothing known or loops back into a definition being read (then nothing is added).
    /// </summary>
    private bool Expand(string kind, XElement reference, System.Action<XElement> read)
    {
        if (_context.ResolveQName(reference, "ref") is not { } name || !_definitions.TryGetValue((kind, name), out var definition) || !_expanding.Add((kind, name)))
        {
            return false;
        }

        var (savedNamespace, savedQualified) = (_targetNamespace, _qualified);
        (_targetNamespace, _qualified) = (definition.TargetNamespace, definition.Qualified);
        try
        {
            read(definition.Element);
        }
        finally
        {
            (_targetNamespace, _qualified) = (savedNamespace, savedQualified);
            _expanding.Remove((kind, name));
        }

        return true;
    }

    /// <summary>The attributes of a type or an attribute group: attributes, attribute group references, anyAttribute.</summary>
    private void ReadAttributes(XElement particle, List<SchemaMember> members)
    {
        switch (particle.Name.LocalName)
        {
            case "attribute":
                if (ReadAttribute(particle) is { } attribute)
                {
                    members.Add(attribute);
                }

                break;
            case "attributeGroup":
                if (!Expand("attributeGroup", particle, group => { foreach (var item in group.Elements()) ReadAttributes(item, members); }))
                {
                    members.Add(new SchemaMember("attributeGroup", null, null, null, 0, false, false, true,
                        "an xsd:attributeGroup reference to a group this schema set does not define", WsdlReader.PositionOf(particle)));
                }

                break;
            case "anyAttribute":
                members.Add(new SchemaMember("AnyAttribute", null, null, null, 0, true, false, true, null, WsdlReader.PositionOf(particle), IsWildcard: true));
                break;
        }
    }

    private static bool IsBuiltInNamespace(string? ns) =>
        ns is XmlNamespaces.SoapEncoding or XmlNamespaces.Wsdl or XmlNamespaces.Xsd or XmlNamespaces.Soap12Encoding;

    private SchemaElement ReadTopLevelElement(XElement element, string targetNamespace)
    {
        var name = new QName(targetNamespace, Name(element));
        var type = _context.ResolveQName(element, "type");
        var anonymous = element.Element(Xsd + "complexType");
        if (type is null && anonymous is not null)
        {
            // An element with an anonymous type (document/literal wrappers) gets a synthetic type of the same name,
            // unless a named type already has it ('/' cannot occur in a schema name, so the fallback cannot clash).
            var typeName = _namedTypes.Contains(name.Name) ? new QName(targetNamespace, name.Name + "/element") : name;
            Types.Add(ReadComplexType(anonymous, typeName) with { Position = WsdlReader.PositionOf(element) });
            type = typeName;
        }
        else if (type is null && element.Element(Xsd + "simpleType") is { } simple)
        {
            var typeName = _namedTypes.Contains(name.Name) ? new QName(targetNamespace, name.Name + "/element") : name;
            var simpleType = ReadSimpleType(simple, typeName);
            Types.Add(simpleType);
            type = simpleType.Name;
        }

        var (value, isFixed) = ValueConstraint(element);
        return new SchemaElement(name, type, WsdlReader.PositionOf(element), Nillable: (string?)element.Attribute("nillable") is "true" or "1",
            SubstitutionGroup: _context.ResolveQName(element, "substitutionGroup"), IsAbstract: (string?)element.Attribute("abstract") is "true" or "1",
            DefaultValue: value, IsFixed: isFixed, Blocked: BlockedSubstitutions(element));
    }

    /// <summary>
    /// What a head element's <c>block</c> and <c>final</c> (or the schema's defaults) keep out of its substitution group:
    /// members whose type derives from the head's by extension or restriction, or (block="substitution") every member.
    /// </summary>
    private Derivations BlockedSubstitutions(XElement element) =>
        Methods((string?)element.Attribute("block") ?? _blockDefault, Derivations.Substitution)
        | Methods((string?)element.Attribute("final") ?? _finalDefault, Derivations.None);

    // The derivations a block/final list names; "substitution" (and "#all") adds what a block's does, nothing for a final.
    private static Derivations Methods(string? list, Derivations substitution)
    {
        var methods = Derivations.None;
        foreach (var word in (list ?? string.Empty).Split(new[] { ' ', '\t', '\n', '\r' }, System.StringSplitOptions.RemoveEmptyEntries))
        {
            methods |= word switch
            {
                "#all" => Derivations.Extension | Derivations.Restriction | substitution,
                "extension" => Derivations.Extension,
                "restriction" => Derivations.Restriction,
                "substitution" => substitution,
                _ => Derivations.None,
            };
        }

        return methods;
    }

    /// <summary>
    /// A simpleType: a restriction of its base (with its enumeration values), or a list or union, which are read as their
    /// lexical form (a string).
    /// </summary>
    private SchemaType ReadSimpleType(XElement simpleType, QName name)
    {
        var restriction = simpleType.Element(Xsd + "restriction");
        var baseType = restriction is null ? new QName(XmlNamespaces.Xsd, "string") : _context.ResolveQName(restriction, "base");
        if (restriction is not null && baseType is null && restriction.Element(Xsd + "simpleType") is { } inlineBase)
        {
            // <restriction><simpleType>…</simpleType><enumeration/></restriction>: the inline base's own base.
            baseType = ReadSimpleType(inlineBase, name).BaseType;
        }

        var enumeration = restriction?.Elements(Xsd + "enumeration")
            .Select(e => (string?)e.Attribute("value"))
            .Where(v => v is not null)
            .Select(v => v!)
            .Distinct()
            .ToEquatableArray() ?? EquatableArray<string>.Empty;
        return new SchemaType(name, SchemaTypeKind.Simple, EquatableArray<SchemaMember>.Empty, baseType, null,
            WsdlReader.DocumentationOf(simpleType), null, WsdlReader.PositionOf(simpleType), Enumeration: enumeration);
    }

    private SchemaType ReadComplexType(XElement complexType, QName name)
    {
        var documentation = WsdlReader.DocumentationOf(complexType);
        var position = WsdlReader.PositionOf(complexType);
        var members = new List<SchemaMember>();
        QName? baseType = null;
        var isRestriction = false;
        var isAbstract = (string?)complexType.Attribute("abstract") is "true" or "1";

        var complexContent = complexType.Element(Xsd + "complexContent");
        var simpleContent = complexType.Element(Xsd + "simpleContent");
        QName? textType = null;
        var content = complexType;
        if (simpleContent is not null)
        {
            // A value with attributes: the base names the text's type (a built-in, a simpleType, or another such type
            // whose attributes are inherited).
            var derivation = simpleContent.Element(Xsd + "extension") ?? simpleContent.Element(Xsd + "restriction");
            if (derivation is null || _context.ResolveQName(derivation, "base") is not { } textBase)
            {
                return Unsupported("a simpleContent without a base type");
            }

            textType = textBase;
            baseType = textBase;
            content = derivation;
        }
        else if (complexContent is not null)
        {
            var derivation = complexContent.Element(Xsd + "restriction") ?? complexContent.Element(Xsd + "extension");
            if (derivation is null)
            {
                return Unsupported("a complexContent without restriction or extension");
            }

            baseType = _context.ResolveQName(derivation, "base");
            isRestriction = derivation.Name.LocalName == "restriction";
            if (isRestriction && baseType is { } b && IsSoapArray(b))
            {
                return ReadSoapArray(derivation, name, documentation, position);
            }

            if (baseType is { } anyType && anyType.Name == "anyType" && anyType.Namespace == XmlNamespaces.Xsd)
            {
                // Deriving from anyType is deriving from nothing.
                baseType = null;
                isRestriction = false;
            }

            content = derivation;
        }

        foreach (var particle in content.Elements())
        {
            switch (particle.Name.LocalName)
            {
                case "sequence":
                case "all":
                case "choice":
                    ReadParticle(particle, name, members, optional: false);
                    break;
                case "group":
                    ReadGroupReference(particle, name, members, insideChoice: false);
                    break;
                case "attribute":
                case "attributeGroup":
                case "anyAttribute":
                    ReadAttributes(particle, members);
                    break;
            }
        }

        // Content that is nothing but a wildcard is any XML, which XElement keeps whole: nothing is lost, nothing to warn about.
        if (baseType is null && textType is null && members.Count == 1 && members[0] is { IsWildcard: true, IsAttribute: false })
        {
            return new SchemaType(name, SchemaTypeKind.OpenContent, EquatableArray<SchemaMember>.Empty, null, null, documentation, null, position);
        }

        return new SchemaType(name, SchemaTypeKind.Struct, members.ToEquatableArray(), baseType, null, documentation, null, position, textType,
            IsAbstract: isAbstract, IsRestriction: isRestriction && textType is null);

        SchemaType Unsupported(string what) =>
            new(name, SchemaTypeKind.Unsupported, EquatableArray<SchemaMember>.Empty, null, null, documentation, what, position);
    }

    /// <summary>
    /// A sequence, all or choice, its members in place. <paramref name="optional"/>: the context makes them optional
    /// (an enclosing choice or optional group reference); the alternatives of a choice are optional too.
    /// </summary>
    private void ReadParticle(XElement group, QName owner, List<SchemaMember> members, bool optional, bool repeated = false, EquatableArray<ChoiceSlot> slots = default)
    {
        var groupRepeated = repeated || IsRepeated(group);
        var isChoice = group.Name.LocalName == "choice";
        var insideChoice = optional || isChoice;
        if (groupRepeated && ElementCount(group, 0) >= 2)
        {
            // (a|b)*, (x,(a|b))*: one member whose items are the elements, each occurrence one item, so the order of
            // every repetition is kept both ways (members of their own would write all x, then all a and b).
            var items = new List<SchemaMember>();
            ReadItemElements(group, owner, items);
            members.Add(new SchemaMember("Items", null, null, null, 0, Repeated: true, Nillable: false, IsAttribute: false, null, WsdlReader.PositionOf(group),
                Alternatives: items.GroupBy(e => (e.Name, e.Namespace)).Select(g => g.First()).ToEquatableArray()));
            return;
        }

        // A choice that occurs at most once: exactly one of its alternatives is set, or at most one when it, one of its
        // alternatives or its context is optional. Each member knows which alternative of which choices it belongs to.
        var choice = isChoice && !groupRepeated && Alternatives(group).Count() >= 2 && ElementCount(group, 0) >= 0
            ? new SchemaChoice(owner, ++_choices, Required: !optional && RequiresContent(group, 0))
            : null;
        var alternative = 0;
        foreach (var item in group.Elements())
        {
            var itemSlots = choice is null || item.Name.LocalName == "annotation" ? slots : slots.Concat(new[] { new ChoiceSlot(choice, alternative++) }).ToEquatableArray();
            switch (item.Name.LocalName)
            {
                case "element":
                    members.Add(ReadMemberElement(item, owner, insideChoice || groupRepeated, groupRepeated) with { Choices = itemSlots });
                    break;
                // Whatever a repeated particle holds occurs once per repetition: repeated too, however deep.
                case "sequence":
                case "choice":
                case "all":
                    ReadParticle(item, owner, members, insideChoice, groupRepeated, itemSlots);
                    break;
                case "any":
                    members.Add(new SchemaMember("Any", null, null, null, 0, true, false, false, null, WsdlReader.PositionOf(item), IsWildcard: true));
                    break;
                case "group":
                    ReadGroupReference(item, owner, members, insideChoice || groupRepeated, groupRepeated, itemSlots);
                    break;
            }
        }
    }

    private static IEnumerable<XElement> Alternatives(XElement choice) => choice.Elements().Where(e => e.Name.LocalName != "annotation");

    /// <summary>
    /// Whether a particle cannot be left empty: a required element, a required sequence holding one, a required choice
    /// each of whose alternatives holds one. A choice with an alternative that may be empty is satisfied by nothing.
    /// </summary>
    private bool RequiresContent(XElement particle, int depth)
    {
        if (ParseOccurs((string?)particle.Attribute("minOccurs"), 1) == 0 || depth > 32)
        {
            return false;
        }

        return particle.Name.LocalName switch
        {
            "element" => true,
            "sequence" or "all" => particle.Elements().Any(e => RequiresContent(e, depth + 1)),
            "choice" => Alternatives(particle).Any() && Alternatives(particle).All(e => RequiresContent(e, depth + 1)),
            "group" => _context.ResolveQName(particle, "ref") is { } name && _definitions.TryGetValue(("group", name), out var definition)
                && definition.Element.Elements().Any(e => RequiresContent(e, depth + 1)),
            _ => false,
        };
    }

    /// <summary>
    /// How many element declarations a particle holds, however deep (group references expanded); -1 when it holds
    /// something an item of a repeated particle cannot be (xsd:any, a group this schema set does not define or one that
    /// contains itself).
    /// </summary>
    private int ElementCount(XElement particle, int depth)
    {
        var count = 0;
        foreach (var item in particle.Elements())
        {
            var inner = item.Name.LocalName switch
            {
                "element" => 1,
                "sequence" or "choice" or "all" => ElementCount(item, depth + 1),
                "group" => depth < 32 && _context.ResolveQName(item, "ref") is { } name && _definitions.TryGetValue(("group", name), out var definition)
                    ? ElementCount(definition.Element, depth + 1)
                    : -1,
                "annotation" => 0,
                _ => -1,
            };
            if (inner < 0)
            {
                return -1;
            }

            count += inner;
        }

        return count;
    }

    /// <summary>The elements of a repeated particle (checked by <see cref="ElementCount"/>) in schema order, as the cases of its items.</summary>
    private void ReadItemElements(XElement particle, QName owner, List<SchemaMember> items)
    {
        foreach (var item in particle.Elements())
        {
            switch (item.Name.LocalName)
            {
                case "element":
                    items.Add(ReadMemberElement(item, owner, optional: false, repeated: false) with { Repeated = false });
                    break;
                case "sequence":
                case "choice":
                case "all":
                    ReadItemElements(item, owner, items);
                    break;
                case "group":
                    Expand("group", item, group =>
                    {
                        foreach (var inner in group.Elements().Where(e => e.Name.LocalName is "sequence" or "choice" or "all"))
                        {
                            ReadItemElements(inner, owner, items);
                        }
                    });
                    break;
            }
        }
    }

    /// <summary>A model group reference: the group's particle, read in place (optional when the reference or its context is).</summary>
    private void ReadGroupReference(XElement reference, QName owner, List<SchemaMember> members, bool insideChoice, bool repeated = false, EquatableArray<ChoiceSlot> slots = default)
    {
        var optional = insideChoice || ParseOccurs((string?)reference.Attribute("minOccurs"), 1) == 0 || IsRepeated(reference);
        if (!Expand("group", reference, group =>
            {
                foreach (var particle in group.Elements().Where(e => e.Name.LocalName is "sequence" or "choice" or "all"))
                {
                    ReadParticle(particle, owner, members, optional, repeated || IsRepeated(reference), slots);
                }
            }))
        {
            members.Add(new SchemaMember("group", null, null, null, 0, false, false, false,
                "an xsd:group reference to a group this schema set does not define (or one that contains itself)", WsdlReader.PositionOf(reference)));
        }
    }

    private SchemaMember ReadMemberElement(XElement element, QName owner, bool optional, bool repeated)
    {
        var position = WsdlReader.PositionOf(element);
        var minOccurs = optional ? 0 : ParseOccurs((string?)element.Attribute("minOccurs"), 1);
        var nillable = (string?)element.Attribute("nillable") == "true";
        repeated |= IsRepeated(element);

        var reference = _context.ResolveQName(element, "ref");
        if (reference is { } r)
        {
            // A global element is always qualified by its own namespace.
            return new SchemaMember(r.Name, r.Namespace, null, r, minOccurs, repeated, nillable, false, null, position);
        }

        var name = Name(element);
        var form = (string?)element.Attribute("form");
        var ns = form == "qualified" || (form is null && _qualified) ? _targetNamespace : null;
        var type = _context.ResolveQName(element, "type");
        if (type is null)
        {
            if (element.Element(Xsd + "simpleType") is { } simple)
            {
                // A nested anonymous simple type: its base, or, for an enumeration, a synthetic type of its own.
                var simpleType = ReadSimpleType(simple, new QName(owner.Namespace, owner.Name + "/" + name));
                if (simpleType.Enumeration.Count > 0)
                {
                    Types.Add(simpleType);
                    type = simpleType.Name;
                }
                else
                {
                    type = simpleType.BaseType;
                }
            }
            else if (element.Element(Xsd + "complexType") is { } anonymous)
            {
                // A nested anonymous type gets a synthetic name ('/' cannot occur in a schema name).
                type = new QName(owner.Namespace, owner.Name + "/" + name);
                Types.Add(ReadComplexType(anonymous, type.Value));
            }
            else
            {
                // No type at all means xsd:anyType.
                type = new QName(XmlNamespaces.Xsd, "anyType");
            }
        }

        var (value, isFixed) = ValueConstraint(element);
        return new SchemaMember(name, ns, type, null, minOccurs, repeated, nillable, false, null, position, DefaultValue: value, IsFixed: isFixed);
    }

    /// <summary>A declaration's <c>fixed</c> value (which wins) or <c>default</c> value, in its lexical form.</summary>
    private static (string? Value, bool IsFixed) ValueConstraint(XElement declaration) =>
        (string?)declaration.Attribute("fixed") is { } value ? (value, true) : ((string?)declaration.Attribute("default"), false);

    /// <summary>
    /// An attribute, or a reference to a global one (qualified by its namespace; one this schema set does not define,
    /// such as <c>xml:lang</c>, is read as a string); null for a prohibited one.
    /// </summary>
    private SchemaMember? ReadAttribute(XElement attribute)
    {
        if ((string?)attribute.Attribute("use") == "prohibited")
        {
            return null;
        }

        var minOccurs = (string?)attribute.Attribute("use") == "required" ? 1 : 0;
        var position = WsdlReader.PositionOf(attribute);
        if (_context.ResolveQName(attribute, "ref") is { } reference)
        {
            SchemaMember? global = null;
            if (!Expand("attribute", attribute, definition => global = ReadAttribute(definition)))
            {
                return new SchemaMember(reference.Name, reference.Namespace.Length == 0 ? null : reference.Namespace, new QName(XmlNamespaces.Xsd, "string"), null, minOccurs, false, false, true, null, position);
            }

            // A global attribute is always qualified by its own namespace; the reference may give its own default or fixed value.
            var (referenceValue, referenceFixed) = ValueConstraint(attribute);
            return global is null ? null : global with
            {
                Namespace = reference.Namespace.Length == 0 ? null : reference.Namespace,
                MinOccurs = minOccurs,
                Position = position,
                DefaultValue = referenceValue ?? global.DefaultValue,
                IsFixed = referenceValue is null ? global.IsFixed : referenceFixed,
            };
        }

        var type = _context.ResolveQName(attribute, "type");
        if (type is null && attribute.Element(Xsd + "simpleType") is { } simple)
        {
            type = ReadSimpleType(simple, new QName(_targetNamespace, Name(attribute))).BaseType;
        }

        var name = Name(attribute);
        var form = (string?)attribute.Attribute("form");
        var ns = form == "qualified" ? _targetNamespace : null;
        var (value, isFixed) = ValueConstraint(attribute);
        return new SchemaMember(name, ns, type ?? new QName(XmlNamespaces.Xsd, "string"), null, minOccurs, false, false, true,
            name.Length == 0 ? "an attribute without a name" : null, position, DefaultValue: value, IsFixed: isFixed);
    }

    // The most dimensions a C# array can have.
    private const int MaxArrayRank = 32;

    /// <summary>
    /// A SOAP-encoded array: <c>wsdl:arrayType="xsd:string[]"</c> (one dimension), <c>"xsd:string[,]"</c> (two, a
    /// <c>string[,]</c>; three or more likewise), or <c>"xsd:string[][]"</c> (an array of <c>string[]</c>: the last
    /// brackets are the array's own, the ones before make its item an array, a synthetic type of its own).
    /// </summary>
    private SchemaType ReadSoapArray(XElement restriction, QName name, string? documentation, SourcePosition position)
    {
        QName? itemType = null;
        var rank = 1;
        foreach (var attribute in restriction.Descendants(Xsd + "attribute"))
        {
            var arrayType = attribute.Attributes().FirstOrDefault(a => a.Name.LocalName == "arrayType" && a.Name.NamespaceName == XmlNamespaces.Wsdl);
            if (arrayType is null)
            {
                continue;
            }

            var value = arrayType.Value.Trim();
            var bracket = value.IndexOf('[');
            itemType = _context.ResolveQName(attribute, bracket < 0 ? value : value.Substring(0, bracket), arrayType);
            var dimensions = bracket < 0 ? new List<string>() : value.Substring(bracket).Split(']').Where(d => d.Length > 0).Select(d => d.TrimStart('[')).ToList();
            if (dimensions.Count > 0)
            {
                rank = dimensions[dimensions.Count - 1].Count(c => c == ',') + 1;
                if (rank > MaxArrayRank)
                {
                    return new SchemaType(name, SchemaTypeKind.Unsupported, EquatableArray<SchemaMember>.Empty, null, null, documentation,
                        "a SOAP-encoded array of " + rank.ToString(System.Globalization.CultureInfo.InvariantCulture) + " dimensions (C# arrays have at most 32)", position);
                }

                // Inner brackets, innermost first: each wraps the item in an array of its own.
                for (var i = 0; i < dimensions.Count - 1 && itemType is { } inner; i++)
                {
                    var innerRank = dimensions[i].Count(c => c == ',') + 1;
                    var innerName = new QName(name.Namespace, name.Name + "/item" + (i == 0 ? string.Empty : i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                    Types.Add(innerRank > MaxArrayRank
                        ? new SchemaType(innerName, SchemaTypeKind.Unsupported, EquatableArray<SchemaMember>.Empty, null, null, null, "a SOAP-encoded array of more than 32 dimensions", position)
                        : new SchemaType(innerName, SchemaTypeKind.Array, EquatableArray<SchemaMember>.Empty, null, inner, null, null, position, Rank: innerRank));
                    itemType = innerName;
                }
            }
        }

        if (itemType is null)
        {
            // Some WSDLs declare the item as a repeated element inside the restriction instead.
            var element = restriction.Descendants(Xsd + "element").FirstOrDefault();
            itemType = element is null ? null : _context.ResolveQName(element, "type");
        }

        return new SchemaType(name, SchemaTypeKind.Array, EquatableArray<SchemaMember>.Empty, null,
            itemType ?? new QName(XmlNamespaces.Xsd, "anyType"), documentation, null, position, Rank: rank);
    }

    private static bool IsSoapArray(QName type) =>
        type.Name == "Array" && (type.Namespace == XmlNamespaces.SoapEncoding || type.Namespace == XmlNamespaces.Soap12Encoding);

    private static bool IsRepeated(XElement element)
    {
        var max = (string?)element.Attribute("maxOccurs");
        return max is not null && (max == "unbounded" || ParseOccurs(max, 1) > 1);
    }

    private static int ParseOccurs(string? value, int fallback) =>
        int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : fallback;

    private static string Name(XElement element) => (string?)element.Attribute("name") ?? string.Empty;
}
