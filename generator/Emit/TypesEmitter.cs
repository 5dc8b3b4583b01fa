using System.Collections.Generic;
using System.Linq;
using SoapGen.Generator.Common;
using SoapGen.Generator.Model;

namespace SoapGen.Generator.Emit;

/// <summary>Emits one sealed record per schema struct, and one per multi-part response.</summary>
internal static class TypesEmitter
{
    public static string Emit(NamespaceModel model)
    {
        var w = new SourceWriter();
        w.FileHeader(model.Namespace);
        foreach (var type in model.Types)
        {
            w.Line();
            // Anonymous types carry a synthetic "Owner/member" name: show it as Owner.member.
            w.DocSummary(type.Documentation ?? "The schema type <c>" + Xml(type.XmlName.Replace('/', '.')) + "</c>.", escape: type.Documentation is not null);
            w.Line(EmitNames.GeneratedCode);
            var bases = new List<string>();
            if (type.BaseName is { } baseName)
            {
                bases.Add(baseName);
            }

            if (type.IsStatusResult)
            {
                bases.Add(EmitNames.StatusResult);
            }

            var modifier = type.IsAbstract ? " abstract" : type.IsSealed ? " sealed" : string.Empty;
            w.OpenBlock(model.Accessibility + modifier + " partial record " + type.Name + (bases.Count > 0 ? " : " + string.Join(", ", bases) : string.Empty));
            if (type.FieldsType is { } fieldsType)
            {
                EmitConstructors(w, type, fieldsType);
            }

            var properties = new List<(string Doc, string Declaration)>();
            if (type.Text is { } text && type.BaseName is null)
            {
                properties.Add(("/// <summary>The text of the element; null when it was sent as nil.</summary>", "public " + text.NullableType + " " + text.Name + " { get; init; }"));
            }

            foreach (var member in type.DeclaredMembers)
            {
                properties.Add((
                    member.IsAttribute
                        ? "/// <summary>The attribute <c>" + Xml(member.LocalName) + "</c>; null when the server omitted it.</summary>"
                        : "/// <summary>The element <c>" + Xml(member.LocalName) + "</c>; null when the server omitted it or sent it as nil.</summary>",
                    "public " + member.NullableType + " " + member.Name + " { get; init; }"));
            }

            if (type.IsStatusResult)
            {
                properties.Add(("/// <summary>True when <see cref=\"Status\"/> reports success (\"ok\" or \"success\").</summary>", "public bool IsOk => global::SoapGen.Runtime.SoapStatusResultExtensions.IsOk(this);"));
            }

            EmitProperties(w, properties);
            if (type.DeclaredMembers.Any(m => m.IsSensitive))
            {
                var printed = new List<ElementModel>();
                if (type.Text is { } value && type.BaseName is null)
                {
                    printed.Add(value);
                }

                printed.AddRange(type.DeclaredMembers);
                var signature = type.BaseName is not null ? "protected override" : type.IsSealed ? "private" : "protected virtual";
                EmitMaskingPrintMembers(w, signature, type.BaseName is not null, printed, type.IsStatusResult);
            }

            w.CloseBlock();
        }

        var choices = model.Types.SelectMany(t => t.DeclaredMembers).Select(m => m.Type).Where(t => t.Kind == TypeRefKind.Choice);
        foreach (var choice in choices.GroupBy(c => c.CSharpName).Select(g => g.First()))
        {
            w.Line();
            EmitChoiceItem(w, model, choice);
        }

        foreach (var type in model.Enums)
        {
            w.Line();
            EmitEnum(w, model, type);
        }

        // Ports of one service share their responses (the model decides): each record once.
        foreach (var operation in model.Services.SelectMany(s => s.Clients).SelectMany(c => c.Operations).GroupBy(o => o.Return).Select(g => g.First()))
        {
            if (operation.Return.RecordName is not { } recordName)
            {
                continue;
            }

            w.Line();
            w.DocSummary("The response parts of <c>" + operation.OperationName + "</c>.", escape: false);
            w.Line(EmitNames.GeneratedCode);
            w.OpenBlock(model.Accessibility + " sealed partial record " + recordName);
            EmitProperties(w, operation.Return.Parts
                .Select(part => ("/// <summary>The part <c>" + Xml(part.LocalName) + "</c>.</summary>", "public " + part.NullableType + " " + part.Name + " { get; init; }"))
                .ToList());
            if (operation.Return.Parts.Any(p => p.IsSensitive))
            {
                EmitMaskingPrintMembers(w, "private", callsBase: false, operation.Return.Parts.ToList(), statusResult: false);
            }

            w.CloseBlock();
        }

        return w.ToString();
    }

