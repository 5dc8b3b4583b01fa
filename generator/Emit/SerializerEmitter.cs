using System.Collections.Generic;
using System.Linq;
using SoapGen.Generator.Common;
using SoapGen.Generator.Model;

namespace SoapGen.Generator.Emit;

/// <summary>
/// Emits the reflection-free serializer: a Read method per struct and response, a Write method per struct
/// sent as input. Reading is lenient (any order, any namespace, unknown elements skipped); writing is strict.
/// </summary>
internal static class SerializerEmitter
{
    public static string Emit(NamespaceModel model)
    {
        var w = new SourceWriter();
        w.FileHeader(model.Namespace);
        w.Line();
        w.Line("/// <summary>Reads and writes the types of this service with XmlReader/XmlWriter; no reflection.</summary>");
        w.Line(EmitNames.GeneratedCode);
        w.OpenBlock("internal static class " + model.SerializerName);
        var first = true;
        foreach (var type in model.Types)
        {
            if (type.NeedsReader)
            {
                Separate(w, ref first);
                EmitStructReader(w, model, type);
            }

            if (type.NeedsWriter)
            {
                Separate(w, ref first);
                EmitStructWriter(w, model, type);
            }
        }

        foreach (var type in model.Enums)
        {
            Separate(w, ref first);
            EmitEnumReaderAndWriter(w, type);
        }

        // Ports of one service share their responses (the model decides): each reader once.
        foreach (var response in model.Services.SelectMany(s => s.Clients).SelectMany(c => c.Operations).Select(o => o.Return).Distinct())
        {
            if (response.NeedsReaderMethod)
            {
                Separate(w, ref first);
                EmitResponseReader(w, model, response);
            }
        }

        foreach (var type in model.Types.Where(t => t.UnknownTypeName is not null))
        {
            Separate(w, ref first);
            w.Line("/// <summary>A <see cref=\"" + type.FullName + "\"/> whose xsi:type was absent or unknown: the members of the abstract type, kept.</summary>");
            if (type.FieldsType is null)
            {
                w.Line("private sealed record " + type.UnknownTypeName + " : " + type.FullName + ";");
                continue;
            }

            w.OpenBlock("private sealed record " + type.UnknownTypeName + " : " + type.FullName);
            w.Line("public " + type.UnknownTypeName + "(" + type.Fields + " fields)");
            w.Line("    : base(fields)");
            w.Line("{");
            w.Line("}");
            w.CloseBlock();
        }

        w.CloseBlock();
        return w.ToString();
    }

    private static void Separate(SourceWriter w, ref bool first)
    {
        if (!first)
        {
            w.Line();
        }

        first = false;
    }

    /// <summary>
    /// <c>ReadT</c>: a derived type when xsi:type names one (<c>TryReadTDerived</c>), then the content (in place, or in
    /// <c>ReadTContent</c> when derived types' dispatches need it on its own).
    /// </summary>
    private static void EmitStructReader(SourceWriter w, NamespaceModel model, TypeModel type)
    {
        w.OpenBlock("public static " + type.FullName + "? " + type.ReadMethod + "(" + EmitNames.Reader + " reader)");
        if (type.ReadDerived is { } dispatch)
        {
            w.OpenBlock("if (reader.TryGetXsiType(out var typeName, out var typeNamespace) && " + dispatch + "(reader, typeName, typeNamespace, out var derived))");
            w.Line("return derived;");
            w.CloseBlock();
            w.Line();
        }

        if (type.ReadContent is { } content)
        {
            w.Line("return " + content + "(reader);");
            w.CloseBlock();
            w.Line();
            w.OpenBlock("public static " + type.FullName + "? " + content + "(" + EmitNames.Reader + " reader)");
        }

        EmitStructContentReader(w, model, type);
        w.CloseBlock();
        if (type.ReadMembers is not null)
        {
            w.Line();
            EmitMemberReader(w, model, type);
        }

        if (type.ReadDerived is not null)
        {
            w.Line();
            EmitReadDerived(w, type);
        }
    }

    /// <summary>
    /// <c>TryReadTDerived</c>: the child types xsi:type can name, each read here; any other name is passed to the children
    /// that have derived types of their own.
    /// </summary>
    private static void EmitReadDerived(SourceWriter w, TypeModel type)
    {
        w.Line("/// <summary>Reads the type derived from <see cref=\"" + type.FullName + "\"/> that xsi:type names; false when it names none.</summary>");
        w.OpenBlock("public static bool " + type.ReadDerived + "(" + EmitNames.Reader + " reader, string typeName, string typeNamespace, out " + type.FullName + "? value)");
        var read = type.Children.Where(c => c.ReadContent is not null).ToList();
        if (read.Count > 0)
        {
            w.OpenBlock("switch (typeName)");
            foreach (var child in read)
            {
                w.Line("case " + CSharpNames.Literal(child.XmlName) + " when typeNamespace == " + CSharpNames.Literal(child.XmlNamespace) + ":");
                w.Line("    value = " + child.ReadContent + "(reader);");
                w.Line("    return true;");
            }

            w.CloseBlock();
            w.Line();
        }

        foreach (var child in type.Children.Where(c => c.ReadDerived is not null))
        {
            w.OpenBlock("if (" + child.ReadDerived + "(reader, typeName, typeNamespace, out var " + child.Variable + "))");
            w.Line("value = " + child.Variable + ";");
            w.Line("return true;");
            w.CloseBlock();
            w.Line();
        }

        w.Line("value = null;");
        w.Line("return false;");
        w.CloseBlock();
    }

