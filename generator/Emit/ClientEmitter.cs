using System;
using System.Linq;
using SoapGen.Generator.Common;
using SoapGen.Generator.Model;

namespace SoapGen.Generator.Emit;

/// <summary>Emits, per SOAP port, an interface (for mocking) and a client class with one async method per operation.</summary>
internal static class ClientEmitter
{
    public static string Emit(ServiceModel model, ClientModel client)
    {
        var w = new SourceWriter();
        w.FileHeader(model.Namespace);
        w.Line();
        EmitInterface(w, model, client);
        w.Line();
        EmitClass(w, model, client);
        return w.ToString();
    }

    private static void EmitInterface(SourceWriter w, ServiceModel model, ClientModel client)
    {
        w.DocSummary(client.Documentation ?? "The operations of the SOAP service, as implemented by <see cref=\"" + client.ClientName + "\"/>.", escape: client.Documentation is not null);
        w.Line(EmitNames.GeneratedCode);
        w.OpenBlock(model.Accessibility + " partial interface " + client.InterfaceName);
        var first = true;
        foreach (var operation in client.Operations)
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
            w.DocSummary(operation.Documentation ?? "Calls the operation <c>" + operation.OperationName + "</c>.", escape: operation.Documentation is not null);
            w.Line(Signature(model, operation, operation.Parameters.Select(p => p), withDefault: true) + ";");
        }

