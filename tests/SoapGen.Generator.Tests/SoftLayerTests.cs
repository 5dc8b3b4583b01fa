using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace SoapGen.Generator.Tests;

/// <summary>
/// The eight SoftLayer services of wsdl/softlayer (built by its script from SoftLayer's metadata), generated together
/// into one namespace as a project using them does: one C# type per schema type, every operation generated.
/// </summary>
public class SoftLayerTests(ITestOutputHelper output)
{
    public static string Folder => Path.Combine(GeneratorHarness.RepoRoot(), "wsdl", "softlayer");

    [Fact]
    public void TheEightServicesCompileTogetherWithEachSharedTypeOnce()
    {
        var wsdls = Directory.GetFiles(Folder, "*.wsdl").OrderBy(f => f, System.StringComparer.Ordinal).ToList();
        Assert.Equal(8, wsdls.Count);
        var others = wsdls.Skip(1).Append(Path.Combine(Folder, "SoftLayer_Types.xsd"))
            .Select(f => ("wsdl/softlayer/" + Path.GetFileName(f), File.ReadAllText(f)));
        var metadata = new Dictionary<string, string> { ["SoapGenNamespace"] = "SoftLayer" };

        var clock = Stopwatch.StartNew();
        var result = GeneratorHarness.Run("wsdl/softlayer/" + Path.GetFileName(wsdls[0]), File.ReadAllText(wsdls[0]), metadata,
            otherFiles: others, otherFilesGenerate: true, otherFilesMetadata: metadata);
        output.WriteLine($"generate + compile: {clock.Elapsed.TotalSeconds:F1} s, {result.Sources.Sum(s => s.Source.Length):N0} characters of C#");

        Assert.Empty(result.CompileErrors.Take(20));
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.Single(result.Sources, s => s.Source.Contains("partial record SoftLayerBillingItem\n"));
        foreach (var service in wsdls.Select(Path.GetFileNameWithoutExtension))
        {
            Assert.Contains(result.Sources, s => s.Source.Contains("public " + service!.Replace("_", string.Empty) + "Client(global::System.Net.Http.HttpClient httpClient)"));
        }
    }
}
