using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SoapGen.Generator.Model;
using Xunit;

namespace SoapGen.Generator.Tests;

/// <summary>
/// What an edit costs: typing in a .cs file or touching a file no WSDL imports re-reads nothing; editing one WSDL (or
/// a schema it imports) re-reads and regenerates only that WSDL. "Cached" means the step did not run at all;
/// "Unchanged" that it ran and produced an equal value, so the assertions below tell a re-read from a skipped one.
/// </summary>
public class IncrementalityTests
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    [Fact]
    public void FreshDriversBuildEqualModelsThatAreNotTheSameInstances()
    {
        var first = Models(new Pipeline(InterServer(), Weather()).Run());
        var second = Models(new Pipeline(InterServer(), Weather()).Run());

        Assert.Equal(2, first.Count);
        Assert.Equal(first, second);
        Assert.Equal(first.Select(m => m.GetHashCode()), second.Select(m => m.GetHashCode()));
        Assert.All(first.Zip(second), pair => Assert.NotSame(pair.First, pair.Second));
        Assert.All(first.Zip(second), pair => Assert.NotSame(pair.First.Model, pair.Second.Model));
    }

    [Fact]
    public void EditingUnrelatedCSharpRereadsNoWsdlAndRegeneratesNothing()
    {
        var pipeline = new Pipeline(InterServer());
        pipeline.Run();

        pipeline.Compilation = pipeline.Compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class B { int x; }", ParseOptions));
        var result = pipeline.Run();

        AssertNotRerun(result, SoapGenerator.StepNames.Input, SoapGenerator.StepNames.Description, SoapGenerator.StepNames.Model);
        AssertNothingRegenerated(result);
    }

    [Fact]
    public void AddingAnXsdNoWsdlImportsRereadsNoWsdlAndRegeneratesNothing()
    {
        var pipeline = new Pipeline(InterServer(), Weather());
        pipeline.Run();

        pipeline.Add(new InMemoryAdditionalText("wsdl/unrelated.xsd", ImportTests.Note));
        var result = pipeline.Run();

        AssertNotRerun(result, SoapGenerator.StepNames.Description, SoapGenerator.StepNames.Model);
        AssertNothingRegenerated(result);
    }

    [Fact]
    public void EditingAnXsdNoWsdlImportsRereadsNoWsdlAndRegeneratesNothing()
    {
        var unrelated = new InMemoryAdditionalText("wsdl/unrelated.xsd", ImportTests.Note);
        var pipeline = new Pipeline(InterServer(), unrelated);
        pipeline.Run();

        pipeline.Replace(unrelated, new InMemoryAdditionalText("wsdl/unrelated.xsd", ImportTests.Note.Replace("Note", "Memo")));
        var result = pipeline.Run();

        AssertNotRerun(result, SoapGenerator.StepNames.Description, SoapGenerator.StepNames.Model);
        AssertNothingRegenerated(result);
    }

    [Fact]
    public void EditingOneOfTwoWsdlsRereadsAndRegeneratesOnlyIt()
    {
        var weather = Weather();
        var pipeline = new Pipeline(InterServer(), weather);
        var before = pipeline.Run();

        pipeline.Replace(weather, new InMemoryAdditionalText(weather.Path, weather.GetText()!.ToString().Replace("GetForecast", "GetOutlook")));
        var result = pipeline.Run();

        var descriptions = Outputs(result, SoapGenerator.StepNames.Description);
        Assert.Equal(2, descriptions.Count);
        Assert.Single(descriptions, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Single(descriptions, o => o.Reason == IncrementalStepRunReason.Cached);

        var models = Outputs(result, SoapGenerator.StepNames.Model);
        Assert.Single(models, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Single(models, o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);

        // InterServer's sources are the very same texts as before; only Weather's were emitted again.
        // Weather's two outputs ran again: its namespace's files and its client's.
        var regenerated = SourceOutputs(result).Where(o => o.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified).ToList();
        Assert.Equal(2, regenerated.Count);
        Assert.Contains(result.GeneratedSources, s => s.SourceText.ToString().Contains("GetOutlookAsync"));
        var interServerBefore = before.GeneratedSources.Where(s => s.HintName.StartsWith("interserver", System.StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.NotEmpty(interServerBefore);
        Assert.All(interServerBefore, s => Assert.Same(s.SourceText, result.GeneratedSources.Single(n => n.HintName == s.HintName).SourceText));
    }

    [Fact]
    public void EditingOneOfTwoWsdlsOfOneNamespaceRegeneratesTheNamespaceFilesAndOnlyItsClients()
    {
        var weather = Weather();
        var pipeline = new Pipeline(new Dictionary<string, string> { ["SoapGenNamespace"] = "Shared" }, InterServer(), weather);
        var before = pipeline.Run();

        pipeline.Replace(weather, new InMemoryAdditionalText(weather.Path, weather.GetText()!.ToString().Replace("GetForecast", "GetOutlook")));
        var result = pipeline.Run();

        // One namespace, one model: it is rebuilt, and with it the shared types and serializer.
        Assert.Single(Outputs(result, SoapGenerator.StepNames.Model), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains(result.GeneratedSources, s => s.SourceText.ToString().Contains("GetOutlookAsync"));

        // InterServer's client files are the very same texts as before.
        var interServerClients = before.GeneratedSources.Where(s => s.HintName.StartsWith("Shared.interserver.", System.StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.NotEmpty(interServerClients);
        Assert.All(interServerClients, s => Assert.Same(s.SourceText, result.GeneratedSources.Single(n => n.HintName == s.HintName).SourceText));
        var weatherClients = before.GeneratedSources.Where(s => s.HintName.StartsWith("Shared.weather.", System.StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.NotEmpty(weatherClients);
        Assert.All(weatherClients, s => Assert.NotSame(s.SourceText, result.GeneratedSources.Single(n => n.HintName == s.HintName).SourceText));
    }

    [Fact]
    public void EditingAnImportedXsdRereadsOnlyTheWsdlsThatImportIt()
    {
        var note = new InMemoryAdditionalText("svc/schemas/note.xsd", ImportTests.Note);
        var pipeline = new Pipeline(
            new InMemoryAdditionalText("svc/shop.wsdl", ImportTests.Concrete.Replace("{0}", "abstract/shop-abstract.xml")),
            new InMemoryAdditionalText("svc/abstract/shop-abstract.xml", ImportTests.Abstract.Replace("{0}", "../schemas/types.xsd")),
            new InMemoryAdditionalText("svc/schemas/types.xsd", ImportTests.Types),
            note,
            InterServer());
        pipeline.Run();

        // note.xsd is reached through two imports (wsdl:import, xsd:import) and a chameleon include.
        pipeline.Replace(note, new InMemoryAdditionalText(note.Path, ImportTests.Note.Replace("name=\"text\"", "name=\"body\"")));
        var result = pipeline.Run();

        var descriptions = Outputs(result, SoapGenerator.StepNames.Description);
        Assert.Equal(2, descriptions.Count);
        Assert.Single(descriptions, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Single(descriptions, o => o.Reason == IncrementalStepRunReason.Cached);
        Assert.Contains(result.GeneratedSources, s => s.SourceText.ToString().Contains("Body"));
    }

    [Fact]
    public void EditingOneOfSeveralWsdlsThatIncludeOneXsdLeavesTheXsdCachedAndRegeneratesOnlyThatWsdlsClients()
    {
        var (files, first) = ShopsSharingTypes();
        var pipeline = new Pipeline(OneNamespace, files);
        var before = pipeline.Run();

        // types.xsd and the chameleon note.xsd it includes, each read once for the three WSDLs.
        var schemas = Outputs(before, SoapGenerator.StepNames.Schemas);
        Assert.Equal(2, schemas.Count);
        Assert.All(schemas, o => Assert.Equal(IncrementalStepRunReason.New, o.Reason));

        pipeline.Replace(first, new InMemoryAdditionalText(first.Path, first.GetText()!.ToString().Replace("GetOrder", "FetchOrder")));
        var result = pipeline.Run();

        AssertNotRerun(result, SoapGenerator.StepNames.Schemas);
        var descriptions = Outputs(result, SoapGenerator.StepNames.Description);
        Assert.Single(descriptions, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Equal(2, descriptions.Count(o => o.Reason == IncrementalStepRunReason.Cached));
        Assert.Contains(result.GeneratedSources, s => s.SourceText.ToString().Contains("FetchOrderAsync"));

        // The other two WSDLs' clients are the very same texts as before; the edited one's are new.
        foreach (var shop in new[] { "Shop2", "Shop3" })
        {
            var clients = before.GeneratedSources.Where(s => s.HintName.Contains("." + shop + "Client")).ToList();
            Assert.NotEmpty(clients);
            Assert.All(clients, s => Assert.Same(s.SourceText, result.GeneratedSources.Single(n => n.HintName == s.HintName).SourceText));
        }

        var edited = before.GeneratedSources.Where(s => s.HintName.Contains(".Shop1Client")).ToList();
        Assert.NotEmpty(edited);
        Assert.All(edited, s => Assert.NotSame(s.SourceText, result.GeneratedSources.Single(n => n.HintName == s.HintName).SourceText));
    }

    [Fact]
    public void EditingAnXsdSeveralWsdlsIncludeRereadsItOnceAndEveryWsdlThatReachesIt()
    {
        var (files, _) = ShopsSharingTypes();
        var types = files.Single(f => f.Path.EndsWith("types.xsd", System.StringComparison.Ordinal));
        var pipeline = new Pipeline(OneNamespace, files);
        pipeline.Run();

        pipeline.Replace(types, new InMemoryAdditionalText(types.Path, ImportTests.Types.Replace("name=\"id\"", "name=\"number\"")));
        var result = pipeline.Run();

        // One reading of types.xsd ran; the chameleon it includes was not read again.
        var schemas = Outputs(result, SoapGenerator.StepNames.Schemas);
        Assert.Equal(2, schemas.Count);
        Assert.Single(schemas, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Single(schemas, o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
        Assert.All(Outputs(result, SoapGenerator.StepNames.Description), o => Assert.Equal(IncrementalStepRunReason.Modified, o.Reason));
        Assert.Contains(result.GeneratedSources, s => s.SourceText.ToString().Contains("Number"));
    }

    [Fact]
    public void FreshDriversBuildEqualModelsFromWsdlsThatIncludeOneXsd()
    {
        var first = Models(new Pipeline(OneNamespace, ShopsSharingTypes().Files).Run());
        var second = Models(new Pipeline(OneNamespace, ShopsSharingTypes().Files).Run());

        Assert.Single(first);
        Assert.Equal(first, second);
        Assert.Equal(first.Select(m => m.GetHashCode()), second.Select(m => m.GetHashCode()));
        Assert.NotSame(first[0].Model, second[0].Model);
        Assert.Contains(first[0].Model!.Types, t => t.Name == "Order");
        Assert.Contains(first[0].Model!.Types, t => t.Name == "Note");
    }

    [Fact]
    public void AProblemInAnXsdSeveralWsdlsIncludeIsReportedOnceInTheXsd()
    {
        var (files, _) = ShopsSharingTypes(ImportTests.Types.Replace("<xsd:include", "<xsd:import namespace=\"urn:gone\" schemaLocation=\"gone.xsd\"/><xsd:include"));
        var result = new Pipeline(OneNamespace, files).Run();

        var missing = Assert.Single(result.Diagnostics, d => d.Id == "SOAPGEN011");
        Assert.EndsWith("types.xsd", missing.Location.GetLineSpan().Path, System.StringComparison.Ordinal);
        Assert.Contains("gone.xsd", missing.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    [Fact]
    public void AChameleonXsdTwoNamespacesIncludeIsReadOncePerNamespace()
    {
        static string Wsdl(string ns) => Shop(1).Replace("urn:shop1", ns).Replace(
            "<xsd:import namespace=\"urn:types\" schemaLocation=\"schemas/types.xsd\"/>", "<xsd:include schemaLocation=\"schemas/note.xsd\"/>");
        var result = new Pipeline(
            new InMemoryAdditionalText("svc/a.wsdl", Wsdl("urn:a")),
            new InMemoryAdditionalText("svc/b.wsdl", Wsdl("urn:b")),
            new InMemoryAdditionalText("svc/c.wsdl", Wsdl("urn:a").Replace("Shop1", "Shop3")),
            new InMemoryAdditionalText("svc/schemas/note.xsd", ImportTests.Note)).Run();

        var readings = Outputs(result, SoapGenerator.StepNames.Schemas).Select(o => (Wsdl.SchemaDescription)o.Value).ToList();
        Assert.Equal(new[] { "urn:a", "urn:b" }, readings.Select(r => r.Namespace).OrderBy(n => n, System.StringComparer.Ordinal));
        Assert.All(readings, r => Assert.Equal(new Wsdl.QName(r.Namespace, "Note"), Assert.Single(r.Declarations.Types).Name));
    }

    private static readonly Dictionary<string, string> OneNamespace = new() { ["SoapGenNamespace"] = "Shops" };

    // Three WSDLs whose inline schemas import one types.xsd, which includes a chameleon note.xsd.
    private static (AdditionalText[] Files, InMemoryAdditionalText First) ShopsSharingTypes(string types = ImportTests.Types)
    {
        var shops = Enumerable.Range(1, 3).Select(n => new InMemoryAdditionalText("svc/shop" + n + ".wsdl", Shop(n))).ToList();
        var files = shops.Cast<AdditionalText>()
            .Append(new InMemoryAdditionalText("svc/schemas/types.xsd", types))
            .Append(new InMemoryAdditionalText("svc/schemas/note.xsd", ImportTests.Note))
            .ToArray();
        return (files, shops[0]);
    }

    private static string Shop(int n) => $"""
        <?xml version="1.0"?>
        <definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:t="urn:types" xmlns:tns="urn:shop{n}" targetNamespace="urn:shop{n}">
          <types>
            <xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:shop{n}">
              <xsd:import namespace="urn:types" schemaLocation="schemas/types.xsd"/>
            </xsd:schema>
          </types>
          <message name="GetOrderIn"><part name="id" type="xsd:int" xmlns:xsd="http://www.w3.org/2001/XMLSchema"/></message>
          <message name="GetOrderOut"><part name="order" type="t:Order"/></message>
          <portType name="Shop{n}"><operation name="GetOrder"><input message="tns:GetOrderIn"/><output message="tns:GetOrderOut"/></operation></portType>
          <binding name="Shop{n}Binding" type="tns:Shop{n}">
            <soap:binding style="rpc" transport="http://schemas.xmlsoap.org/soap/http"/>
            <operation name="GetOrder"><soap:operation soapAction="urn:shop{n}#GetOrder"/>
              <input><soap:body use="literal" namespace="urn:shop{n}"/></input><output><soap:body use="literal" namespace="urn:shop{n}"/></output></operation>
          </binding>
          <service name="Shop{n}"><port name="Shop{n}Port" binding="tns:Shop{n}Binding"><soap:address location="http://localhost/shop{n}"/></port></service>
        </definitions>
        """;

    private static InMemoryAdditionalText InterServer() => new("wsdl/interserver.wsdl", GeneratorHarness.InterServerWsdl());

    private static InMemoryAdditionalText Weather() => new("wsdl/weather.wsdl", GeneratorHarness.WeatherWsdl());

    private static List<ModelResult> Models(GeneratorRunResult result) =>
        Outputs(result, SoapGenerator.StepNames.Model).Select(o => (ModelResult)o.Value).ToList();

    private static List<(object Value, IncrementalStepRunReason Reason)> Outputs(GeneratorRunResult result, string step) =>
        result.TrackedSteps[step].SelectMany(s => s.Outputs).ToList();

    private static List<(object Value, IncrementalStepRunReason Reason)> SourceOutputs(GeneratorRunResult result) =>
        result.TrackedOutputSteps.SelectMany(p => p.Value).SelectMany(s => s.Outputs).ToList();

    private static void AssertNotRerun(GeneratorRunResult result, params string[] steps)
    {
        foreach (var name in steps)
        {
            var outputs = Outputs(result, name);
            Assert.NotEmpty(outputs);
            Assert.All(outputs, output => Assert.True(output.Reason == IncrementalStepRunReason.Cached, name + " was " + output.Reason));
        }
    }

    private static void AssertNothingRegenerated(GeneratorRunResult result)
    {
        var outputs = SourceOutputs(result);
        Assert.NotEmpty(outputs);
        Assert.All(outputs, output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, "a source output was " + output.Reason));
    }

    /// <summary>One driver kept across runs, as the IDE keeps it, with every .wsdl/.xml generating and .xsd only imported.</summary>
    private sealed class Pipeline
    {
        private readonly List<AdditionalText> _files;
        private GeneratorDriver _driver;

        public Pipeline(params AdditionalText[] files)
            : this(new Dictionary<string, string>(), files)
        {
        }

        public Pipeline(IReadOnlyDictionary<string, string> metadata, params AdditionalText[] files)
        {
            _files = files.ToList();
            Compilation = CSharpCompilation.Create(
                "Consumer",
                new[] { CSharpSyntaxTree.ParseText("class A { }", ParseOptions) },
                GeneratorHarness.References(),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            _driver = CSharpGeneratorDriver.Create(
                new[] { new SoapGenerator().AsSourceGenerator() },
                files,
                ParseOptions,
                new MetadataOptionsProvider(files[0], metadata, otherFilesGenerate: true, metadata),
                new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        }

        public Compilation Compilation { get; set; }

        public void Add(AdditionalText file) => _driver = _driver.AddAdditionalTexts(new[] { file }.ToImmutableArray());

        public void Replace(AdditionalText old, AdditionalText replacement) => _driver = _driver.ReplaceAdditionalText(old, replacement);

        public GeneratorRunResult Run()
        {
            _driver = _driver.RunGenerators(Compilation);
            return _driver.GetRunResult().Results.Single();
        }
    }
}