    private static void EmitStructContentReader(SourceWriter w, NamespaceModel model, TypeModel type)
    {
        // Attributes first: the reader is still on the start tag.
        foreach (var attribute in type.Members.Where(m => m.IsAttribute))
        {
            var declared = type.Members.Where(m => m.IsAttribute && !m.IsWildcard).Select(m => "(" + CSharpNames.Literal(m.LocalName) + ", " + CSharpNames.Literal(m.Namespace) + ")");
            w.Line("var " + attribute.Variable + " = " + (attribute.IsWildcard
                ? "reader.ReadOtherAttributes(" + string.Join(", ", declared) + ")"
                : attribute.Default is null ? AttributeReadExpression(attribute) : "(" + AttributeReadExpression(attribute) + ") ?? " + DefaultValue(attribute)) + ";");
        }

        var children = type.Members.Where(m => !m.IsAttribute).ToList();
        if (type.Text is { } text)
        {
            w.Line("var " + text.Variable + " = " + ReadExpression(model.SerializerName, text.Type) + ";");
        }
        else
        {
            w.OpenBlock("if (!reader.ReadStartStruct())");
            w.Line("return null;");
            w.CloseBlock();
            w.Line();
            if (type.Fields is { } fields)
            {
                w.Line("var fields = new " + fields + "();");
                w.OpenBlock("while (reader.ReadNextChild())");
                w.OpenBlock("if (!" + type.ReadMembers + "(reader, fields))");
                w.Line(OtherElement(children, "fields."));
                w.CloseBlock();
                w.CloseBlock();
            }
            else
            {
                EmitChildLoop(w, model, children);
            }
        }

        // With a fields object, the record's constructor takes the child elements from it (its base's constructor the
        // inherited ones), so no reader lists its base's members; only the attributes, read here, are set by name.
        w.Line();
        var created = "new " + (type.UnknownTypeName ?? type.FullName) + (type.Fields is null ? string.Empty : "(fields)");
        var named = type.Members.Where(m => type.Fields is null || m.IsAttribute).ToList();
        if (type.Fields is not null && named.Count == 0)
        {
            w.Line("return " + created + ";");
            return;
        }

        w.OpenBlock("return " + created);
        if (type.Text is { } value)
        {
            w.Line(value.Name + " = " + value.Variable + ",");
        }

        foreach (var member in named)
        {
            w.Line(member.Name + " = " + Collected(member) + ",");
        }

        w.CloseBlock(";");
    }

    /// <summary>
    /// <c>WriteT</c>: the element, nil for null; a derived value with its own xsi:type (literal messages too: the reader
    /// must know what it got), by <c>TryWriteTDerived</c>; otherwise xsi:type when encoded, and the content (in place, or,
    /// when a dispatch needs it on its own, in <c>WriteTContent</c>, and the element by the runtime's WriteRecord).
    /// </summary>
    private static void EmitStructWriter(SourceWriter w, NamespaceModel model, TypeModel type)
    {
        if (type.WriteContent is { } contentMethod)
        {
            // The element's own handling is the same for every record: one runtime call, the content as a method group.
            w.Line("public static void " + type.WriteMethod + "(" + EmitNames.Writer + " writer, string localName, string? ns, " + type.FullName + "? value, bool encoded) =>");
            w.Line("    " + EmitNames.ValueWriters + ".WriteRecord(writer, localName, ns, value, encoded, " + CSharpNames.Literal(type.XmlNamespace) + ", "
                + (type.HasXsiTypeName ? CSharpNames.Literal(type.XmlName) : "null") + ", " + contentMethod + (type.WriteDerived is { } derived ? ", " + derived : string.Empty) + ");");
            w.Line();
            w.OpenBlock("public static void " + contentMethod + "(" + EmitNames.Writer + " writer, " + type.FullName + " value, bool encoded)");
            EmitStructContentWriter(w, model, type);
            w.CloseBlock();
            if (type.WriteDerived is not null)
            {
                w.Line();
                EmitWriteDerived(w, type);
            }

            return;
        }

        w.OpenBlock("public static void " + type.WriteMethod + "(" + EmitNames.Writer + " writer, string localName, string? ns, " + type.FullName + "? value, bool encoded)");
        w.Line("writer.WriteStartElement(localName, ns);");
        w.OpenBlock("if (value is null)");
        w.Line("writer.WriteNil();");
        w.CloseBlock();
        // No derived type is written (a dispatch has a content method, above): the content in place.
        w.OpenBlock("else");
        if (type.HasXsiTypeName)
        {
            w.OpenBlock("if (encoded)");
            w.Line("writer.WriteXsiType(" + CSharpNames.Literal(type.XmlNamespace) + ", " + CSharpNames.Literal(type.XmlName) + ");");
            w.CloseBlock();
            w.Line();
        }

        EmitStructContentWriter(w, model, type);
        w.CloseBlock();
        w.Line("writer.WriteEndElement();");
        w.CloseBlock();
    }

