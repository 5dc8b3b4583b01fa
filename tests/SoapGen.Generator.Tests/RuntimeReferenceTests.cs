using Microsoft.CodeAnalysis;
using Xunit;

namespace SoapGen.Generator.Tests;

/// <summary>A project with the generator but without SoapGen.Runtime gets one clear error, not CS0246/CS0400 in generated files.</summary>
public sealed class RuntimeReferenceTests
{
    [Fact]
    public void WithoutTheRuntimeEachWsdlIsSoapGen013AndNothingIsGenerated()
    {
        var wsdl = GeneratorHarness.WeatherWsdl();

        var result = GeneratorHarness.Run("wsdl/weather.wsdl", wsdl, referenceRuntime: false);

        var error = Assert.Single(result.GeneratorDiagnostics, d => d.Id == "SOAPGEN013");
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Equal("wsdl/weather.wsdl", error.Location.GetLineSpan().Path);
        Assert.Contains("SoapGen.Runtime", error.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        Assert.Empty(result.Sources);
        Assert.Empty(result.CompileErrors);
    }

    [Fact]
    public void WithTheRuntimeThereIsNoSoapGen013()
    {
        var wsdl = GeneratorHarness.WeatherWsdl();

        var result = GeneratorHarness.Run("wsdl/weather.wsdl", wsdl);

        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == "SOAPGEN013");
        Assert.NotEmpty(result.Sources);
    }
}
