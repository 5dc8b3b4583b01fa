using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using System.Xml.Linq;
using Microsoft.Build.Framework;
using Xunit;

namespace SoapGen.Generator.Tests;

/// <summary>
/// The SoapGenUpdate task (generator/build/SoapGenUpdateTask.cs, compiled into this project as MSBuild compiles it for
/// the target) against a loopback server with nested, cyclic, ?xsd=N and relative imports: the saved files, their
/// rewritten imports, a client generated from them and run, what is reported, and the refusals. One test runs the real
/// target with `dotnet build -t:SoapGenUpdate`.
/// </summary>
public sealed class UpdateTargetTests : IClassFixture<UpdateServer>, IDisposable
{
    private static readonly string[] SavedNames = { "service.wsdl", "service.messages.wsdl", "service.xsd1.xsd", "service.venue.xsd", "service.xsd2.xsd" };

    private readonly UpdateServer _server;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "soapgen-update-" + Guid.NewGuid().ToString("N"));

    public UpdateTargetTests(UpdateServer server)
    {
        _server = server;
        _server.Revision = "1";
        Directory.CreateDirectory(Path.Combine(_folder, "wsdl"));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string WsdlPath => Path.Combine(_folder, "wsdl", "service.wsdl");

    [Fact]
    public async Task EveryImportIsSavedBesideTheWsdlPointingAtLocalFilesAndTheClientGeneratedFromThemWorks()
    {
        var (ok, engine) = RunTask(_server.Base + "/svc/service?wsdl");

        Assert.True(ok, engine.Text);
        Assert.Equal(SavedNames.OrderBy(n => n), Directory.GetFiles(Path.GetDirectoryName(WsdlPath)!).Select(Path.GetFileName).OrderBy(n => n));
        Assert.Contains("5 added, 0 changed, 0 unchanged", engine.Text, StringComparison.Ordinal);

        // Every location now names a saved file; only the built-in SOAP-ENC schema import is left as the server wrote it.
        var locations = SavedNames.SelectMany(n => Locations(XDocument.Load(Path.Combine(_folder, "wsdl", n)))).ToList();
        Assert.Equal(
            new[] { "service.messages.wsdl", "service.xsd1.xsd", "http://schemas.xmlsoap.org/soap/encoding/", "service.venue.xsd", "service.xsd2.xsd", "service.xsd1.xsd" }.OrderBy(l => l),
            locations.OrderBy(l => l));

        // Each document was fetched once, the cycle back to ?xsd=1 included.
        Assert.All(_server.Requests.Where(r => r.Key.StartsWith("/svc/", StringComparison.Ordinal) || r.Key.StartsWith("/types/", StringComparison.Ordinal)), r => Assert.Equal(1, r.Value));

        var price = await GenerateAndCall();
        Assert.Equal("SOAP 12.5 Zürich", price);
    }

    [Fact]
    public void ASecondRunReportsUnchangedFilesAndAChangedDocumentOnlyThatOne()
    {
        Assert.True(RunTask(_server.Base + "/svc/service?wsdl").Ok);
        var written = SavedNames.ToDictionary(n => n, n => File.GetLastWriteTimeUtc(Path.Combine(_folder, "wsdl", n)));

        var (ok, again) = RunTask(_server.Base + "/svc/service?wsdl");
        Assert.True(ok, again.Text);
        Assert.Contains("0 added, 0 changed, 5 unchanged", again.Text, StringComparison.Ordinal);
        Assert.All(SavedNames, n => Assert.Equal(written[n], File.GetLastWriteTimeUtc(Path.Combine(_folder, "wsdl", n))));

        _server.Revision = "2";
        var (changedOk, changed) = RunTask(_server.Base + "/svc/service?wsdl");
        Assert.True(changedOk, changed.Text);
        Assert.Contains("0 added, 1 changed, 4 unchanged", changed.Text, StringComparison.Ordinal);
        Assert.Contains(changed.Messages, m => m.Contains("changed", StringComparison.Ordinal) && m.Contains("service.xsd2.xsd", StringComparison.Ordinal));
        Assert.Contains("revision 2", File.ReadAllText(Path.Combine(_folder, "wsdl", "service.xsd2.xsd")), StringComparison.Ordinal);
    }

    [Fact]
    public void AFileAnEarlierUpdateSavedThatNothingImportsNowIsReportedAndKept()
    {
        var stale = Path.Combine(_folder, "wsdl", "service.xsd9.xsd");
        File.WriteAllText(stale, "<schema/>");

        var (ok, engine) = RunTask(_server.Base + "/svc/service?wsdl");

        Assert.True(ok, engine.Text);
        Assert.Contains(engine.Messages, m => m.Contains("no longer imported", StringComparison.Ordinal) && m.Contains("service.xsd9.xsd", StringComparison.Ordinal));
        Assert.True(File.Exists(stale));
    }

    [Theory]
    [InlineData("/dtd?wsdl", "DTDs are refused")]
    [InlineData("/broken?wsdl", "missing?wsdl answered HTTP 404")]
    [InlineData("/svc/service?xsd=1", "is not a WSDL 1.1 document")]
    public void AnUpdateThatCannotCompleteIsAnErrorAndWritesNothing(string path, string reason)
    {
        var (ok, engine) = RunTask(_server.Base + path);

        Assert.False(ok);
        var error = Assert.Single(engine.Errors);
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Path.Combine(_folder, "wsdl")));
    }

    [Fact]
    public void DocumentsAndTheirNumberAreBounded()
    {
        var (tooBigOk, tooBig) = RunTask(_server.Base + "/svc/service?wsdl", task => task.MaxDocumentBytes = 400);
        Assert.False(tooBigOk);
        Assert.Contains("is larger than 400 bytes", Assert.Single(tooBig.Errors), StringComparison.Ordinal);

        var (tooManyOk, tooMany) = RunTask(_server.Base + "/svc/service?wsdl", task => task.MaxDocuments = 3);
        Assert.False(tooManyOk);
        Assert.Contains("more than 3 documents", Assert.Single(tooMany.Errors), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Path.Combine(_folder, "wsdl")));
    }

    [Fact]
    public void APasswordInTheSourceUrlIsNeverShown()
    {
        var (ok, engine) = RunTask("http://user:s3cret@127.0.0.1:" + _server.Port + "/svc/service?wsdl");

        Assert.True(ok, engine.Text);
        Assert.DoesNotContain("s3cret", engine.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheTargetRunsUnderDotnetBuild()
    {
        var build = Path.Combine(GeneratorHarness.RepoRoot(), "generator", "build");
        File.WriteAllText(Path.Combine(_folder, "update.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <Import Project="{build}/SoapGen.props" />
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
              <ItemGroup>
                <AdditionalFiles Include="api/service.wsdl" SoapGenSourceUrl="{_server.Base}/svc/service?wsdl" />
              </ItemGroup>
              <Import Project="{build}/SoapGen.targets" />
            </Project>
            """);

        var start = new ProcessStartInfo("dotnet", "build -t:SoapGenUpdate -nologo")
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";  // no build server left running after the test
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        Assert.True(process.WaitForExit(240_000), "dotnet build -t:SoapGenUpdate did not finish in 4 minutes");

        Assert.True(process.ExitCode == 0, output + await stderr);
        Assert.Contains("SoapGen: api/service.wsdl from " + _server.Base + "/svc/service?wsdl: 5 added, 0 changed, 0 unchanged", output, StringComparison.Ordinal);
        Assert.All(SavedNames, n => Assert.True(File.Exists(Path.Combine(_folder, "api", n)), n));  // the folder is created
    }

    private (bool Ok, RecordingEngine Engine) RunTask(string url, Action<SoapGenUpdateWsdl>? configure = null)
    {
        var engine = new RecordingEngine();
        var item = new Microsoft.Build.Utilities.TaskItem(WsdlPath);
        item.SetMetadata("SoapGenSourceUrl", url);
        var task = new SoapGenUpdateWsdl { BuildEngine = engine, Wsdls = new ITaskItem[] { item } };
        configure?.Invoke(task);
        return (task.Execute(), engine);
    }

    private static IEnumerable<string> Locations(XDocument document) =>
        document.Descendants().Where(e => e.Name.LocalName is "import" or "include")
            .SelectMany(e => e.Attributes().Where(a => a.Name == "location" || a.Name == "schemaLocation")).Select(a => a.Value);

    // The saved WSDL and its documents as AdditionalFiles (the imports not generated from), compiled and run against the server.
    private async Task<string?> GenerateAndCall()
    {
        var probe = """
            public static class Probe
            {
                public static async System.Threading.Tasks.Task<string> Call(System.Net.Http.HttpClient http, System.Uri endpoint)
                {
                    // A wrapped response of one member returns that member: the Quote of ?xsd=2, its Venue from venue.xsd.
                    var quote = await new Upd.QuoteServiceClient(http, endpoint).GetQuoteAsync("SOAP");
                    return quote!.Symbol + " " + quote.Price!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + quote.Venue!.Name;
                }
            }
            """;
        var others = SavedNames.Skip(1).Select(n => (Path.Combine(_folder, "wsdl", n), File.ReadAllText(Path.Combine(_folder, "wsdl", n))));
        var result = GeneratorHarness.Run(WsdlPath, File.ReadAllText(WsdlPath), new Dictionary<string, string> { ["SoapGenNamespace"] = "Upd", ["SoapGenClientName"] = "QuoteServiceClient" }, probe, others);
        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompileErrors);

        var call = result.Load().GetType("Probe")!.GetMethod("Call")!;
        using var http = new HttpClient();
        return await (Task<string>)call.Invoke(null, new object[] { http, new Uri(_server.Base + "/quotes") })!;
    }

    /// <summary>An IBuildEngine that keeps what the task logs.</summary>
    private sealed class RecordingEngine : IBuildEngine
    {
        public List<string> Messages { get; } = new();

        public List<string> Errors { get; } = new();

        public string Text => string.Join("\n", Errors.Concat(Messages));

        public bool ContinueOnError => false;

        public int LineNumberOfTaskNode => 0;

        public int ColumnNumberOfTaskNode => 0;

        public string ProjectFileOfTaskNode => "update.csproj";

        public void LogErrorEvent(BuildErrorEventArgs e) => Errors.Add(e.Message ?? string.Empty);

        public void LogWarningEvent(BuildWarningEventArgs e) => Messages.Add("warning: " + e.Message);

        public void LogMessageEvent(BuildMessageEventArgs e) => Messages.Add(e.Message ?? string.Empty);

        public void LogCustomEvent(CustomBuildEventArgs e) => Messages.Add(e.Message ?? string.Empty);

        public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) => throw new NotSupportedException();
    }
}
