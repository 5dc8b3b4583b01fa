using System.Collections.Generic;
using System.Linq;
using SoapGen.Generator.Common;
using SoapGen.Generator.Model;

namespace SoapGen.Generator.Emit;

/// <summary>
/// Emits a client's descriptors: <c>Headers</c>, one public <c>SoapHeaderDescriptor</c> per declared SOAP header, and
/// <c>Operations</c>, one static <c>SoapOperation</c> per operation (how to write its body and per-call headers, how
/// to read its result, which headers it declares). A call is then "descriptor + arguments", with no closure.
/// </summary>
internal static class OperationsEmitter
{
    public static string Emit(ServiceModel model, ClientModel client)
    {
        var w = new SourceWriter();
        w.FileHeader(model.Namespace);
        w.Line();
        w.OpenBlock(model.Accessibility + " partial class " + client.ClientName);
        if (client.Headers.Count > 0)
        {
            EmitHeaders(w, model, client);
            w.Line();
        }

        if (client.Faults.Count > 0)
        {
            EmitFaults(w, model, client);
            w.Line();
        }

        w.Line("/// <summary>The operations of this port, described once for the runtime.</summary>");
        w.OpenBlock("private static class Operations");
        var headerWriters = new HeaderWriters(client.Operations.Select(o => o.DescriptorName));
        for (var i = 0; i < client.Operations.Count; i++)
        {
            if (i > 0)
            {
                w.Line();
            }

            EmitOperation(w, model, client, client.Operations[i], headerWriters);
        }

        headerWriters.Emit(w);

        w.CloseBlock();
        w.CloseBlock();
        return w.ToString();
    }

    /// <summary>The C# type an operation's call returns: <c>bool</c> (ignored) when it has no result.</summary>
    internal static string ResponseType(ServiceModel model, ReturnModel returns) => returns.Parts.Count switch
    {
        0 => "bool",
        1 => returns.Parts[0].NullableType,
        _ => "global::" + model.Namespace + "." + returns.RecordName,
    };

    private static void EmitHeaders(SourceWriter w, ServiceModel model, ClientModel client)
    {
        w.Line("/// <summary>");
        w.Line("/// The SOAP headers this port's operations declare: set ambient ones with <c>DefaultHeaders.Set(Headers.Name, value)</c>,");
        w.Line("/// read reply headers with <c>options.Reply.GetHeader(Headers.Name)</c>.");
        w.Line("/// </summary>");
        w.OpenBlock("public static class Headers");
        for (var i = 0; i < client.Headers.Count; i++)
        {
            var header = client.Headers[i];
            if (i > 0)
            {
                w.Line();
            }

            var role = header.Ambient ? " Ambient (credentials or session): set it once in <c>DefaultHeaders</c>."
                : header.Write ? " Sent by the methods whose parameters fill it." : string.Empty;
            w.Line("/// <summary>The header <c>" + Xml(header.LocalName) + "</c>" + (header.Read ? ", returned in replies" : string.Empty) + "." + role + "</summary>");
            w.Line("public static readonly " + EmitNames.HeaderDescriptor + "<" + header.Type.Nullable + "> " + header.DescriptorName + " = new(");
            w.Line("    " + CSharpNames.Literal(header.LocalName) + ",");
            w.Line("    " + CSharpNames.Literal(header.Namespace) + ",");
            if (header.Write && header.Type.Kind is TypeRefKind.Struct or TypeRefKind.Enum)
            {
                // The serializer's own writer: a method group, where a lambda around it would cost the compiler far more.
                w.Line("    write: " + model.SerializerName + "." + header.Type.WriteMethod + ",");
                w.Line("    encoded: " + Bool(header.Encoded) + ",");
            }
            else if (header.Write)
            {
                w.Line("    write: static (writer, localName, ns, value) =>");
                w.Line("    {");
                var inner = new SourceWriter();
                SerializerEmitter.EmitWrite(inner, model.SerializerName, header.Type, "localName", "ns", "value", Bool(header.Encoded), 0);
                Indent(w, inner, "        ");
                w.Line("    },");
            }
            else
            {
                w.Line("    write: null,");
            }

            w.Line("    read: " + (header.Read ? SerializerEmitter.ReadDelegate(model.SerializerName, header.Type) : "null") + ");");
        }

        w.CloseBlock();
    }