    /// <summary>
    /// <c>TryWriteTDerived</c>: a value of a child type (or of a type derived from one: the child's own dispatch) is
    /// written with its xsi:type and its content; false for a value of the type itself.
    /// </summary>
    private static void EmitWriteDerived(SourceWriter w, TypeModel type)
    {
        w.Line("/// <summary>Writes the xsi:type and content of a value of a type derived from <see cref=\"" + type.FullName + "\"/>; false for any other value.</summary>");
        w.OpenBlock("public static bool " + type.WriteDerived + "(" + EmitNames.Writer + " writer, " + type.FullName + " value, bool encoded)");

        // A chain of type tests rather than a type switch: the compiler checks each case of a switch against every case
        // before it, which a base with a thousand children (SoftLayer_Entity) makes half a million checks.
        foreach (var child in type.Children.Where(c => c.WriteContent is not null || c.WriteDerived is not null))
        {
            w.OpenBlock("if (value is " + child.FullName + " " + child.Variable + ")");
            if (child.WriteContent is null)
            {
                w.Line("return " + child.WriteDerived + "(writer, " + child.Variable + ", encoded);");
            }
            else
            {
                if (child.WriteDerived is not null)
                {
                    w.OpenBlock("if (!" + child.WriteDerived + "(writer, " + child.Variable + ", encoded))");
                }

                w.Line("writer.WriteXsiType(" + CSharpNames.Literal(child.XmlNamespace) + ", " + CSharpNames.Literal(child.XmlName) + ");");
                w.Line(child.WriteContent + "(writer, " + child.Variable + ", encoded);");
                if (child.WriteDerived is not null)
                {
                    w.CloseBlock();
                    w.Line();
                }

                w.Line("return true;");
            }

            w.CloseBlock();
            w.Line();
        }

        w.Line("return false;");
        w.CloseBlock();
    }

    private static void EmitStructContentWriter(SourceWriter w, NamespaceModel model, TypeModel type)
    {
        foreach (var choice in type.Choices)
        {
            EmitChoiceCheck(w, type, choice);
        }

        // An extension that adds no attributes: its base writes the inherited attributes and elements, it adds its own elements.
        if (type.BaseWriteContent is { } baseContent)
        {
            w.Line(baseContent + "(writer, value, encoded);");
            EmitElementWrites(w, model, type.DeclaredMembers);
            return;
        }

        foreach (var attribute in type.Members.Where(m => m.IsAttribute))
        {
            w.Line(attribute.IsWildcard
                ? "writer.WriteOtherAttributes(value." + attribute.Name + ");"
                : "writer.WriteAttribute(" + CSharpNames.Literal(attribute.LocalName) + ", " + CSharpNames.Literal(attribute.Namespace) + ", " + Lexical(attribute.Type, WrittenValue(attribute, "value." + attribute.Name), attribute.Variable) + ");");
        }

        if (type.Text is { } text)
        {
            w.OpenBlock("if (" + Lexical(text.Type, "value." + text.Name, "textValue") + " is { } text)");
            w.Line("writer.WriteText(text);");
            w.CloseBlock();
        }

        EmitElementWrites(w, model, type.Members);
    }

    // Before anything is written: a value the choice cannot carry would otherwise go out as XML the server must reject.
    private static void EmitChoiceCheck(SourceWriter w, TypeModel type, ChoiceModel choice) =>
        EmitChoiceCheck(w, choice, "value.", "set in a " + type.Name);

    /// <summary>
    /// Throws an ArgumentException unless exactly one (or, not required, at most one) alternative of the choice is set:
    /// one whose members (<paramref name="prefix"/> + name) are not all null.
    /// </summary>
    internal static void EmitChoiceCheck(SourceWriter w, ChoiceModel choice, string prefix, string where)
    {
        var count = string.Join(" + ", choice.Alternatives.Select(a => "(" + string.Join(" && ", a.Members.Select(m => prefix + m + " is null")) + " ? 0 : 1)"));
        var names = string.Join(", ", choice.Alternatives.Select(a => string.Join("/", a.Members)));
        w.OpenBlock("if (" + count + (choice.Required ? " != 1)" : " > 1)"));
        w.Line("throw new global::System.ArgumentException(" + CSharpNames.Literal(
            (choice.Required ? "Exactly one of " : "At most one of ") + names + " must be " + where + ": the schema makes them a choice.") + ");");
        w.CloseBlock();
        w.Line();
    }

