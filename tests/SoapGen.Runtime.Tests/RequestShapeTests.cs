using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;

namespace SoapGen.Runtime.Tests;

public class RequestShapeTests
{
    private static readonly string OkReply = Soap.Envelope11("<ns1:echoResponse xmlns:ns1=\"urn:myapi\"><return xsi:type=\"xsd:string\">ok</return></ns1:echoResponse>");

    private static async Task<RecordedRequest> SendAsync(SoapVersion version, string? action, System.Action<SoapWriter> write)
    {
        string reply = version == SoapVersion.Soap12
            ? Soap.Envelope12("<r xmlns=\"urn:myapi\"><return>ok</return></r>")
            : OkReply;
        string contentType = version == SoapVersion.Soap12 ? "application/soap+xml; charset=utf-8" : "text/xml; charset=utf-8";
        var handler = FakeHandler.Always(() => FakeHandler.Reply(reply, contentType));
        string? result = await Soap.Transport(handler, version).InvokeAsync("echo", action, write, Soap.ReadReturnString, CancellationToken.None);
        Assert.Equal("ok", result);
        return handler.Single;
    }

    [Fact]
    public async Task Soap11_posts_text_xml_with_quoted_soapaction()
    {
        RecordedRequest request = await SendAsync(SoapVersion.Soap11, "urn:myapi#echo", Soap.WriteEcho);

        Assert.Equal("POST", request.Message.Method.Method);
        Assert.Equal(Soap.Endpoint, request.Message.RequestUri);
        Assert.Equal("text/xml; charset=utf-8", request.ContentType);
        Assert.Equal("\"urn:myapi#echo\"", Assert.Single(request.Message.Headers.GetValues("SOAPAction")));
        Assert.Contains("gzip", request.Message.Headers.AcceptEncoding.Select(e => e.Value));
        Assert.Contains("deflate", request.Message.Headers.AcceptEncoding.Select(e => e.Value));
    }

    [Fact]
    public async Task Soap11_null_action_is_sent_as_empty_quotes()
    {
        RecordedRequest request = await SendAsync(SoapVersion.Soap11, null, Soap.WriteEcho);
        Assert.Equal("\"\"", Assert.Single(request.Message.Headers.GetValues("SOAPAction")));
    }

    [Fact]
    public async Task Soap12_puts_action_in_content_type_and_uses_12_envelope()
    {
        RecordedRequest request = await SendAsync(SoapVersion.Soap12, "urn:myapi#echo", Soap.WriteEcho);

        Assert.Equal("application/soap+xml; charset=utf-8; action=\"urn:myapi#echo\"", request.ContentType);
        Assert.False(request.Message.Headers.Contains("SOAPAction"));
        XDocument doc = XDocument.Parse(request.BodyText);
        Assert.Equal(XName.Get("Envelope", Soap.Env12), doc.Root!.Name);
    }