    private static void EmitFaults(SourceWriter w, ServiceModel model, ClientModel client)
    {
        w.Line("/// <summary>");
        w.Line("/// The faults this port's operations declare: a fault whose detail carries one of these elements is thrown as");
        w.Line("/// <see cref=\"global::SoapGen.Runtime.SoapFaultException{TDetail}\"/> with the detail read.");
        w.Line("/// </summary>");
        w.OpenBlock("public static class Faults");
        for (var i = 0; i < client.Faults.Count; i++)
        {
            var fault = client.Faults[i];
            if (i > 0)
            {
                w.Line();
            }

            w.Line("/// <summary>The fault <c>" + Xml(fault.Name) + "</c>: its detail entry <c>" + Xml(fault.DetailLocalName) + "</c>, thrown as <c>SoapFaultException&lt;" + Xml(fault.Type.CSharpName.Replace("global::", string.Empty)) + "&gt;</c>.</summary>");
            w.Line("public static readonly " + EmitNames.FaultDescriptor + "<" + fault.Type.Nullable + "> " + fault.DescriptorName + " = new(");
            w.Line("    " + CSharpNames.Literal(fault.Name) + ",");
            w.Line("    " + CSharpNames.Literal(fault.DetailLocalName) + ",");
            w.Line("    " + CSharpNames.Literal(fault.DetailNamespace) + ",");
            w.Line("    " + SerializerEmitter.ReadDelegate(model.SerializerName, fault.Type) + ");");
        }

        w.CloseBlock();
    }

    private static void EmitOperation(SourceWriter w, ServiceModel model, ClientModel client, OperationModel operation, HeaderWriters headerWriters)
    {
        var parameters = ClientEmitter.RequestParameters(operation);
        var requestType = parameters.Count switch
        {
            0 => "global::System.ValueTuple",
            1 => RequestParameterType(operation, parameters[0]),
            _ => "(" + string.Join(", ", parameters.Select(p => RequestParameterType(operation, p) + " " + p.Name)) + ")",
        };
        string Access(ElementModel p) => parameters.Count == 1 ? "request" : "request." + p.Name;

        w.Line("public static readonly " + EmitNames.Operation + "<" + requestType + ", " + ResponseType(model, operation.Return) + "> " + operation.DescriptorName + " = new(");
        w.Line("    " + CSharpNames.Literal(operation.OperationName) + ",");
        w.Line("    " + CSharpNames.Literal(operation.SoapAction) + ",");
        w.Line("    global::SoapGen.Runtime.SoapVersion." + (client.Soap12 ? "Soap12" : "Soap11") + ",");
        var encoded = Bool(operation.Encoded);
        var emptyWrapper = operation.Parameters.Count == 0 && operation.Style != OperationStyle.Bare;
        if (emptyWrapper)
        {
            // Most operations of a large API (SoftLayer's getters) send only headers: no lambda for their empty wrapper.
            w.Line("    writeBody: " + (operation.Style == OperationStyle.Rpc
                ? EmitNames.Bodies + ".EmptyRpc<" + requestType + ">(" + CSharpNames.Literal(operation.WrapperLocalName) + ", " + CSharpNames.Literal(operation.WrapperNamespace) + ", encoded: " + encoded + "),"
                : EmitNames.Bodies + ".EmptyWrapper<" + requestType + ">(" + CSharpNames.Literal(operation.WrapperLocalName) + ", " + CSharpNames.Literal(operation.WrapperNamespace) + "),"));
        }
        else
        {
            w.Line("    writeBody: static (writer, " + (parameters.Count == 0 ? "_" : "request") + ") =>");
            w.Line("    {");
            var body = new SourceWriter();
            switch (operation.Style)
            {
                case OperationStyle.Rpc:
                    body.Line("writer.WriteStartOperation(" + CSharpNames.Literal(operation.WrapperLocalName) + ", " + CSharpNames.Literal(operation.WrapperNamespace) + ", encoded: " + encoded + ");");
                    break;
                case OperationStyle.Wrapped:
                    body.Line("writer.WriteStartElement(" + CSharpNames.Literal(operation.WrapperLocalName) + ", " + CSharpNames.Literal(operation.WrapperNamespace) + ");");
                    break;
            }

            foreach (var parameter in operation.Parameters)
            {
                SerializerEmitter.EmitWriteElement(body, model.SerializerName, parameter, Access(parameter), encoded, parameter.Parameter?.IsNullable ?? true);
            }

            if (operation.Style != OperationStyle.Bare)
            {
                body.Line("writer.WriteEndElement();");
            }

            Indent(w, body, "        ");
            w.Line("    },");
        }

        var reader = operation.Return.Parts.Count == 0 ? "static reader => true"
            : operation.Return.Bare ? "static reader => " + BareReadExpression(model, operation.Return.Parts[0])
            : operation.Return.IsSinglePart ? SinglePartReader(model, operation.Return)
            : model.SerializerName + "." + operation.Return.ReaderName;
        var rest = new List<string>();
        if (operation.InputHeaders.Any(h => h.Parameters.Count > 0))
        {
            var headers = new SourceWriter();
            foreach (var binding in operation.InputHeaders.Where(h => h.Parameters.Count > 0))
            {
                headers.Line("headers.Write(Headers." + binding.DescriptorName + ", " + HeaderValue(binding, Access) + ");");
            }

            rest.Add("writeHeaders: " + headerWriters.NameFor(requestType, operation.InputHeaders.Where(h => h.Parameters.Count > 0).Select(h => h.DescriptorName), headers.ToString()));
        }

        if (operation.InputHeaders.Count > 0)
        {
            rest.Add("inputHeaders: new " + EmitNames.HeaderDescriptor + "[] { " + string.Join(", ", operation.InputHeaders.Select(h => "Headers." + h.DescriptorName)) + " }");
        }

        if (operation.Faults.Count > 0)
        {
            rest.Add("faults: new " + EmitNames.FaultDescriptor + "[] { " + string.Join(", ", operation.Faults.Select(f => "Faults." + f)) + " }");
        }

        if (operation.OutputHeaders.Count > 0)
        {
            rest.Add("outputHeaders: new " + EmitNames.HeaderDescriptor + "[] { " + string.Join(", ", operation.OutputHeaders.Select(h => "Headers." + h)) + " }");
        }

        rest.Add("serviceName: " + CSharpNames.Literal(client.ServiceName));
        if (operation.ResponseLocalName is not null)
        {
            rest.Add("responseName: " + CSharpNames.Literal(operation.ResponseLocalName) + (operation.ResponseNamespace is null ? "" : ", responseNamespace: " + CSharpNames.Literal(operation.ResponseNamespace)));
        }

        var readLines = reader.Split('\n');
        for (var i = 0; i < readLines.Length; i++)
        {
            w.Line("    " + (i == 0 ? "readBody: " : string.Empty) + readLines[i] + (i < readLines.Length - 1 ? string.Empty : rest.Count > 0 ? "," : ");"));
        }

        for (var i = 0; i < rest.Count; i++)
        {
            foreach (var line in ("    " + rest[i] + (i == rest.Count - 1 ? ");" : ",")).Split('\n'))
            {
                w.Line(line);
            }
        }
    }

