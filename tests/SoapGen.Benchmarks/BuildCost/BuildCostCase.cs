using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace SoapGen.Benchmarks.BuildCost;

/// <summary>
/// What a user adds to one project: WSDLs to generate from (all in one C# namespace, as a user adds an API) and the
/// schemas they import.
/// </summary>
internal sealed record BuildCostCase(string Name, IReadOnlyList<string> Wsdls, IReadOnlyList<string> Schemas, string Namespace)
{
    private const string Wsdl = "http://schemas.xmlsoap.org/wsdl/";

    /// <summary>The cases of the table: the largest corpus WSDLs, InterServer, and SoftLayer's shipped eight services.</summary>
    public static IEnumerable<BuildCostCase> Standard(string repoRoot)
    {
        var corpus = Path.GetFullPath(Path.Combine(repoRoot, "..", "shared", "wsdl-corpus"));
        var savon = Path.Combine(corpus, "savon", "spec", "fixtures", "wsdl");
        yield return Single("InterServer (interserver.wsdl)", Path.Combine(repoRoot, "wsdl", "interserver.wsdl"), "InterServer");
        yield return Single("savon edialog.xml", Path.Combine(savon, "edialog.xml"), "Edialog");
        yield return Single("Salesforce partner.wsdl", Path.Combine(corpus, "salesforce-go-soapforce", "partner.wsdl"), "Partner");
        yield return Single("savon jira.xml", Path.Combine(savon, "jira.xml"), "Jira");
        yield return SoftLayer("SoftLayer, 8 shipped services", Path.Combine(repoRoot, "wsdl", "softlayer"));
    }

    /// <summary>Every .wsdl in <paramref name="directory"/> with the SoftLayer_Types.xsd they all include.</summary>
    public static BuildCostCase SoftLayer(string name, string directory) => new(
        name,
        Directory.GetFiles(directory, "*.wsdl").OrderBy(p => p, StringComparer.Ordinal).ToList(),
        new[] { Path.Combine(directory, "SoftLayer_Types.xsd") },
        "SoftLayer");

    private static BuildCostCase Single(string name, string path, string ns) => new(name, new[] { path }, Array.Empty<string>(), ns);

    /// <summary>Operations over every binding (a SOAP 1.1 and a SOAP 1.2 binding of one portType count twice).</summary>
    public int CountOperations() => Wsdls.Sum(path =>
        XDocument.Load(path).Root!.Elements(XName.Get("binding", Wsdl)).Sum(b => b.Elements(XName.Get("operation", Wsdl)).Count()));
}
