#if SOAPBUILDERS_CORPUS && SOAPBUILDERS_R34_CORPUS
using System;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using System.Xml.Linq;
using SoapGen.Runtime;
using CD = InteropR4ComplexDocLit;
using CR = InteropR4ComplexRpcEnc;
using SD = InteropR4SimpleDocLit;
using SR = InteropR4SimpleRpcEnc;
using X = InteropR4Xsd;
using V = SoapGen.Interop.Tests.SoapBuildersValues;

namespace SoapGen.Interop.Tests;

/// <summary>
/// Round 4 group H: every operation makes PHP's SoapServer throw the SoapFault its WSDL declares, the request's value
/// as the detail (whichFault picks among several; out of range, the first). The client must throw
/// <see cref="SoapFaultException{TDetail}"/> with the detail read into its generated type, exactly.
/// </summary>
internal static class Fault
{
    public static async Task<SoapFaultException<T>> Of<T>(Func<Task> call, string operation, RecordingHandler wire)
    {
        var fault = await Assert.ThrowsAsync<SoapFaultException<T>>(call);
        Assert.Equal("Server", fault.Code);
        Assert.Equal($"Fault in response to '{operation}'.", fault.Reason);
        return fault;
    }

    public static void Detail<T>(object? expected, SoapFaultException<T> fault, RecordingHandler wire, string? phpChanges = null) =>
        Echo.Check("detail", new EchoCase<object?>(expected, expected, phpChanges), fault.TypedDetail, wire);
}

/// <summary>round4_groupH_simple_rpcenc.wsdl: faults with simple details (string, int, float, arrays, an int enum), rpc/encoded.</summary>
[Collection(SoapBuildersR34Collection.Name)]
public sealed class SoapBuildersR4SimpleRpcEncTests(SoapBuildersR34PhpServer server) : SoapBuildersR34Test(server)
{
    private SR.SimpleRpcEncClient Client => new(Http, Server.Endpoint("round4/simpleRpcenc"));

    private static readonly EchoCases<string?> FaultStrings = V.EchoString;

    public static TheoryData<string> Strings => FaultStrings.Names;

    [Fact]
    public async Task ACarriageReturnSurvivesInAFaultDetail() =>
        Fault.Detail("a\r\nb\r", await Fault.Of<string>(() => Client.EchoStringFaultAsync("a\r\nb\r"), "echoStringFault", Wire), Wire);

    [Fact]
    public async Task EchoEmptyFault()
    {
        var fault = await Fault.Of<SR.EmptyFault>(() => Client.EchoEmptyFaultAsync(), "echoEmptyFault", Wire);

        // PHP writes the empty detail as <part1 xsi:nil="true" xsi:type="ns1:EmptyFault"/>: a nil, read as null.
        Assert.Contains("xsi:nil=\"true\"", fault.RawDetail, StringComparison.Ordinal);
        Assert.Null(fault.TypedDetail);
        Assert.Equal("SimpleFault", fault.FaultName);
    }

    [Theory]
    [MemberData(nameof(Strings))]
    public async Task EchoStringFault(string name)
    {
        string? sent = FaultStrings[name].Sent;
        var fault = await Fault.Of<string>(() => Client.EchoStringFaultAsync(sent), "echoStringFault", Wire);
        Fault.Detail(sent, fault, Wire);
    }

