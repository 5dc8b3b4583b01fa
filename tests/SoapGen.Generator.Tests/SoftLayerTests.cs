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
        output.WriteLine($"generator: {result.GeneratorTime.TotalSeconds:F1} s; generate + compile: {clock.Elapsed.TotalSeconds:F1} s; {result.Sources.Sum(s => s.Source.Length):N0} characters of C#");

        Assert.Empty(result.CompileErrors.Take(20));
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.Single(result.Sources, s => s.Source.Contains("partial record SoftLayerBillingItem : global::SoftLayer.SoftLayerEntity\n"));
        // One service's client, reviewed as code (the shared types are ~6 MB of records and serializer: not golden).
        var golden = Path.Combine(GeneratorHarness.RepoRoot(), "tests", "SoapGen.Generator.Tests", "Golden", "softlayer");
        var reviewed = result.Sources.Where(s => s.HintName.StartsWith("SoftLayer.SoftLayer_Billing_Item_Cancellation_Request.", System.StringComparison.Ordinal)).ToList();
        Assert.Equal(2, reviewed.Count);
        if (System.Environment.GetEnvironmentVariable("SOAPGEN_ACCEPT_GOLDEN") == "1")
        {
            Directory.CreateDirectory(golden);
            foreach (var (hint, source) in reviewed)
            {
                File.WriteAllText(Path.Combine(golden, hint), source);
            }
        }

        foreach (var (hint, source) in reviewed)
        {
            Assert.True(File.ReadAllText(Path.Combine(golden, hint)).Replace("\r\n", "\n") == source, hint + " differs from its golden file; run with SOAPGEN_ACCEPT_GOLDEN=1 and review the diff.");
        }

        foreach (var service in wsdls.Select(Path.GetFileNameWithoutExtension))
        {
            Assert.Contains(result.Sources, s => s.Source.Contains("public " + service!.Replace("_", string.Empty) + "Client(global::System.Net.Http.HttpClient httpClient, global::SoapGen.Runtime.SoapClientOptions? options = null)"));
        }
    }
}
