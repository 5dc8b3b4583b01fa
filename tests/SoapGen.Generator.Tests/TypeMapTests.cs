using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace SoapGen.Generator.Tests;

/// <summary>
/// SoapGenTypeMap gives an undefined or foreign type a shape: the generated client then reads and writes it as that
/// shape on the wire (checked by running the client against canned PHP ext/soap-style envelopes), and a bad entry is
/// SOAPGEN007 at the WSDL while the rest still generates.
/// </summary>
public class TypeMapTests
{
    private const string Soap = "http://schemas.xmlsoap.org/soap/envelope/";
    private const string Enc = "http://schemas.xmlsoap.org/soap/encoding/";
    private const string Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    // tns:array is undefined (InterServer's defect); java:IntList is a foreign type no schema of the WSDL defines.
    private static readonly string Wsdl = """
        <?xml version="1.0"?>
        <definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
                     xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:tns="urn:t" xmlns:java="http://java.example/types"
                     targetNamespace="urn:t">
          <message name="opRequest"><part name="ids" type="java:IntList"/></message>
          <message name="opResponse"><part name="return" type="tns:array"/></message>
        """ + TestWsdl.RpcBinding();

    // What PHP's ext/soap answers for an undefined array type (tests/servers/interserver/README.md): a SOAP-ENC:Array of xsd:string.
    private const string Reply = """
        <?xml version="1.0" encoding="UTF-8"?>
        <SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" xmlns:ns1="urn:t"
            xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            xmlns:SOAP-ENC="http://schemas.xmlsoap.org/soap/encoding/" SOAP-ENV:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/">
          <SOAP-ENV:Body><ns1:opResponse>
            <return SOAP-ENC:arrayType="xsd:string[3]" xsi:type="SOAP-ENC:Array"><item xsi:type="xsd:string">domains</item><item xsi:type="xsd:string">Zürich café</item><item xsi:nil="true"/></return>
          </ns1:opResponse></SOAP-ENV:Body>
        </SOAP-ENV:Envelope>
        """;

    // Compiling this is itself a check: the mapped part and parameter have the mapped C# types.
    private const string Probe = """
        public static class Probe
        {
            public static async System.Threading.Tasks.Task<string?[]?> Call(System.Net.Http.HttpClient http) =>
                await new T.TClient(http, new System.Uri("http://127.0.0.1/t")).OpAsync(new int?[] { 7, null, -2147483648 });
        }
        """;

    private static Dictionary<string, string> Options(string map) => new()
    {
        ["SoapGenNamespace"] = "T",
        ["SoapGenClientName"] = "TClient",
        ["SoapGenTypeMap"] = map,
    };

    [Fact]
    public async Task MappedTypesAreReadAndWrittenAsTheirShape()
    {
        var result = GeneratorHarness.Run("t.wsdl", Wsdl, Options(" tns:array = string[] ;{http://java.example/types}IntList=xsd:int[]; "), Probe);
        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompileErrors);

        var handler = new CannedHandler(Reply);
        var items = await CallProbe(result, handler);

