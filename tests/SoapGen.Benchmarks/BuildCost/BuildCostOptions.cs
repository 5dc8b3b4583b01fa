using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SoapGen.Benchmarks.BuildCost;

/// <summary>
/// The AdditionalFiles metadata a project file gives: the case's WSDLs generate (whatever their extension) into its
/// namespace; its schemas are only imported.
/// </summary>
internal sealed class BuildCostOptions(ISet<string> wsdls, string ns) : AnalyzerConfigOptionsProvider
{
    private static readonly Options None = new(new Dictionary<string, string>());
    private readonly Options _generate = new(new Dictionary<string, string>
    {
        ["build_metadata.AdditionalFiles.SoapGen"] = "true",
        ["build_metadata.AdditionalFiles.SoapGenNamespace"] = ns,
    });

    public override AnalyzerConfigOptions GlobalOptions => None;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => None;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => wsdls.Contains(textFile.Path) ? _generate : None;

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}
