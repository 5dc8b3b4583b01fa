using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using SoapGen.Generator;

namespace SoapGen.Benchmarks.BuildCost;

/// <summary>One case measured: its size, the generator's time, and the time to compile what it generated.</summary>
internal sealed record BuildCostResult(
    BuildCostCase Case,
    long InputBytes,
    int Operations,
    int GeneratedFiles,
    long GeneratedChars,
    TimeSpan GeneratorFirst,
    TimeSpan GeneratorMedian,
    TimeSpan CompileMedian,
    TimeSpan CompileWithDocsMedian,
    IReadOnlyList<(string Step, TimeSpan Time)> Steps,
    IReadOnlyList<string> Errors);

/// <summary>
/// Runs the generator the way the compiler does (a fresh driver each time: a clean build, not an incremental one) and
/// compiles its output as a build does (parse, bind, emit a DLL to memory, Debug), in the two ways builds differ: without a
/// documentation file (the SDK's default, which leaves <c>///</c> comments unparsed) and with one
/// (<c>GenerateDocumentationFile</c>: every comment parsed, checked and written out). The first generator run pays the
/// JIT and is reported apart; the compiler is warmed on the same case first, as the build server is warm.
/// </summary>
internal static class BuildCostMeasurement
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.None);

    // What csc is given with /doc, i.e. GenerateDocumentationFile=true.
    private static readonly CSharpParseOptions DocumentedParseOptions = ParseOptions.WithDocumentationMode(DocumentationMode.Diagnose);

    private static readonly CSharpCompilationOptions CompilationOptions =
        new(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);

    private static readonly ImmutableArray<MetadataReference> References = Basic.Reference.Assemblies.Net100.References.All
        .Concat(new MetadataReference[] { MetadataReference.CreateFromFile(typeof(SoapGen.Runtime.SoapTransport).Assembly.Location) })
        .ToImmutableArray();

    public static BuildCostResult Measure(BuildCostCase buildCase, int runs, string? dumpTo, bool compile)
    {
        var files = buildCase.Wsdls.Concat(buildCase.Schemas)
            .Select(path => (AdditionalText)new FileText(path, File.ReadAllText(path)))
            .ToImmutableArray();
        var options = new BuildCostOptions(new HashSet<string>(buildCase.Wsdls), buildCase.Namespace);
        var consumer = CSharpCompilation.Create("Consumer", null, References, CompilationOptions);

        var generatorTimes = new List<TimeSpan>();
        GeneratorDriverRunResult? run = null;
        for (var i = 0; i <= runs; i++)
        {
            GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { new SoapGenerator().AsSourceGenerator() }, files, ParseOptions, options);
            var clock = Stopwatch.StartNew();
            driver = driver.RunGenerators(consumer);
            generatorTimes.Add(clock.Elapsed);
            run = driver.GetRunResult();
        }

        var steps = Steps(files, options, consumer);
        var sources = run!.Results.Single().GeneratedSources;
        if (dumpTo is not null)
        {
            Directory.CreateDirectory(dumpTo);
            foreach (var source in sources)
            {
                File.WriteAllText(Path.Combine(dumpTo, source.HintName), source.SourceText.ToString());
            }
        }

        var errors = run.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        var compileTimes = compile ? CompileTimes(sources, runs, documented: false, errors) : null;
        var compileWithDocsTimes = compile ? CompileTimes(sources, runs, documented: true, errors) : null;

        return new BuildCostResult(
            buildCase,
            files.Sum(f => (long)f.GetText()!.Length),
            buildCase.CountOperations(),
            sources.Length,
            sources.Sum(s => (long)s.SourceText.Length),
            generatorTimes[0],
            Median(generatorTimes.Skip(1)),
            compileTimes is null ? TimeSpan.Zero : Median(compileTimes),
            compileWithDocsTimes is null ? TimeSpan.Zero : Median(compileWithDocsTimes),
            steps,
            errors);
    }

    // Where the generator's time goes: one more run, with step tracking (not timed above: tracking costs time itself).
    private static List<(string Step, TimeSpan Time)> Steps(ImmutableArray<AdditionalText> files, BuildCostOptions options, Compilation consumer)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new SoapGenerator().AsSourceGenerator() },
            files,
            ParseOptions,
            options,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        var result = driver.RunGenerators(consumer).GetRunResult().Results.Single();
        return result.TrackedSteps.Concat(result.TrackedOutputSteps.Where(p => !result.TrackedSteps.ContainsKey(p.Key)))
            .Select(p => (p.Key, new TimeSpan(p.Value.Sum(step => step.ElapsedTime.Ticks))))
            .OrderByDescending(p => p.Item2)
            .ToList();
    }

    // Run 0 warms the compiler and collects the errors; the others are timed.
    private static List<TimeSpan> CompileTimes(ImmutableArray<GeneratedSourceResult> sources, int runs, bool documented, List<string> errors)
    {
        var times = new List<TimeSpan>();
        for (var i = 0; i <= runs; i++)
        {
            var clock = Stopwatch.StartNew();
            var emitted = Compile(sources, documented);
            if (i > 0)
            {
                times.Add(clock.Elapsed);
            }
            else if (!documented)
            {
                errors.AddRange(emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));
            }
        }

        return times;
    }

    private static Microsoft.CodeAnalysis.Emit.EmitResult Compile(ImmutableArray<GeneratedSourceResult> sources, bool documented)
    {
        var parseOptions = documented ? DocumentedParseOptions : ParseOptions;
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.SourceText, parseOptions, s.HintName));
        var compilation = CSharpCompilation.Create("Generated", trees, References, CompilationOptions);
        using var image = new MemoryStream();
        using var documentation = documented ? new MemoryStream() : null;
        return compilation.Emit(image, xmlDocumentationStream: documentation);
    }

    private static TimeSpan Median(IEnumerable<TimeSpan> times)
    {
        var sorted = times.OrderBy(t => t).ToList();
        return sorted[sorted.Count / 2];
    }

    private sealed class FileText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