    private static void EmitElementWrites(SourceWriter w, NamespaceModel model, IEnumerable<ElementModel> members)
    {
        foreach (var member in members.Where(m => !m.IsAttribute))
        {
            if (member.IsWildcard)
            {
                w.Line("writer.WriteOtherElements(value." + member.Name + ");");
                continue;
            }

            EmitWriteElement(w, model.SerializerName, member, "value." + member.Name, Encoded(model), nullable: true);
        }
    }

    // What a type's writer writes its members as: the one way the namespace's messages use, else its encoded argument.
    private static string Encoded(NamespaceModel model) => model.WriteUse switch
    {
        MessageUse.Encoded => "true",
        MessageUse.Literal => "false",
        _ => "encoded",
    };

    /// <summary>An enumeration is its wire string: kept whole when read (a value the schema does not list is not an error).</summary>
    private static void EmitEnumReaderAndWriter(SourceWriter w, EnumModel type)
    {
        w.Line("public static " + type.FullName + "? " + type.ReadMethod + "(" + EmitNames.Reader + " reader) =>");
        w.Line("    reader.ReadString() is { } text ? new " + type.FullName + "(text.Trim()) : (" + type.FullName + "?)null;");
        w.Line();
        w.Line("public static void " + type.WriteMethod + "(" + EmitNames.Writer + " writer, string localName, string? ns, " + type.FullName + "? value, bool encoded) =>");
        w.Line("    writer.WriteString(localName, ns, value?.ToString(), encoded: encoded);");
    }

    /// <summary>The C# value of a member's schema default (or fixed value): a string literal, an XSD conversion, an enumeration value.</summary>
    internal static string DefaultValue(ElementModel element)
    {
        var text = element.Default!;
        return element.Type.Kind == TypeRefKind.Enum ? "new " + element.Type.CSharpName + "(" + CSharpNames.Literal(text.Trim()) + ")"
            : element.Type.Lexical is { } lexical ? EmitNames.XsdConvert + "." + lexical.ParseMethod + "(" + CSharpNames.Literal(text) + ")"
            : CSharpNames.Literal(text);
    }

    // A fixed member left null is written with its fixed value: the schema allows no other.
    private static string WrittenValue(ElementModel member, string value) => member.IsFixed ? "(" + value + " ?? " + DefaultValue(member) + ")" : value;

    /// <summary>Reads an attribute of a simple type with the runtime's XSD conversions; no reflection.</summary>
    private static string AttributeReadExpression(ElementModel attribute)
    {
        var name = CSharpNames.Literal(attribute.LocalName) + ", " + CSharpNames.Literal(attribute.Namespace);
        var type = attribute.Type;
        if (type.Kind == TypeRefKind.Enum)
        {
            return "reader.ReadAttribute(" + name + ") is { } " + attribute.Variable + "Text ? new " + type.CSharpName + "(" + attribute.Variable + "Text.Trim()) : (" + type.Nullable + ")null";
        }

        if (type.Lexical is not { } lexical)
        {
            return "reader.ReadAttribute(" + name + ")";
        }

        var method = type.IsValueType ? "ReadAttribute<" : "ReadAttributeObject<";
        return "reader." + method + type.CSharpName + ">(" + name + ", " + CSharpNames.Literal(type.XmlName) + ", " + EmitNames.XsdConvert + "." + lexical.ParseMethod + ")";
    }

    /// <summary>The XSD lexical form of a nullable simple value, or null; <paramref name="local"/> names the pattern variable.</summary>
    private static string Lexical(TypeRef type, string value, string local)
    {
        if (type.Kind == TypeRefKind.Enum)
        {
            return value + "?.ToString()";
        }

        return type.Lexical is { } lexical
            ? "(" + value + " is { } " + local + " ? " + EmitNames.XsdConvert + "." + lexical.FormatMethod + "(" + local + ") : null)"
            : value;
    }

    private static void EmitResponseReader(SourceWriter w, NamespaceModel model, ReturnModel response)
    {
        var parts = response.Parts;
        var resultType = parts.Count == 1 ? parts[0].NullableType : "global::" + model.Namespace + "." + response.RecordName;
        w.OpenBlock("public static " + resultType + " " + response.ReaderName + "(" + EmitNames.Reader + " reader)");
        EmitLocals(w, parts);
        w.OpenBlock("if (reader.ReadStartStruct())");
        EmitChildLoop(w, model, parts.ToList(), declareLocals: false);
        w.CloseBlock();
        w.Line();
        if (parts.Count == 1)
        {
            w.Line("return " + CollectedPart(parts[0]) + ";");
        }
        else
        {
            w.OpenBlock("return new " + resultType);
            foreach (var part in parts)
            {
                w.Line(part.Name + " = " + CollectedPart(part) + ",");
            }

            w.CloseBlock(";");
        }

        w.CloseBlock();
    }

