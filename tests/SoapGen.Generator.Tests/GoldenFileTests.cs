using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace SoapGen.Generator.Tests;

/// <summary>
/// The generated code for wsdl/interserver.wsdl (rpc/encoded) and wsdl/weather.wsdl (document/literal) is committed
/// under Golden/ and compared line for line.
/// Set SOAPGEN_ACCEPT_GOLDEN=1 to re-accept after an intended change, then review the diff like any code.
/// </summary>
public class GoldenFileTests
{
    [Theory]
    [InlineData("interserver", "InterServer")]
    [InlineData("weather", "Weather")]
    public void GeneratedCodeMatchesGoldenFiles(string wsdlName, string ns)
    {
        var path = "wsdl/" + wsdlName + ".wsdl";
        var result = GeneratorHarness.Run(path, File.ReadAllText(Path.Combine(GeneratorHarness.RepoRoot(), path)), new Dictionary<string, string> { ["SoapGenNamespace"] = ns });

        var goldenDirectory = Path.Combine(GeneratorHarness.RepoRoot(), "tests", "SoapGen.Generator.Tests", "Golden", wsdlName);
        if (Environment.GetEnvironmentVariable("SOAPGEN_ACCEPT_GOLDEN") == "1")
        {
            if (Directory.Exists(goldenDirectory))
            {
                Directory.Delete(goldenDirectory, recursive: true);
            }

            Directory.CreateDirectory(goldenDirectory);
            foreach (var (hint, source) in result.Sources)
            {
                File.WriteAllText(Path.Combine(goldenDirectory, hint), source);
            }
        }

        Assert.Empty(result.CompileErrors);
        var expectedFiles = Directory.GetFiles(goldenDirectory).Select(f => Path.GetFileName(f)).OrderBy(n => n, StringComparer.Ordinal).ToList();
        Assert.Equal(expectedFiles, result.Sources.Select(s => s.HintName).OrderBy(n => n, StringComparer.Ordinal).ToList());
        foreach (var (hint, source) in result.Sources)
        {
            var expected = File.ReadAllText(Path.Combine(goldenDirectory, hint)).Replace("\r\n", "\n");
            Assert.True(expected == source, hint + " differs from its golden file; run with SOAPGEN_ACCEPT_GOLDEN=1 and review the diff.");
        }
    }
}
