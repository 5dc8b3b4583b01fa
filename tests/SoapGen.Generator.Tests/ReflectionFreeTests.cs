using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace SoapGen.Generator.Tests;

/// <summary>
/// Generated code and the runtime must serialize without XmlSerializer, DataContractSerializer or reflection:
/// that is what keeps Native AOT and trimming warning-free. The AOT sample proves it at publish time; this test
/// names the offending file and line right away.
/// </summary>
public class ReflectionFreeTests
{
    private static readonly Regex Forbidden = new(
        @"\b(XmlSerializer|DataContractSerializer|DataContractJsonSerializer|System\.Reflection|GetType\(\)\.Get|typeof\([^)]*\)\.Get(Property|Properties|Field|Fields|Method|Methods|Members)|Type\.GetType|Activator\.CreateInstance|MakeGenericType|dynamic\s)",
        RegexOptions.Compiled);

    [Fact]
    public void RuntimeSourcesUseNoReflectionOrSerializers()
    {
        var runtime = Path.Combine(GeneratorHarness.RepoRoot(), "runtime");
        AssertClean(Directory.GetFiles(runtime, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/") && !f.Contains("/bin/")));
    }

    [Fact]
    public void GeneratedInterServerClientUsesNoReflectionOrSerializers()
    {
        var result = GeneratorHarness.Run("wsdl/interserver.wsdl", GeneratorHarness.InterServerWsdl());

        Assert.NotEmpty(result.Sources);
        foreach (var (hint, source) in result.Sources)
        {
            var hits = source.Split('\n').Select((line, i) => (line, i)).Where(l => Forbidden.IsMatch(l.line)).ToList();
            Assert.True(hits.Count == 0, hint + ":" + string.Join("\n", hits.Select(h => (h.i + 1) + ": " + h.line)));
        }
    }

    private static void AssertClean(System.Collections.Generic.IEnumerable<string> files)
    {
        var hits = files
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (file, line, i)))
            .Where(l => !l.line.TrimStart().StartsWith("//", System.StringComparison.Ordinal) && !l.line.TrimStart().StartsWith("///", System.StringComparison.Ordinal))
            .Where(l => Forbidden.IsMatch(l.line))
            .Select(l => l.file + ":" + (l.i + 1) + ": " + l.line.Trim())
            .ToList();
        Assert.True(hits.Count == 0, string.Join("\n", hits));
    }
}