    [Fact]
    public async Task Envelope_is_utf8_without_bom_and_declares_the_four_prefixes_on_Envelope()
    {
        RecordedRequest request = await SendAsync(SoapVersion.Soap11, "a", Soap.WriteEcho);

        Assert.NotEqual(0xEF, request.Body[0]);
        XElement envelope = XDocument.Parse(request.BodyText).Root!;
        Assert.Equal(XName.Get("Envelope", Soap.Env11), envelope.Name);
        Assert.Equal(Soap.Env11, envelope.GetNamespaceOfPrefix("SOAP-ENV")?.NamespaceName);
        Assert.Equal(Soap.Enc11, envelope.GetNamespaceOfPrefix("SOAP-ENC")?.NamespaceName);
        Assert.Equal(Soap.Xsd, envelope.GetNamespaceOfPrefix("xsd")?.NamespaceName);
        Assert.Equal(Soap.Xsi, envelope.GetNamespaceOfPrefix("xsi")?.NamespaceName);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?><SOAP-ENV:Envelope", request.BodyText, System.StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Encoded_operation_has_encodingStyle_and_params_have_xsi_type()
    {
        RecordedRequest request = await SendAsync(SoapVersion.Soap11, "a", w =>
        {
            w.WriteStartOperation("api_buy_license", "urn:myapi", encoded: true);
            w.WriteString("sid", null, "S", encoded: true);
            w.WriteInt32("type", null, 10682, encoded: true);
            w.WriteBoolean("flag", null, true, encoded: true);
            w.WriteString("coupon", null, null, encoded: true);
            w.WriteEndElement();
        });

        XElement body = XDocument.Parse(request.BodyText).Root!.Element(XName.Get("Body", Soap.Env11))!;
        XElement op = Assert.Single(body.Elements());
        Assert.Equal(XName.Get("api_buy_license", "urn:myapi"), op.Name);
        Assert.Equal(Soap.Enc11, (string?)op.Attribute(XName.Get("encodingStyle", Soap.Env11)));
        Assert.Equal("xsd:string", (string?)op.Element("sid")!.Attribute(XName.Get("type", Soap.Xsi)));
        Assert.Equal("xsd:int", (string?)op.Element("type")!.Attribute(XName.Get("type", Soap.Xsi)));
        Assert.Equal("10682", op.Element("type")!.Value);
        Assert.Equal("true", op.Element("flag")!.Value);
        Assert.Equal("true", (string?)op.Element("coupon")!.Attribute(XName.Get("nil", Soap.Xsi)));
        Assert.Null(op.Element("coupon")!.Attribute(XName.Get("type", Soap.Xsi)));
    }

    [Fact]
    public async Task Literal_parts_have_no_xsi_type_and_qualified_parts_get_a_prefix()
    {
        RecordedRequest request = await SendAsync(SoapVersion.Soap11, "a", w =>
        {
            w.WriteStartOperation("Op", "urn:doc", encoded: false);
            w.WriteInt32("count", "urn:doc", 3, encoded: false);
            w.WriteString("plain", null, "x", encoded: false);
            w.WriteEndElement();
        });

        XElement op = XDocument.Parse(request.BodyText).Root!.Element(XName.Get("Body", Soap.Env11))!.Elements().Single();
        Assert.Null(op.Attribute(XName.Get("encodingStyle", Soap.Env11)));
        XElement count = op.Element(XName.Get("count", "urn:doc"))!;
        Assert.Null(count.Attribute(XName.Get("type", Soap.Xsi)));
        Assert.NotNull(op.Element("plain"));
        Assert.DoesNotContain("xmlns=\"\"", request.BodyText);
    }

    [Fact]
    public async Task Encoded_array_carries_SOAP_ENC_arrayType_with_count()
    {
        RecordedRequest request = await SendAsync(SoapVersion.Soap11, "a", w =>
        {
            w.WriteStartOperation("op", "urn:myapi", encoded: true);
            w.WriteStartArray("ids", null, "urn:types", "Id", 2);
            w.WriteInt32("item", null, 1, encoded: true);
            w.WriteInt32("item", null, 2, encoded: true);
            w.WriteEndElement();
            w.WriteEndElement();
        });

        XElement ids = XDocument.Parse(request.BodyText).Descendants("ids").Single();
        Assert.Equal("SOAP-ENC:Array", (string?)ids.Attribute(XName.Get("type", Soap.Xsi)));
        string arrayType = (string)ids.Attribute(XName.Get("arrayType", Soap.Enc11))!;
        Assert.EndsWith(":Id[2]", arrayType);
        string prefix = arrayType.Substring(0, arrayType.IndexOf(':'));
        Assert.Equal("urn:types", ids.GetNamespaceOfPrefix(prefix)?.NamespaceName);
        Assert.Equal(new[] { "1", "2" }, ids.Elements("item").Select(e => e.Value));
    }

    [Fact]
    public async Task WriteXsiType_declares_a_prefix_for_an_unknown_namespace()
    {
        RecordedRequest request = await SendAsync(SoapVersion.Soap11, "a", w =>
        {
            w.WriteStartOperation("op", "urn:myapi", encoded: true);
            w.WriteStartElement("thing", null);
            w.WriteXsiType("urn:types", "Thing");
            w.WriteString("name", null, "n", encoded: true);
            w.WriteEndElement();
            w.WriteEndElement();
        });

        XElement thing = XDocument.Parse(request.BodyText).Descendants("thing").Single();
        string type = (string)thing.Attribute(XName.Get("type", Soap.Xsi))!;
        string prefix = type.Substring(0, type.IndexOf(':'));
        Assert.Equal("urn:types", thing.GetNamespaceOfPrefix(prefix)?.NamespaceName);
        Assert.Equal("Thing", type.Substring(type.IndexOf(':') + 1));
    }
}
