#if SOAPBUILDERS_CORPUS
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using InteropBase;
using InteropGroupB;

namespace SoapGen.Interop.Tests;

/// <summary>
/// The request envelope our client sends for each Round 2 call, compared as XML (<see cref="XmlEnvelopeComparer"/>) with
/// the request PHP's own SoapClient sends for the same call in WSDL mode: php-src's interop tests, recorded in
/// ../shared/wsdl-corpus/php-src-soap/_phpt-samples (the "w" rows of CASES.tsv; files r2_base_NNNw.request.xml).
/// </summary>
public sealed class SoapBuildersEnvelopeTests : IClassFixture<SoapBuildersPhpServer>, IDisposable
{
    /// <summary>
    /// How our requests legitimately differ from PHP's SoapClient's; everything else must match.
    /// </summary>
    private const EnvelopeTolerance Tolerated =
        EnvelopeTolerance.EncodingStylePlacement   // PHP puts encodingStyle on the Envelope, we on the rpc element: the same style on every encoded value
        | EnvelopeTolerance.GenericArrayType       // PHP types an array as the WSDL's ArrayOfstring, we as SOAP-ENC:Array; both say SOAP-ENC:arrayType="xsd:string[2]"
        | EnvelopeTolerance.TypeOfNil              // PHP writes xsi:type="ns2:ArrayOfstring" on a nil array too (r2_base_009w)
        | EnvelopeTolerance.DateTimeLexicalForm;   // PHP sends the text it was given ("…41Z"), we the DateTimeOffset's "o" form ("…41.0000000+00:00")

