using System.Collections.Generic;
using System.Linq;
using SoapGen.Generator.Common;
using SoapGen.Generator.Model;

namespace SoapGen.Generator.Emit;

/// <summary>
/// Emits, per SOAP port, an interface (for mocking) and a client class with one async method per operation; each method
/// passes its arguments and the operation's descriptor (see <see cref="OperationsEmitter"/>) to the runtime.
/// </summary>
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
            DocParameters(w, operation, operation.Parameters);
            w.Line(Signature(model, operation, operation.Parameters) + ";");
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
        w.Line("private readonly " + EmitNames.CallOptions + "? _callOptions;");
        w.Line();
        // One public constructor: IHttpClientFactory's typed clients (ActivatorUtilities) refuse a type with two that
        // both accept an HttpClient, and fill a parameter with a default from the container when it holds one.
        var fallbackDoc = client.DefaultEndpoint is null ? string.Empty : ", else <see cref=\"DefaultEndpoint\"/>";
        w.Line("/// <summary>");
        w.Line("/// Creates a client that calls <see cref=\"" + EmitNames.Options + ".Endpoint\"/>, else the HttpClient's BaseAddress" + fallbackDoc + ".");
        w.Line("/// <c>services.AddHttpClient&lt;" + client.InterfaceName + ", " + client.ClientName + "&gt;()</c> uses this constructor and passes a");
        w.Line("/// <see cref=\"" + EmitNames.Options + "\"/> registered in the container as <paramref name=\"options\"/>.");
        w.Line("/// </summary>");
        w.Line("/// <param name=\"httpClient\">Sends the requests; its handlers apply to every call, its <c>Timeout</c> bounds each call.</param>");
        w.Line("/// <param name=\"options\">The endpoint (a <see cref=\"" + EmitNames.Uri + "\"/> converts to options with it), reply size limit, ambient headers and pipeline steps; <see langword=\"null\"/> for the defaults.</param>");
        w.OpenBlock("public " + client.ClientName + "(" + EmitNames.HttpClient + " httpClient, " + EmitNames.Options + "? options = null)");
        w.Line("if (httpClient is null) throw new global::System.ArgumentNullException(nameof(httpClient));");
        w.Line("options ??= new " + EmitNames.Options + "();");
        var fallback = client.DefaultEndpoint is null ? string.Empty : " ?? DefaultEndpoint";
        w.Line("var endpoint = options.Endpoint ?? httpClient.BaseAddress" + fallback);
        w.Line("    ?? throw new global::System.ArgumentException(\"The WSDL names no endpoint: set SoapClientOptions.Endpoint or HttpClient.BaseAddress.\", nameof(options));");
        w.Line("_transport = new " + EmitNames.Transport + "(httpClient, endpoint, " + Version(client) + ", options);");
        w.CloseBlock();
        w.Line();
        w.OpenBlock("private " + client.ClientName + "(" + EmitNames.Transport + " transport, " + EmitNames.CallOptions + "? callOptions)");
        w.Line("_transport = transport;");
        w.Line("_callOptions = callOptions;");
        w.CloseBlock();
        w.Line();
        w.Line("/// <summary>The endpoint this client calls.</summary>");
        w.Line("public " + EmitNames.Uri + " Endpoint => _transport.Endpoint;");
        w.Line();
        w.Line("/// <summary>");
        w.Line("/// Headers sent with every call: set a declared one with <c>DefaultHeaders.Set(" + client.ClientName + ".Headers.Name, value)</c>");
        w.Line("/// (sent with the operations that declare it), or add any other <see cref=\"global::SoapGen.Runtime.SoapHeader\"/>.");
        w.Line("/// </summary>");
        w.Line("public " + EmitNames.HeaderCollection + " DefaultHeaders => _transport.DefaultHeaders;");
        w.Line();
        w.Line("/// <summary>");
        w.Line("/// This client with per-call <paramref name=\"options\"/> (extra headers, a timeout; the reply's headers are left in");
        w.Line("/// <see cref=\"global::SoapGen.Runtime.SoapCallOptions.Reply\"/>). Cheap: it shares this client's transport.");
        w.Line("/// </summary>");
        w.Line("public " + client.ClientName + " With(" + EmitNames.CallOptions + " options) => new(_transport, options ?? throw new global::System.ArgumentNullException(nameof(options)));");

        if (client.Session is { Header: { } header } headerSession)
        {
            EmitHeaderSession(w, client, headerSession, header);
        }
        else if (client.Session is { } session)
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
            var invoke = "Operations." + operation.DescriptorName + ".InvokeAsync(_transport, " + RequestExpression(operation) + ", _callOptions, cancellationToken);";
            var checks = operation.Parameters.Where(p => p.Parameter is { ThrowIfNull: true }).ToList();
            if (checks.Count == 0 && operation.Choices.Count == 0)
            {
                w.Line("public " + Signature(model, operation, operation.Parameters) + " =>");
                w.Line("    " + invoke);
                continue;
            }

            // A required element that is not nillable has no valid form for null: refuse it before anything is sent.
            w.OpenBlock("public " + Signature(model, operation, operation.Parameters));
            foreach (var parameter in checks)
            {
                w.Line("global::System.ArgumentNullException.ThrowIfNull(" + parameter.Name + ");");
            }

            // A wrapper whose content is a choice: its alternatives are parameters, and exactly one may be passed.
            foreach (var choice in operation.Choices)
            {
                SerializerEmitter.EmitChoiceCheck(w, choice, string.Empty, "passed to " + operation.MethodName);
            }

            w.Line("return " + invoke);
            w.CloseBlock();
        }

        w.CloseBlock();
    }

    private static void EmitHeaderSession(SourceWriter w, ClientModel client, SessionModel session, SessionHeaderModel header)
    {
        var parameters = string.Join(", ", session.LoginParameters.Select(p => ParameterType(p) + " " + p.Name));
        var arguments = string.Join(", ", session.LoginParameters.Select(p => p.Name));
        var token = header.ResultTokenProperty is { } tokenProperty ? "result?." + tokenProperty : "result";
        var endpoint = header.ResultEndpointProperty is { } endpointProperty ? "result?." + endpointProperty : "(string?)null";
        var defaults = session.ExpiredText is null ? string.Empty : " ?? new " + EmitNames.SessionOptions + " { ExpiredText = " + CSharpNames.Literal(session.ExpiredText) + " }";
        w.Line();
        w.Line("/// <summary>");
        w.Line("/// A logged-in view of this client: <c>" + session.LoginMethod + "</c> is called on first use, its session token goes in the");
        w.Line("/// <c>" + header.HeaderLocalName + "</c> header of every call that declares it" + (header.ResultEndpointProperty is null ? string.Empty : ", to the endpoint the login returned") + ",");
        w.Line("/// concurrent calls share one login, and an expired session is renewed once. The credentials never appear in messages or logs.");
        w.Line("/// </summary>");
        w.OpenBlock("public " + client.ClientName + " CreateSession(" + parameters + ", " + EmitNames.SessionOptions + "? options = null)");
        w.Line("var session = global::SoapGen.Runtime.SoapHeaderSession.Create(");
        w.Line("    Headers." + header.DescriptorName + ",");
        w.Line("    async cancellationToken =>");
        w.Line("    {");
        w.Line("        var result = await " + session.LoginMethod + "(" + arguments + ", cancellationToken: cancellationToken).ConfigureAwait(false);");
        w.Line("        return (" + token + ", " + endpoint + ");");
        w.Line("    },");
        w.Line("    static token => new " + header.HeaderType + " { " + header.HeaderTokenProperty + " = token },");
        w.Line("    options" + defaults + ");");
        w.Line("return new " + client.ClientName + "(_transport.With(session), _callOptions);");
        w.CloseBlock();
    }

    /// <summary>The method signature: body parameters, then header parameters (optional), then the cancellation token.</summary>
    internal static string Signature(ServiceModel model, OperationModel operation, IEnumerable<ElementModel> bodyParameters)
    {
        var list = bodyParameters.Select(p => ParameterType(p) + " " + p.Name + (p.Parameter is { DefaultsToNull: true } ? " = null" : string.Empty)).ToList();
        list.AddRange(operation.HeaderParameters.Select(p => p.NullableType + " " + p.Name + " = null"));
        list.Add(EmitNames.CancellationToken + " cancellationToken = default");
        return TaskType(model, operation.Return) + " " + operation.MethodName + "(" + string.Join(", ", list) + ")";
    }

    /// <summary>
    /// The parameters' XML docs, when the WSDL documents some of its parts: then every parameter gets one (a doc comment
    /// that documents some parameters and not others is warning CS1573).
    /// </summary>
    internal static void DocParameters(SourceWriter w, OperationModel operation, IEnumerable<ElementModel> bodyParameters)
    {
        var parameters = bodyParameters.Concat(operation.HeaderParameters).ToList();
        if (parameters.All(p => p.Documentation is null))
        {
            return;
        }

        foreach (var parameter in parameters)
        {
            w.DocParam(parameter.Name, parameter.Documentation ?? "The '" + parameter.LocalName + "' part.");
        }

        w.DocParam("cancellationToken", "Cancels the call.");
    }

    /// <summary>Every parameter the operation's descriptor gets, in order: the body's, then the headers'.</summary>
    internal static List<ElementModel> RequestParameters(OperationModel operation) => operation.Parameters.Concat(operation.HeaderParameters).ToList();

    /// <summary>The request passed to the descriptor: nothing, the one argument, or a tuple of all.</summary>
    private static string RequestExpression(OperationModel operation)
    {
        var parameters = RequestParameters(operation);
        return parameters.Count switch
        {
            0 => "default(global::System.ValueTuple)",
            1 => parameters[0].Name,
            _ => "(" + string.Join(", ", parameters.Select(p => p.Name)) + ")",
        };
    }

    private static string TaskType(ServiceModel model, ReturnModel returns) => returns.Parts.Count switch
    {
        0 => "global::System.Threading.Tasks.Task",
        _ => "global::System.Threading.Tasks.Task<" + OperationsEmitter.ResponseType(model, returns) + ">",
    };

    /// <summary>A body parameter's type as the model decided it; a header parameter's is always nullable.</summary>
    internal static string ParameterType(ElementModel parameter) => parameter.Parameter?.Type ?? parameter.NullableType;

    private static string Version(ClientModel client) =>
        client.Soap12 ? "global::SoapGen.Runtime.SoapVersion.Soap12" : "global::SoapGen.Runtime.SoapVersion.Soap11";
}