    [Theory]
    [InlineData("empty")]
    [InlineData("extremes")]
    [InlineData("nil item")]
    [InlineData("1000")]
    public async Task EchoIntArrayFault(string name)
    {
        int?[]? sent = V.EchoIntegerArray[name].Sent;
        var fault = await Fault.Of<int?[]>(() => Client.EchoIntArrayFaultAsync(sent), "echoIntArrayFault", Wire);
        Fault.Detail(sent, fault, Wire);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task EchoMultipleFaults1(int which)
    {
        float?[] floats = { 12.345f, 45f, 678f, float.NaN, float.Epsilon, null };
        Func<Task> call = () => Client.EchoMultipleFaults1Async(which, "Hello world" + V.Astral, floats);
        switch (which)
        {
            case 2:
                Fault.Detail("Hello world" + V.Astral, await Fault.Of<string>(call, "echoMultipleFaults1", Wire), Wire);
                break;
            case 3:
                Fault.Detail(floats, await Fault.Of<float?[]>(call, "echoMultipleFaults1", Wire), Wire);
                break;
            default: // 1, and 4 (out of range: the first)
                Assert.Null((await Fault.Of<SR.EmptyFault>(call, "echoMultipleFaults1", Wire)).TypedDetail);
                break;
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task EchoMultipleFaults2(int which)
    {
        Func<Task> call = () => Client.EchoMultipleFaults2Async(which, "", float.MinValue, V.HardStrings);
        switch (which)
        {
            case 2:
                Fault.Detail(float.MinValue, await Fault.Of<float?>(call, "echoMultipleFaults2", Wire), Wire);
                break;
            case 3:
                Fault.Detail(V.HardStrings, await Fault.Of<string[]>(call, "echoMultipleFaults2", Wire), Wire);
                break;
            default:
                Fault.Detail("", await Fault.Of<string>(call, "echoMultipleFaults2", Wire), Wire);
                break;
        }
    }

    [Theory]
    [InlineData(1, "arg1")]
    [InlineData(2, "arg2")]
    [InlineData(3, "arg1")]
    public async Task EchoMultipleFaults3(int which, string expected)
    {
        var fault = await Fault.Of<string>(() => Client.EchoMultipleFaults3Async(which, "arg1", "arg2"), "echoMultipleFaults3", Wire);
        Fault.Detail(expected, fault, Wire);
    }

    [Theory]
    [InlineData(1, 162)]
    [InlineData(2, 1)]
    [InlineData(3, 162)]
    public async Task EchoMultipleFaults4(int which, int expected)
    {
        var fault = await Fault.Of<int?>(() => Client.EchoMultipleFaults4Async(which, 162, 1), "echoMultipleFaults4", Wire);
        Fault.Detail(expected, fault, Wire);
    }

    [Fact]
    public async Task IntExtremesSurviveAsFaultDetails()
    {
        Fault.Detail(int.MinValue, await Fault.Of<int?>(() => Client.EchoMultipleFaults4Async(1, int.MinValue, 2), "echoMultipleFaults4", Wire), Wire);
        Fault.Detail(2, await Fault.Of<int?>(() => Client.EchoMultipleFaults4Async(2, int.MaxValue, 2), "echoMultipleFaults4", Wire), Wire);
    }
}

/// <summary>round4_groupH_simple_doclit.wsdl: the same faults, document/literal (each detail a global element).</summary>
[Collection(SoapBuildersR34Collection.Name)]
public sealed class SoapBuildersR4SimpleDocLitTests(SoapBuildersR34PhpServer server) : SoapBuildersR34Test(server)
{
    private SD.SimpleDocLitClient Client => new(Http, Server.Endpoint("round4/simpleDoclit"));

    private static readonly EchoCases<string?> FaultStrings = SoapBuildersRound3Values.LiteralStrings;

    public static TheoryData<string> Strings => FaultStrings.Names;

    [Fact]
    public async Task ACarriageReturnSurvivesInAFaultDetail() =>
        Fault.Detail("a\r\nb\r", await Fault.Of<string>(() => Client.EchoStringFaultAsync("a\r\nb\r"), "echoStringFault", Wire), Wire);

    [Fact]
    public async Task EchoEmptyFault()
    {
        var fault = await Fault.Of<SD.EmptyPart>(() => Client.EchoEmptyFaultAsync(new SD.EchoEmptyFaultRequest()), "echoEmptyFault", Wire);

        Assert.Contains("EmptyPart", fault.RawDetail, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Strings))]
    public async Task EchoStringFault(string name)
    {
        string? sent = FaultStrings[name].Sent;
        Fault.Detail(sent, await Fault.Of<string>(() => Client.EchoStringFaultAsync(sent!), "echoStringFault", Wire), Wire);
    }

    [Theory]
    [InlineData("empty")]
    [InlineData("extremes")]
    [InlineData("1000")]
    public async Task EchoIntArrayFault(string name)
    {
        var sent = V.EchoIntegerArray[name].Sent!;
        var fault = await Fault.Of<int?[]>(() => Client.EchoIntArrayFaultAsync(sent), "echoIntArrayFault", Wire);

        // ArrayOfInt is the int?[] itself: an empty one is <ArrayOfIntPart/>, read back as an empty array.
        Fault.Detail(sent, fault, Wire);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task EchoMultipleFaults1(int which)
    {
        var floats = new float?[] { 12.345f, 45f, 678f, float.PositiveInfinity, float.Epsilon };
        Func<Task> call = () => Client.EchoMultipleFaults1Async(new SD.EchoMultipleFaults1Request { WhichFault = which, Param1 = "Hello world" + V.Astral, Param2 = floats });
        switch (which)
        {
            case 2:
                Fault.Detail("Hello world" + V.Astral, await Fault.Of<string>(call, "echoMultipleFaults1", Wire), Wire);
                break;
            case 3:
                Fault.Detail(floats, await Fault.Of<float?[]>(call, "echoMultipleFaults1", Wire), Wire);
                break;
            default:
                await Fault.Of<SD.EmptyPart>(call, "echoMultipleFaults1", Wire);
                break;
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task EchoMultipleFaults2(int which)
    {
        var strings = V.HardStrings;
        Func<Task> call = () => Client.EchoMultipleFaults2Async(new SD.EchoMultipleFaults2Request { WhichFault = which, Param1 = "]]>", Param2 = float.MaxValue, Param3 = strings });
        switch (which)
        {
            case 2:
                Fault.Detail(float.MaxValue, await Fault.Of<float?>(call, "echoMultipleFaults2", Wire), Wire);
                break;
            case 3:
                Fault.Detail(strings, await Fault.Of<string[]>(call, "echoMultipleFaults2", Wire), Wire);
                break;
            default:
                Fault.Detail("]]>", await Fault.Of<string>(call, "echoMultipleFaults2", Wire), Wire);
                break;
        }
    }

    [Theory]
    [InlineData(1, "arg1")]
    [InlineData(2, "arg2")]
    [InlineData(3, "arg1")]
    public async Task EchoMultipleFaults3(int which, string expected)
    {
        var fault = await Fault.Of<string>(() => Client.EchoMultipleFaults3Async(new SD.EchoMultipleFaults3Request { WhichFault = which, Param1 = "arg1", Param2 = "arg2" }), "echoMultipleFaults3", Wire);
        Fault.Detail(expected, fault, Wire);
    }

    [Theory]
    [InlineData(1, 162)]
    [InlineData(2, 1)]
    [InlineData(3, 162)]
    public async Task EchoMultipleFaults4(int which, int expected)
    {
        var fault = await Fault.Of<int?>(() => Client.EchoMultipleFaults4Async(new SD.EchoMultipleFaults4Request { WhichFault = which, Param1 = 162, Param2 = 1 }), "echoMultipleFaults4", Wire);
        Fault.Detail(expected, fault, Wire);
    }
}

/// <summary>
/// round4_groupH_complex_rpcenc.wsdl: faults whose details are structs, among them an inheritance chain
/// (BaseStruct ← ExtendedStruct ← MoreExtendedStruct, complexContent extension), rpc/encoded.
/// </summary>
[Collection(SoapBuildersR34Collection.Name)]
public sealed class SoapBuildersR4ComplexRpcEncTests(SoapBuildersR34PhpServer server) : SoapBuildersR34Test(server)
{
    private CR.ComplexRpcEncClient Client => new(Http, Server.Endpoint("round4/complexRpcenc"));

    internal const string PhpBase = "ext/soap writes a fault detail by its part's type (BaseStruct), not the value's: a derived value loses its own members and xsi:type";

    private static readonly CR.SOAPStruct Struct = new() { VarString = "arg" + V.Astral, VarInt = int.MinValue, VarFloat = 325.325f };
    private static readonly CR.BaseStruct Base = new() { FloatMessage = 12.345f, ShortMessage = short.MinValue };
    private static readonly CR.ExtendedStruct Extended = new() { FloatMessage = float.NegativeInfinity, ShortMessage = short.MaxValue, StringMessage = "<&>", IntMessage = -3, AnotherIntMessage = int.MaxValue };
    private static readonly CR.MoreExtendedStruct MoreExtended = new() { FloatMessage = 3.3f, ShortMessage = 3, StringMessage = "", IntMessage = -3, AnotherIntMessage = 5, BooleanMessage = true };

    [Fact]
    public async Task EchoSOAPStructFault()
    {
        var sent = new CR.SOAPStructFault { SoapStruct = Struct };
        Fault.Detail(sent, await Fault.Of<CR.SOAPStructFault>(() => Client.EchoSOAPStructFaultAsync(sent), "echoSOAPStructFault", Wire), Wire);
    }

    [Fact]
    public async Task EchoBaseStructFault() =>
        Fault.Detail(Base, await Fault.Of<CR.BaseStruct>(() => Client.EchoBaseStructFaultAsync(Base), "echoBaseStructFault", Wire), Wire);

    [Fact]
    public async Task EchoBaseStructFaultWithADerivedValue()
    {
        // A MoreExtendedStruct in the BaseStruct position goes with xsi:type="ns:MoreExtendedStruct" and SoapServer decodes
        // all of it; but it writes the detail by the fault part's type, BaseStruct: only the base members come back.
        var fault = await Fault.Of<CR.BaseStruct>(() => Client.EchoBaseStructFaultAsync(MoreExtended), "echoBaseStructFault", Wire);

        Assert.Matches("xsi:type=\"[^\"]*:MoreExtendedStruct\"", Wire.Last.RequestBody);
        Assert.Matches("xsi:type=\"[^\"]*:BaseStruct\"", Wire.Last.ResponseBody);
        Fault.Detail(new CR.BaseStruct { FloatMessage = MoreExtended.FloatMessage, ShortMessage = MoreExtended.ShortMessage }, fault, Wire, PhpBase);
    }

    [Fact]
    public async Task EchoExtendedStructFault() =>
        Fault.Detail(Extended, await Fault.Of<CR.ExtendedStruct>(() => Client.EchoExtendedStructFaultAsync(Extended), "echoExtendedStructFault", Wire), Wire);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task EchoMultipleFaults1(int which)
    {
        Func<Task> call = () => Client.EchoMultipleFaults1Async(which, Struct, Extended);
        if (which == 2)
        {
            Fault.Detail(new CR.BaseStruct { FloatMessage = Extended.FloatMessage, ShortMessage = Extended.ShortMessage }, await Fault.Of<CR.BaseStruct>(call, "echoMultipleFaults1", Wire), Wire, PhpBase);
        }
        else
        {
            Fault.Detail(new CR.SOAPStructFault { SoapStruct = Struct }, await Fault.Of<CR.SOAPStructFault>(call, "echoMultipleFaults1", Wire), Wire);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task EchoMultipleFaults2(int which)
    {
        Func<Task> call = () => Client.EchoMultipleFaults2Async(which, Base, Extended, MoreExtended);
        switch (which)
        {
            case 2:
                Fault.Detail(Extended, await Fault.Of<CR.ExtendedStruct>(call, "echoMultipleFaults2", Wire), Wire);
                break;
            case 3:
                Fault.Detail(MoreExtended, await Fault.Of<CR.MoreExtendedStruct>(call, "echoMultipleFaults2", Wire), Wire);
                break;
            default:
                Fault.Detail(Base, await Fault.Of<CR.BaseStruct>(call, "echoMultipleFaults2", Wire), Wire);
                break;
        }
    }
}

/// <summary>round4_groupH_complex_doclit.wsdl: the struct faults, document/literal (xsi:type written for derived values).</summary>
[Collection(SoapBuildersR34Collection.Name)]
public sealed class SoapBuildersR4ComplexDocLitTests(SoapBuildersR34PhpServer server) : SoapBuildersR34Test(server)
{
    private CD.ComplexDocLitClient Client => new(Http, Server.Endpoint("round4/complexDoclit"));

    private static readonly CD.SOAPStruct Struct = new() { VarString = "arg" + V.Astral, VarInt = int.MaxValue, VarFloat = float.Epsilon };
    private static readonly CD.BaseStruct Base = new() { StructMessage = new() { VarString = "s1", VarInt = 1, VarFloat = 1.1f }, ShortMessage = short.MinValue };
    private static readonly CD.ExtendedStruct Extended = new() { StructMessage = new() { VarString = "", VarInt = 2, VarFloat = 2.2f }, ShortMessage = 2, StringMessage = "]]>", IntMessage = -3, AnotherIntMessage = 5 };
    private static readonly CD.MoreExtendedStruct MoreExtended = new() { StructMessage = new() { VarString = "s3", VarInt = 3, VarFloat = 3.3f }, ShortMessage = short.MaxValue, StringMessage = "arg", IntMessage = int.MinValue, AnotherIntMessage = 5, BooleanMessage = false };

    [Fact]
    public async Task EchoSOAPStructFault() =>
        Fault.Detail(new CD.SOAPStructFault { SoapStruct = Struct }, await Fault.Of<CD.SOAPStructFault>(() => Client.EchoSOAPStructFaultAsync(Struct), "echoSOAPStructFault", Wire), Wire);

    [Fact]
    public async Task EchoBaseStructFault() =>
        Fault.Detail(Base, await Fault.Of<CD.BaseStruct>(() => Client.EchoBaseStructFaultAsync(Base), "echoBaseStructFault", Wire), Wire);

    [Fact]
    public async Task EchoBaseStructFaultWithADerivedValue()
    {
        var fault = await Fault.Of<CD.BaseStruct>(() => Client.EchoBaseStructFaultAsync(Extended), "echoBaseStructFault", Wire);

        Assert.Matches("xsi:type=\"[^\"]*:ExtendedStruct\"", Wire.Last.RequestBody);
        Fault.Detail(new CD.BaseStruct { StructMessage = Extended.StructMessage, ShortMessage = Extended.ShortMessage }, fault, Wire, SoapBuildersR4ComplexRpcEncTests.PhpBase);
    }

    [Fact]
    public async Task EchoExtendedStructFault() =>
        Fault.Detail(Extended, await Fault.Of<CD.ExtendedStruct>(() => Client.EchoExtendedStructFaultAsync(Extended), "echoExtendedStructFault", Wire), Wire);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task EchoMultipleFaults1(int which)
    {
        Func<Task> call = () => Client.EchoMultipleFaults1Async(new CD.EchoMultipleFaults1Request { WhichFault = which, Param1 = Struct, Param2 = Base });
        if (which == 2)
        {
            Fault.Detail(Base, await Fault.Of<CD.BaseStruct>(call, "echoMultipleFaults1", Wire), Wire);
        }
        else
        {
            Fault.Detail(new CD.SOAPStructFault { SoapStruct = Struct }, await Fault.Of<CD.SOAPStructFault>(call, "echoMultipleFaults1", Wire), Wire);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task EchoMultipleFaults2(int which)
    {
        Func<Task> call = () => Client.EchoMultipleFaults2Async(new CD.EchoMultipleFaults2Request { WhichFault = which, Param1 = Base, Param2 = Extended, Param3 = MoreExtended });
        switch (which)
        {
            case 2:
                Fault.Detail(Extended, await Fault.Of<CD.ExtendedStruct>(call, "echoMultipleFaults2", Wire), Wire);
                break;
            case 3:
                Fault.Detail(MoreExtended, await Fault.Of<CD.MoreExtendedStruct>(call, "echoMultipleFaults2", Wire), Wire);
                break;
            default:
                Fault.Detail(Base, await Fault.Of<CD.BaseStruct>(call, "echoMultipleFaults2", Wire), Wire);
                break;
        }
    }
}

/// <summary>round4_groupH_soapfault.wsdl: both operations are void; SoapServer's own VersionMismatch fault.</summary>
[Collection(SoapBuildersR34Collection.Name)]
public sealed class SoapBuildersR4SoapFaultTests(SoapBuildersR34PhpServer server) : SoapBuildersR34Test(server)
{
    private InteropR4SoapFault.SOAPFaultClient Client => new(Http, Server.Endpoint("round4/soapfault"));

    [Fact]
    public async Task AWellFormedCallSucceeds()
    {
        await Client.EchoVersionMismatchFaultAsync();
        await Client.EchoMustUnderstandFaultAsync();
        await Client.EchoMustUnderstandFaultAsync("Hello World");
    }

    [Fact]
    public async Task AHeaderTheServerMustButCannotUnderstandIsAMustUnderstandFault()
    {
        // wsse:Security goes with mustUnderstand="1"; this SoapServer has no handler for it, so it must refuse the call.
        var options = new SoapClientOptions { Endpoint = Server.Endpoint("round4/soapfault") }.UseUsernameToken("user", "secret");
        var client = new InteropR4SoapFault.SOAPFaultClient(Http, options);

        var fault = await Assert.ThrowsAsync<SoapFaultException>(() => client.EchoVersionMismatchFaultAsync());

        Assert.Equal(("MustUnderstand", "Header not understood"), (fault.Code, fault.Reason));
        XElement security = XElement.Parse(Wire.Last.RequestBody).Descendants(XName.Get("Security", UsernameTokenHeader.SecurityNamespace)).Single();
        Assert.Equal("1", (string?)security.Attribute(XName.Get("mustUnderstand", "http://schemas.xmlsoap.org/soap/envelope/")));
    }

    [Fact]
    public async Task AnotherEnvelopeNamespaceIsAVersionMismatchFault()
    {
        Wire.RewriteRequest = body => body.Replace("http://schemas.xmlsoap.org/soap/envelope/", "http://example.org/not-soap/", StringComparison.Ordinal);

        var fault = await Assert.ThrowsAsync<SoapFaultException>(() => Client.EchoVersionMismatchFaultAsync());

        Assert.Equal("VersionMismatch", fault.Code);
    }
}

// ------------------------------------------------------------------------------------------------ group I: xsd

/// <summary>round4_groupI_xsd.wsdl: document/literal wrapped echoes of XSD built-ins, choice, enum, any, multi-occurs.</summary>
[Collection(SoapBuildersR34Collection.Name)]
public sealed class SoapBuildersR4XsdTests(SoapBuildersR34PhpServer server) : SoapBuildersR34Test(server)
{
    private X.Round4XSDTestSoapClient Client => new(Http, Server.Endpoint("round4/xsd"));

    public static readonly EchoCases<X.SOAPComplexType?> ComplexTypes = new()
    {
        { "sample", new() { VarInt = 34, VarString = "arg", VarFloat = 325.325f } },
        { "no varString", new() { VarInt = 34, VarFloat = 325.325f } },
        { "hard", new() { VarInt = int.MinValue, VarString = V.Astral + "\r\n]]>", VarFloat = float.NaN } },
        { "extremes", new() { VarInt = int.MaxValue, VarString = "", VarFloat = float.Epsilon } },
        { "null", null },
    };

    public static readonly EchoCases<X.Enum> Enums = new()
    {
        { "BitOne", X.Enum.BitOne },
        { "BitTwo", X.Enum.BitTwo },
        { "BitThree", X.Enum.BitThree },
        { "BitFour", X.Enum.BitFour },
        { "BitFive", X.Enum.BitFive },
        { "bitTwo (not listed: sent as is, r4_groupI_xsd_027)", new X.Enum("bitTwo") },
        { "empty", new X.Enum("") },
    };

    public static readonly EchoCases<X.ChoiceComplexType?> Choices = new()
    {
        { "name0", new() { Name0 = "Hello World" } },
        { "name1", new() { Name1 = "Hello World" } },
        { "hard", new() { Name1 = V.Astral + "<&>" } },
        { "empty", new() { Name0 = "" } },
    };

    public static readonly EchoCases<string[]?> MultiStrings = new()
    {
        { "sample", new[] { "arg1", "arg2", "arg3" } },
        { "one", new[] { "arg1" } },
        { "hard strings", V.HardStrings },
        { "1000", Enumerable.Range(0, 1000).Select(i => "s" + i).ToArray() },
    };

    public static TheoryData<string> Strings => V.EchoString.Names;
    public static TheoryData<string> Integers => V.EchoInteger.Names;
    public static TheoryData<string> Floats => V.EchoFloat.Names;
    public static TheoryData<string> Base64s => V.EchoBase64.Names;
    public static TheoryData<string> HexBinaries => V.EchoHexBinary.Names;
    public static TheoryData<string> Dates => V.EchoDate.Names;
    public static TheoryData<string> Decimals => V.EchoDecimal.Names;
    public static TheoryData<string> Booleans => V.EchoBoolean.Names;
    public static TheoryData<string> ComplexTypeNames => ComplexTypes.Names;
    public static TheoryData<string> EnumNames => Enums.Names;
    public static TheoryData<string> ChoiceNames => Choices.Names;
    public static TheoryData<string> MultiStringNames => MultiStrings.Names;

    [Fact]
    public async Task EchoVoid()
    {
        await Client.EchoVoidAsync();

        Assert.Contains("echoVoidResponse", Wire.Last.ResponseBody, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Strings))]
    public Task EchoString(string name) => Check(V.EchoString, name, v => Client.EchoStringAsync(v));

    [Theory]
    [MemberData(nameof(Integers))]
    public Task EchoInteger(string name) => Check(V.EchoInteger, name, async v => (await Client.EchoIntegerAsync(v))!.Value);

    [Theory]
    [MemberData(nameof(Floats))]
    public Task EchoFloat(string name) => Check(V.EchoFloat, name, async v => (await Client.EchoFloatAsync(v))!.Value);

    [Theory]
    [MemberData(nameof(Base64s))]
    public Task EchoBase64(string name) => Check(V.EchoBase64, name, v => Client.EchoBase64Async(v));

    [Theory]
    [MemberData(nameof(HexBinaries))]
    public Task EchoHexBinary(string name) => Check(V.EchoHexBinary, name, v => Client.EchoHexBinaryAsync(v));

    [Theory]
    [MemberData(nameof(Dates))]
    public Task EchoDate(string name) => Check(V.EchoDate, name, async v => (await Client.EchoDateAsync(v))!.Value);

    [Theory]
    [MemberData(nameof(Decimals))]
    public Task EchoDecimal(string name) => Check(V.EchoDecimal, name, async v => (await Client.EchoDecimalAsync(v))!.Value);

    [Theory]
    [MemberData(nameof(Booleans))]
    public Task EchoBoolean(string name) => Check(V.EchoBoolean, name, async v => (await Client.EchoBooleanAsync(v))!.Value);

    [Theory]
    [MemberData(nameof(ComplexTypeNames))]
    public Task EchoComplexType(string name) => Check(ComplexTypes, name, v => Client.EchoComplexTypeAsync(v));

    [Theory]
    [MemberData(nameof(ComplexTypeNames))]
    public Task EchoComplexTypeAsSimpleTypes(string name) => Check(ComplexTypes, name, async v =>
    {
        var parts = await Client.EchoComplexTypeAsSimpleTypesAsync(v);
        return parts.OutputString is null && parts.OutputInteger is null && parts.OutputFloat is null
            ? null
            : new X.SOAPComplexType { VarInt = parts.OutputInteger, VarString = parts.OutputString, VarFloat = parts.OutputFloat };
    });

    [Theory]
    [MemberData(nameof(ComplexTypeNames))]
    public Task EchoSimpleTypesAsComplexType(string name) => Check(ComplexTypes, name, v =>
        v is null ? Task.FromResult<X.SOAPComplexType?>(null) : Client.EchoSimpleTypesAsComplexTypeAsync(v.VarString, v.VarInt!.Value, v.VarFloat!.Value));

    [Fact]
    public async Task EchoNestedComplexType()
    {
        var sent = new X.SOAPComplexTypeComplexType { VarString = "arg", VarInt = 34, VarFloat = 12.345f, VarComplexType = new() { VarInt = 43, VarString = V.Astral, VarFloat = 54.321f } };
        Assert.Equal(ExactValue.Show(sent), ExactValue.Show(await Client.EchoNestedComplexTypeAsync(sent)));

        var withoutInner = new X.SOAPComplexTypeComplexType { VarString = "arg", VarInt = 34, VarFloat = 12.345f };
        Assert.Equal(ExactValue.Show(withoutInner), ExactValue.Show(await Client.EchoNestedComplexTypeAsync(withoutInner)));
    }

    [Fact]
    public async Task EchoNestedMultiOccurs()
    {
        var sent = new X.SOAPMultiOccursComplexType { VarString = "arg", VarInt = 34, VarFloat = 12.345f, VarMultiOccurs = new[] { "red", "green", "blue", "", V.Astral } };
        Assert.Equal(ExactValue.Show(sent), ExactValue.Show(await Client.EchoNestedMultiOccursAsync(sent)));
    }

    [Theory]
    [MemberData(nameof(MultiStringNames))]
    public Task EchoStringMultiOccurs(string name) => Check(MultiStrings, name, v => Client.EchoStringMultiOccursAsync(v));

    [Fact]
    public async Task EchoIntegerAndFloatMultiOccurs()
    {
        int?[] ints = { 22, 29, 36, int.MinValue, int.MaxValue, 0 };
        Assert.Equal(ExactValue.Show(ints), ExactValue.Show(await Client.EchoIntegerMultiOccursAsync(ints)));

        float?[] floats = { 22.5f, 12.345f, float.Epsilon, float.MaxValue, float.NegativeInfinity };
        Assert.Equal(ExactValue.Show(floats), ExactValue.Show(await Client.EchoFloatMultiOccursAsync(floats)));

        int?[] one = { 7 };
        Assert.Equal(ExactValue.Show(one), ExactValue.Show(await Client.EchoIntegerMultiOccursAsync(one)));
    }

    [Fact]
    public async Task EchoComplexTypeMultiOccurs()
    {
        X.SOAPComplexType[] sent = ComplexTypes.Where(c => c.Value.Sent is not null).Select(c => c.Value.Sent!).ToArray();
        Assert.Equal(ExactValue.Show(sent), ExactValue.Show(await Client.EchoComplexTypeMultiOccursAsync(sent)));
    }

    [Theory]
    [MemberData(nameof(EnumNames))]
    public Task EchoEnum(string name) => Check(Enums, name, async v => (await Client.EchoEnumAsync(v))!.Value);

    [Theory]
    [MemberData(nameof(ChoiceNames))]
    public Task EchoChoice(string name) => Check(Choices, name, v => Client.EchoChoiceAsync(v));

    [Fact]
    public async Task EchoAnyType()
    {
        // r4_groupI_xsd_028: a SOAPComplexType in the untyped element, with its xsi:type.
        XNamespace xsi = "http://www.w3.org/2001/XMLSchema-instance";
        XNamespace s1 = "http://soapinterop.org/xsd";
        var sent = new XElement("any", new XAttribute(XNamespace.Xmlns + "s1", s1.NamespaceName), new XAttribute(xsi + "type", "s1:SOAPComplexType"),
            new XElement(s1 + "varInt", "34"), new XElement(s1 + "varString", "arg"), new XElement(s1 + "varFloat", "325.325"));

        XElement? echoed = await Client.EchoAnyTypeAsync(sent);

        Assert.NotNull(echoed);
        Assert.Equal(new[] { "34", "arg", "325.325" }, echoed!.Elements().Select(e => e.Value));
        Assert.Equal(new[] { "varInt", "varString", "varFloat" }, echoed.Elements().Select(e => e.Name.LocalName));
    }

    [Fact]
    public async Task EchoAnyElement()
    {
        // r4_groupI_xsd_029: <bold>Hello World</bold> inside inputAny.
        var sent = new XElement("inputAny", new XElement("bold", "Hello World" + V.Astral));

        XElement? echoed = await Client.EchoAnyElementAsync(sent);

        Assert.NotNull(echoed);
        Assert.Equal("<bold>Hello World" + V.Astral + "</bold>", string.Concat(echoed!.Nodes().Select(n => n.ToString(SaveOptions.DisableFormatting))));
    }

    [Fact]
    public async Task EchoVoidSoapHeader()
    {
        await Client.EchoVoidSoapHeaderAsync(varString2: "Hello World");
        Assert.Contains("echoMeStringRequest", Wire.Last.RequestBody, StringComparison.Ordinal);

        await Client.EchoVoidSoapHeaderAsync(varString: "arg", varInt: 34, varFloat: 12.345f);
        Assert.Contains("echoMeComplexTypeRequest", Wire.Last.RequestBody, StringComparison.Ordinal);
    }
}
#endif

/// <summary>
/// round4_groupI_xsd.wsdl's SOAP 1.2 port (<c>Round4XSDTestSoap12</c>) against PHP's SoapServer in SOAP 1.2 mode
/// (server path <c>round4/xsd12</c>): the SOAP 1.1 port's echoes, sent as <c>application/soap+xml</c> in a SOAP 1.2
/// envelope, answered in one, and compared exactly.
/// </summary>
[Collection(SoapBuildersR34Collection.Name)]
public sealed class SoapBuildersR4XsdSoap12Tests(SoapBuildersR34PhpServer server) : SoapBuildersR34Test(server)
{
    private const string Envelope12 = "http://www.w3.org/2003/05/soap-envelope";

    private X.Round4XSDTestSoap12Client Client => new(Http, Server.Endpoint("round4/xsd12"));

    [Theory]
    [MemberData(nameof(SoapBuildersR4XsdTests.Strings), MemberType = typeof(SoapBuildersR4XsdTests))]
    public Task EchoString(string name) => Check12(V.EchoString, name, v => Client.EchoStringAsync(v));

    [Theory]
    [MemberData(nameof(SoapBuildersR4XsdTests.Integers), MemberType = typeof(SoapBuildersR4XsdTests))]
    public Task EchoInteger(string name) => Check12(V.EchoInteger, name, async v => (await Client.EchoIntegerAsync(v))!.Value);

    [Theory]
    [MemberData(nameof(SoapBuildersR4XsdTests.Decimals), MemberType = typeof(SoapBuildersR4XsdTests))]
    public Task EchoDecimal(string name) => Check12(V.EchoDecimal, name, async v => (await Client.EchoDecimalAsync(v))!.Value);

    [Theory]
    [MemberData(nameof(SoapBuildersR4XsdTests.Base64s), MemberType = typeof(SoapBuildersR4XsdTests))]
    public Task EchoBase64(string name) => Check12(V.EchoBase64, name, v => Client.EchoBase64Async(v));

    [Theory]
    [MemberData(nameof(SoapBuildersR4XsdTests.ComplexTypeNames), MemberType = typeof(SoapBuildersR4XsdTests))]
    public Task EchoComplexType(string name) => Check12(SoapBuildersR4XsdTests.ComplexTypes, name, v => Client.EchoComplexTypeAsync(v));

    [Theory]
    [MemberData(nameof(SoapBuildersR4XsdTests.EnumNames), MemberType = typeof(SoapBuildersR4XsdTests))]
    public Task EchoEnum(string name) => Check12(SoapBuildersR4XsdTests.Enums, name, async v => (await Client.EchoEnumAsync(v))!.Value);

    // The value as on the SOAP 1.1 port, and SOAP 1.2 both ways.
    private async Task Check12<T, TEcho>(EchoCases<T> cases, string name, Func<T, Task<TEcho>> call)
    {
        await Check(cases, name, call);
        Assert.StartsWith("application/soap+xml", Wire.Last.RequestHeaders["Content-Type"], StringComparison.Ordinal);
        Assert.Contains(Envelope12, Wire.Last.RequestBody, StringComparison.Ordinal);
        Assert.Contains(Envelope12, Wire.Last.ResponseBody, StringComparison.Ordinal);
    }
}
