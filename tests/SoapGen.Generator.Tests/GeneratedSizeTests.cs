using System;
using System.Linq;
using Xunit;

namespace SoapGen.Generator.Tests;

/// <summary>
/// Generated code grows in proportion to the WSDL: doubling the number of types at most a little more than doubles the
/// generated characters (sizes, not times, so the test does not depend on the machine's load).
/// </summary>
public class GeneratedSizeTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Theory]
    [InlineData("recursive chain")]
    [InlineData("flat hierarchy")]
    public void DoublingTheTypesAtMostDoublesTheGeneratedCode(string shape)
    {
        Func<int, string> wsdl = shape == "recursive chain" ? HostileWsdl.RecursiveChain : HostileWsdl.FlatHierarchy;

        var small = Size(wsdl(60));
        var large = Size(wsdl(120));

        output.WriteLine($"{shape}: 60 types → {small:N0} characters, 120 types → {large:N0}");
        Assert.InRange((double)large / small, 1.5, 2.2);
    }

    private static long Size(string wsdl)
    {
        var result = HostileInput.Run("size.wsdl", wsdl);
        return result.Sources.Sum(s => (long)s.Source.Length);
    }
}
