using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace SoapGen.Generator.Tests;

/// <summary>Typing in a .cs file must not re-read or re-model a WSDL: those steps stay cached.</summary>
public class IncrementalityTests
{
    [Fact]
    public void EditingUnrelatedCSharpLeavesWsdlStepsCached()
    {
        var wsdl = new InMemoryAdditionalText("wsdl/interserver.wsdl", GeneratorHarness.InterServerWsdl());
        var options = new MetadataOptionsProvider(wsdl, new Dictionary<string, string> { ["SoapGenNamespace"] = "InterServer" });
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create(
            "Consumer",
            new[] { CSharpSyntaxTree.ParseText("class A { }", parseOptions) },
            GeneratorHarness.References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new SoapGenerator().AsSourceGenerator() },
            new[] { (AdditionalText)wsdl },
            parseOptions,
            options,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class B { int x; }", parseOptions));
        driver = driver.RunGenerators(edited);

        var steps = driver.GetRunResult().Results.Single().TrackedSteps;
        foreach (var name in new[] { SoapGenerator.StepNames.Input, SoapGenerator.StepNames.Documents, SoapGenerator.StepNames.Description, SoapGenerator.StepNames.Model })
        {
            var outputs = steps[name].SelectMany(step => step.Outputs).ToList();
            Assert.NotEmpty(outputs);
            Assert.All(outputs, output => Assert.True(
                output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                name + " was " + output.Reason));
        }
    }

    [Fact]
    public void ChangingTheWsdlReRunsTheModel()
    {
        var original = new InMemoryAdditionalText("wsdl/interserver.wsdl", GeneratorHarness.InterServerWsdl());
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create("Consumer", null, GeneratorHarness.References());
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new SoapGenerator().AsSourceGenerator() },
            new[] { (AdditionalText)original },
            parseOptions,
            new MetadataOptionsProvider(original, new Dictionary<string, string>()),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGenerators(compilation);

        var changed = new InMemoryAdditionalText("wsdl/interserver.wsdl", GeneratorHarness.InterServerWsdl().Replace("api_login", "api_logon"));
        driver = driver.ReplaceAdditionalText(original, changed).RunGenerators(compilation);

        var model = driver.GetRunResult().Results.Single().TrackedSteps[SoapGenerator.StepNames.Model];
        Assert.Contains(model.SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains(driver.GetRunResult().GeneratedTrees, t => t.ToString().Contains("ApiLogonAsync"));
    }

    [Fact]
    public void EditingOneOfTwoWsdlsRemodelsOnlyItsNamespace()
    {
        var interserver = new InMemoryAdditionalText("wsdl/interserver.wsdl", GeneratorHarness.InterServerWsdl());
        var weather = new InMemoryAdditionalText("wsdl/weather.wsdl", GeneratorHarness.WeatherWsdl());
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create("Consumer", null, GeneratorHarness.References());

        // Each file in its own namespace (from its file name): two models, cached apart.
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new SoapGenerator().AsSourceGenerator() },
            new[] { (AdditionalText)interserver, weather },
            parseOptions,
            new MetadataOptionsProvider(interserver, new Dictionary<string, string>()),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGenerators(compilation);

        var edited = new InMemoryAdditionalText("wsdl/weather.wsdl", weather.GetText()!.ToString().Replace("GetForecast", "GetOutlook"));
        driver = driver.ReplaceAdditionalText(weather, edited).RunGenerators(compilation);

        var outputs = driver.GetRunResult().Results.Single().TrackedSteps[SoapGenerator.StepNames.Model].SelectMany(s => s.Outputs).ToList();
        Assert.Equal(2, outputs.Count);
        Assert.Single(outputs, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Single(outputs, o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
        Assert.Contains(driver.GetRunResult().GeneratedTrees, t => t.ToString().Contains("GetOutlookAsync"));
    }
}
