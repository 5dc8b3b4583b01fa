using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SoapGen.Generator;

namespace SoapGen.Generator.Tests;

/// <summary>Runs the generator in memory, the way the compiler does, over WSDL text given as AdditionalFiles.</summary>
internal static class GeneratorHarness
{
    public static string RepoRoot([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", ".."));

    public static GeneratorResult Run(
        string path,
        string wsdl,
        IReadOnlyDictionary<string, string>? metadata = null,
        string userSource = "",
        IEnumerable<(string Path, string Text)>? otherFiles = null,
        bool otherFilesGenerate = false,
        IReadOnlyDictionary<string, string>? otherFilesMetadata = null,
        bool referenceRuntime = true)
    {
        var additional = new InMemoryAdditionalText(path, wsdl);
        var others = (otherFiles ?? Enumerable.Empty<(string Path, string Text)>()).Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text));
        // By default only the first file is generated from; the others are there to be imported.
        var options = new MetadataOptionsProvider(additional, metadata ?? new Dictionary<string, string>(), otherFilesGenerate, otherFilesMetadata);
        var compilation = CSharpCompilation.Create(
            "Consumer",
            new[] { CSharpSyntaxTree.ParseText(userSource, new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose), path: "User.cs") },
            References(referenceRuntime),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new SoapGenerator().AsSourceGenerator() },
            new[] { (AdditionalText)additional }.Concat(others),
            new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose),
            options,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var generatorTime = clock.Elapsed;
        var run = driver.GetRunResult();
        return new GeneratorResult(run, generatorDiagnostics, output.GetDiagnostics()) { GeneratorTime = generatorTime, Output = output };
    }

    /// <summary>What a consuming project references: .NET 10 and, unless told otherwise, SoapGen.Runtime.</summary>
    public static IEnumerable<MetadataReference> References(bool runtime = true) => runtime
        ? Basic.Reference.Assemblies.Net100.References.All.Concat(new[] { MetadataReference.CreateFromFile(typeof(SoapGen.Runtime.SoapTransport).Assembly.Location) })
        : Basic.Reference.Assemblies.Net100.References.All;

    public static string InterServerWsdl() => File.ReadAllText(Path.Combine(RepoRoot(), "wsdl", "interserver.wsdl"));

    public static string WeatherWsdl() => File.ReadAllText(Path.Combine(RepoRoot(), "wsdl", "weather.wsdl"));
}

internal sealed record GeneratorResult(GeneratorDriverRunResult Run, ImmutableArray<Diagnostic> GeneratorDiagnostics, ImmutableArray<Diagnostic> CompilationDiagnostics)
{
    /// <summary>How long the generator ran (reading, modelling, emitting), without compiling its output.</summary>
    public System.TimeSpan GeneratorTime { get; init; }

    /// <summary>The user source with the generated code.</summary>
    public Compilation? Output { get; init; }

    /// <summary>The user source and the generated code, compiled and loaded, to run what was generated.</summary>
    public System.Reflection.Assembly Load()
    {
        using var image = new MemoryStream();
        var emitted = Output!.Emit(image);
        if (!emitted.Success)
        {
            throw new InvalidOperationException("The generated code does not compile:\n" + string.Join("\n", emitted.Diagnostics));
        }

        return System.Reflection.Assembly.Load(image.ToArray());
    }

    public IReadOnlyList<(string HintName, string Source)> Sources =>
        Run.Results.SelectMany(r => r.GeneratedSources).Select(s => (s.HintName, s.SourceText.ToString())).ToList();

    public IEnumerable<Diagnostic> CompileErrors =>
        CompilationDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error || (d.Severity == DiagnosticSeverity.Warning && d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true));
}

internal sealed class InMemoryAdditionalText : AdditionalText
{
    private readonly SourceText _text;

    public InMemoryAdditionalText(string path, string text)
    {
        Path = path;
        _text = SourceText.From(text);
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

internal sealed class MetadataOptionsProvider : AnalyzerConfigOptionsProvider
{
    private static readonly DictionaryOptions NotGenerated = new(new Dictionary<string, string> { ["build_metadata.AdditionalFiles.SoapGen"] = "false" });
    private readonly AdditionalText _file;
    private readonly DictionaryOptions _fileOptions;
    private readonly bool _otherFilesGenerate;

    private readonly DictionaryOptions? _otherOptions;

    public MetadataOptionsProvider(AdditionalText file, IReadOnlyDictionary<string, string> metadata, bool otherFilesGenerate = true, IReadOnlyDictionary<string, string>? otherMetadata = null)
    {
        _file = file;
        _otherFilesGenerate = otherFilesGenerate;
        _fileOptions = new DictionaryOptions(metadata.ToDictionary(p => "build_metadata.AdditionalFiles." + p.Key, p => p.Value));
        _otherOptions = otherMetadata is null ? null : new DictionaryOptions(otherMetadata.ToDictionary(p => "build_metadata.AdditionalFiles." + p.Key, p => p.Value));
    }

    public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryOptions(new Dictionary<string, string>());

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        textFile == _file ? _fileOptions : _otherFilesGenerate ? _otherOptions ?? GlobalOptions : NotGenerated;

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        private readonly Dictionary<string, string> _values;

        public DictionaryOptions(Dictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
    }
}
