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
            var implements = type.IsStatusResult ? " : " + EmitNames.StatusResult : string.Empty;
            w.OpenBlock(model.Accessibility + " sealed partial record " + type.Name + implements);
            var properties = new List<(string Doc, string Declaration)>();
            if (type.Text is { } text)
            {
                properties.Add(("/// <summary>The text of the element; null when it was sent as nil.</summary>", "public " + text.NullableType + " " + text.Name + " { get; init; }"));
            }

            foreach (var member in type.Members)
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
            w.CloseBlock();
        }

        foreach (var client in model.Services.SelectMany(s => s.Clients))
        {
            foreach (var operation in client.Operations)
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
                w.CloseBlock();
            }
        }

        return w.ToString();
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
