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

    // What each record of SoftLayer's shape (derived from the base, an encoded array of another record, read and written)
    // adds to the serializer, reader and writer counted: 2,694 characters when each record's writer opened, nil-checked,
    // typed and closed its element itself and each array member took a dozen lines; 2,116 with both one runtime call.
    [Fact]
    public void ARecordWithAnEncodedArrayMemberAddsAFixedSmallSerializer()
    {
        var perType = (Size(TestWsdl.EntityArrays(120), "Serializer") - Size(TestWsdl.EntityArrays(60), "Serializer")) / 60.0;

        output.WriteLine($"serializer characters per record: {perType:N0}");
        Assert.InRange(perType, 1000, 2250);
    }

    private static long Size(string wsdl, string file = "")
    {
        var result = HostileInput.Run("size.wsdl", wsdl);
        Assert.Contains(result.Sources, s => s.HintName.Contains(file, StringComparison.Ordinal));
        return result.Sources.Where(s => s.HintName.Contains(file, StringComparison.Ordinal)).Sum(s => (long)s.Source.Length);
    }
}
