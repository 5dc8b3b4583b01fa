using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using Xunit;

namespace SoapGen.Generator.Tests;

/// <summary>
/// Records of a derivation chain are built by user code with object initialisers (the public parameterless
/// constructor) and by the serializer through each record's constructor from what it read (own members, then the
/// base's constructor for the inherited ones): both give the same values, on the wire and back.
/// </summary>
public class DerivedRecordTests
{
    private const string Schema = """
        <xsd:complexType name="D0"><xsd:sequence><xsd:element name="m0" type="xsd:int"/></xsd:sequence><xsd:attribute name="a0" type="xsd:string"/></xsd:complexType>
        <xsd:complexType name="D1"><xsd:complexContent><xsd:extension base="tns:D0"><xsd:sequence>
          <xsd:element name="m1" type="xsd:string" maxOccurs="unbounded"/></xsd:sequence></xsd:extension></xsd:complexContent></xsd:complexType>
        <xsd:complexType name="D2"><xsd:complexContent><xsd:extension base="tns:D1"><xsd:sequence>
          <xsd:element name="m2" type="xsd:int"/></xsd:sequence><xsd:attribute name="a2" type="xsd:int"/></xsd:extension></xsd:complexContent></xsd:complexType>
        <xsd:complexType name="D3"><xsd:complexContent><xsd:extension base="tns:D2"><xsd:sequence>
          <xsd:element name="m3" type="xsd:string"/></xsd:sequence></xsd:extension></xsd:complexContent></xsd:complexType>
        """;

    // Each value is sent as a D0 and echoed back; the probe says of what came back its type and whether it equals what was sent.
    private const string Probe = """
        public static class Probe
        {
            public static async System.Threading.Tasks.Task<string> Call(System.Net.Http.HttpClient http)
            {
                var client = new Chain.SClient(http);
                var sent = new Chain.D0[]
                {
                    new Chain.D0 { M0 = 7, A0 = "zero" },
                    new Chain.D1 { M0 = 1, A0 = "one", M1 = new[] { "x", "y" } },
                    new Chain.D2 { M0 = 2, M1 = new[] { "z" }, M2 = 22, A2 = 5 },
                    new Chain.D3 { M0 = 3, A0 = "three", M1 = new[] { "p", "q", "r" }, M2 = 33, A2 = -1, M3 = "deepest" },
                };
                var lines = new System.Collections.Generic.List<string>();
                foreach (var value in sent)
                {
                    var back = await client.OpAsync(value);
                    // Arrays compare by reference in a record's equality: M1 is compared item by item.
                    var equal = back is Chain.D1 withItems && value is Chain.D1 sentItems
                        ? System.Linq.Enumerable.SequenceEqual(withItems.M1!, sentItems.M1!) && withItems with { M1 = sentItems.M1 } == value
                        : back == value;
                    lines.Add(back!.GetType().Name + " " + (equal ? "equal" : "different: " + back));
                }

                return string.Join("\n", lines);
            }
        }
        """;

    [Fact]
    public async Task Values_built_with_initialisers_go_out_and_come_back_equal_at_every_depth()
    {
        var result = GeneratorHarness.Run("chain.wsdl", TestWsdl.Service(Schema, "tns:D0", "tns:D0"), new Dictionary<string, string> { ["SoapGenNamespace"] = "Chain" }, Probe);
        Assert.Empty(result.CompileErrors);
        var echo = new EchoHandler();
        using var http = new HttpClient(echo);
        var call = result.Load().GetType("Probe")!.GetMethod("Call")!;

        var lines = await (Task<string>)call.Invoke(null, new object[] { http })!;

        Assert.Equal("D0 equal\nD1 equal\nD2 equal\nD3 equal", lines);
        // The deepest value on the wire: its xsi:type, the attributes of every level, the elements base first.
        var value = echo.Values[3];
        Assert.Equal("D3", value.Attribute(XName.Get("type", "http://www.w3.org/2001/XMLSchema-instance"))!.Value.Split(':')[1]);
        Assert.Equal("three", (string?)value.Attribute("a0"));
        Assert.Equal("-1", (string?)value.Attribute("a2"));
        Assert.Equal(new[] { "m0:3", "m1:p", "m1:q", "m1:r", "m2:33", "m3:deepest" }, value.Elements().Select(e => e.Name.LocalName + ":" + e.Value));
    }

    /// <summary>Answers an rpc call with its own parameter as the result, and keeps the parameters it was sent.</summary>
    private sealed class EchoHandler : HttpMessageHandler
    {
        public List<XElement> Values { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var envelope = XDocument.Parse(await request.Content!.ReadAsStringAsync(cancellationToken));
            var call = envelope.Root!.Elements().Single(e => e.Name.LocalName == "Body").Elements().Single();
            var value = call.Elements().Single();
            Values.Add(new XElement(value));
            call.Name = call.Name.Namespace + "opResponse";
            value.Name = "return";
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(envelope.ToString(SaveOptions.DisableFormatting), Encoding.UTF8, "text/xml") };
        }
    }
}
