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
    // Nothing may grow with the depth of a derivation: a dispatch listing every descendant or a reader per inherited
    // member gave 3.8, records built by listing their inherited members 2.38; each type's code naming only its own
    // members and its direct children gives 2.0.
    [InlineData("derivation chain", 2.1)]
    public void DoublingTheTypesAtMostDoublesTheGeneratedCode(string shape, double maxRatio)
    {
        Func<int, string> wsdl = shape switch
        {
            "recursive chain" => TestWsdl.RecursiveChain,
            "derivation chain" => TestWsdl.DerivationChain,
            _ => TestWsdl.FlatHierarchy,
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