    private static void EmitLocals(SourceWriter w, IEnumerable<ElementModel> elements)
    {
        foreach (var element in elements)
        {
            w.Line(element.Repeated
                ? "global::System.Collections.Generic.List<" + element.ItemType + ">? " + element.Variable + " = null;"
                : element.Type.Nullable + " " + element.Variable + " = " + (element.Default is null ? "default" : DefaultValue(element)) + ";");
        }
    }

    /// <summary>Reads the children of the current element into locals, dispatching on the local name (any namespace).</summary>
    private static void EmitChildLoop(SourceWriter w, NamespaceModel model, IReadOnlyList<ElementModel> elements, bool declareLocals = true)
    {
        if (declareLocals)
        {
            EmitLocals(w, elements);
        }

        w.OpenBlock("while (reader.ReadNextChild())");
        w.OpenBlock("switch (reader.LocalName)");
        EmitMemberCases(w, model, elements, new HashSet<string>(System.StringComparer.Ordinal), string.Empty, "break;");
        w.Line("default:");
        w.Line("    " + OtherElement(elements, string.Empty));
        w.Line("    break;");
        w.CloseBlock();
        w.CloseBlock();
    }

    /// <summary>
    /// The cases of a switch on the local name that read <paramref name="elements"/> into <paramref name="target"/>'s
    /// variables (locals, or a fields object's), each ending with <paramref name="end"/>; names in <paramref name="seen"/>
    /// are read elsewhere.
    /// </summary>
    private static void EmitMemberCases(SourceWriter w, NamespaceModel model, IEnumerable<ElementModel> elements, HashSet<string> seen, string target, string end)
    {
        foreach (var element in elements.Where(e => !e.IsWildcard && !e.IsAttribute))
        {
            var variable = target + element.Variable;
            if (element.Type.Kind != TypeRefKind.Choice && !seen.Add(element.LocalName))
            {
                // A name repeated in the schema (a base and a derived member): the first one reads it.
                continue;
            }

            if (element.Type.Kind == TypeRefKind.Choice)
            {
                // Each alternative is its own case; the items keep the order they came in.
                foreach (var alternative in element.Type.Alternatives.Where(a => seen.Add(a.LocalName)))
                {
                    w.Line("case " + CSharpNames.Literal(alternative.LocalName) + ":");
                    w.Line("    (" + variable + " ??= new()).Add(new " + element.Type.CSharpName + "." + alternative.Name + "(" + ReadExpression(model.SerializerName, alternative.Type) + "));");
                    w.Line("    " + end);

                    // A member of the substitution group an alternative heads is that alternative, read as its own type.
                    foreach (var substitute in alternative.Substitutes.Where(s => seen.Add(s.LocalName)))
                    {
                        w.Line("case " + CSharpNames.Literal(substitute.LocalName) + ":");
                        w.Line("    (" + variable + " ??= new()).Add(new " + element.Type.CSharpName + "." + alternative.Name + "(" + ReadExpression(model.SerializerName, substitute.Type) + "));");
                        w.Line("    " + end);
                    }
                }

                continue;
            }

            w.Line("case " + CSharpNames.Literal(element.LocalName) + ":");
            EmitCollect(w, model, element, variable, element.Type, end);

            // The members of a substitution group stand in for their head, each read as its own type.
            foreach (var substitute in element.Substitutes.Where(s => seen.Add(s.LocalName)))
            {
                w.Line("case " + CSharpNames.Literal(substitute.LocalName) + ":");
                EmitCollect(w, model, element, variable, substitute.Type, end);
            }
        }
    }

    // An element no member names: kept by the first wildcard (any element) there is, skipped otherwise.
    private static string OtherElement(IEnumerable<ElementModel> elements, string target) =>
        elements.FirstOrDefault(e => e.IsWildcard && !e.IsAttribute) is { } wildcard
            ? "(" + target + wildcard.Variable + " ??= new()).Add(reader.ReadOtherElement());"
            : "reader.Skip();";

