using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace SoapGen.Runtime.Tests;

public class ReplyDecodingTests
{
    private static Task<string?> ReadAsync(HttpResponseMessage reply, SoapVersion version = SoapVersion.Soap11)
    {
        var handler = FakeHandler.Always(() => reply);
        return Soap.Transport(handler, version).InvokeAsync("echo", "a", Soap.WriteEcho, Soap.ReadReturnString, CancellationToken.None);
    }

    private static string CityReply(bool withDeclaration)
    {
        string envelope = Soap.Envelope11("<ns1:r xmlns:ns1=\"urn:myapi\"><return xsi:type=\"xsd:string\">Zürich</return></ns1:r>");
        return withDeclaration ? envelope.Replace("encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"") : envelope.Substring(envelope.IndexOf("?>", StringComparison.Ordinal) + 2);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Latin1_reply_from_content_type_charset_is_decoded(bool withDeclaration)
    {
        byte[] latin1 = Encoding.Latin1.GetBytes(CityReply(withDeclaration));
        Assert.Contains((byte)0xFC, latin1);
        Assert.Equal("Zürich", await ReadAsync(FakeHandler.Reply(latin1, "text/xml; charset=ISO-8859-1")));
    }

    [Fact]
    public async Task Each_reply_of_one_transport_is_decoded_by_its_own_charset()
    {
        // The transport keeps the last Content-Type's charset: a reply with another one must not be read by it.
        byte[] latin1 = Encoding.Latin1.GetBytes(CityReply(withDeclaration: false));
        byte[] utf8 = Encoding.UTF8.GetBytes(CityReply(withDeclaration: false));
        var replies = new Queue<HttpResponseMessage>([
            FakeHandler.Reply(latin1, "text/xml; charset=ISO-8859-1"),
            FakeHandler.Reply(utf8, "text/xml; charset=utf-8"),
            FakeHandler.Reply(utf8, "text/xml"),
            FakeHandler.Reply(latin1, "text/xml; charset=ISO-8859-1"),
        ]);
        SoapTransport transport = Soap.Transport(FakeHandler.Always(replies.Dequeue));
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal("Zürich", await transport.InvokeAsync("echo", "a", Soap.WriteEcho, Soap.ReadReturnString, CancellationToken.None));
        }
    }

    [Fact]
    public async Task Charset_header_wins_over_a_wrong_xml_declaration()
    {
        // The bytes are Latin-1, the declaration claims UTF-8 (a common PHP mistake): the HTTP charset decides.
        string text = Soap.Envelope11("<ns1:r xmlns:ns1=\"urn:myapi\"><return>Zürich</return></ns1:r>");
        Assert.Equal("Zürich", await ReadAsync(FakeHandler.Reply(Encoding.Latin1.GetBytes(text), "text/xml; charset=\"iso-8859-1\"")));
    }

    [Fact]
    public async Task Utf8_charset_header_wins_over_a_latin1_xml_declaration()
    {
        // UTF-8 bytes under a declaration that says ISO-8859-1: read as the declaration says, "Zürich" would be "ZÃ¼rich".
        byte[] utf8 = Encoding.UTF8.GetBytes(CityReply(withDeclaration: true));
        Assert.Equal("Zürich", await ReadAsync(FakeHandler.Reply(utf8, "text/xml; charset=utf-8")));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Bytes_that_are_not_utf8_under_a_utf8_charset_are_a_protocol_error(bool utf8Declaration)
    {
        // Latin-1 bytes (0xFC for ü), the charset says UTF-8: an error, never U+FFFD in the caller's data.
        string envelope = Soap.Envelope11("<ns1:r xmlns:ns1=\"urn:myapi\"><return>Zürich</return></ns1:r>");
        string text = utf8Declaration ? envelope : envelope.Substring(envelope.IndexOf("?>", StringComparison.Ordinal) + 2);
        var ex = await Assert.ThrowsAsync<SoapProtocolException>(() => ReadAsync(FakeHandler.Reply(Encoding.Latin1.GetBytes(text), "text/xml; charset=utf-8")));
        Assert.Equal(HttpStatusCode.OK, ex.HttpStatusCode);
    }

    [Fact]
    public async Task Without_charset_the_xml_declaration_decides()
    {
        byte[] latin1 = Encoding.Latin1.GetBytes(CityReply(withDeclaration: true));
        Assert.Equal("Zürich", await ReadAsync(FakeHandler.Reply(latin1, "text/xml")));
    }

    [Fact]
    public async Task Utf8_with_bom_and_charset_is_read()
    {
        byte[] body = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(CityReply(withDeclaration: false))];
        Assert.Equal("Zürich", await ReadAsync(FakeHandler.Reply(body, "text/xml; charset=utf-8")));
    }

    [Fact]
    public async Task Gzip_body_is_decompressed_when_the_handler_did_not()
    {
        HttpResponseMessage reply = FakeHandler.Reply(FakeHandler.Gzip(CityReply(withDeclaration: false)), "text/xml; charset=utf-8");
        reply.Content.Headers.ContentEncoding.Add("gzip");
        Assert.Equal("Zürich", await ReadAsync(reply));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Deflate_body_is_decompressed_zlib_or_raw(bool zlib)
    {
        var output = new MemoryStream();
        using (Stream compressor = zlib ? new ZLibStream(output, CompressionLevel.Optimal) : new DeflateStream(output, CompressionLevel.Optimal))
        {
            compressor.Write(Encoding.UTF8.GetBytes(CityReply(false)));
        }

        HttpResponseMessage reply = FakeHandler.Reply(output.ToArray(), "text/xml; charset=utf-8");
        reply.Content.Headers.ContentEncoding.Add("deflate");
        Assert.Equal("Zürich", await ReadAsync(reply));
    }

    [Fact]
    public async Task Corrupt_gzip_body_is_a_protocol_error()
    {
        HttpResponseMessage reply = FakeHandler.Reply(new byte[] { 0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5 }, "text/xml");
        reply.Content.Headers.ContentEncoding.Add("gzip");
        await Assert.ThrowsAsync<SoapProtocolException>(() => ReadAsync(reply));
    }

    [Fact]
    public async Task Header_is_skipped_and_the_body_child_read()
    {
        string reply = "<e:Envelope xmlns:e=\"" + Soap.Env11 + "\"><e:Header><h>1</h></e:Header><e:Body><x:r xmlns:x=\"urn:x\"><return>v</return></x:r></e:Body></e:Envelope>";
        Assert.Equal("v", await ReadAsync(FakeHandler.Reply(reply)));
    }

    [Fact]
    public async Task Empty_body_element_gives_readers_nothing_to_read()
    {
        string reply = Soap.Envelope11(string.Empty);
        Assert.Null(await ReadAsync(FakeHandler.Reply(reply)));
    }

    [Theory]
    [InlineData(HttpStatusCode.Accepted)]
    [InlineData(HttpStatusCode.NoContent)]
    public async Task One_way_202_or_204_without_body_reads_nothing(HttpStatusCode status)
    {
        bool called = false;
        var handler = FakeHandler.Always(() => FakeHandler.Reply("", null, status));
        string? result = await Soap.Transport(handler).InvokeAsync("notify", "a", Soap.WriteEcho, r =>
        {
            called = true;
            return Soap.ReadReturnString(r);
        }, CancellationToken.None);
        Assert.True(called);
        Assert.Null(result);
    }

    [Fact]
    public async Task Multi_ref_hrefs_are_inlined_keeping_the_referring_name()
    {
        // Axis-style rpc/encoded reply: the return and the array items are references to multiRef elements.
        string reply = Soap.Envelope11(
            "<ns1:getResponse xmlns:ns1=\"urn:myapi\"><getReturn href=\"#id0\"/></ns1:getResponse>" +
            "<multiRef id=\"id0\" SOAP-ENC:root=\"0\" xsi:type=\"ns2:Person\" xmlns:ns2=\"urn:types\">" +
            "<name xsi:type=\"xsd:string\">Ann</name><tags SOAP-ENC:arrayType=\"xsd:string[2]\"><item href=\"#id1\"/><item href=\"#id1\"/></tags></multiRef>" +
            "<multiRef id=\"id1\" SOAP-ENC:root=\"0\" xsi:type=\"xsd:string\">shared</multiRef>");

        var handler = FakeHandler.Always(() => FakeHandler.Reply(reply));
        var result = await Soap.Transport(handler).InvokeAsync("get", "a", Soap.WriteEcho, r =>
        {
            var values = new List<string>();
            Assert.True(r.ReadStartStruct());
            Assert.True(r.ReadNextChild());
            Assert.Equal("getReturn", r.LocalName);
            Assert.Equal("urn:types", r.XmlReader.LookupNamespace("ns2"));
            Assert.Equal("ns2:Person", r.XmlReader.GetAttribute("type", Soap.Xsi));
            Assert.Null(r.XmlReader.GetAttribute("id"));
            Assert.Null(r.XmlReader.GetAttribute("href"));
            Assert.True(r.ReadStartStruct());
            while (r.ReadNextChild())
            {
                if (r.LocalName == "name")
                {
                    values.Add(r.ReadString()!);
                }
                else
                {
                    values.AddRange(r.ReadArray(i => i.ReadString()!)!);
                }
            }

            return values;
        }, CancellationToken.None);

        Assert.Equal(new[] { "Ann", "shared", "shared" }, result);
    }

    [Fact]
    public async Task Multi_ref_cycle_is_a_protocol_error_not_a_hang()
    {
        string reply = Soap.Envelope11(
            "<ns1:r xmlns:ns1=\"urn:myapi\"><return href=\"#a\"/></ns1:r><m id=\"a\"><next href=\"#a\"/></m>");
        SoapProtocolException ex = await Assert.ThrowsAsync<SoapProtocolException>(() => ReadAsync(FakeHandler.Reply(reply)));
        Assert.Contains("cycle", ex.Message);
        Assert.Equal(HttpStatusCode.OK, ex.HttpStatusCode);
    }

    [Fact]
    public async Task Multi_ref_to_a_missing_id_is_a_protocol_error()
    {
        string reply = Soap.Envelope11("<ns1:r xmlns:ns1=\"urn:myapi\"><return href=\"#nope\"/></ns1:r><m id=\"a\">x</m>");
        SoapProtocolException ex = await Assert.ThrowsAsync<SoapProtocolException>(() => ReadAsync(FakeHandler.Reply(reply)));
        Assert.Contains("'nope'", ex.Message);
    }

    [Fact]
    public async Task Soap12_enc_ref_is_inlined()
    {
        const string enc12 = "http://www.w3.org/2003/05/soap-encoding";
        string reply = Soap.Envelope12(
            "<r xmlns=\"urn:x\" xmlns:enc=\"" + enc12 + "\"><return enc:ref=\"v1\"/></r><v xmlns:enc=\"" + enc12 + "\" enc:id=\"v1\">value</v>");
        Assert.Equal("value", await ReadAsync(FakeHandler.Reply(reply, "application/soap+xml"), SoapVersion.Soap12));
    }

    [Fact]
    public async Task Cancellation_by_the_caller_surfaces_as_cancellation()
    {
        var handler = new FakeHandler(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return FakeHandler.Reply("never");
        });
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Soap.Transport(handler).InvokeAsync("echo", "a", Soap.WriteEcho, Soap.ReadReturnString, cts.Token));
    }

    [Fact]
    public async Task Already_cancelled_token_sends_nothing()
    {
        var handler = FakeHandler.Always(() => FakeHandler.Reply("x"));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Soap.Transport(handler).InvokeAsync("echo", "a", Soap.WriteEcho, Soap.ReadReturnString, new CancellationToken(true)));
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task HttpClient_timeout_surfaces_as_TimeoutException_naming_the_operation()
    {
        var handler = new FakeHandler(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return FakeHandler.Reply("never");
        });
        var transport = new SoapTransport(new HttpClient(handler) { Timeout = TimeSpan.FromMilliseconds(100) }, Soap.Endpoint);
        TimeoutException ex = await Assert.ThrowsAsync<TimeoutException>(() =>
            transport.InvokeAsync("api_slow", "a", Soap.WriteEcho, Soap.ReadReturnString, CancellationToken.None));
        Assert.Contains("api_slow", ex.Message);
        Assert.DoesNotContain("SECRETKEY", ex.Message);
    }
}
