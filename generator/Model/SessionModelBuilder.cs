using System;
using System.Collections.Generic;
using System.Linq;
using SoapGen.Generator.Diagnostics;
using SoapGen.Generator.Wsdl;

namespace SoapGen.Generator.Model;

/// <summary>
/// Decides whether a client gets a session, and of which kind. The login operation is SoapGenSessionLogin, or by
/// convention one named login/*_login/*Login taking strings. Its token then travels either
/// <list type="bullet">
/// <item>in an ambient SOAP header (SoapGenSessionHeader, or by convention a header other operations declare whose
/// struct has a sessionId-like string member; Salesforce's <c>SessionHeader</c>, bronto's <c>sessionHeader</c>): the login
/// returns the token, or a struct with it and perhaps the endpoint for later calls (<c>serverUrl</c>); or</item>
/// <item>as a string parameter (SoapGenSessionToken, or by convention sid/sessionId/session_id/sessionid/session):
/// the login returns the token (InterServer's <c>api_login</c> → <c>sid</c>).</item>
/// </list>
/// </summary>
internal static class SessionModelBuilder
{
    private static readonly string[] TokenNames = ["sid", "sessionId", "session_id", "sessionid", "session", "sessionToken", "token"];
    private static readonly string[] EndpointNames = ["serverUrl", "serverURL", "endpoint", "endpointUrl", "url"];

    public static SessionModel? Build(string clientName, List<OperationModel> operations, IEnumerable<HeaderModel> headers, GeneratorOptions options, SchemaTypeMapper types, HashSet<string> typeNames, DiagnosticBag diagnostics)
    {
        var explicitLogin = options.SessionLogin;
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
            login = operations.FirstOrDefault(o =>
                (o.OperationName.Equals("login", StringComparison.OrdinalIgnoreCase) || o.OperationName.EndsWith("_login", StringComparison.OrdinalIgnoreCase) || o.OperationName.EndsWith("Login", StringComparison.Ordinal))
                && o.Return.Parts.Count == 1 && o.Parameters.Count > 0 && o.Parameters.All(p => p.Type.CSharpName == "string"));
            if (login is null)
            {
                return null;
            }
        }

        var stem = clientName.EndsWith("Client", StringComparison.Ordinal) ? clientName.Substring(0, clientName.Length - "Client".Length) : clientName;
        if (HeaderSession(login, operations, headers, options, types, diagnostics) is { } header)
        {
            return new SessionModel(string.Empty, string.Empty, login.MethodName, login.Parameters, header.HeaderLocalName, options.SessionExpired, header);
        }

        if (options.SessionHeader is not null)
        {
            return null; // reported by HeaderSession
        }

        if (!IsSingleString(login.Return))
        {
            if (explicitLogin is not null)
            {
                diagnostics.Report(DiagnosticDescriptors.SessionNotConfigured, SourcePosition.Unknown, "The login operation '" + login.OperationName + "' must return a single string (the session token)");
            }

            return null;
        }

        var tokenName = options.SessionToken
            ?? TokenNames.FirstOrDefault(candidate => operations.Any(o => o != login && o.Parameters.Any(p => p.LocalName == candidate)));
        if (tokenName is null || !operations.Any(o => o != login && o.Parameters.Any(p => p.LocalName == tokenName && p.Type.CSharpName == "string")))
        {
            if (options.SessionLogin is not null || options.SessionToken is not null)
            {
                diagnostics.Report(DiagnosticDescriptors.SessionNotConfigured, SourcePosition.Unknown,
                    "No operation has a string parameter named '" + (tokenName ?? "sid") + "' to carry the session token (set SoapGenSessionToken)");
            }

            return null;
        }

        var className = CSharpNames.Unique(stem + "Session", typeNames);
        return new SessionModel(className, CSharpNames.Unique("I" + className, typeNames), login.MethodName, login.Parameters, tokenName, options.SessionExpired, null);
    }

    /// <summary>The header session, when an ambient header of the other operations can carry what the login returns.</summary>
    private static SessionHeaderModel? HeaderSession(OperationModel login, List<OperationModel> operations, IEnumerable<HeaderModel> headers, GeneratorOptions options, SchemaTypeMapper types, DiagnosticBag diagnostics)
    {
        var candidates = headers
            .Where(h => h.Ambient && h.Write && h.Type.Kind == TypeRefKind.Struct)
            .Where(h => options.SessionHeader is null
                ? operations.Any(o => o != login && o.InputHeaders.Any(b => b.DescriptorName == h.DescriptorName)) && !login.InputHeaders.Any(b => b.DescriptorName == h.DescriptorName)
                : h.LocalName == options.SessionHeader)
            .Select(h => (Header: h, Token: StringMember(h.Type, options.SessionToken is { } t ? new[] { t } : TokenNames, types)))
            .Where(c => c.Token is not null)
            .ToList();
        if (candidates.Count == 0)
        {
            if (options.SessionHeader is not null)
            {
                diagnostics.Report(DiagnosticDescriptors.SessionNotConfigured, SourcePosition.Unknown,
                    "SoapGenSessionHeader names '" + options.SessionHeader + "', which is not a header of this WSDL's operations with a string member for the token (" + (options.SessionToken ?? "sessionId") + ")");
            }

            return null;
        }

        var (header, headerToken) = candidates[0];
        var result = login.Return.Parts[0];
        if (result.Repeated)
        {
            return null;
        }

        if (result.Type.CSharpName == "string")
        {
            return new SessionHeaderModel(header.DescriptorName, header.LocalName, header.Type.CSharpName, headerToken!, null, null);
        }

        return StringMember(result.Type, TokenNames, types) is { } resultToken
            ? new SessionHeaderModel(header.DescriptorName, header.LocalName, header.Type.CSharpName, headerToken!, resultToken, StringMember(result.Type, EndpointNames, types))
            : null;
    }

    /// <summary>The property name of a struct's first single string member named one of <paramref name="names"/>.</summary>
    private static string? StringMember(TypeRef type, string[] names, SchemaTypeMapper types)
    {
        if (type.Kind != TypeRefKind.Struct || types.FindStruct(new QName(type.XmlNamespace, type.XmlName)) is not { } schemaType)
        {
            return null;
        }

        var members = types.AllMembers(schemaType).ToList();
        var propertyNames = types.PropertyNames(schemaType);
        foreach (var name in names)
        {
            var index = members.FindIndex(m => !m.IsAttribute && !m.Repeated && m.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (index >= 0 && types.ResolveMember(members[index], schemaType.Name.Name + "." + name, TypeUsage.Write).CSharpName == "string")
            {
                return propertyNames[index];
            }
        }

        return null;
    }

    private static bool IsSingleString(ReturnModel returns) => returns.Parts.Count == 1 && returns.Parts[0].Type.CSharpName == "string";
}
