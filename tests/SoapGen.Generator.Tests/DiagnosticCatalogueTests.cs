using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using SoapGen.Generator.Diagnostics;
using Xunit;

namespace SoapGen.Generator.Tests;

/// <summary>Every diagnostic ID is documented where its help link points, and listed in the README's table.</summary>
public sealed class DiagnosticCatalogueTests
{
    private static readonly string[] Ids = Enumerable.Range(1, 99)
        .Select(n => "SOAPGEN" + n.ToString("000", System.Globalization.CultureInfo.InvariantCulture))
        .Where(id => DiagnosticDescriptors.Find(id) is not null)
        .ToArray();

    [Fact]
    public void EveryDescriptorLinksToItsSectionOfDocsDiagnostics()
    {
        var docs = File.ReadAllText(Path.Combine(GeneratorHarness.RepoRoot(), "docs", "diagnostics.md"));
        Assert.Equal(13, Ids.Length);
        foreach (var id in Ids)
        {
            var descriptor = DiagnosticDescriptors.Find(id)!;
            Assert.Equal(id, descriptor.Id);
            Assert.EndsWith("/docs/diagnostics.md#" + id.ToLowerInvariant(), descriptor.HelpLinkUri, StringComparison.Ordinal);
            Assert.True(Uri.IsWellFormedUriString(descriptor.HelpLinkUri, UriKind.Absolute), descriptor.HelpLinkUri);
            Assert.Matches(new Regex("^## " + id + "$", RegexOptions.Multiline), docs);
        }
    }

    [Fact]
    public void TheReadmeTableListsEveryIdWithItsLink()
    {
        var readme = File.ReadAllText(Path.Combine(GeneratorHarness.RepoRoot(), "README.md"));
        foreach (var id in Ids)
        {
            var severity = DiagnosticDescriptors.Find(id)!.DefaultSeverity;
            Assert.Contains("| [" + id + "](docs/diagnostics.md#" + id.ToLowerInvariant() + ") | " + severity + " |", readme, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void GeneratedCodeCarriesTheGeneratorsVersion()
    {
        var wsdl = GeneratorHarness.WeatherWsdl();
        var result = GeneratorHarness.Run("wsdl/weather.wsdl", wsdl);

        // AssemblyVersion comes from the same VersionPrefix the generator's constant does.
        var version = typeof(SoapGenerator).Assembly.GetName().Version!.ToString(3);
        var stamps = result.Sources.SelectMany(s => Regex.Matches(s.Source, "GeneratedCode\\(\"SoapGen\", \"([^\"]*)\"\\)").Select(m => m.Groups[1].Value)).ToList();
        Assert.NotEmpty(stamps);
        Assert.All(stamps, stamp => Assert.Equal(version, stamp));
    }
}