    /// <summary>
    /// The fields a type's child elements are read into (its own; its base's class holds the inherited ones) and
    /// <c>TryReadTMember</c>, which reads the current child when it is one of them or passes it to the base's.
    /// </summary>
    private static void EmitMemberReader(SourceWriter w, NamespaceModel model, TypeModel type)
    {
        w.OpenBlock("internal " + (type.IsSealed ? "sealed " : string.Empty) + "class " + type.Fields + (type.BaseFields is { } baseFields ? " : " + baseFields : string.Empty));
        foreach (var element in type.FieldMembers)
        {
            w.Line(element.Repeated
                ? "public global::System.Collections.Generic.List<" + element.ItemType + ">? " + element.Variable + ";"
                : "public " + element.Type.Nullable + " " + element.Variable + (element.Default is null ? string.Empty : " = " + DefaultValue(element)) + ";");
        }

        w.CloseBlock();
        w.Line();
        w.OpenBlock("private static bool " + type.ReadMembers + "(" + EmitNames.Reader + " reader, " + type.Fields + " fields)");
        w.OpenBlock("switch (reader.LocalName)");

        // A name the base also declares is the base's: the first member of a name reads it, as in a single reader.
        var inherited = new HashSet<string>(System.StringComparer.Ordinal);
        if (type.BaseReadMembers is not null)
        {
            foreach (var element in type.Members.Take(type.InheritedMemberCount).Where(e => !e.IsWildcard && !e.IsAttribute))
            {
                inherited.Add(element.LocalName);
                inherited.UnionWith(element.Type.Kind == TypeRefKind.Choice
                    ? element.Type.Alternatives.SelectMany(a => a.Substitutes.Select(s => s.LocalName).Prepend(a.LocalName))
                    : Enumerable.Empty<string>());
            }
        }

        EmitMemberCases(w, model, type.FieldMembers, inherited, "fields.", "return true;");
        w.Line("default:");
        w.Line("    return " + (type.BaseReadMembers is { } baseMembers ? baseMembers + "(reader, fields);" : "false;"));
        w.CloseBlock();
        w.CloseBlock();
    }

    private static void EmitCollect(SourceWriter w, NamespaceModel model, ElementModel element, string variable, TypeRef type, string end)
    {
        w.Line(element.Repeated
            ? "    (" + variable + " ??= new()).Add(" + ReadExpression(model.SerializerName, type, element.ItemForgivesNull) + ");"
            : "    " + variable + " = " + ReadExpression(model.SerializerName, type) + ";");
        w.Line("    " + end);
    }

    // Repeated elements are collected in a list; attributes (an anyAttribute's too) are read whole.
    internal static string Collected(ElementModel element) => element.Repeated && !element.IsAttribute ? element.Variable + "?.ToArray()" : element.Variable;

    // A repeated response part that occurs zero times is an empty result, not a missing one.
    private static string CollectedPart(ElementModel part) =>
        part.Repeated ? part.Variable + "?.ToArray() ?? global::System.Array.Empty<" + part.ItemType + ">()" : part.Variable;

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    // The sizes of a new array of the shape the reader found: [lengths[0], lengths[1], …].
    private static string Lengths(int rank) => "[" + string.Join(", ", Enumerable.Range(0, rank).Select(i => "lengths[" + Number(i) + "]")) + "]";

    /// <summary>An expression reading one value of <paramref name="type"/> at the reader's current element.</summary>
    /// <remarks>
    /// <paramref name="forgiveNull"/>: the value goes where the model says no null goes (an item of an array whose items
    /// are not nullable); a nil there, which the schema does not allow, is still read as null.
    /// </remarks>
    internal static string ReadExpression(string serializer, TypeRef type, bool forgiveNull = false)
    {
        var expression = type.Kind switch
        {
            TypeRefKind.Scalar or TypeRefKind.XElement => "reader." + type.ReadMethod + "()",
            TypeRefKind.Struct or TypeRefKind.Enum => serializer + "." + type.ReadMethod + "(reader)",
            _ when type.Rank > 2 => "reader." + type.ReadMethod + "<" + type.ItemName + ", " + type.CSharpName + ">(" + Number(type.Rank) + ", "
                + ReadDelegate(serializer, type.Item!, type.ItemForgivesNull) + ", static lengths => new " + SchemaTypeMapper.ArrayOf(type.ItemName, Lengths(type.Rank)) + ")",
            _ => "reader." + type.ReadMethod + "<" + type.ItemName + ">(" + ReadDelegate(serializer, type.Item!, type.ItemForgivesNull) + ")",
        };

        return forgiveNull ? expression + "!" : expression;
    }

    /// <summary>
    /// A <c>Func&lt;SoapReader, T&gt;</c> reading one value of <paramref name="type"/>: a method that reads it as is, where
    /// there is one (the serializer's reader, or the runtime's <c>SoapScalarReaders</c> for a built-in type; the compiler
    /// binds a method group far faster than a lambda, which matters for APIs with thousands of operations), else a lambda
    /// around <see cref="ReadExpression"/>.
    /// </summary>
    internal static string ReadDelegate(string serializer, TypeRef type, bool forgiveNull = false) => type.Kind switch
    {
        _ when forgiveNull => "static reader => " + ReadExpression(serializer, type, forgiveNull),
        TypeRefKind.Struct or TypeRefKind.Enum => serializer + "." + type.ReadMethod,
        TypeRefKind.Scalar or TypeRefKind.XElement => EmitNames.ScalarReaders + "." + type.ReadMethod,
        _ => "static reader => " + ReadExpression(serializer, type),
    };

