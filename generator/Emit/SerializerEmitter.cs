using System.Linq;
using SoapGen.Generator.Common;
using SoapGen.Generator.Model;

namespace SoapGen.Generator.Emit;

/// <summary>
/// Emits the reflection-free serializer: a Read method per struct and response, a Write method per struct
/// sent as input. Reading is lenient (any order, unknown elements skipped); writing is strict.
/// </summary>
internal static class SerializerEmitter
{
    public static string Emit(ServiceModel model)
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

        foreach (var operation in model.Clients.SelectMany(c => c.Operations))
        {
            if (operation.Return.Parts.Count > 0)
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

    private static void EmitStructReader(SourceWriter w, ServiceModel model, TypeModel type)
    {
        var full = "global::" + model.Namespace + "." + type.Name;
        w.OpenBlock("public static " + full + "? Read" + type.Name + "(" + EmitNames.Reader + " reader)");
        w.OpenBlock("if (!reader.ReadStartStruct())");
        w.Line("return null;");
        w.CloseBlock();
        w.Line();
        for (var i = 0; i < type.Members.Count; i++)
        {
            var member = type.Members[i];
            w.Line(member.Repeated
                ? "global::System.Collections.Generic.List<" + member.Type.AsArrayItem + ">? m" + i + " = null;"
                : member.Type.Nullable + " m" + i + " = default;");
        }

        w.OpenBlock("while (reader.ReadNextChild())");
        EmitChildSwitch(w, type.Members.Select((member, i) => (member.LocalName, member.Repeated
            ? "(m" + i + " ??= new()).Add(" + ReadExpression(model, member.Type, asItem: true) + ");"
            : "m" + i + " = " + ReadExpression(model, member.Type, asItem: false) + ";")));
        w.CloseBlock();
        w.Line();
        w.OpenBlock("return new " + full);
        for (var i = 0; i < type.Members.Count; i++)
        {
            var member = type.Members[i];
            w.Line(member.PropertyName + " = m" + i + (member.Repeated ? "?.ToArray()" : string.Empty) + ",");
        }

        w.CloseBlock(";");
        w.CloseBlock();
    }

    private static void EmitStructWriter(SourceWriter w, ServiceModel model, TypeModel type)
    {
        var full = "global::" + model.Namespace + "." + type.Name;
        w.OpenBlock("public static void Write" + type.Name + "(" + EmitNames.Writer + " writer, string localName, " + full + "? value, bool encoded)");
        w.Line("writer.WriteStartElement(localName, null);");
        w.OpenBlock("if (value is null)");
        w.Line("writer.WriteNil();");
        w.CloseBlock();
        w.OpenBlock("else");
        w.OpenBlock("if (encoded)");
        w.Line("writer.WriteXsiType(" + CSharpNames.Literal(type.XmlNamespace) + ", " + CSharpNames.Literal(type.XmlName) + ");");
        w.CloseBlock();
        w.Line();
        foreach (var member in type.Members)
        {
            if (member.Repeated)
            {
                w.OpenBlock("foreach (var item in value." + member.PropertyName + " ?? global::System.Array.Empty<" + member.Type.AsArrayItem + ">())");
                EmitWrite(w, model.SerializerName, member.Type, CSharpNames.Literal(member.LocalName), "item", "encoded", 0);
                w.CloseBlock();
            }
            else
            {
                EmitWrite(w, model.SerializerName, member.Type, CSharpNames.Literal(member.LocalName), "value." + member.PropertyName, "encoded", 0);
            }
        }

        w.CloseBlock();
        w.Line("writer.WriteEndElement();");
        w.CloseBlock();
    }

    private static void EmitResponseReader(SourceWriter w, ServiceModel model, OperationModel operation)
    {
        var parts = operation.Return.Parts;
        var resultType = parts.Count == 1 ? parts[0].Type.Nullable : "global::" + model.Namespace + "." + operation.Return.RecordName;
        w.OpenBlock("public static " + resultType + " " + operation.Return.ReaderName + "(" + EmitNames.Reader + " reader)");
        for (var i = 0; i < parts.Count; i++)
        {
            w.Line(parts[i].Type.Nullable + " p" + i + " = default;");
        }

        if (parts.Count == 1)
        {
            // rpc servers name the single part freely ("return", "result", "s-gensym3"): take the first child.
            w.Line("var seen = false;");
        }

        w.OpenBlock("if (reader.ReadStartStruct())");
        w.OpenBlock("while (reader.ReadNextChild())");
        if (parts.Count == 1)
        {
            w.OpenBlock("if (seen)");
            w.Line("reader.Skip();");
            w.Line("continue;");
            w.CloseBlock();
            w.Line();
            w.Line("p0 = " + ReadExpression(model, parts[0].Type, asItem: false) + ";");
            w.Line("seen = true;");
        }
        else
        {
            EmitChildSwitch(w, parts.Select((part, i) => (part.LocalName, "p" + i + " = " + ReadExpression(model, part.Type, asItem: false) + ";")));
        }

        w.CloseBlock();
        w.CloseBlock();
        w.Line();
        if (parts.Count == 1)
        {
            w.Line("return p0;");
        }
        else
        {
            w.OpenBlock("return new " + resultType);
            for (var i = 0; i < parts.Count; i++)
            {
                w.Line(parts[i].Name + " = p" + i + ",");
            }

            w.CloseBlock(";");
        }

        w.CloseBlock();
    }

    /// <summary>Dispatches on the current child's local name (any namespace: read leniently); unknown children are skipped.</summary>
    private static void EmitChildSwitch(SourceWriter w, System.Collections.Generic.IEnumerable<(string LocalName, string Statement)> cases)
    {
        w.OpenBlock("switch (reader.LocalName)");
        var seen = new System.Collections.Generic.HashSet<string>(System.StringComparer.Ordinal);
        foreach (var (localName, statement) in cases)
        {
            if (!seen.Add(localName))
            {
                // A name repeated in the schema (a base and a derived member): the first one reads it.
                continue;
            }

            w.Line("case " + CSharpNames.Literal(localName) + ":");
            w.Line("    " + statement);
            w.Line("    break;");
        }

        w.Line("default:");
        w.Line("    reader.Skip();");
        w.Line("    break;");
        w.CloseBlock();
    }

    /// <summary>An expression reading one value of <paramref name="type"/> at the reader's current element.</summary>
    internal static string ReadExpression(ServiceModel model, TypeRef type, bool asItem)
    {
        var expression = type.Kind switch
        {
            TypeRefKind.Scalar => "reader.Read" + type.Codec + "()",
            TypeRefKind.Struct => model.SerializerName + ".Read" + type.Codec + "(reader)",
            TypeRefKind.Array => "reader.ReadArray<" + type.Item!.AsArrayItem + ">(static reader => " + ReadExpression(model, type.Item, asItem: true) + ")",
            _ => "reader.ReadXElement()",
        };

        // A nil item of a reference type is kept as null in the array, whose element type is not annotated.
        return asItem && !type.IsValueType ? expression + "!" : expression;
    }

    /// <summary>Statements writing <paramref name="value"/> as the element <paramref name="nameLiteral"/>.</summary>
    internal static void EmitWrite(SourceWriter w, string serializer, TypeRef type, string nameLiteral, string value, string encoded, int depth)
    {
        switch (type.Kind)
        {
            case TypeRefKind.Scalar:
                w.Line("writer.Write" + type.Codec + "(" + nameLiteral + ", null, " + value + ", " + encoded + ");");
                break;
            case TypeRefKind.Struct:
                w.Line(serializer + ".Write" + type.Codec + "(writer, " + nameLiteral + ", " + value + ", " + encoded + ");");
                break;
            case TypeRefKind.Array:
                var item = type.Item!;
                var element = "item" + depth;
                w.OpenBlock("if (" + value + " is null)");
                w.Line("writer.WriteStartElement(" + nameLiteral + ", null);");
                w.Line("writer.WriteNil();");
                w.CloseBlock();
                w.OpenBlock("else");
                w.Line("writer.WriteStartArray(" + nameLiteral + ", null, " + CSharpNames.Literal(item.XmlNamespace) + ", " + CSharpNames.Literal(item.XmlName) + ", " + value + ".Length);");
                w.OpenBlock("foreach (var " + element + " in " + value + ")");
                EmitWrite(w, serializer, item, "\"item\"", element, encoded, depth + 1);
                w.CloseBlock();
                w.CloseBlock();
                w.Line("writer.WriteEndElement();");
                break;
            default:
                w.Line("writer.WriteXElement(" + nameLiteral + ", null, " + value + ");");
                break;
        }
    }
}
