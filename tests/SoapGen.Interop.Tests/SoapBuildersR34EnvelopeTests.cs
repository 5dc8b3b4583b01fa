#if SOAPBUILDERS_CORPUS && SOAPBUILDERS_R34_CORPUS
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using System.Xml.Linq;

namespace SoapGen.Interop.Tests;

/// <summary>
/// Our Round 3/4 request envelopes against PHP's own SoapClient's (the "w" samples of _phpt-samples), compared as XML
/// with the Round 2 comparer. A call that fails (a fault reply) still leaves its request on the wire, which is all
/// that is compared.
/// </summary>
[Collection(SoapBuildersR34Collection.Name)]
public sealed class SoapBuildersR34EnvelopeTests(SoapBuildersR34PhpServer server) : SoapBuildersR34Test(server)
{
    private const EnvelopeTolerance Tolerated =
        EnvelopeTolerance.EncodingStylePlacement   // PHP on the Envelope, we on the rpc element
        | EnvelopeTolerance.GenericArrayType       // PHP names the WSDL's array type, we SOAP-ENC:Array; same arrayType
        | EnvelopeTolerance.TypeOfNil              // PHP writes xsi:type="ns:List" on a nil struct too (r3_groupE_list_001w…004w)
        | EnvelopeTolerance.DateTimeLexicalForm;   // PHP sends the text it was given, we the DateTimeOffset's "o" form

    /// <summary>Samples that differ only as explained: every difference line must contain the text given.</summary>
    private static readonly Dictionary<string, (string EveryDifferenceContains, string Why)> Explained = new(StringComparer.Ordinal)
    {
        // The int enumeration ns2:Enum is generated as its base type int (README: simpleType restrictions "as their
        // base type"), so we type the value xsd:int where PHP names the restriction; the value is the same.
        ["Round4/GroupH/r4_groupH_simple_rpcenc_015w"] = ("\"{http://soapinterop.org/types}Enum\" expected, \"{http://www.w3.org/2001/XMLSchema}int\" found", "int enum typed as its base"),
    };