    /// <summary>
    /// A record the serializer reads through a fields object gets a constructor from it: each record sets its own
    /// members and passes the object to its base's constructor for the inherited ones, so the code that builds a record
    /// grows with its own members, not with the depth of its derivation. Declaring it hides the implicit parameterless
    /// constructor, which object initialisers need: it is declared too.
    /// </summary>
    private static void EmitConstructors(SourceWriter w, TypeModel type, string fieldsType)
    {
        w.Line(type.IsAbstract
            ? "/// <summary>An empty <see cref=\"" + type.Name + "\"/>, for the records derived from it.</summary>"
            : "/// <summary>An empty <see cref=\"" + type.Name + "\"/>: set its members with an object initialiser.</summary>");
        w.Line((type.IsAbstract ? "protected " : "public ") + type.Name + "()");
        w.Line("{");
        w.Line("}");
        w.Line();
        w.Line("/// <summary>The members the serializer read into <paramref name=\"fields\"/>" + (type.BaseFields is null ? "." : "; the base's constructor sets the inherited ones.") + "</summary>");
        var constructor = "internal " + type.Name + "(" + fieldsType + " fields)";
        if (type.BaseFields is not null)
        {
            w.Line(constructor);
            constructor = "    : base(fields)";
        }

        w.OpenBlock(constructor);
        foreach (var member in type.FieldMembers)
        {
            w.Line(member.Name + " = fields." + SerializerEmitter.Collected(member) + ";");
        }

        w.CloseBlock();
        w.Line();
    }

    /// <summary>
    /// The item of a repeated choice or sequence: an abstract record closed to its cases (a private constructor), one sealed case per
    /// alternative holding that element's value, so an array of them keeps which elements came and in what order.
    /// </summary>
    private static void EmitChoiceItem(SourceWriter w, NamespaceModel model, TypeRef choice)
    {
        var name = choice.CSharpName.Substring(choice.CSharpName.LastIndexOf('.') + 1);
        w.DocSummary("One item of a repeated choice or sequence in <c>" + Xml(choice.XmlName.Replace('/', '.')) + "</c>: one of its elements, which the case says.", escape: false);
        w.Line(EmitNames.GeneratedCode);
        w.OpenBlock(model.Accessibility + " abstract partial record " + name);
        w.Line("private " + name + "()");
        w.Line("{");
        w.Line("}");
        foreach (var alternative in choice.Alternatives)
        {
            w.Line();
            w.Line("/// <summary>The element <c>" + Xml(alternative.LocalName) + "</c>; its value is null when it was sent as nil.</summary>");
            w.Line("public sealed record " + alternative.Name + "(" + alternative.NullableType + " Value) : " + name + ";");
        }

        w.CloseBlock();
    }

