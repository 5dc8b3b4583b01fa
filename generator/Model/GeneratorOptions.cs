namespace SoapGen.Generator.Model;

/// <summary>The per-WSDL configuration a user gives as AdditionalFiles metadata (see generator/build/SoapGen.props).</summary>
internal sealed record GeneratorOptions(
    string? Namespace,
    string? ClientName,
    string? Accessibility,
    string? SessionLogin,
    string? SessionToken,
    string? SessionExpired,
    string? AmbientHeaders = null,
    string? PerCallHeaders = null,
    string? SessionHeader = null,
    string? TypeMap = null,
    string? Collections = null,  // "array" (the default): a type of one repeated element is that array; "wrapper": a record
    string? SensitiveMembers = null)
{
    public static readonly GeneratorOptions Default = new(null, null, null, null, null, null);
}