        Assert.Equal(new[] { "domains", "Zürich café", null }, items);
        var ids = XDocument.Parse(handler.Request!).Descendants("ids").Single();
        Assert.Equal(Enc + ":Array", ExpandedType(ids, (string)ids.Attribute(XName.Get("type", Xsi))!));
        Assert.Equal("{http://www.w3.org/2001/XMLSchema}int[3]", ExpandedType(ids, (string)ids.Attribute(XName.Get("arrayType", Enc))!));
        var values = ids.Elements().Select(e => (Nil: (string?)e.Attribute(XName.Get("nil", Xsi)), e.Value)).ToList();
        Assert.Equal(new[] { ((string?)null, "7"), ("true", ""), (null, "-2147483648") }, values);
    }

    [Fact]
    public void AnEntryMayNameATypeTheWsdlDefines()
    {
        var withType = Wsdl.Replace("<message name=\"opRequest\">", """
            <types><xsd:schema targetNamespace="urn:t"><xsd:simpleType name="code"><xsd:restriction base="xsd:long"/></xsd:simpleType></xsd:schema></types>
              <message name="opRequest">
            """);
        var probe = """
            public static class Probe
            {
                public static System.Threading.Tasks.Task<long?[]?> Call(T.TClient c) => c.OpAsync(ids: null);
            }
            """;

        var result = GeneratorHarness.Run("t.wsdl", withType, Options("tns:array=tns:code[]; java:IntList=int[]"), probe);

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompileErrors);
    }

    [Fact]
    public void SoapEncArrayWithoutAnItemTypeCanBeGivenOne()
    {
        var untyped = Wsdl
            .Replace("xmlns:tns=\"urn:t\"", "xmlns:tns=\"urn:t\" xmlns:soapenc=\"http://schemas.xmlsoap.org/soap/encoding/\"")
            .Replace("type=\"tns:array\"", "type=\"soapenc:Array\"");

        // The probe expects string?[]? from OpAsync: it compiles only if soapenc:Array took the mapped shape.
        var result = GeneratorHarness.Run("t.wsdl", untyped, Options("soapenc:Array=string[]; java:IntList=int[]"), Probe);

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompileErrors);
    }

    [Theory]
    [InlineData("tns:array", "write type=target")]
    [InlineData("array=string[]", "needs its prefix (tns:array)")]
    [InlineData("foo:array=string[]", "the prefix 'foo' is not declared")]
    [InlineData("tns:array=strnig[]", "'strnig' is not an XSD built-in type")]
    [InlineData("tns:array=string[][]", "only one-dimensional arrays")]
    [InlineData("xsd:int=string", "is a built-in XSD type")]
    [InlineData("tns:array=tns:array", "cannot be mapped to itself")]
    [InlineData("tns:a rray=string[]", "'a rray' is not a valid XML name")]
    public void AMalformedEntryIsSoapGen007AtTheWsdlAndTheRestStillGenerates(string badEntry, string reason)
    {
        var result = GeneratorHarness.Run("t.wsdl", Wsdl, Options(badEntry + "; java:IntList=int[]"));

        var diagnostics = result.GeneratorDiagnostics;
        var invalid = Assert.Single(diagnostics, d => d.Id == "SOAPGEN007");
        Assert.Equal(DiagnosticSeverity.Error, invalid.Severity);
        Assert.Equal("t.wsdl", invalid.Location.GetLineSpan().Path);
        Assert.Equal(0, invalid.Location.GetLineSpan().StartLinePosition.Line);
        var message = invalid.GetMessage(CultureInfo.InvariantCulture);
        Assert.Contains("SoapGenTypeMap=\"" + badEntry + "\"", message, StringComparison.Ordinal);
        Assert.Contains(reason, message, StringComparison.Ordinal);

        // The bad entry is ignored (tns:array stays undefined: SOAPGEN003), the good one still applies.
        Assert.Contains(diagnostics, d => d.Id == "SOAPGEN003" && d.GetMessage(CultureInfo.InvariantCulture).Contains("{urn:t}array", StringComparison.Ordinal));
        Assert.DoesNotContain(diagnostics, d => d.Id == "SOAPGEN003" && d.GetMessage(CultureInfo.InvariantCulture).Contains("IntList", StringComparison.Ordinal));
        Assert.Empty(result.CompileErrors);
    }

    [Fact]
    public void ATypeMappedTwiceOrToAMappedTypeIsReportedAndTheFirstEntryWins()
    {
        var result = GeneratorHarness.Run("t.wsdl", Wsdl, Options("tns:array=string[]; tns:array=int[]; java:IntList=tns:array"), Probe.Replace("new int?[] { 7, null, -2147483648 }", "null"));

        var messages = result.GeneratorDiagnostics.Where(d => d.Id == "SOAPGEN007").Select(d => d.GetMessage(CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, messages.Count);
        Assert.Contains(messages, m => m.Contains("tns:array=int[]", StringComparison.Ordinal) && m.Contains("mapped twice", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("is itself mapped", StringComparison.Ordinal));

        // op still returns string?[]: the first entry for tns:array was kept (the probe compiles against it).
        Assert.Empty(result.CompileErrors);
    }

    [Fact]
    public void InterServerArrayMappedToStringArrayLeavesNoUndefinedType()
    {
        var probe = """
            public static class Probe
            {
                public static async System.Threading.Tasks.Task<(string?[]?, string?[]?)> Call(InterServer.MyapiClient c) => (await c.GetModulesAsync(), await c.GetLockedIpsAsync());
            }
            """;
        var result = GeneratorHarness.Run(
            "wsdl/interserver.wsdl",
            GeneratorHarness.InterServerWsdl(),
            new Dictionary<string, string> { ["SoapGenNamespace"] = "InterServer", ["SoapGenTypeMap"] = "tns:array=string[]" },
            probe);

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompileErrors);
    }

    private static async Task<string?[]?> CallProbe(GeneratorResult result, HttpMessageHandler handler)
    {
        var call = result.Load().GetType("Probe")!.GetMethod("Call")!;
        using var http = new HttpClient(handler);
        return await (Task<string?[]?>)call.Invoke(null, new object[] { http })!;
    }

    // The ids argument's xsi:type or arrayType with its prefix resolved, so the check does not depend on prefixes.
    private static string ExpandedType(XElement scope, string qualified)
    {
        var colon = qualified.IndexOf(':');
        var ns = scope.GetNamespaceOfPrefix(qualified.Substring(0, colon))!.NamespaceName;
        var local = qualified.Substring(colon + 1);
        return ns == Enc ? Enc + ":" + local : "{" + ns + "}" + local;
    }

    private sealed class CannedHandler : HttpMessageHandler
    {
        private readonly string _reply;

        public CannedHandler(string reply) => _reply = reply;

        public string? Request { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Request = await request.Content!.ReadAsStringAsync(cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(_reply, Encoding.UTF8, "text/xml") };
        }
    }
}