    /// <summary>
    /// Statements writing <paramref name="value"/> as <paramref name="element"/>: once, once per item, or not at all when
    /// it is null, literal and the element is not nillable (<paramref name="nullable"/>: the C# value can be null at all).
    /// </summary>
    internal static void EmitWriteElement(SourceWriter w, string serializer, ElementModel element, string value, string encoded, bool nullable)
    {
        if (element.IsFixed)
        {
            (value, nullable) = (WrittenValue(element, value), false);
        }

        var omitNull = element.OmitWhenNull && encoded != "true";
        var notEncoded = encoded == "false" ? string.Empty : "encoded || ";

        // Inside a literal message's "is not null" guard the value is known not to be null: what writes it need not ask again.
        var guardedNonNull = omitNull && encoded == "false";
        if (element.Repeated)
        {
            w.OpenBlock("foreach (var item in " + value + " ?? global::System.Array.Empty<" + element.ItemType + ">())");
            if (omitNull)
            {
                w.OpenBlock("if (" + notEncoded + "item is not null)");
                EmitWriteValue(w, serializer, element, "item", encoded, mayBeNull: !guardedNonNull);
                w.CloseBlock();
            }
            else
            {
                EmitWriteValue(w, serializer, element, "item", encoded, mayBeNull: true);
            }

            w.CloseBlock();
        }
        else if (omitNull && nullable)
        {
            w.OpenBlock("if (" + notEncoded + value + " is not null)");
            EmitWriteValue(w, serializer, element, value, encoded, mayBeNull: !guardedNonNull);
            w.CloseBlock();
        }
        else
        {
            EmitWriteValue(w, serializer, element, value, encoded, mayBeNull: nullable);
        }
    }

    /// <summary>
    /// Statements writing one value as <paramref name="element"/>, or, when the element heads a substitution group, as
    /// the group member that belongs to the value's runtime type (the head's own element when none does).
    /// </summary>
    private static void EmitWriteValue(SourceWriter w, string serializer, ElementModel element, string value, string encoded, bool mayBeNull)
    {
        var name = CSharpNames.Literal(element.LocalName);
        var ns = ElementNamespace(element, encoded);
        var substitutes = element.WrittenSubstitutes.ToList();
        if (substitutes.Count == 0)
        {
            EmitWrite(w, serializer, element.Type, name, ns, value, encoded, 0, mayBeNull);
            return;
        }

        w.OpenBlock("switch (" + value + ")");
        foreach (var substitute in substitutes)
        {
            var local = CSharpNames.ToCamelCase(substitute.Name) + "Value";
            w.Line("case " + substitute.Type.CSharpName + " " + local + ":");
            w.Indent();
            EmitWrite(w, serializer, substitute.Type, CSharpNames.Literal(substitute.LocalName), ElementNamespace(substitute, encoded), local, encoded, 0);
            w.Line("break;");
            w.Unindent();
        }

        w.Line("default:");
        w.Indent();
        EmitWrite(w, serializer, element.Type, name, ns, value, encoded, 0, mayBeNull);
        w.Line("break;");
        w.Unindent();
        w.CloseBlock();
    }

    // SOAP encoding's accessors are unqualified (section 5), whatever elementFormDefault says for literal use.
    private static string ElementNamespace(ElementModel element, string encoded) =>
        element.Namespace is null || encoded == "true" ? "null"
            : encoded == "false" ? CSharpNames.Literal(element.Namespace)
            : "encoded ? null : " + CSharpNames.Literal(element.Namespace);

    /// <summary>
    /// The type an array's arrayType names for its items: the item's schema type; for an array of arrays the inner
    /// item's with its brackets (<c>xsd:string[]</c>, so the array is <c>xsd:string[][3]</c>); xsd:anyType for an
    /// anonymous type, which has no name to give.
    /// </summary>
    private static (string Namespace, string Name) ArrayItemTypeName(TypeRef item)
    {
        if (item.Kind == TypeRefKind.Array)
        {
            var (ns, name) = ArrayItemTypeName(item.Item!);
            return (ns, name + "[" + new string(',', item.Rank - 1) + "]");
        }

        return item.HasXsiTypeName ? (item.XmlNamespace, item.XmlName) : (Wsdl.XmlNamespaces.Xsd, "anyType");
    }

