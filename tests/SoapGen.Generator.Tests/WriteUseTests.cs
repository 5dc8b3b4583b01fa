using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using Xunit;

namespace SoapGen.Generator.Tests;

/// <summary>
/// A type's writer is generated for the way the namespace's messages use it: SOAP-encoded only, literal only, or both.
/// Whichever it is, a null optional member goes out as the message's use asks: <c>xsi:nil</c> when encoded, left out
/// when literal, and a namespace with both kinds of message does each in its own message.
/// </summary>
public class WriteUseTests
{
    private const string Schema = """
        <types><xsd:schema targetNamespace="urn:t">
          <xsd:complexType name="T"><xsd:sequence>
            <xsd:element name="a" type="xsd:int" minOccurs="0"/>
            <xsd:element name="b" type="xsd:string" minOccurs="0"/>
          </xsd:sequence></xsd:complexType>
        </xsd:schema></types>
        <message name="opRequest"><part name="value" type="tns:T"/></message>
        <message name="opResponse"><part name="return" type="xsd:string"/></message>
        <portType name="P"><operation name="op"><input message="tns:opRequest"/><output message="tns:opResponse"/></operation></portType>
        """;

    private const string XsiNil = "{http://www.w3.org/2001/XMLSchema-instance}nil";

    [Theory]
    [InlineData("encoded")]
    [InlineData("literal")]
    public async Task A_namespace_written_one_way_sends_a_null_optional_member_as_that_use_asks(string use)
    {
        var wsdl = TestWsdl.Head + Schema + Binding("B", use) + """
            <service name="S"><port name="SPort" binding="tns:B"><soap:address location="http://localhost/s"/></port></service>
            </definitions>
            """;

        var sent = await Send(wsdl, "SClient");

        var value = Assert.Single(sent);
        Assert.Equal("x", value.Element("b")!.Value);
        if (use == "encoded")
        {
            Assert.Equal("true", (string?)value.Element("a")!.Attribute(XsiNil));
        }
        else
        {
            Assert.Null(value.Element("a"));
        }
    }

    [Fact]
    public async Task A_namespace_written_both_ways_sends_each_message_as_its_own_use_asks()
    {
        var wsdl = TestWsdl.Head + Schema + Binding("Encoded", "encoded") + Binding("Literal", "literal") + """
            <service name="S">
              <port name="EncodedPort" binding="tns:Encoded"><soap:address location="http://localhost/e"/></port>
              <port name="LiteralPort" binding="tns:Literal"><soap:address location="http://localhost/l"/></port>
            </service>
            </definitions>
            """;

        var encoded = Assert.Single(await Send(wsdl, "EncodedPortClient"));
        var literal = Assert.Single(await Send(wsdl, "LiteralPortClient"));

        Assert.Equal("true", (string?)encoded.Element("a")!.Attribute(XsiNil));
        Assert.Null(literal.Element("a"));
        Assert.Equal("x", encoded.Element("b")!.Value);
        Assert.Equal("x", literal.Element("b")!.Value);
    }

    private static string Binding(string name, string use)
    {
        var encoding = use == "encoded" ? " encodingStyle=\"http://schemas.xmlsoap.org/soap/encoding/\"" : string.Empty;
        return $"""
            <binding name="{name}" type="tns:P">
              <soap:binding style="rpc" transport="http://schemas.xmlsoap.org/soap/http"/>
              <operation name="op">
                <soap:operation soapAction="urn:t#op"/>
                <input><soap:body use="{use}" namespace="urn:t"{encoding}/></input>
                <output><soap:body use="{use}" namespace="urn:t"{encoding}/></output>
              </operation>
            </binding>
            """;
    }

    // Sends a T with A null and B "x" through the named client; returns the parameter elements it put on the wire.
    private static async Task<List<XElement>> Send(string wsdl, string client)
    {
        var probe = $$"""
            public static class Probe
            {
                public static System.Threading.Tasks.Task<string?> Call(System.Net.Http.HttpClient http) =>
                    new Uses.{{client}}(http).OpAsync(new Uses.T { A = null, B = "x" });
            }
            """;
        var result = GeneratorHarness.Run("uses.wsdl", wsdl, new Dictionary<string, string> { ["SoapGenNamespace"] = "Uses" }, probe);
        Assert.Empty(result.CompileErrors);
        var server = new RecordingHandler();
        using var http = new HttpClient(server);

        var reply = await (Task<string?>)result.Load().GetType("Probe")!.GetMethod("Call")!.Invoke(null, new object[] { http })!;

        Assert.Equal("ok", reply);
        return server.Values;
    }

    /// <summary>Keeps the parameter of each rpc call it is sent and answers "ok".</summary>
    private sealed class RecordingHandler : HttpMessageHandler
    {
        public List<XElement> Values { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var envelope = XDocument.Parse(await request.Content!.ReadAsStringAsync(cancellationToken));
            var call = envelope.Root!.Elements().Single(e => e.Name.LocalName == "Body").Elements().Single();
            Values.Add(new XElement(call.Elements().Single()));
            const string Reply = """
                <s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>
                  <t:opResponse xmlns:t="urn:t"><return>ok</return></t:opResponse>
                </s:Body></s:Envelope>
                """;
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Reply, System.Text.Encoding.UTF8, "text/xml") };
        }
    }
}