    /// <summary>
    /// Reads a one-part reply: the runtime's reader around the part's (a method group where one reads it as is), so a
    /// getter's descriptor holds no lambda at all.
    /// </summary>
    private static string SinglePartReader(ServiceModel model, ReturnModel returns)
    {
        var type = returns.Parts[0].Type;
        if (type is { Kind: TypeRefKind.Array, ReadMethod: "ReadArray", Rank: 1 } && returns.Parts[0].NullableType == type.ItemName + "[]?")
        {
            return EmitNames.Bodies + ".SingleArrayPart<" + type.ItemName + ">(" + SerializerEmitter.ReadDelegate(model.SerializerName, type.Item!, type.ItemForgivesNull) + ")";
        }

        // The type argument is spelled out: inferring it from a lambda binds the lambda once more, for every operation.
        return EmitNames.Bodies + ".SinglePart<" + ResponseType(model, returns) + ">(" + SerializerEmitter.ReadDelegate(model.SerializerName, type) + ")";
    }

    /// <summary>The header's value from the parameters: the one parameter, or a new struct when any of its members is set.</summary>
    private static string HeaderValue(HeaderBinding binding, System.Func<ElementModel, string> access)
    {
        if (binding.Parameters.Count == 1 && binding.Parameters[0].PropertyName is null)
        {
            return access(binding.Parameters[0].Parameter);
        }

        var allNull = string.Join(" && ", binding.Parameters.Select(p => access(p.Parameter) + " is null"));
        var members = string.Join(", ", binding.Parameters.Select(p => p.PropertyName + " = " + access(p.Parameter)));
        return allNull + " ? null : new " + binding.Type.CSharpName + " { " + members + " }";
    }

    private static string RequestParameterType(OperationModel operation, ElementModel parameter) =>
        operation.Parameters.Contains(parameter) ? ClientEmitter.ParameterType(parameter) : parameter.NullableType;

    private static void Indent(SourceWriter w, SourceWriter inner, string indent)
    {
        foreach (var line in inner.ToString().TrimEnd('\n').Split('\n'))
        {
            w.Line(line.Length == 0 ? string.Empty : indent + line);
        }
    }

    private static string Indented(SourceWriter inner, string indent) =>
        string.Concat(inner.ToString().TrimEnd('\n').Split('\n').Select(line => indent + line + "\n"));

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    // A bare result is the Body's element itself: when the Body is empty, the element's default (if it has one) is the result.
    private static string BareReadExpression(ServiceModel model, ElementModel part)
    {
        var read = SerializerEmitter.ReadExpression(model.SerializerName, part.Type);
        var substitutes = part.Substitutes.Where(s => s.Type.CSharpName != part.Type.CSharpName).GroupBy(s => s.LocalName).Select(g => g.First()).ToList();
        if (substitutes.Count > 0)
        {
            // The element heads a substitution group: the Body may carry any member, each read as its own type (one of
            // the head's type, or the head itself, by the head's reader).
            var cases = substitutes.Select(s => "    " + CSharpNames.Literal(s.LocalName) + " => " + SerializerEmitter.ReadExpression(model.SerializerName, s.Type) + ",\n");
            read = "reader.LocalName switch\n{\n" + string.Concat(cases) + "    _ => " + read + ",\n}";
        }

        return part.Default is null ? read : "reader.XmlReader.NodeType == global::System.Xml.XmlNodeType.Element ? " + read + " : " + SerializerEmitter.DefaultValue(part);
    }
}
