using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace SoapGen.Generator.Tests;

/// <summary>
/// The generated code for wsdl/interserver.wsdl is committed under Golden/ and compared line for line.
/// Set SOAPGEN_ACCEPT_GOLDEN=1 to re-accept after an intended change, then review the diff like any code.
/// </summary>
public class GoldenFileTests
{
    private static readonly Dictionary<string, string> InterServerMetadata = new()
    {
        ["SoapGenNamespace"] = "InterServer",
    };

    [Fact]
    public void InterServerClientMatchesGoldenFiles()
    {
        var result = GeneratorHarness.Run("wsdl/interserver.wsdl", GeneratorHarness.InterServerWsdl(), InterServerMetadata);
        var goldenDirectory = Path.Combine(GeneratorHarness.RepoRoot(), "tests", "SoapGen.Generator.Tests", "Golden", "interserver");
        var accept = Environment.GetEnvironmentVariable("SOAPGEN_ACCEPT_GOLDEN") == "1";
        if (accept)
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
