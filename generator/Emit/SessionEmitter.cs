using System.Linq;
using SoapGen.Generator.Common;
using SoapGen.Generator.Model;

namespace SoapGen.Generator.Emit;

/// <summary>
/// Emits the session wrapper: the same operations without the token parameter, each routed through
/// the runtime's SoapSession (lazy shared login, one transparent re-login on expiry).
/// </summary>
internal static class SessionEmitter
{
    public static string Emit(ServiceModel model, ClientModel client, SessionModel session)
    {
        var operations = client.Operations.Where(o => o.MethodName != session.LoginMethod).ToList();
        var w = new SourceWriter();
        w.FileHeader(model.Namespace);
        w.Line();
        w.Line("/// <summary>The operations of <see cref=\"" + client.ClientName + "\"/> with the session token filled in.</summary>");
        w.Line(EmitNames.GeneratedCode);
        w.OpenBlock(model.Accessibility + " partial interface " + session.InterfaceName);
        w.Line("/// <summary>");
        w.Line("/// Logs in now with <c>" + session.LoginMethod + "</c>, to check the credentials up front, unless the session already holds a token");
        w.Line("/// (calls log in lazily without it); a failed login raises <see cref=\"" + EmitNames.Runtime + "SoapAuthenticationException\"/>.");
        w.Line("/// </summary>");
        w.Line(EmitNames.Task + " LoginAsync(" + EmitNames.CancellationToken + " cancellationToken = default);");
        w.Line();
        w.Line("/// <summary>Forgets the current session token; the next call (or <see cref=\"LoginAsync\"/>) logs in again.</summary>");
        w.Line("void Invalidate();");
        for (var i = 0; i < operations.Count; i++)
        {
            w.Line();
            w.DocSummary(operations[i].Documentation ?? "Calls the operation <c>" + operations[i].OperationName + "</c> with the session token.", escape: operations[i].Documentation is not null);
            ClientEmitter.DocParameters(w, operations[i], WithoutToken(operations[i], session));
            w.Line(ClientEmitter.Signature(model, operations[i], WithoutToken(operations[i], session)) + ";");
        }

        w.CloseBlock();
        w.Line();
        w.Line("/// <summary>");
        w.Line("/// A logged-in view of <see cref=\"" + client.ClientName + "\"/>: logs in with <c>" + session.LoginMethod + "</c> on first use,");
        w.Line("/// shares one login across concurrent calls, and logs in again once when the server reports the session expired.");
        w.Line("/// </summary>");
        w.Line(EmitNames.GeneratedCode);
        w.OpenBlock(model.Accessibility + " sealed partial class " + session.ClassName + " : " + session.InterfaceName);
        w.Line("private readonly " + client.ClientName + " _client;");
        w.Line("private readonly " + EmitNames.Session + " _session;");
        w.Line();
        var parameters = string.Join(", ", session.LoginParameters.Select(p => ClientEmitter.ParameterType(p) + " " + p.Name));
        var arguments = string.Join(", ", session.LoginParameters.Select(p => p.Name));
        w.OpenBlock("internal " + session.ClassName + "(" + client.ClientName + " client, " + parameters + ", " + EmitNames.SessionOptions + "? options)");
        w.Line("_client = client;");
        var defaults = session.ExpiredText is null
            ? "new " + EmitNames.SessionOptions + "()"
            : "new " + EmitNames.SessionOptions + " { ExpiredText = " + CSharpNames.Literal(session.ExpiredText) + " }";
        w.Line("_session = new " + EmitNames.Session + "(cancellationToken => client." + session.LoginMethod + "(" + arguments + ", cancellationToken), options ?? " + defaults + ");");
        w.CloseBlock();
        w.Line();
        w.Line("/// <summary>The client this session calls through.</summary>");
        w.Line("public " + client.ClientName + " Client => _client;");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line("public " + EmitNames.Task + " LoginAsync(" + EmitNames.CancellationToken + " cancellationToken = default) => _session.LoginAsync(cancellationToken);");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line("public void Invalidate() => _session.Invalidate();");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line("public override string ToString() => " + CSharpNames.Literal(session.ClassName + " (" + client.ClientName + ")") + ";");

        foreach (var operation in operations)
        {
            w.Line();
            w.Line("/// <inheritdoc/>");
            EmitOperation(w, model, operation, session);
        }

        w.CloseBlock();
        return w.ToString();
    }

    private static void EmitOperation(SourceWriter w, ServiceModel model, OperationModel operation, SessionModel session)
    {
        var signature = "public " + ClientEmitter.Signature(model, operation, WithoutToken(operation, session));
        var token = operation.Parameters.FirstOrDefault(p => p.LocalName == session.TokenLocalName);
        if (token is null)
        {
            var passThrough = ClientEmitter.RequestParameters(operation).Select(p => p.Name).Concat(new[] { "cancellationToken" });
            w.Line(signature + " => _client." + operation.MethodName + "(" + string.Join(", ", passThrough) + ");");
            return;
        }

        var arguments = string.Join(", ", ClientEmitter.RequestParameters(operation).Select(p => p == token ? "__sessionToken" : p.Name).Concat(new[] { "__ct" }));
        w.OpenBlock(signature);
        if (operation.Return.Parts.Count == 0)
        {
            w.Line("return _session.InvokeAsync(async (__sessionToken, __ct) =>");
            w.Line("{");
            w.Line("    await _client." + operation.MethodName + "(" + arguments + ").ConfigureAwait(false);");
            w.Line("    return true;");
            w.Line("}, cancellationToken);");
        }
        else
        {
            w.Line("return _session.InvokeAsync((__sessionToken, __ct) => _client." + operation.MethodName + "(" + arguments + "), cancellationToken);");
        }

        w.CloseBlock();
    }

    private static System.Collections.Generic.IEnumerable<ElementModel> WithoutToken(OperationModel operation, SessionModel session) =>
        operation.Parameters.Where(p => p.LocalName != session.TokenLocalName);
}
