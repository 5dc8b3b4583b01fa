using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace SoapGen.Runtime.Tests;

public class ProtocolErrorTests
{
    private static Task<SoapProtocolException> ProtocolErrorAsync(HttpResponseMessage reply, long max = SoapTransport.DefaultMaxReplyBytes)
    {
        var handler = FakeHandler.Always(() => reply);
        return Assert.ThrowsAsync<SoapProtocolException>(() =>
            Soap.Transport(handler, maxReplyBytes: max).InvokeAsync("echo", "a", Soap.WriteEcho, Soap.ReadReturnString, CancellationToken.None));
    }

    [Fact]
    public async Task Html_502_page_reports_status_content_type_and_body_start()
    {
        string html = "<!DOCTYPE html>\r\n<html><head><title>502 Bad Gateway</title></head><body>\u0007nginx</body></html>";
        SoapProtocolException ex = await ProtocolErrorAsync(FakeHandler.Reply(html, "text/html", HttpStatusCode.BadGateway));

        Assert.Equal(HttpStatusCode.BadGateway, ex.HttpStatusCode);
        Assert.Equal("text/html", ex.ContentType);
        Assert.NotNull(ex.BodyPreview);
        Assert.StartsWith("<!DOCTYPE html>  <html>", ex.BodyPreview);
        Assert.DoesNotContain('\u0007', ex.BodyPreview!);
        Assert.DoesNotContain('\n', ex.BodyPreview!);
        Assert.Contains("502", ex.Message);
        Assert.Contains("text/html", ex.Message);
        Assert.Contains("502 Bad Gateway", ex.Message);
    }

    [Fact]
    public async Task Body_preview_is_limited_to_about_512_characters()
    {
        string html = "<html>" + new string('x', 10_000) + "</html>";
        SoapProtocolException ex = await ProtocolErrorAsync(FakeHandler.Reply(html, "text/html", HttpStatusCode.InternalServerError));
        Assert.Equal(512, ex.BodyPreview!.Length);
    }

    [Fact]
    public async Task Empty_200_body_is_a_protocol_error()
    {
        SoapProtocolException ex = await ProtocolErrorAsync(FakeHandler.Reply("", "text/xml"));
        Assert.Equal(HttpStatusCode.OK, ex.HttpStatusCode);
        Assert.Contains("empty", ex.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Null(ex.BodyPreview);
    }

    [Fact]
    public async Task Truncated_xml_is_a_protocol_error_with_the_xml_error_inside()
    {
        string full = Soap.Envelope11("<ns1:echoResponse xmlns:ns1=\"urn:myapi\"><return>ok</return></ns1:echoResponse>");
        string truncated = full.Substring(0, full.Length - 20);
        SoapProtocolException ex = await ProtocolErrorAsync(FakeHandler.Reply(truncated));

        Assert.IsType<System.Xml.XmlException>(ex.InnerException);
        Assert.Contains("well-formed", ex.Message);
        Assert.Equal(HttpStatusCode.OK, ex.HttpStatusCode);
    }

    [Fact]
    public async Task Wrong_root_element_is_a_protocol_error()
    {
        SoapProtocolException ex = await ProtocolErrorAsync(FakeHandler.Reply("<?xml version=\"1.0\"?><error><msg>nope</msg></error>"));
        Assert.Contains("not a SOAP envelope", ex.Message);
        Assert.Contains("<error>", ex.Message);
    }

    [Fact]
    public async Task Plain_text_with_xml_content_type_is_a_protocol_error()
    {
        SoapProtocolException ex = await ProtocolErrorAsync(FakeHandler.Reply("Fatal error: out of memory", "text/xml"));
        Assert.Equal("Fatal error: out of memory", ex.BodyPreview);
    }

    [Fact]
    public async Task Http_error_with_an_envelope_but_no_fault_is_a_protocol_error()
    {
        string reply = Soap.Envelope11("<ns1:echoResponse xmlns:ns1=\"urn:myapi\"><return>ok</return></ns1:echoResponse>");
        SoapProtocolException ex = await ProtocolErrorAsync(FakeHandler.Reply(reply, "text/xml", HttpStatusCode.ServiceUnavailable));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.HttpStatusCode);
    }

    [Fact]
    public async Task Reply_over_the_size_limit_names_the_limit_and_how_to_raise_it()
    {
        string reply = Soap.Envelope11("<r><return>" + new string('a', 5000) + "</return></r>");
        SoapProtocolException ex = await ProtocolErrorAsync(FakeHandler.Reply(reply), max: 1000);
        Assert.Contains("1000 bytes", ex.Message);
        Assert.Contains("MaxReplyBytes", ex.Message);
    }

    [Fact]
    public async Task Gzip_reply_over_the_limit_after_decompression_is_rejected()
    {
        // 100 KB of text compresses to a few hundred bytes: the limit must count decompressed bytes.
        string reply = Soap.Envelope11("<r><return>" + new string('a', 100_000) + "</return></r>");
        HttpResponseMessage message = FakeHandler.Reply(FakeHandler.Gzip(reply), "text/xml");
        message.Content.Headers.ContentEncoding.Add("gzip");
        Assert.True(FakeHandler.Gzip(reply).Length < 10_000);
        SoapProtocolException ex = await ProtocolErrorAsync(message, max: 10_000);
        Assert.Contains("10000 bytes", ex.Message);
    }

    [Fact]
    public async Task Unknown_charset_is_a_protocol_error()
    {
        string reply = Soap.Envelope11("<r><return>x</return></r>");
        SoapProtocolException ex = await ProtocolErrorAsync(FakeHandler.Reply(Encoding.UTF8.GetBytes(reply), "text/xml; charset=x-klingon"));
        Assert.Contains("x-klingon", ex.Message);
    }

    [Fact]
    public async Task Unparseable_int_names_the_element_and_value_and_keeps_http_context()
    {
        string reply = Soap.Envelope11("<ns1:r xmlns:ns1=\"urn:myapi\"><count xsi:type=\"xsd:int\">twelve</count></ns1:r>");
        var handler = FakeHandler.Always(() => FakeHandler.Reply(reply));
        SoapProtocolException ex = await Assert.ThrowsAsync<SoapProtocolException>(() =>
            Soap.Transport(handler).InvokeAsync("count", "a", Soap.WriteEcho, r =>
            {
                int? value = null;
                r.ReadStartStruct();
                while (r.ReadNextChild())
                {
                    value = r.ReadInt32();
                }

                return value;
            }, CancellationToken.None));

        Assert.Contains("<count>", ex.Message);
        Assert.Contains("'twelve'", ex.Message);
        Assert.Contains("xsd:int", ex.Message);
        Assert.Equal(HttpStatusCode.OK, ex.HttpStatusCode);
    }

    [Fact]
    public async Task Messages_never_contain_request_content_or_endpoint_query()
    {
        var handler = FakeHandler.Always(() => FakeHandler.Reply("<html>down</html>", "text/html", HttpStatusCode.BadGateway));
        SoapProtocolException ex = await Assert.ThrowsAsync<SoapProtocolException>(() =>
            Soap.Transport(handler).InvokeAsync("api_login", "a", w =>
            {
                w.WriteStartOperation("api_login", "urn:myapi", true);
                w.WriteString("password", null, "hunter2-PASSWORD", true);
                w.WriteEndElement();
            }, Soap.ReadReturnString, CancellationToken.None));

        Assert.DoesNotContain("hunter2", ex.ToString());
        Assert.DoesNotContain("SECRETKEY", ex.ToString());
        Assert.Contains("api_login", ex.Message);
        Assert.Contains("http://soap.test/api.php", ex.Message);
    }
}
