using Microsoft.CodeAnalysis;

namespace SoapGen.Generator.Diagnostics;

/// <summary>The catalogue of every diagnostic SoapGen reports. IDs are stable: never renumber, only add.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "SoapGen";

    public static readonly DiagnosticDescriptor MalformedXml = new(
        "SOAPGEN001", "The WSDL or XSD cannot be read as XML", "'{0}' cannot be read: {1}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink("SOAPGEN001"));

    public static readonly DiagnosticDescriptor NotAWsdl = new(
        "SOAPGEN002", "The file is not a WSDL 1.1 document", "'{0}' is not a WSDL 1.1 document: the root element is {1}, expected {{http://schemas.xmlsoap.org/wsdl/}}definitions",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink("SOAPGEN002"));

    public static readonly DiagnosticDescriptor UnresolvedType = new(
        "SOAPGEN003", "Unresolved type reference", "The type '{0}' is not defined in the WSDL or its schemas; {1}",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLink("SOAPGEN003"));

    public static readonly DiagnosticDescriptor UnsupportedConstruct = new(
        "SOAPGEN004", "Unsupported WSDL or schema construct", "{0} is not supported yet; {1}",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLink("SOAPGEN004"));

    public static readonly DiagnosticDescriptor UnresolvedReference = new(
        "SOAPGEN005", "Unresolved WSDL reference", "The {0} '{1}' referenced here is not defined; {2}",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLink("SOAPGEN005"));

    public static readonly DiagnosticDescriptor NoSoapPort = new(
        "SOAPGEN006", "No SOAP port", "'{0}' has no service port with a SOAP 1.1 or SOAP 1.2 binding; no client is generated",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLink("SOAPGEN006"));

    public static readonly DiagnosticDescriptor InvalidConfiguration = new(
        "SOAPGEN007", "Invalid SoapGen configuration", "The metadata {0}=\"{1}\" is not valid: {2}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink("SOAPGEN007"));

    public static readonly DiagnosticDescriptor SessionNotConfigured = new(
        "SOAPGEN008", "Session configuration does not match the WSDL", "{0}; no session class is generated",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLink("SOAPGEN008"));

    public static readonly DiagnosticDescriptor InternalError = new(
        "SOAPGEN009", "SoapGen failed unexpectedly", "SoapGen failed on '{0}': {1}. Please report this with the WSDL.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink("SOAPGEN009"));

    public static readonly DiagnosticDescriptor InvalidWsdl = new(
        "SOAPGEN010", "Invalid WSDL", "{0}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink("SOAPGEN010"));

    public static readonly DiagnosticDescriptor ImportNotFound = new(
        "SOAPGEN011", "Imported document not found", "The {0} of '{1}' is not among the AdditionalFiles; add that file as <AdditionalFiles Include=\"...\" /> (SoapGen never reads the disk or the network). What it defines is reported as unresolved.",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLink("SOAPGEN011"));

    public static readonly DiagnosticDescriptor ConflictingDefinition = new(
        "SOAPGEN012", "A schema name is defined twice, differently", "The {0} '{1}' is also defined at {2}, differently; the first definition is used for both",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLink("SOAPGEN012"));

    public static readonly DiagnosticDescriptor RuntimeNotReferenced = new(
        "SOAPGEN013", "The SoapGen runtime is not referenced", "'{0}' is not generated: the generated client needs SoapGen.Runtime, which is not referenced. Reference the SoapGen package (not only its analyzer), or in this repository also runtime/SoapGen.Runtime.csproj.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink("SOAPGEN013"));

    /// <summary>The section of docs/diagnostics.md that explains <paramref name="id"/> (the README's table links the same).</summary>
    private static string HelpLink(string id) => BuildInfo.ProjectUrl + "/blob/main/docs/diagnostics.md#" + id.ToLowerInvariant();

    public static DiagnosticDescriptor? Find(string id) => id switch
    {
        "SOAPGEN001" => MalformedXml,
        "SOAPGEN002" => NotAWsdl,
        "SOAPGEN003" => UnresolvedType,
        "SOAPGEN004" => UnsupportedConstruct,
        "SOAPGEN005" => UnresolvedReference,
        "SOAPGEN006" => NoSoapPort,
        "SOAPGEN007" => InvalidConfiguration,
        "SOAPGEN008" => SessionNotConfigured,
        "SOAPGEN009" => InternalError,
        "SOAPGEN010" => InvalidWsdl,
        "SOAPGEN011" => ImportNotFound,
        "SOAPGEN012" => ConflictingDefinition,
        "SOAPGEN013" => RuntimeNotReferenced,
        _ => null,
    };
}
