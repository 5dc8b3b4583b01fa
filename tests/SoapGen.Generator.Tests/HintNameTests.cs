using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace SoapGen.Generator.Tests;

/// <summary>Generated file names depend on the WSDL's name, never on where the repository is (reproducible builds).</summary>
public sealed class HintNameTests
{
    private static readonly string Weather = GeneratorHarness.WeatherWsdl();

    private static readonly Dictionary<string, string> WeatherNamespace = new() { ["SoapGenNamespace"] = "Weather" };

    [Fact]
    public void TheSameWsdlInTwoClonesGivesTheSameFileNames()
    {
        var here = GeneratorHarness.Run("/home/alice/src/soapgen/wsdl/weather.wsdl", Weather, WeatherNamespace);
        var there = GeneratorHarness.Run(@"D:\build\agent-7\s\wsdl\weather.wsdl", Weather, WeatherNamespace);

        var names = here.Sources.Select(s => s.HintName).OrderBy(n => n, StringComparer.Ordinal).ToList();
        Assert.Equal(names, there.Sources.Select(s => s.HintName).OrderBy(n => n, StringComparer.Ordinal).ToList());
        Assert.Contains("Weather.weather.WeatherClient.g.cs", names);
        Assert.All(names, n => Assert.DoesNotContain("alice", n, StringComparison.Ordinal));
    }

    [Fact]
    public void TwoWsdlsOfOneNamespaceWithTheSameFileNameAreToldApartByTheirFolders()
    {
        var result = GeneratorHarness.Run(
            "/repo/services/v1/weather.wsdl",
            Weather,
            new Dictionary<string, string> { ["SoapGenNamespace"] = "Weather", ["SoapGenClientName"] = "WeatherV1Client" },
            otherFiles: new[] { ("/repo/services/v2/weather.wsdl", Weather) },
            otherFilesGenerate: true,
            otherFilesMetadata: new Dictionary<string, string> { ["SoapGenNamespace"] = "Weather", ["SoapGenClientName"] = "WeatherV2Client" });

        var names = result.Sources.Select(s => s.HintName).ToList();
        Assert.Contains("Weather.v1.weather.WeatherV1Client.g.cs", names);
        Assert.Contains("Weather.v2.weather.WeatherV2Client.g.cs", names);
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Empty(result.CompileErrors);
    }
}