    /// <summary>
    /// An extensible enumeration (the Azure SDK pattern): a struct over the wire string with one property per listed
    /// value, so a value the server adds later is kept as sent instead of failing the call.
    /// </summary>
    private static void EmitEnum(SourceWriter w, NamespaceModel model, EnumModel type)
    {
        var name = type.Name;
        w.DocSummary(type.Documentation ?? "The enumeration <c>" + Xml(type.XmlName.Replace('/', '.')) + "</c>; a value it does not list is kept as sent.", escape: type.Documentation is not null);
        w.Line(EmitNames.GeneratedCode);
        w.OpenBlock(model.Accessibility + " readonly partial struct " + name + " : global::System.IEquatable<" + name + ">");
        w.Line("private readonly string? _value;");
        w.Line();
        w.Line("/// <summary>A value by its wire form; any string is allowed, listed or not.</summary>");
        w.Line("public " + name + "(string value) => _value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
        foreach (var member in type.Members)
        {
            w.Line();
            w.Line("/// <summary>The value <c>" + Xml(member.Value) + "</c>.</summary>");
            w.Line("public static " + name + " " + member.Name + " { get; } = new(" + CSharpNames.Literal(member.Value) + ");");
        }

        w.Line();
        w.Line("/// <summary>Whether this is one of the values the schema lists.</summary>");
        w.Line("public bool IsDefined => _value is " + string.Join(" or ", type.Members.Select(m => CSharpNames.Literal(m.Value))) + ";");
        w.Line();
        w.Line("/// <summary>The wire form.</summary>");
        w.Line("public override string ToString() => _value ?? string.Empty;");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line("public bool Equals(" + name + " other) => string.Equals(_value ?? string.Empty, other._value ?? string.Empty, global::System.StringComparison.Ordinal);");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line("public override bool Equals(object? obj) => obj is " + name + " other && Equals(other);");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line("public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(_value ?? string.Empty);");
        w.Line();
        w.Line("/// <summary>Whether two values have the same wire form.</summary>");
        w.Line("public static bool operator ==(" + name + " left, " + name + " right) => left.Equals(right);");
        w.Line();
        w.Line("/// <summary>Whether two values differ in their wire form.</summary>");
        w.Line("public static bool operator !=(" + name + " left, " + name + " right) => !left.Equals(right);");
        w.Line();
        w.Line("/// <summary>A value by its wire form.</summary>");
        w.Line("public static implicit operator " + name + "(string value) => new(value);");
        w.CloseBlock();
    }

    /// <summary>
    /// The record's PrintMembers (what its ToString shows) as the compiler writes it, except that a sensitive member's value
    /// is shown as *** (nothing when null). A derived record's own PrintMembers calls this one, so the mask is inherited.
    /// </summary>
    private static void EmitMaskingPrintMembers(SourceWriter w, string modifiers, bool callsBase, List<ElementModel> members, bool statusResult)
    {
        w.Line();
        w.Line("/// <summary>Prints the members, with the values of credentials and session tokens masked.</summary>");
        w.OpenBlock(modifiers + " bool PrintMembers(global::System.Text.StringBuilder builder)");
        if (callsBase)
        {
            w.OpenBlock("if (base.PrintMembers(builder))");
            w.Line("builder.Append(\", \");");
            w.CloseBlock();
            w.Line();
        }

        var names = members.Select(m => m.Name).ToList();
        if (statusResult)
        {
            names.Add("IsOk");
        }

        for (var i = 0; i < names.Count; i++)
        {
            var label = (i > 0 ? ", " : string.Empty) + names[i] + " = ";
            var value = i < members.Count && members[i].IsSensitive ? names[i] + " is null ? null : \"***\"" : "(object?)" + names[i];
            w.Line("builder.Append(" + CSharpNames.Literal(label) + ").Append(" + value + ");");
        }

        w.Line("return true;");
        w.CloseBlock();
    }

    private static void EmitProperties(SourceWriter w, List<(string Doc, string Declaration)> properties)
    {
        for (var i = 0; i < properties.Count; i++)
        {
            if (i > 0)
            {
                w.Line();
            }

            w.Line(properties[i].Doc);
            w.Line(properties[i].Declaration);
        }
    }

    private static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
