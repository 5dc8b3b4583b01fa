using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace SoapGen.Generator.Tests;

/// <summary>
/// A relative soap:address (every SOAPBuilders interop WSDL has one) names no endpoint: the generated client must say so
/// with the documented ArgumentException when it is constructed, not fail in a static initializer.
/// </summary>
public class RelativeAddressTests
{
    [Fact]
    public void AClientOfARelativeAddressAsksForAnEndpointAndWorksWithOne()
    {
        var wsdl = GeneratorHarness.WeatherWsdl();
        var relative = System.Text.RegularExpressions.Regex.Replace(wsdl, "location=\"[^\"]+\"", "location=\"weather.php\"");
        var result = GeneratorHarness.Run("weather.wsdl", relative, new System.Collections.Generic.Dictionary<string, string> { ["SoapGenNamespace"] = "Weather" });
        Assert.Empty(result.CompileErrors);

        var trees = result.Run.GeneratedTrees.Select(t => t.WithRootAndOptions(t.GetRoot(), new CSharpParseOptions(LanguageVersion.Latest)));
        var compilation = CSharpCompilation.Create(
            "RelativeAddress",
            trees,
            GeneratorHarness.References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        Assert.True(compilation.Emit(image).Success);
        Type client = Assembly.Load(image.ToArray()).GetType("Weather.WeatherClient")!;

        Assert.Null(client.GetField("DefaultEndpoint"));
        var error = Assert.Throws<TargetInvocationException>(() => Activator.CreateInstance(client, new System.Net.Http.HttpClient(), null));
        var argument = Assert.IsType<ArgumentException>(error.InnerException);
        Assert.Contains("SoapClientOptions.Endpoint", argument.Message, StringComparison.Ordinal);
        Assert.NotNull(Activator.CreateInstance(client, new System.Net.Http.HttpClient(), SoapGen.Runtime.SoapClientOptions.FromEndpoint(new Uri("http://127.0.0.1/weather.php"))));
    }
}