    /// <summary>
    /// Statements writing <paramref name="value"/> as one element of <paramref name="type"/>; an array that
    /// <paramref name="mayBeNull"/> is written as nil when it is null (a caller that has checked says it may not).
    /// </summary>
    internal static void EmitWrite(SourceWriter w, string serializer, TypeRef type, string name, string ns, string value, string encoded, int depth, bool mayBeNull = true)
    {
        switch (type.Kind)
        {
            case TypeRefKind.Scalar:
                var xsdType = type.XsdTypeArgument is { } typeName ? ", xsdType: " + CSharpNames.Literal(typeName) : string.Empty;
                w.Line("writer." + type.WriteMethod + "(" + name + ", " + ns + ", " + value + ", encoded: " + encoded + xsdType + ");");
                break;
            case TypeRefKind.Struct:
            case TypeRefKind.Enum:
                w.Line(serializer + "." + type.WriteMethod + "(writer, " + name + ", " + ns + ", " + value + ", encoded: " + encoded + ");");
                break;
            case TypeRefKind.Array when type.ItemElement is { } itemElement:
                // A collection type: the wrapper element, then each item as the wrapper's own element.
                var each = "item" + depth;
                w.Line("writer.WriteStartElement(" + name + ", " + ns + ");");
                if (mayBeNull)
                {
                    w.OpenBlock("if (" + value + " is null)");
                    w.Line("writer.WriteNil();");
                    w.CloseBlock();
                    w.OpenBlock("else");
                }

                if (type.HasXsiTypeName && encoded != "false")
                {
                    // The wrapper's type is named only in encoded messages (a literal reader knows it from the schema).
                    var xsiType = "writer.WriteXsiType(" + CSharpNames.Literal(type.XmlNamespace) + ", " + CSharpNames.Literal(type.XmlName) + ");";
                    if (encoded == "true")
                    {
                        w.Line(xsiType);
                    }
                    else
                    {
                        w.OpenBlock("if (" + encoded + ")");
                        w.Line(xsiType);
                        w.CloseBlock();
                        w.Line();
                    }
                }

                w.OpenBlock("foreach (var " + each + " in " + value + ")");
                var (eachName, eachNamespace) = (CSharpNames.Literal(itemElement.LocalName), ElementNamespace(itemElement, encoded));
                if (itemElement.OmitWhenNull && encoded != "true")
                {
                    w.OpenBlock("if (" + (encoded == "false" ? string.Empty : encoded + " || ") + each + " is not null)");
                    EmitWrite(w, serializer, type.Item!, eachName, eachNamespace, each, encoded, depth + 1, mayBeNull: encoded != "false");
                    w.CloseBlock();
                }
                else
                {
                    EmitWrite(w, serializer, type.Item!, eachName, eachNamespace, each, encoded, depth + 1);
                }

                w.CloseBlock();
                if (mayBeNull)
                {
                    w.CloseBlock();
                }

                w.Line("writer.WriteEndElement();");
                break;
            case TypeRefKind.Choice:
                // The case says which element the item is.
                w.OpenBlock("switch (" + value + ")");
                foreach (var alternative in type.Alternatives)
                {
                    var local = CSharpNames.ToCamelCase(alternative.Name) + "Item" + (depth == 0 ? string.Empty : depth.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    w.Line("case " + type.CSharpName + "." + alternative.Name + " " + local + ":");
                    w.Indent();
                    EmitWriteElement(w, serializer, alternative, local + ".Value", encoded, nullable: true);
                    w.Line("break;");
                    w.Unindent();
                }

                w.CloseBlock();
                break;
            case TypeRefKind.Array when type.Rank == 1 && type.Item!.Kind is TypeRefKind.Struct or TypeRefKind.Enum:
                // The commonest array (of records, in SoftLayer over a thousand members): one runtime call, the item's writer as a method group.
                var (structNamespace, structName) = ArrayItemTypeName(type.Item);
                w.Line(EmitNames.ValueWriters + ".WriteEncodedArray(writer, " + name + ", " + ns + ", " + CSharpNames.Literal(structNamespace) + ", " + CSharpNames.Literal(structName) + ", "
                    + value + ", " + encoded + ", " + serializer + "." + type.Item.WriteMethod + ");");
                break;
            case TypeRefKind.Array:
                var item = type.Item!;
                var element = "item" + depth;
                var (itemNamespace, itemName) = ArrayItemTypeName(item);
                if (mayBeNull)
                {
                    w.OpenBlock("if (" + value + " is null)");
                    w.Line("writer.WriteStartElement(" + name + ", " + ns + ");");
                    w.Line("writer.WriteNil();");
                    w.CloseBlock();
                    w.OpenBlock("else");
                }

                // The shape, then the items: foreach walks a multi-dimensional array row by row, the order SOAP sends it in.
                var shape = type.Rank == 1 ? value + ".Length" : string.Join(", ", Enumerable.Range(0, type.Rank).Select(i => value + ".GetLength(" + Number(i) + ")"));
                w.Line("writer." + type.WriteMethod + "(" + name + ", " + ns + ", " + CSharpNames.Literal(itemNamespace) + ", " + CSharpNames.Literal(itemName) + ", " + shape + ");");
                w.OpenBlock("foreach (var " + element + " in " + value + ")");
                EmitWrite(w, serializer, item, "\"item\"", "null", element, encoded, depth + 1);
                w.CloseBlock();

                if (mayBeNull)
                {
                    w.CloseBlock();
                }

                w.Line("writer.WriteEndElement();");
                break;
            default:
                w.Line("writer." + type.WriteMethod + "(" + name + ", " + ns + ", " + value + ");");
                break;
        }
    }
}
