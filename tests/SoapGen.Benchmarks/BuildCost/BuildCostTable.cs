using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;

namespace SoapGen.Benchmarks.BuildCost;

/// <summary>
/// The <c>--build-cost [--runs N] [--softlayer-all DIR] [--case TEXT] [--dump DIR] [--generator-only]</c> mode: measures
/// each case (or those whose name contains TEXT) and prints a Markdown table; --dump writes each case's generated
/// files, to look at; --generator-only skips compiling them.
/// DIR holds WSDLs for every SoftLayer service, written by
/// <c>dotnet run wsdl/softlayer/build-softlayer-wsdl.cs -- ../shared/vendor-api-metadata/softlayer/sldn_metadata.json DIR --all-services</c>.
/// Exit 1 when a case's generated code has errors (a figure for code that does not compile means nothing).
/// </summary>
internal static class BuildCostTable
{
    public static int Run(string[] args)
    {
        var runs = int.Parse(Option(args, "--runs") ?? "5", System.Globalization.CultureInfo.InvariantCulture);
        var cases = BuildCostCase.Standard(RepoRoot()).ToList();
        if (Option(args, "--softlayer-all") is { } all)
        {
            cases.Add(BuildCostCase.SoftLayer("SoftLayer, whole API", all));
        }

        if (Option(args, "--case") is { } only)
        {
            cases = cases.Where(c => c.Name.Contains(only, StringComparison.OrdinalIgnoreCase)).ToList();
        }

        var dump = Option(args, "--dump");

        Console.WriteLine($"runs: {runs} (median), machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, " +
            $"{System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}");
        Console.WriteLine();
        Console.WriteLine("| WSDLs | Files | Operations | Input (KB) | Generated (K chars) | Chars/operation | Generator, first run (s) | Generator (s) | Compile output (s) | Compile with documentation file (s) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var failed = 0;
        var results = new List<BuildCostResult>();
        foreach (var buildCase in cases)
        {
            var r = BuildCostMeasurement.Measure(buildCase, runs, dump is null ? null : Path.Combine(dump, buildCase.Namespace + "-" + buildCase.Wsdls.Count), !args.Contains("--generator-only"));
            Console.WriteLine($"| {buildCase.Name} | {buildCase.Wsdls.Count + buildCase.Schemas.Count} | {r.Operations:N0} | {r.InputBytes / 1024:N0} | " +
                $"{r.GeneratedChars / 1000:N0} | {r.GeneratedChars / Math.Max(1, r.Operations):N0} | {r.GeneratorFirst.TotalSeconds:F2} | " +
                $"{r.GeneratorMedian.TotalSeconds:F2} | {r.CompileMedian.TotalSeconds:F2} | {r.CompileWithDocsMedian.TotalSeconds:F2} |");
            results.Add(r);
            if (r.Errors.Count > 0)
            {
                failed++;
                Console.Error.WriteLine($"{buildCase.Name}: {r.Errors.Count} error(s), first: {r.Errors[0]}");
            }
        }

        // Each step's own transform time, summed over its items ("SourceOutput": the emitters).
        Console.WriteLine();
        Console.WriteLine("Generator steps (s, one tracked run): " + string.Join("; ", results.Select(r =>
            r.Case.Name + ": " + string.Join(", ", r.Steps.Where(s => s.Time.TotalMilliseconds >= 1).Select(s => $"{s.Step} {s.Time.TotalSeconds:F2}")))));
        return failed == 0 ? 0 : 1;
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static string RepoRoot([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", ".."));
}
