using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace SoapGen.Generator.Tests;

/// <summary>
/// Every WSDL of the real-world corpus in ../shared/wsdl-corpus either generates code that compiles
/// or is refused with a located diagnostic; the generator never fails internally (SOAPGEN009).
/// </summary>
public class CorpusTests(Xunit.Abstractions.ITestOutputHelper output)
{
    public static string CorpusDirectory => Path.GetFullPath(Path.Combine(GeneratorHarness.RepoRoot(), "..", "shared", "wsdl-corpus"));

    public static IEnumerable<object[]> Entries()
    {
        var index = Path.Combine(CorpusDirectory, "INDEX.tsv");
        if (!File.Exists(index))
        {
            yield return new object[] { "(corpus missing)", "missing", "-" };
            yield break;
        }

        foreach (var line in File.ReadLines(index).Skip(1))
        {
            var columns = line.Split('\t');
            if (columns.Length > 4 && columns[2] is "wsdl11" or "wsdl20" or "unparseable")
            {
                yield return new object[] { columns[0], columns[2], columns[4] };
            }
        }
    }

    /// <summary>The .xsd and .wsdl files up to two folders above <paramref name="path"/> (imports such as "../../platform/core.xsd").</summary>
    private static IEnumerable<(string Path, string Text)> Neighbours(string path)
    {
        var folder = Path.GetDirectoryName(Path.Combine(CorpusDirectory, path))!;
        for (var up = 0; up < 2 && Path.GetFullPath(Path.Combine(folder, "..")).StartsWith(CorpusDirectory, StringComparison.Ordinal); up++)
        {
            folder = Path.GetFullPath(Path.Combine(folder, ".."));
        }

        return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".xsd", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".wsdl", StringComparison.OrdinalIgnoreCase))
            .Select(f => Path.GetRelativePath(CorpusDirectory, f))
            .Where(f => f != path)
            .Select(f => (f, File.ReadAllText(Path.Combine(CorpusDirectory, f))));
    }

    /// <summary>
    /// The corpus as a whole: no operation loses a soap:header or a parts= split to an unsupported construct, and the
    /// totals (methods, warnings by ID) are printed for the record.
    /// </summary>
    [CorpusFact]
    public void NoOperationInTheCorpusLosesItsHeadersAndTheTotalsArePrinted()
    {
        var methods = 0;
        var files = 0;
        var warnings = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var headerProblems = new List<string>();
        var unresolvedPorts = new List<string>();
        foreach (var entry in Entries().Where(e => (string)e[1] == "wsdl11"))
        {
            var path = (string)entry[0];
            var result = GeneratorHarness.Run(path, File.ReadAllText(Path.Combine(CorpusDirectory, path)), new Dictionary<string, string> { ["SoapGen"] = "true" }, otherFiles: Neighbours(path));
            files++;
            methods += result.Sources.Where(s => s.HintName.EndsWith("Client.g.cs", StringComparison.Ordinal))
                .Sum(s => s.Source.Split('\n').Count(line => line.TrimStart().StartsWith("public global::System.Threading.Tasks.Task", StringComparison.Ordinal) && line.Contains("Async(", StringComparison.Ordinal)));
            foreach (var diagnostic in result.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning))
            {
                warnings[diagnostic.Id] = warnings.TryGetValue(diagnostic.Id, out var n) ? n + 1 : 1;
                var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
                if (Environment.GetEnvironmentVariable("SOAPGEN_CORPUS_WARNINGS") == "1")
                {
                    output.WriteLine(diagnostic.Id + " " + path + ": " + message);
                }

                if (diagnostic.Id == "SOAPGEN005" && message.StartsWith("The binding", StringComparison.Ordinal))
                {
                    unresolvedPorts.Add(path + ": " + message);
                }

                // SOAPGEN004 is "not supported yet": a header lost to SoapGen's limits. (SOAPGEN003/005 about headers are the
                // WSDL's own undefined references: marketo.wsdl names a message it never defines.)
                if (diagnostic.Id == "SOAPGEN004" && (message.Contains("header", StringComparison.OrdinalIgnoreCase) || message.Contains("parts=", StringComparison.Ordinal)))
                {
                    headerProblems.Add(path + ": " + message);
                }
            }
        }

        output.WriteLine($"{files} WSDL 1.1 files, {methods} methods, warnings: {string.Join(", ", warnings.Select(w => w.Key + " " + w.Value))} ({warnings.Values.Sum()} in all)");
        foreach (var problem in headerProblems) output.WriteLine(problem);
        foreach (var port in unresolvedPorts) output.WriteLine(port);
        Assert.Empty(headerProblems);
    }

    [CorpusTheory]
    [MemberData(nameof(Entries))]
    public void GeneratesCompilingCodeOrALocatedDiagnostic(string path, string kind, string style)
    {
        var text = File.ReadAllText(Path.Combine(CorpusDirectory, path));

        // Many corpus files end in .xml or .xsd: SoapGen="true" is how a project opts such a file in. The XSDs and WSDLs
        // around it are AdditionalFiles too, as a project would add them, so that its imports resolve.
        var result = GeneratorHarness.Run(path, text, new Dictionary<string, string> { ["SoapGen"] = "true" }, otherFiles: Neighbours(path));

        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == "SOAPGEN009");
        Assert.All(result.GeneratorDiagnostics, d => Assert.StartsWith("SOAPGEN", d.Id));
        Assert.Empty(result.CompileErrors);
        switch (kind)
        {
            case "unparseable" when result.Sources.Count == 0:
                // The index's parser refused it; where ours does too, the refusal must be a located SOAPGEN001/002.
                var refusal = Assert.Single(result.GeneratorDiagnostics, d => d.Id is "SOAPGEN001" or "SOAPGEN002");
                Assert.Equal(path, refusal.Location.GetLineSpan().Path);
                break;
            case "wsdl20":
                Assert.Contains(result.GeneratorDiagnostics, d => d.Id == "SOAPGEN002");
                break;
            case "wsdl11" when style == "rpc":
                // rpc services are supported: a client with methods, or a diagnostic saying why not.
                Assert.True(
                    result.Sources.Any(s => s.Source.Contains("Async(")) || result.GeneratorDiagnostics.Any(d => d.Severity >= DiagnosticSeverity.Warning),
                    "no operation was generated and no diagnostic says why");
                break;
        }
    }
}

/// <summary>A theory that is reported as skipped, with the reason, when the shared corpus is not next to this clone.</summary>
public sealed class CorpusTheoryAttribute : TheoryAttribute
{
    public CorpusTheoryAttribute()
    {
        if (!Directory.Exists(CorpusTests.CorpusDirectory))
        {
            Skip = "The WSDL corpus is not at " + CorpusTests.CorpusDirectory + " (it lives in ../shared beside the clone in CI).";
        }
    }
}

/// <summary>A fact that is reported as skipped, with the reason, when the shared corpus is not next to this clone.</summary>
public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute()
    {
        if (!Directory.Exists(CorpusTests.CorpusDirectory))
        {
            Skip = "The WSDL corpus is not at " + CorpusTests.CorpusDirectory + " (it lives in ../shared beside the clone in CI).";
        }
    }
}
