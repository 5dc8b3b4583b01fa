using System;
using System.Collections.Generic;
using System.Linq;
using SoapGen.Generator.Diagnostics;

namespace SoapGen.Generator.Model;

/// <summary>
/// Decides whether a client gets a session wrapper: which operation logs in (SoapGenSessionLogin, or by convention one
/// named login/*_login/*Login returning one string) and which string parameter carries the token (SoapGenSessionToken,
/// or by convention sid/sessionId/session_id/sessionid/session).
/// </summary>
internal static class SessionModelBuilder
{
    public static SessionModel? Build(string clientName, List<OperationModel> operations, GeneratorOptions options, HashSet<string> typeNames, DiagnosticBag diagnostics)
    {
        var explicitLogin = options.SessionLogin;
        var tokenName = options.SessionToken;
        OperationModel? login;
        if (explicitLogin is not null)
        {
            login = operations.FirstOrDefault(o => o.OperationName == explicitLogin);
            if (login is null)
            {
                diagnostics.Report(DiagnosticDescriptors.SessionNotConfigured, SourcePosition.Unknown, "SoapGenSessionLogin names the operation '" + explicitLogin + "', which this WSDL does not have");
                return null;
            }
        }
        else
        {
            // Convention: an operation named "login" or "..._login"/"...Login" that returns one string.
            login = operations.FirstOrDefault(o =>
                (o.OperationName.Equals("login", StringComparison.OrdinalIgnoreCase) || o.OperationName.EndsWith("_login", StringComparison.OrdinalIgnoreCase) || o.OperationName.EndsWith("Login", StringComparison.Ordinal))
                && IsSingleString(o.Return) && o.Parameters.Count > 0 && o.Parameters.All(p => p.Type.CSharpName == "string"));
            if (login is null)
            {
                return null;
            }
        }

        if (!IsSingleString(login.Return))
        {
            diagnostics.Report(DiagnosticDescriptors.SessionNotConfigured, SourcePosition.Unknown, "The login operation '" + login.OperationName + "' must return a single string (the session token)");
            return null;
        }

        if (tokenName is null)
        {
            foreach (var candidate in new[] { "sid", "sessionId", "session_id", "sessionid", "session" })
            {
                if (operations.Any(o => o != login && o.Parameters.Any(p => p.LocalName == candidate)))
                {
                    tokenName = candidate;
                    break;
                }
            }
        }

        if (tokenName is null || !operations.Any(o => o != login && o.Parameters.Any(p => p.LocalName == tokenName && p.Type.CSharpName == "string")))
        {
            if (options.SessionLogin is not null || options.SessionToken is not null)
            {
                diagnostics.Report(DiagnosticDescriptors.SessionNotConfigured, SourcePosition.Unknown,
                    "No operation has a string parameter named '" + (tokenName ?? "sid") + "' to carry the session token (set SoapGenSessionToken)");
            }

            return null;
        }

        var stem = clientName.EndsWith("Client", StringComparison.Ordinal) ? clientName.Substring(0, clientName.Length - "Client".Length) : clientName;
        var className = CSharpNames.Unique(stem + "Session", typeNames);
        return new SessionModel(className, CSharpNames.Unique("I" + className, typeNames), login.MethodName, login.Parameters, tokenName, options.SessionExpired);
    }

    private static bool IsSingleString(ReturnModel returns) => returns.Parts.Count == 1 && returns.Parts[0].Type.CSharpName == "string";
}
