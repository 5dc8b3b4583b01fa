using SoapGen.Generator.Common;
using SoapGen.Generator.Model;

namespace SoapGen.Generator.Emit;

/// <summary>Emits one sealed record per schema struct, and one per multi-part response.</summary>
internal static class TypesEmitter
{
    public static string Emit(ServiceModel model)
    {
        var w = new SourceWriter();
        w.FileHeader(model.Namespace);
        foreach (var type in model.Types)
        {
            w.Line();
            w.DocSummary(type.Documentation ?? "The schema type <c>" + Xml(type.XmlName) + "</c>.", escape: type.Documentation is not null);
            w.Line(EmitNames.GeneratedCode);
            var implements = type.IsStatusResult ? " : " + EmitNames.StatusResult : string.Empty;
            w.OpenBlock(model.Accessibility + " sealed partial record " + type.Name + implements);
            if (type.Text is { } text)
            {
                w.Line("/// <summary>The text of the element; null when it was sent as nil.</summary>");
                w.Line("public " + text.NullableType + " " + text.Name + " { get; init; }");
                w.Line();
            }

            foreach (var member in type.Members)
            {
                w.Line(member.IsAttribute
                    ? "/// <summary>The attribute <c>" + Xml(member.LocalName) + "</c>; null when the server omitted it.</summary>"
                    : "/// <summary>The element <c>" + Xml(member.LocalName) + "</c>; null when the server omitted it or sent it as nil.</summary>");
                w.Line("public " + member.NullableType + " " + member.Name + " { get; init; }");
                w.Line();
            }

            if (type.IsStatusResult)
            {
                w.Line("/// <summary>True when <see cref=\"Status\"/> reports success (\"ok\" or \"success\").</summary>");
                w.Line("public bool IsOk => global::SoapGen.Runtime.SoapStatusResultExtensions.IsOk(this);");
            }

            w.CloseBlock();
        }

        foreach (var client in model.Clients)
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
                foreach (var part in operation.Return.Parts)
                {
                    w.Line("/// <summary>The part <c>" + Xml(part.LocalName) + "</c>.</summary>");
                    w.Line("public " + part.NullableType + " " + part.Name + " { get; init; }");
                    w.Line();
                }

                w.CloseBlock();
            }
        }

        return w.ToString();
    }

    private static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