    private static readonly string SamplesRoot = Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "wsdl-corpus", "php-src-soap", "_phpt-samples"));

    /// <summary>Each sample's PHP call (CASES.tsv's php_call), made through our client.</summary>
    private static readonly Dictionary<string, Func<InteropTestClient, InteropLabBClient, Task>> Calls = new(StringComparer.Ordinal)
    {
        ["Round2/Base/r2_base_001w"] = (c, _) => c.EchoStringAsync("Hello World!"),
        ["Round2/Base/r2_base_002w"] = (c, _) => c.EchoStringAsync(""),
        ["Round2/Base/r2_base_003w"] = (c, _) => c.EchoStringAsync(null),
        ["Round2/Base/r2_base_004w"] = (c, _) => c.EchoStringAsync(SoapBuildersValues.Entities),

        // PHP's call is echoString(utf8_encode('ỗÈéóÒ₧⅜ỗỸ')) on a UTF-8 source: utf8_encode reads those bytes as Latin-1,
        // so PHP sends the UTF-8 bytes' Latin-1 characters (mojibake). The same characters, sent by us.
        ["Round2/Base/r2_base_005w"] = (c, _) => c.EchoStringAsync(Encoding.Latin1.GetString(Encoding.UTF8.GetBytes("ỗÈéóÒ₧⅜ỗỸ"))),
        ["Round2/Base/r2_base_006w"] = (c, _) => c.EchoStringArrayAsync(new[] { "good", "bad" }),
        ["Round2/Base/r2_base_007w"] = (c, _) => c.EchoStringArrayAsync(new[] { "good" }),
        ["Round2/Base/r2_base_008w"] = (c, _) => c.EchoStringArrayAsync(Array.Empty<string>()),
        ["Round2/Base/r2_base_009w"] = (c, _) => c.EchoStringArrayAsync(null),
        ["Round2/Base/r2_base_010w"] = (c, _) => c.EchoIntegerAsync(34345),
        ["Round2/Base/r2_base_011w"] = (c, _) => c.EchoIntegerArrayAsync(new int?[] { 1, 234324324, 2 }),
        ["Round2/Base/r2_base_012w"] = (c, _) => c.EchoFloatAsync(342.23f),
        ["Round2/Base/r2_base_013w"] = (c, _) => c.EchoFloatArrayAsync(new float?[] { 1.3223f, 34.2f, 325.325f }),
        ["Round2/Base/r2_base_014w"] = (c, _) => c.EchoStructAsync(new InteropBase.SOAPStruct { VarString = "arg", VarInt = 34, VarFloat = 325.325f }),
        ["Round2/Base/r2_base_015w"] = (c, _) => c.EchoStructArrayAsync(new[]
        {
            new InteropBase.SOAPStruct { VarString = "arg", VarInt = 34, VarFloat = 325.325f },
            new InteropBase.SOAPStruct { VarString = "arg", VarInt = 34, VarFloat = 325.325f },
        }),
        ["Round2/Base/r2_base_016w"] = (c, _) => c.EchoVoidAsync(),
        ["Round2/Base/r2_base_017w"] = (c, _) => c.EchoBase64Async(Encoding.ASCII.GetBytes("Nebraska")),

        // PHP passes the bytes 'soapx4' and hex-encodes them.
        ["Round2/Base/r2_base_018w"] = (c, _) => c.EchoHexBinaryAsync(Encoding.ASCII.GetBytes("soapx4")),
        ["Round2/Base/r2_base_019w"] = (c, _) => c.EchoDecimalAsync(12345.67890m),
        ["Round2/Base/r2_base_020w"] = (c, _) => c.EchoDateAsync(new DateTimeOffset(2001, 5, 24, 17, 31, 41, TimeSpan.Zero)),
        ["Round2/Base/r2_base_021w"] = (c, _) => c.EchoBooleanAsync(true),
        ["Round2/Base/r2_base_022w"] = (c, _) => c.EchoBooleanAsync(false),
        ["Round2/Base/r2_base_023w"] = (c, _) => c.EchoBooleanAsync(true),  // PHP: echoBoolean(1)
        ["Round2/Base/r2_base_024w"] = (c, _) => c.EchoBooleanAsync(false), // PHP: echoBoolean(0)
        ["Round2/GroupB/r2_groupB_001w"] = (_, b) => b.EchoStructAsSimpleTypesAsync(new InteropGroupB.SOAPStruct { VarString = "arg", VarInt = 34, VarFloat = 34.345f }),
        ["Round2/GroupB/r2_groupB_002w"] = (_, b) => b.EchoSimpleTypesAsStructAsync("arg", 34, 34.345f),
        ["Round2/GroupB/r2_groupB_003w"] = (_, b) => b.Echo2DStringArrayAsync(new[,] { { "row0col0", "row0col1", "row0col2" }, { "row1col0", "row1col1", "row1col2" } }),
        ["Round2/GroupB/r2_groupB_004w"] = (_, b) => b.EchoNestedStructAsync(new SOAPStructStruct
        {
            VarString = "arg", VarInt = 34, VarFloat = 123.45f,
            VarStruct = new InteropGroupB.SOAPStruct { VarString = "arg2", VarInt = 342, VarFloat = 123.452f },
        }),
        ["Round2/GroupB/r2_groupB_005w"] = (_, b) => b.EchoNestedArrayAsync(new SOAPArrayStruct
        {
            VarString = "arg", VarInt = 34, VarFloat = 325.325f, VarArray = new[] { "red", "blue", "green" },
        }),
    };

    private readonly RecordingHandler _wire = new();
    private readonly HttpClient _http;
    private readonly InteropTestClient _base;
    private readonly InteropLabBClient _groupB;

    public SoapBuildersEnvelopeTests(SoapBuildersPhpServer server)
    {
        _http = new HttpClient(_wire) { Timeout = TimeSpan.FromSeconds(60) };
        _base = new InteropTestClient(_http, server.BaseEndpoint);
        _groupB = new InteropLabBClient(_http, server.GroupBEndpoint);
    }

    public static TheoryData<string> Samples => new(Calls.Keys);

    [Theory]
    [MemberData(nameof(Samples))]
    public Task RequestIsPhpSoapClientsRequest(string sample) => AssertSameRequest(sample);

    [Fact]
    public void EveryWsdlModeRound2SampleHasACall()
    {
        // CASES.tsv: phpt path, mode (p = no WSDL, s = SoapVar, w = WSDL), …; only the WSDL-mode client is ours to match.
        string[] wsdlMode = File.ReadAllLines(Path.Combine(SamplesRoot, "CASES.tsv"), Encoding.UTF8)
            .Skip(1)
            .Select(line => line.Split('\t'))
            .Where(f => f.Length > 1 && f[1] == "w" && (f[0].StartsWith("Round2/Base/", StringComparison.Ordinal) || f[0].StartsWith("Round2/GroupB/", StringComparison.Ordinal)))
            .Select(f => f[0][..^".phpt".Length])
            .ToArray();

        Assert.Equal(wsdlMode.Order(StringComparer.Ordinal), Calls.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task EveryToleranceIsNeededBySomeSample()
    {
        // So the comparison tolerates no more than the differences that really occur.
        var unneeded = new HashSet<EnvelopeTolerance>(Enum.GetValues<EnvelopeTolerance>().Where(t => t != EnvelopeTolerance.None && Tolerated.HasFlag(t)));
        foreach (string sample in Calls.Keys)
        {
            string php = ReadSample(sample);
            await Calls[sample](_base, _groupB);
            unneeded.RemoveWhere(t => XmlEnvelopeComparer.Differences(php, _wire.Last.RequestBody, Tolerated & ~t).Count > 0);
        }

        Assert.Empty(unneeded);
    }

    [Fact]
    public void TheComparerIgnoresPrefixesButNotNamesTypesOrText()
    {
        string php = ReadSample("Round2/Base/r2_base_014w");
        string renamedPrefixes = php.Replace("ns2:", "q:", StringComparison.Ordinal).Replace("xmlns:ns2=", "xmlns:q=", StringComparison.Ordinal)
            .Replace("SOAP-ENV:", "e:", StringComparison.Ordinal).Replace("xmlns:SOAP-ENV=", "xmlns:e=", StringComparison.Ordinal);

        Assert.Empty(XmlEnvelopeComparer.Differences(php, renamedPrefixes, EnvelopeTolerance.None));
        Assert.NotEmpty(XmlEnvelopeComparer.Differences(php, php.Replace(">arg<", ">arg <", StringComparison.Ordinal), Tolerated));
        Assert.NotEmpty(XmlEnvelopeComparer.Differences(php, php.Replace("\"xsd:int\"", "\"xsd:long\"", StringComparison.Ordinal), Tolerated));
        Assert.NotEmpty(XmlEnvelopeComparer.Differences(php, php.Replace("varInt", "varint", StringComparison.Ordinal), Tolerated));
        Assert.NotEmpty(XmlEnvelopeComparer.Differences(php, php.Replace("xmlns:ns2=\"http://soapinterop.org/xsd\"", "xmlns:ns2=\"http://soapinterop.org/\"", StringComparison.Ordinal), Tolerated));
        Assert.NotEmpty(XmlEnvelopeComparer.Differences(php, php.Replace("<varFloat", "<extra/><varFloat", StringComparison.Ordinal), Tolerated));
    }

    public void Dispose() => _http.Dispose();

    private static string ReadSample(string sample) => File.ReadAllText(Path.Combine(SamplesRoot, sample + ".request.xml"), Encoding.UTF8);

    private async Task AssertSameRequest(string sample)
    {
        string php = ReadSample(sample);

        await Calls[sample](_base, _groupB);

        string ours = _wire.Last.RequestBody;
        IReadOnlyList<string> differences = XmlEnvelopeComparer.Differences(php, ours, Tolerated);
        Assert.True(differences.Count == 0, $"{sample}: our request differs from PHP's SoapClient's:\n  {string.Join("\n  ", differences)}\nPHP:  {php.Trim()}\nours: {ours}");
    }
}
#endif