    private static readonly string SamplesRoot = Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "wsdl-corpus", "php-src-soap", "_phpt-samples"));

    private static readonly Dictionary<string, Func<SoapBuildersR34EnvelopeTests, Task>> Calls = new(StringComparer.Ordinal)
    {
        ["Round3/GroupD/r3_groupD_compound1_001w"] = t => t.C1.EchoPersonAsync(new() { Age = 32, ID = 12345, Name = "Shane", Male = true }),
        ["Round3/GroupD/r3_groupD_compound1_002w"] = t => t.C1.EchoDocumentAsync(new() { Value = "Test Document Here" }),
        ["Round3/GroupD/r3_groupD_compound1_003w"] = t => t.C1.EchoDocumentAsync(new() { Value = "Test Document Here", ID = "1" }),
        ["Round3/GroupD/r3_groupD_compound2_001w"] = t => new InteropR3Compound2.Compound2Client(t.Http, t.Server.Endpoint("round3/compound2"))
            .EchoEmployeeAsync(new() { Person = new() { Name = "Shane", Male = true }, ID = 12345, Salary = 1000000.00 }),
        ["Round3/GroupD/r3_groupD_doclit_001w"] = t => t.DocLit.EchoStringAsync("Hello World"),
        ["Round3/GroupD/r3_groupD_doclit_002w"] = t => t.DocLit.EchoStringArrayAsync(new[] { "one", "two", "three" }),
        ["Round3/GroupD/r3_groupD_doclit_003w"] = t => t.DocLit.EchoStructAsync(new() { VarString = "arg", VarInt = 34, VarFloat = 325.325f }),
        ["Round3/GroupD/r3_groupD_doclit_004w"] = t => t.DocLit.EchoVoidAsync(),
        ["Round3/GroupD/r3_groupD_doclitparams_001w"] = t => t.Params.EchoStringAsync("Hello World"),
        ["Round3/GroupD/r3_groupD_doclitparams_002w"] = t => t.Params.EchoStringArrayAsync(new[] { "one", "two", "three" }),
        ["Round3/GroupD/r3_groupD_doclitparams_003w"] = t => t.Params.EchoStructAsync(new() { VarString = "arg", VarInt = 34, VarFloat = 325.325f }),
        ["Round3/GroupD/r3_groupD_doclitparams_004w"] = t => t.Params.EchoVoidAsync(),
        ["Round3/GroupD/r3_groupD_emptysa_001w"] = t => new InteropR3EmptySA.EmptySAClient(t.Http, t.Server.Endpoint("round3/emptysa")).EchoStringAsync("Hello World"),
        ["Round3/GroupD/r3_groupD_import1_001w"] = t => new InteropR3Import1.Import1Client(t.Http, t.Server.Endpoint("round3/import1")).EchoStringAsync("Hello World"),
        ["Round3/GroupD/r3_groupD_import2_001w"] = t => new InteropR3Import2.Import2Client(t.Http, t.Server.Endpoint("round3/import2")).EchoStructAsync(new() { VarString = "arg", VarInt = 34, VarFloat = 325.325f }),
        ["Round3/GroupD/r3_groupD_import3_001w"] = t => new InteropR3Import3.SoapInteropImport3PortClient(t.Http, t.Server.Endpoint("round3/import3")).EchoStructAsync(new() { VarString = "arg", VarInt = 34, VarFloat = 325.325f }),
        ["Round3/GroupD/r3_groupD_import3_002w"] = t => new InteropR3Import3.SoapInteropImport3PortClient(t.Http, t.Server.Endpoint("round3/import3")).EchoStructArrayAsync(new InteropR3Import3.SOAPStruct[]
        {
            new() { VarString = "arg", VarInt = 34, VarFloat = 325.325f }, new() { VarString = "arg", VarInt = 34, VarFloat = 325.325f },
        }),
        ["Round3/GroupD/r3_groupD_rpcenc_001w"] = t => t.RpcEnc.EchoStringAsync("Hello World"),
        ["Round3/GroupD/r3_groupD_rpcenc_002w"] = t => t.RpcEnc.EchoStringArrayAsync(new[] { "one", "two", "three" }),
        ["Round3/GroupD/r3_groupD_rpcenc_003w"] = t => t.RpcEnc.EchoStructAsync(new() { VarString = "arg", VarInt = 34, VarFloat = 325.325f }),
        ["Round3/GroupD/r3_groupD_rpcenc_004w"] = t => t.RpcEnc.EchoVoidAsync(),
        ["Round3/GroupE/r3_groupE_list_001w"] = t => t.List.EchoLinkedListAsync(new() { VarString = "arg1", VarInt = 1 }),
        ["Round3/GroupE/r3_groupE_list_002w"] = t => t.List.EchoLinkedListAsync(new() { VarString = "arg1", VarInt = 1, Child = new() { VarString = "arg2", VarInt = 2 } }),
        ["Round3/GroupE/r3_groupE_list_003w"] = t => t.List.EchoLinkedListAsync(new() { VarString = "arg1", VarInt = 1, Child = new() { VarString = "arg2", VarInt = 2, Child = new() { VarString = "arg3", VarInt = 3 } } }),
        ["Round3/GroupE/r3_groupE_list_004w"] = t => t.List.EchoLinkedListAsync(null),
        ["Round3/GroupF/r3_groupF_ext_001w"] = t => new InteropR3Ext.WSDLInteropTestDocLitClient(t.Http, t.Server.Endpoint("round3/ext")).EchoStringAsync("Hello World"),
        ["Round3/GroupF/r3_groupF_headers_001w"] = t => t.Headers.EchoStringAsync("Hello World"),
        ["Round3/GroupF/r3_groupF_headers_002w"] = t => t.Headers.EchoStringAsync("Hello World", new() { Int = 34, String = "arg" }),
        ["Round3/GroupF/r3_groupF_headers_003w"] = t => t.Headers.EchoStringAsync("Hello World", null, new() { Int = 34, String = "arg" }),
        ["Round3/GroupF/r3_groupF_headers_004w"] = t => t.Headers.EchoStringAsync("Hello World", new() { Int = 34, String = "arg1" }, new() { Int = 43, String = "arg2" }),
        ["Round4/GroupH/r4_groupH_simple_rpcenc_001w"] = t => t.SR.EchoEmptyFaultAsync(),
        ["Round4/GroupH/r4_groupH_simple_rpcenc_002w"] = t => t.SR.EchoStringFaultAsync("Hello World"),
        ["Round4/GroupH/r4_groupH_simple_rpcenc_004w"] = t => t.SR.EchoMultipleFaults1Async(1, "Hello world", new float?[] { 12.345f, 45, 678 }),
        ["Round4/GroupH/r4_groupH_simple_rpcenc_008w"] = t => t.SR.EchoMultipleFaults2Async(1, "Hello World", 12.345f, new[] { "one", "two", "three" }),
        ["Round4/GroupH/r4_groupH_simple_rpcenc_012w"] = t => t.SR.EchoMultipleFaults3Async(1, "arg1", "arg2"),
        ["Round4/GroupH/r4_groupH_simple_rpcenc_015w"] = t => t.SR.EchoMultipleFaults4Async(1, 162, 1),
        ["Round4/GroupH/r4_groupH_simple_doclit_002w"] = t => t.SD.EchoStringFaultAsync("Hello World"),
        ["Round4/GroupH/r4_groupH_simple_doclit_012w"] = t => t.SD.EchoMultipleFaults3Async(new() { WhichFault = 1, Param1 = "arg1", Param2 = "arg2" }),
        ["Round4/GroupH/r4_groupH_simple_doclit_015w"] = t => t.SD.EchoMultipleFaults4Async(new() { WhichFault = 1, Param1 = 162, Param2 = 1 }),
        ["Round4/GroupH/r4_groupH_complex_rpcenc_001w"] = t => t.CR.EchoSOAPStructFaultAsync(new() { SoapStruct = new() { VarString = "arg", VarInt = 34, VarFloat = 325.325f } }),
        ["Round4/GroupH/r4_groupH_complex_rpcenc_002w"] = t => t.CR.EchoBaseStructFaultAsync(new() { FloatMessage = 12.345f, ShortMessage = 12 }),
        ["Round4/GroupH/r4_groupH_complex_rpcenc_003w"] = t => t.CR.EchoExtendedStructFaultAsync(new() { FloatMessage = 12.345f, ShortMessage = 12, StringMessage = "arg", IntMessage = -3, AnotherIntMessage = 5 }),
        ["Round4/GroupH/r4_groupH_complex_doclit_001w"] = t => t.CD.EchoSOAPStructFaultAsync(new() { VarString = "arg", VarInt = 34, VarFloat = 325.325f }),
        ["Round4/GroupH/r4_groupH_complex_doclit_002w"] = t => t.CD.EchoBaseStructFaultAsync(new() { StructMessage = new() { VarString = "a1", VarInt = 11, VarFloat = 12.345f }, ShortMessage = 11 }),
        ["Round4/GroupH/r4_groupH_complex_doclit_003w"] = t => t.CD.EchoExtendedStructFaultAsync(new() { StructMessage = new() { VarString = "a1", VarInt = 11, VarFloat = 12.345f }, ShortMessage = 12, StringMessage = "arg", IntMessage = -3, AnotherIntMessage = 5 }),
        ["Round4/GroupI/r4_groupI_xsd_001w"] = t => t.Xsd.EchoVoidAsync(),
        ["Round4/GroupI/r4_groupI_xsd_002w"] = t => t.Xsd.EchoIntegerAsync(22),
        ["Round4/GroupI/r4_groupI_xsd_003w"] = t => t.Xsd.EchoFloatAsync(12.345f),
        ["Round4/GroupI/r4_groupI_xsd_004w"] = t => t.Xsd.EchoStringAsync("Hello World"),
        ["Round4/GroupI/r4_groupI_xsd_005w"] = t => t.Xsd.EchoStringAsync(),
        ["Round4/GroupI/r4_groupI_xsd_008w"] = t => t.Xsd.EchoComplexTypeAsync(new() { VarString = "arg", VarInt = 34, VarFloat = 325.325f }),
        ["Round4/GroupI/r4_groupI_xsd_009w"] = t => t.Xsd.EchoComplexTypeAsync(new() { VarInt = 34, VarFloat = 325.325f }),
        ["Round4/GroupI/r4_groupI_xsd_010w"] = t => t.Xsd.EchoIntegerMultiOccursAsync(new int?[] { 22, 29, 36 }),
        ["Round4/GroupI/r4_groupI_xsd_012w"] = t => t.Xsd.EchoStringMultiOccursAsync(new[] { "arg1", "arg2", "arg3" }),
        ["Round4/GroupI/r4_groupI_xsd_016w"] = t => t.Xsd.EchoDecimalAsync(123456789.123456789m),
        ["Round4/GroupI/r4_groupI_xsd_017w"] = t => t.Xsd.EchoBooleanAsync(true),
        ["Round4/GroupI/r4_groupI_xsd_018w"] = t => t.Xsd.EchoHexBinaryAsync(new byte[] { 0x80, 0xFF, 0x00, 0x01, 0x7F }),
        ["Round4/GroupI/r4_groupI_xsd_021w"] = t => t.Xsd.EchoSimpleTypesAsComplexTypeAsync("arg", 34, 12.345f),
        ["Round4/GroupI/r4_groupI_xsd_023w"] = t => t.Xsd.EchoNestedComplexTypeAsync(new() { VarString = "arg", VarInt = 34, VarFloat = 12.345f, VarComplexType = new() { VarString = "arg", VarInt = 43, VarFloat = 54.321f } }),
        ["Round4/GroupI/r4_groupI_xsd_025w"] = t => t.Xsd.EchoNestedMultiOccursAsync(new() { VarString = "arg", VarInt = 34, VarFloat = 12.345f, VarMultiOccurs = new[] { "red", "green", "blue" } }),
        ["Round4/GroupI/r4_groupI_xsd_026w"] = t => t.Xsd.EchoChoiceAsync(new() { Name1 = "Hello World" }),
        ["Round4/GroupI/r4_groupI_xsd_027w"] = t => t.Xsd.EchoEnumAsync(new InteropR4Xsd.Enum("bitTwo")),
    };

    private InteropR3Compound1.Compound1Client C1 => new(Http, Server.Endpoint("round3/compound1"));
    private InteropR3DocLit.WSDLInteropTestDocLitClient DocLit => new(Http, Server.Endpoint("round3/doclit"));
    private InteropR3DocLitParams.WSDLInteropTestDocLitClient Params => new(Http, Server.Endpoint("round3/doclitparams"));
    private InteropR3RpcEnc.WSDLInteropTestRpcEncClient RpcEnc => new(Http, Server.Endpoint("round3/rpcenc"));
    private InteropR3List.WSDLInteropTestListClient List => new(Http, Server.Endpoint("round3/list"));
    private InteropR3Headers.RetHeaderClient Headers => new(Http, Server.Endpoint("round3/headers"));
    private InteropR4SimpleRpcEnc.SimpleRpcEncClient SR => new(Http, Server.Endpoint("round4/simpleRpcenc"));
    private InteropR4SimpleDocLit.SimpleDocLitClient SD => new(Http, Server.Endpoint("round4/simpleDoclit"));
    private InteropR4ComplexRpcEnc.ComplexRpcEncClient CR => new(Http, Server.Endpoint("round4/complexRpcenc"));
    private InteropR4ComplexDocLit.ComplexDocLitClient CD => new(Http, Server.Endpoint("round4/complexDoclit"));
    private InteropR4Xsd.Round4XSDTestSoapClient Xsd => new(Http, Server.Endpoint("round4/xsd"));

    public static TheoryData<string> Samples => new(Calls.Keys);

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task RequestIsPhpSoapClientsRequest(string sample)
    {
        string php = File.ReadAllText(Path.Combine(SamplesRoot, sample + ".request.xml"), Encoding.UTF8);
        try
        {
            await Calls[sample](this);
        }
        catch (SoapGen.Runtime.SoapFaultException)
        {
            // Group H answers with its faults; extreq with a WSDL fault. Only the request matters here.
        }

        string ours = Wire.Last.RequestBody;
        IReadOnlyList<string> differences = XmlEnvelopeComparer.Differences(php, ours, Tolerated);
        if (Explained.TryGetValue(sample, out var explained))
        {
            Assert.NotEmpty(differences);
            differences = differences.Where(d => !d.Contains(explained.EveryDifferenceContains, StringComparison.Ordinal)).ToList();
        }

        Assert.True(differences.Count == 0, $"{sample}: our request differs from PHP's SoapClient's:\n  {string.Join("\n  ", differences)}\nPHP:  {php.Trim()}\nours: {ours}");
    }
}
#endif
