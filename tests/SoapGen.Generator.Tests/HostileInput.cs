using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;

namespace SoapGen.Generator.Tests;

/// <summary>
/// Runs the generator on hostile input and checks what must hold for any input: it ends within a bound, no exception
/// escapes it, what it generates compiles, and every diagnostic is SoapGen's own, located in one of the input files,
/// with a message that helps.
/// </summary>
internal static class HostileInput
{
    /// <summary>How long one run (generating and compiling the result) may take, on a loaded 2-core CI machine.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    // Diagnostics about the file or the configuration as a whole, and those that are often at its very start (the root
    // element, an XML error at 1:1), which a Location shows as 0:0 like no position at all. SOAPGEN001's position always
    // comes from the XML reader; HostileInputTests check it where it matters (the DOCTYPE's line).
    private static readonly HashSet<string> MayBeAtTheStart = new(StringComparer.Ordinal) { "SOAPGEN001", "SOAPGEN002", "SOAPGEN006", "SOAPGEN007" };

    public static GeneratorResult Run(string path, string wsdl, IEnumerable<(string Path, string Text)>? otherFiles = null, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var others = (otherFiles ?? Enumerable.Empty<(string, string)>()).ToList();
        var run = Task.Run(() => GeneratorHarness.Run(path, wsdl, metadata ?? new Dictionary<string, string> { ["SoapGen"] = "true" }, otherFiles: others));
        Assert.True(run.Wait(Bound), "the generator did not finish " + path + " within " + Bound);
        var result = run.Result;
        AssertSound(result, new[] { path }.Concat(others.Select(o => o.Path)).ToList());
        return result;
    }

    public static void AssertSound(GeneratorResult result, IReadOnlyList<string> inputs)
    {
        // AD0001 / CS8784 / CS8785: an analyzer or generator threw. SOAPGEN009: SoapGen caught its own exception.
        var crashes = result.GeneratorDiagnostics.Concat(result.CompilationDiagnostics).Where(d => d.Id is "AD0001" or "CS8784" or "CS8785" or "SOAPGEN009").ToList();
        Assert.True(crashes.Count == 0, "the generator failed: " + string.Join("; ", crashes.Select(d => d.ToString())));
        var errors = result.CompileErrors.ToList();
        Assert.True(errors.Count == 0, "the generated code does not compile: " + string.Join("; ", errors.Take(5).Select(d => d.ToString())));
        foreach (var diagnostic in result.GeneratorDiagnostics)
        {
            var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
            var span = diagnostic.Location.GetLineSpan();
            Assert.True(diagnostic.Id.StartsWith("SOAPGEN", StringComparison.Ordinal), "not a SoapGen diagnostic: " + diagnostic);
            Assert.True(inputs.Contains(span.Path), diagnostic.Id + " is not located in an input file: " + diagnostic);
            Assert.True(MayBeAtTheStart.Contains(diagnostic.Id) || span.StartLinePosition != default, diagnostic.Id + " has no line: " + diagnostic);
            Assert.True(message.Length > 20, diagnostic.Id + " says too little: " + message);
            Assert.DoesNotContain("DtdProcessing", message, StringComparison.Ordinal);
        }
    }

    public static string Ids(GeneratorResult result) => string.Join(",", result.GeneratorDiagnostics.Select(d => d.Id).Distinct().OrderBy(i => i, StringComparer.Ordinal));
}