        w.CloseBlock();
    }

    private static void EmitClass(SourceWriter w, ServiceModel model, ClientModel client)
    {
        w.DocSummary(client.Documentation ?? "A client for the SOAP service; thread-safe, one instance per HttpClient is enough.");
        w.Line(EmitNames.GeneratedCode);
        w.OpenBlock(model.Accessibility + " partial class " + client.ClientName + " : " + client.InterfaceName);
        if (client.DefaultEndpoint is { } address)
        {
            w.Line("/// <summary>The endpoint the WSDL names in its <c>soap:address</c>.</summary>");
            w.Line("public static readonly " + EmitNames.Uri + " DefaultEndpoint = new " + EmitNames.Uri + "(" + CSharpNames.Literal(address) + ");");
            w.Line();
        }

        w.Line("private readonly " + EmitNames.Transport + " _transport;");
        w.Line();
        w.Line("/// <summary>Creates a client that calls " + (client.DefaultEndpoint is null ? "the HttpClient's BaseAddress" : "<see cref=\"DefaultEndpoint\"/>") + ".</summary>");
        w.Line("public " + client.ClientName + "(" + EmitNames.HttpClient + " httpClient)");
        w.Line("    : this(httpClient, new " + EmitNames.Options + "())");
        w.Line("{");
        w.Line("}");
        w.Line();
        w.Line("/// <summary>Creates a client that calls <paramref name=\"endpoint\"/>.</summary>");
        w.Line("public " + client.ClientName + "(" + EmitNames.HttpClient + " httpClient, " + EmitNames.Uri + " endpoint)");
        w.Line("    : this(httpClient, new " + EmitNames.Options + " { Endpoint = endpoint ?? throw new global::System.ArgumentNullException(nameof(endpoint)) })");
        w.Line("{");
        w.Line("}");
        w.Line();
        w.Line("/// <summary>Creates a client with explicit options (endpoint, reply size limit).</summary>");
        w.OpenBlock("public " + client.ClientName + "(" + EmitNames.HttpClient + " httpClient, " + EmitNames.Options + " options)");
        w.Line("if (httpClient is null) throw new global::System.ArgumentNullException(nameof(httpClient));");
        w.Line("if (options is null) throw new global::System.ArgumentNullException(nameof(options));");
        var fallback = client.DefaultEndpoint is null ? string.Empty : " ?? DefaultEndpoint";
        w.Line("var endpoint = options.Endpoint ?? httpClient.BaseAddress" + fallback);
        w.Line("    ?? throw new global::System.ArgumentException(\"The WSDL names no endpoint: set SoapClientOptions.Endpoint or HttpClient.BaseAddress.\", nameof(options));");
        w.Line("_transport = new " + EmitNames.Transport + "(httpClient, endpoint, " + (client.Soap12 ? "global::SoapGen.Runtime.SoapVersion.Soap12" : "global::SoapGen.Runtime.SoapVersion.Soap11") + ", options.MaxReplyBytes);");
        w.CloseBlock();
        w.Line();
        w.Line("/// <summary>The endpoint this client calls.</summary>");
        w.Line("public " + EmitNames.Uri + " Endpoint => _transport.Endpoint;");

        if (client.Session is { } session)
        {
            var parameters = string.Join(", ", session.LoginParameters.Select(p => ParameterType(p) + " " + p.Name));
            var arguments = string.Join(", ", session.LoginParameters.Select(p => p.Name));
            w.Line();
            w.Line("/// <summary>");
            w.Line("/// Creates a session: the login operation is called on first use, its token is passed to every call,");
            w.Line("/// and an expired session is renewed once, transparently. The credentials never appear in messages or logs.");
            w.Line("/// </summary>");
            w.OpenBlock("public " + session.ClassName + " CreateSession(" + parameters + ", " + EmitNames.SessionOptions + "? options = null)");
            w.Line("return new " + session.ClassName + "(this, " + arguments + ", options);");
            w.CloseBlock();
        }

        foreach (var operation in client.Operations)
        {
            w.Line();
            w.Line("/// <inheritdoc/>");
            EmitOperation(w, model, operation);
        }

        w.CloseBlock();
    }

    private static void EmitOperation(SourceWriter w, ServiceModel model, OperationModel operation)
    {
        w.OpenBlock("public " + Signature(model, operation, operation.Parameters, withDefault: true));
        w.Line("return _transport.InvokeAsync(");
        w.Line("    " + CSharpNames.Literal(operation.OperationName) + ",");
        w.Line("    " + CSharpNames.Literal(operation.SoapAction) + ",");
        w.Line("    writer =>");
        w.Line("    {");
        var inner = new SourceWriter();
        var encoded = Bool(operation.Encoded);
        switch (operation.Style)
        {
            case OperationStyle.Rpc:
                inner.Line("writer.WriteStartOperation(" + CSharpNames.Literal(operation.WrapperLocalName) + ", " + CSharpNames.Literal(operation.WrapperNamespace) + ", " + encoded + ");");
                break;
            case OperationStyle.Wrapped:
                inner.Line("writer.WriteStartElement(" + CSharpNames.Literal(operation.WrapperLocalName) + ", " + CSharpNames.Literal(operation.WrapperNamespace) + ");");
                break;
        }

        foreach (var parameter in operation.Parameters)
        {
            SerializerEmitter.EmitWriteElement(inner, model.SerializerName, parameter, parameter.Name, encoded, ParameterType(parameter).EndsWith("?", StringComparison.Ordinal));
        }

        if (operation.Style != OperationStyle.Bare)
        {
            inner.Line("writer.WriteEndElement();");
        }

        foreach (var line in inner.ToString().TrimEnd('\n').Split('\n'))
        {
            w.Line("        " + line);
        }

        w.Line("    },");
        var reader = operation.Return.Parts.Count == 0 ? "static reader => true"
            : operation.Return.Bare ? "static reader => " + SerializerEmitter.ReadExpression(model, operation.Return.Parts[0].Type, asItem: false)
            : operation.Return.IsSinglePart ? "static reader => reader.ReadSinglePart(static reader => " + SerializerEmitter.ReadExpression(model, operation.Return.Parts[0].Type, asItem: false) + ")"
            : "static reader => " + model.SerializerName + "." + operation.Return.ReaderName + "(reader)";
        w.Line("    " + reader + ",");
        w.Line("    cancellationToken);");
        w.CloseBlock();
    }

    internal static string Signature(ServiceModel model, OperationModel operation, System.Collections.Generic.IEnumerable<ElementModel> parameters, bool withDefault)
    {
        var list = parameters.Select(p => ParameterType(p) + " " + p.Name).ToList();
        list.Add(EmitNames.CancellationToken + " cancellationToken" + (withDefault ? " = default" : string.Empty));
        return TaskType(model, operation.Return) + " " + operation.MethodName + "(" + string.Join(", ", list) + ")";
    }

    private static string TaskType(ServiceModel model, ReturnModel returns) => returns.Parts.Count switch
    {
        0 => "global::System.Threading.Tasks.Task",
        1 => "global::System.Threading.Tasks.Task<" + returns.Parts[0].NullableType + ">",
        _ => "global::System.Threading.Tasks.Task<global::" + model.Namespace + "." + returns.RecordName + ">",
    };

    /// <summary>Required value-type parameters are not nullable; the rest may be null (sent as xsi:nil, or left out when optional).</summary>
    internal static string ParameterType(ElementModel parameter) =>
        parameter.Type.IsValueType && !parameter.Repeated && !parameter.Optional ? parameter.Type.CSharpName : parameter.NullableType;

    private static string Bool(bool value) => value ? "true" : "false";
}
