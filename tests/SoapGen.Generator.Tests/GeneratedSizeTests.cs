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
    [InlineData("recursive chain", 2.2)]
    [InlineData("flat hierarchy", 2.2)]
    // Each record is still built with all of its members, inherited ones too (init-only properties can be set nowhere
    // else): one line per inherited member, the only part that grows with the depth (a dispatch or a reader per
    // inherited member, as before, gives 3.8).
    [InlineData("derivation chain", 2.5)]
    public void DoublingTheTypesAtMostDoublesTheGeneratedCode(string shape, double maxRatio)
    {
        Func<int, string> wsdl = shape switch
        {
            "recursive chain" => HostileWsdl.RecursiveChain,
            "derivation chain" => HostileWsdl.DerivationChain,
            _ => HostileWsdl.FlatHierarchy,
        };

        var small = Size(wsdl(60));
        var large = Size(wsdl(120));

        output.WriteLine($"{shape}: 60 types → {small:N0} characters, 120 types → {large:N0}");
        Assert.InRange((double)large / small, 1.5, maxRatio);
    }

    private static long Size(string wsdl)
    {
        var result = HostileInput.Run("size.wsdl", wsdl);
        return result.Sources.Sum(s => (long)s.Source.Length);
    }
}
