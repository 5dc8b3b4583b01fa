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

        foreach (var operation in model.Services.SelectMany(s => s.Clients).SelectMany(c => c.Operations))
        {
            if (operation.Return.NeedsReaderMethod)
            {
                Separate(w, ref first);
                EmitResponseReader(w, model, operation);
            }
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

    private static void EmitStructReader(SourceWriter w, NamespaceModel model, TypeModel type)
    {
        var full = "global::" + model.Namespace + "." + type.Name;
        w.OpenBlock("public static " + full + "? Read" + type.Name + "(" + EmitNames.Reader + " reader)");
        var members = type.Members.Select((member, index) => (Index: index, Element: member)).ToList();

        // Attributes first: the reader is still on the start tag.
        foreach (var (index, attribute) in members.Where(m => m.Element.IsAttribute))
        {
            w.Line("var m" + index + " = " + AttributeReadExpression(attribute) + ";");
        }

        if (type.Text is { } text)
        {
            w.Line("var text = " + ReadExpression(model.SerializerName, text.Type, asItem: false) + ";");
        }
        else
        {
            w.OpenBlock("if (!reader.ReadStartStruct())");
            w.Line("return null;");
            w.CloseBlock();
            w.Line();
            EmitChildLoop(w, model, members.Where(m => !m.Element.IsAttribute).ToList(), "m");
        }

        w.Line();
        w.OpenBlock("return new " + full);
        if (type.Text is not null)
        {
            w.Line("Value = text,");
        }

        foreach (var (index, member) in members)
        {
            w.Line(member.Name + " = " + Collected(member, "m" + index) + ",");
        }

        w.CloseBlock(";");
        w.CloseBlock();
    }

    private static void EmitStructWriter(SourceWriter w, NamespaceModel model, TypeModel type)
    {
        var full = "global::" + model.Namespace + "." + type.Name;
        w.OpenBlock("public static void Write" + type.Name + "(" + EmitNames.Writer + " writer, string localName, string? ns, " + full + "? value, bool encoded)");
        w.Line("writer.WriteStartElement(localName, ns);");
        w.OpenBlock("if (value is null)");
        w.Line("writer.WriteNil();");
        w.CloseBlock();
        w.OpenBlock("else");
        w.OpenBlock("if (encoded)");
        w.Line("writer.WriteXsiType(" + CSharpNames.Literal(type.XmlNamespace) + ", " + CSharpNames.Literal(type.XmlName) + ");");
        w.CloseBlock();
        w.Line();
        foreach (var attribute in type.Members.Where(m => m.IsAttribute))
        {
            w.Line("writer.WriteAttribute(" + CSharpNames.Literal(attribute.LocalName) + ", " + CSharpNames.Literal(attribute.Namespace) + ", " + Lexical(attribute.Type, "value." + attribute.Name, "a" + attribute.Name) + ");");
        }

        if (type.Text is { } text)
        {
            w.OpenBlock("if (" + Lexical(text.Type, "value.Value", "textValue") + " is { } text)");
            w.Line("writer.WriteText(text);");
            w.CloseBlock();
        }

        foreach (var member in type.Members.Where(m => !m.IsAttribute))
        {
            EmitWriteElement(w, model.SerializerName, member, "value." + member.Name, "encoded", nullable: true);
        }

        w.CloseBlock();
        w.Line("writer.WriteEndElement();");
        w.CloseBlock();
    }

    /// <summary>Reads an attribute of a simple type; XmlConvert parses XSD lexical forms without reflection.</summary>
    private static string AttributeReadExpression(ElementModel attribute)
    {
        var name = CSharpNames.Literal(attribute.LocalName) + ", " + CSharpNames.Literal(attribute.Namespace);
        return attribute.Type.Codec == "String"
            ? "reader.ReadAttribute(" + name + ")"
            : "reader.ReadAttribute<" + attribute.Type.CSharpName + ">(" + name + ", " + CSharpNames.Literal(attribute.Type.XmlName) +
              ", static text => global::System.Xml.XmlConvert." + XmlConvertParse(attribute.Type.Codec) + "(text))";
    }

    /// <summary>The XSD lexical form of a nullable simple value, or null; <paramref name="local"/> names the pattern variable.</summary>
    private static string Lexical(TypeRef type, string value, string local) => type.Codec switch
    {
        "String" => value,
        "Base64" => "(" + value + " is { } " + local + " ? global::System.Convert.ToBase64String(" + local + ") : null)",
        _ => "(" + value + " is { } " + local + " ? global::System.Xml.XmlConvert.ToString(" + local + ") : null)",
    };

    private static string XmlConvertParse(string codec) => codec switch
    {
        "Int64" => "ToInt64",
        "Int16" => "ToInt16",
        "Byte" => "ToSByte",
        "UnsignedByte" => "ToByte",
        "Boolean" => "ToBoolean",
        "Single" => "ToSingle",
        "Double" => "ToDouble",
        "Decimal" => "ToDecimal",
        "DateTime" => "ToDateTimeOffset",
        _ => "ToInt32",
    };

    private static void EmitResponseReader(SourceWriter w, NamespaceModel model, OperationModel operation)
    {
        var parts = operation.Return.Parts;
        var resultType = parts.Count == 1 ? parts[0].NullableType : "global::" + model.Namespace + "." + operation.Return.RecordName;
        w.OpenBlock("public static " + resultType + " " + operation.Return.ReaderName + "(" + EmitNames.Reader + " reader)");
        var indexed = parts.Select((part, index) => (index, part)).ToList();
        EmitLocals(w, indexed, "p");
        w.OpenBlock("if (reader.ReadStartStruct())");
        EmitChildLoop(w, model, indexed, "p", declareLocals: false);
        w.CloseBlock();
        w.Line();
        if (parts.Count == 1)
        {
            w.Line("return " + CollectedPart(parts[0], "p0") + ";");
        }
        else
        {
            w.OpenBlock("return new " + resultType);
            for (var i = 0; i < parts.Count; i++)
            {
                w.Line(parts[i].Name + " = " + CollectedPart(parts[i], "p" + i) + ",");
            }

            w.CloseBlock(";");
        }

        w.CloseBlock();
    }

    private static void EmitLocals(SourceWriter w, IReadOnlyList<(int Index, ElementModel Element)> elements, string prefix)
    {
        foreach (var (index, element) in elements)
        {
            w.Line(element.Repeated
                ? "global::System.Collections.Generic.List<" + element.Type.AsArrayItem + ">? " + prefix + index + " = null;"
                : element.Type.Nullable + " " + prefix + index + " = default;");
        }
    }

    /// <summary>Reads the children of the current element into locals, dispatching on the local name (any namespace).</summary>
    private static void EmitChildLoop(SourceWriter w, NamespaceModel model, IReadOnlyList<(int Index, ElementModel Element)> elements, string prefix, bool declareLocals = true)
    {
        if (declareLocals)
        {
            EmitLocals(w, elements, prefix);
        }

        w.OpenBlock("while (reader.ReadNextChild())");
        w.OpenBlock("switch (reader.LocalName)");
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var (index, element) in elements)
        {
            if (!seen.Add(element.LocalName))
            {
                // A name repeated in the schema (a base and a derived member): the first one reads it.
                continue;
            }

            w.Line("case " + CSharpNames.Literal(element.LocalName) + ":");
            w.Line(element.Repeated
                ? "    (" + prefix + index + " ??= new()).Add(" + ReadExpression(model.SerializerName, element.Type, asItem: true) + ");"
                : "    " + prefix + index + " = " + ReadExpression(model.SerializerName, element.Type, asItem: false) + ";");
            w.Line("    break;");
        }

        w.Line("default:");
        w.Line("    reader.Skip();");
        w.Line("    break;");
        w.CloseBlock();
        w.CloseBlock();
    }

    private static string Collected(ElementModel element, string local) => element.Repeated ? local + "?.ToArray()" : local;

    // A repeated response part that occurs zero times is an empty result, not a missing one.
    private static string CollectedPart(ElementModel part, string local) =>
        part.Repeated ? local + "?.ToArray() ?? global::System.Array.Empty<" + part.Type.AsArrayItem + ">()" : local;

    /// <summary>An expression reading one value of <paramref name="type"/> at the reader's current element.</summary>
    internal static string ReadExpression(string serializer, TypeRef type, bool asItem)
    {
        var expression = type.Kind switch
        {
            TypeRefKind.Scalar => "reader.Read" + type.Codec + "()",
            TypeRefKind.Struct => serializer + ".Read" + type.Codec + "(reader)",
            TypeRefKind.Array => "reader.ReadArray<" + type.Item!.AsArrayItem + ">(static reader => " + ReadExpression(serializer, type.Item, asItem: true) + ")",
            _ => "reader.ReadXElement()",
        };

        // A nil item of a reference type is kept as null in the array, whose element type is not annotated.
        return asItem && !type.IsValueType ? expression + "!" : expression;
    }

    /// <summary>
    /// Statements writing <paramref name="value"/> as <paramref name="element"/>: once, once per item, or not at all when
    /// it is null, literal and the element is not nillable (<paramref name="nullable"/>: the C# value can be null at all).
    /// </summary>
    internal static void EmitWriteElement(SourceWriter w, string serializer, ElementModel element, string value, string encoded, bool nullable)
    {
        var name = CSharpNames.Literal(element.LocalName);
        var ns = CSharpNames.Literal(element.Namespace);
        var omitNull = element.OmitWhenNull && encoded != "true";
        var notEncoded = encoded == "false" ? string.Empty : "encoded || ";
        if (element.Repeated)
        {
            w.OpenBlock("foreach (var item in " + value + " ?? global::System.Array.Empty<" + element.Type.AsArrayItem + ">())");
            if (omitNull)
            {
                w.OpenBlock("if (" + notEncoded + "item is not null)");
                EmitWrite(w, serializer, element.Type, name, ns, "item", encoded, 0);
                w.CloseBlock();
            }
            else
            {
                EmitWrite(w, serializer, element.Type, name, ns, "item", encoded, 0);
            }

            w.CloseBlock();
        }
        else if (omitNull && nullable)
        {
            w.OpenBlock("if (" + notEncoded + value + " is not null)");
            EmitWrite(w, serializer, element.Type, name, ns, value, encoded, 0);
            w.CloseBlock();
        }
        else
        {
            EmitWrite(w, serializer, element.Type, name, ns, value, encoded, 0);
        }
    }

    /// <summary>Statements writing <paramref name="value"/> as one element of <paramref name="type"/>.</summary>
    internal static void EmitWrite(SourceWriter w, string serializer, TypeRef type, string name, string ns, string value, string encoded, int depth)
    {
        switch (type.Kind)
        {
            case TypeRefKind.Scalar:
                w.Line("writer.Write" + type.Codec + "(" + name + ", " + ns + ", " + value + ", encoded: " + encoded + ");");
                break;
            case TypeRefKind.Struct:
                w.Line(serializer + ".Write" + type.Codec + "(writer, " + name + ", " + ns + ", " + value + ", encoded: " + encoded + ");");
                break;
            case TypeRefKind.Array:
                var item = type.Item!;
                var element = "item" + depth;
                w.OpenBlock("if (" + value + " is null)");
                w.Line("writer.WriteStartElement(" + name + ", " + ns + ");");
                w.Line("writer.WriteNil();");
                w.CloseBlock();
                w.OpenBlock("else");
                w.Line("writer.WriteStartArray(" + name + ", " + ns + ", " + CSharpNames.Literal(item.XmlNamespace) + ", " + CSharpNames.Literal(item.XmlName) + ", " + value + ".Length);");
                w.OpenBlock("foreach (var " + element + " in " + value + ")");
                EmitWrite(w, serializer, item, "\"item\"", "null", element, encoded, depth + 1);
                w.CloseBlock();
                w.CloseBlock();
                w.Line("writer.WriteEndElement();");
                break;
            default:
                w.Line("writer.WriteXElement(" + name + ", " + ns + ", " + value + ");");
                break;
        }
    }
}
