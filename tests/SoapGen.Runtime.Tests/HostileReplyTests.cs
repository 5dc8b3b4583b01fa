using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;

namespace SoapGen.Runtime.Tests;

/// <summary>
/// The table of hostile and broken replies: each one must raise a specific documented exception carrying the HTTP
/// status, the operation name and a bounded excerpt, and leave the client usable for the next call.
/// </summary>
public class HostileReplyTests
{
    private const string Op = "echo";
    private const string Enc = Soap.Enc11;

    // The longest message a hostile reply may produce: the fixed text, a 512-character preview and short excerpts.
    private const int MaxMessageLength = 4096;

    private static string Deep(int depth, string name = "a") =>
        string.Concat(Enumerable.Repeat("<" + name + ">", depth)) + string.Concat(Enumerable.Repeat("</" + name + ">", depth));

    private static string Wrapper(string inner) => "<ns1:echoResponse xmlns:ns1=\"urn:myapi\">" + inner + "</ns1:echoResponse>";

    private static string Siblings(string name, int count)
    {
        var text = new StringBuilder(count * 10);
        for (int i = 0; i < count; i++)
        {
            text.Append('<').Append(name).Append(">1</").Append(name).Append('>');
        }

        return text.ToString();
    }

    // What each case reads from the Body: the shapes generated code reads.
    private static object? ReadInt(SoapReader r) => r.ReadSinglePart(p => p.ReadInt32());

    private static object? ReadBool(SoapReader r) => r.ReadSinglePart(p => p.ReadBoolean());

    private static object? ReadIntArray(SoapReader r) => r.ReadSinglePart(p => p.ReadArray(i => i.ReadInt32()));

    private static object? ReadIntArray2D(SoapReader r) => r.ReadSinglePart(p => p.ReadArray2D(i => i.ReadInt32()));

    private static object? ReadXml(SoapReader r) => r.ReadSinglePart(p => p.ReadXElement());

    private static object? ReadStruct(SoapReader r) => r.ReadSinglePart(p =>
    {
        (string? A, int? B) value = default;
        if (p.ReadStartStruct())
        {
            while (p.ReadNextChild())
            {
                switch (p.LocalName)
                {
                    case "a": value.A = p.ReadString(); break;
                    case "b": value.B = p.ReadInt32(); break;
                    default: p.Skip(); break;
                }
            }
        }

        return value;
    });

    private static object? ReadString(SoapReader r) => Soap.ReadReturnString(r);

    private sealed record Case(Func<byte[]> Body, Func<SoapReader, object?> Read, string? ContentType = "text/xml; charset=utf-8", HttpStatusCode Status = HttpStatusCode.OK, string? Expect = null);

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static readonly Dictionary<string, Case> Cases = new()
    {
        // Depth: 100,000 levels took ~21 s (fault detail) and ~18 s (XElement, multi-ref) before the quotas.
        ["fault detail 100,000 deep"] = new(
            () => Utf8(Soap.Envelope11("<SOAP-ENV:Fault><faultcode>SOAP-ENV:Server</faultcode><faultstring>deep</faultstring><detail>" + Deep(100_000) + "</detail></SOAP-ENV:Fault>")),
            ReadString, Status: HttpStatusCode.InternalServerError, Expect: "MaxDepth"),
        ["XElement member 100,000 deep"] = new(() => Utf8(Soap.Envelope11(Wrapper("<return>" + Deep(100_000) + "</return>"))), ReadXml, Expect: "MaxDepth"),
        ["multi-ref reply 100,000 deep"] = new(
            () => Utf8(Soap.Envelope11(Wrapper("<return href=\"#id1\"/>") + "<multiRef id=\"id1\">" + Deep(100_000) + "</multiRef>")), ReadXml, Expect: "MaxDepth"),
        ["element name of 100,000 characters"] = new(() => Utf8(Soap.Envelope11(Wrapper("<" + new string('n', 100_000) + ">1</" + new string('n', 100_000) + ">"))), ReadInt, Expect: "MaxNameLength"),
        ["a million sibling items in an array"] = new(() => Utf8(Soap.Envelope11(Wrapper("<return>" + Siblings("item", 1_000_000) + "</return>"))), ReadIntArray, Expect: "MaxArrayLength"),
        ["a million sibling members in a struct"] = new(() => Utf8(Soap.Envelope11(Wrapper("<return>" + Siblings("z", 1_000_000) + "</return>"))), ReadStruct, Expect: "MaxElementCount"),

        // Shapes.
        ["text where an array is expected"] = new(() => Utf8(Soap.Envelope11(Wrapper("<return>not an array</return>"))), ReadIntArray, Expect: "not an array"),
        ["text where a struct is expected"] = new(() => Utf8(Soap.Envelope11(Wrapper("<return>not a struct</return>"))), ReadStruct, Expect: "not a struct"),
        ["text between struct members"] = new(() => Utf8(Soap.Envelope11(Wrapper("<return><a>x</a>stray<b>1</b></return>"))), ReadStruct, Expect: "stray"),
        ["href to a missing id, no ids at all"] = new(() => Utf8(Soap.Envelope11(Wrapper("<return href=\"#nowhere\"/>"))), ReadString, Expect: "nowhere"),
        ["href to a missing id, other ids present"] = new(
            () => Utf8(Soap.Envelope11(Wrapper("<return href=\"#nowhere\"/>") + "<multiRef id=\"id1\">x</multiRef>")), ReadString, Expect: "nowhere"),
        ["href to a 1 MB id"] = new(() => Utf8(Soap.Envelope11(Wrapper("<return href=\"#" + new string('i', 1_000_000) + "\"/>"))), ReadString, Expect: "1,000,000 characters"),
        ["href cycle"] = new(
            () => Utf8(Soap.Envelope11(Wrapper("<return href=\"#id1\"/>") + "<multiRef id=\"id1\"><next href=\"#id2\"/></multiRef><multiRef id=\"id2\"><next href=\"#id1\"/></multiRef>")),
            ReadXml, Expect: "cycle"),
        ["arrayType that claims [2147483647]"] = new(
            () => Utf8(Soap.Envelope11(Wrapper("<return xmlns:enc=\"" + Enc + "\" enc:arrayType=\"xsd:int[2147483647]\"><item>1</item><item>2</item></return>"))),
            ReadIntArray, Expect: "2147483647"),
        ["arrayType that claims [2147483647,2]"] = new(
            () => Utf8(Soap.Envelope11(Wrapper("<return xmlns:enc=\"" + Enc + "\" enc:arrayType=\"xsd:int[2147483647,2]\"><item>1</item><item>2</item></return>"))),
            ReadIntArray2D, Expect: "2147483647"),

        // Values.
        ["'abc' for an int"] = new(() => Utf8(Soap.Envelope11(Wrapper("<return>abc</return>"))), ReadInt, Expect: "xsd:int"),
        ["int overflow"] = new(() => Utf8(Soap.Envelope11(Wrapper("<return>99999999999999999999</return>"))), ReadInt, Expect: "xsd:int"),
        ["'maybe' for a boolean"] = new(() => Utf8(Soap.Envelope11(Wrapper("<return>maybe</return>"))), ReadBool, Expect: "xsd:boolean"),
        ["a 1 MB value that does not parse"] = new(() => Utf8(Soap.Envelope11(Wrapper("<return>" + new string('9', 1_000_000) + "x</return>"))), ReadInt, Expect: "xsd:int"),

        // Bytes and charsets.
        ["invalid UTF-8, charset utf-8"] = new(() => Bytes(Soap.Envelope11(Wrapper("<return>caf")), [0xC3, 0x28, 0xFF], "</return>" + Close), ReadString, Expect: "UTF-8"),
        ["invalid UTF-8, no charset"] = new(() => Bytes(Soap.Envelope11(Wrapper("<return>caf")), [0xC3, 0x28, 0xFF], "</return>" + Close), ReadString, ContentType: "text/xml", Expect: "well-formed"),
        ["Latin-1 bytes under a utf-8 charset"] = new(() => Bytes(Soap.Envelope11(Wrapper("<return>caf")), [0xE9], "</return>" + Close), ReadString, Expect: "utf-8"),
        ["UTF-16 charset over UTF-8 bytes"] = new(() => Utf8(Soap.Envelope11(Wrapper("<return>x</return>"))), ReadString, ContentType: "text/xml; charset=utf-16"),

        // Envelopes.
        ["SOAP 1.2 envelope to a 1.1 client"] = new(() => Utf8(Soap.Envelope12(Wrapper("<return>x</return>"))), ReadString, Expect: "SOAP 1.2"),
        ["missing Body"] = new(() => Utf8("<e:Envelope xmlns:e=\"" + Soap.Env11 + "\"><e:Header/></e:Envelope>"), ReadString, Expect: "no Body"),
        ["wrong envelope namespace"] = new(() => Utf8("<e:Envelope xmlns:e=\"urn:not-soap\"><e:Body/></e:Envelope>"), ReadString, Expect: "not a SOAP envelope"),
        ["root element name of 100,000 characters"] = new(() => Utf8("<" + new string('r', 100_000) + "/>"), ReadString, Expect: "MaxNameLength"),
        ["non-fault envelope with HTTP 500"] = new(() => Utf8(Soap.Envelope11(Wrapper("<return>x</return>"))), ReadString, Status: HttpStatusCode.InternalServerError, Expect: "without a Fault"),
        ["HTML error page"] = new(() => Utf8("<html><body>" + new string('x', 100_000) + "</body></html>"), ReadString, ContentType: "text/html", Status: HttpStatusCode.BadGateway),
        ["truncated XML"] = new(() => Utf8(Soap.Envelope11(Wrapper("<return>x</return>"))[..150]), ReadString, Expect: "well-formed"),
        ["empty body with HTTP 500"] = new(() => [], ReadString, Status: HttpStatusCode.InternalServerError, Expect: "empty"),
        ["wrong response element"] = new(
            () => Utf8(Soap.Envelope11("<ns1:loginResponse xmlns:ns1=\"urn:myapi\"><return>x</return></ns1:loginResponse>")), ReadString,
            Expect: "holds <loginResponse> in namespace 'urn:myapi', not the operation's response <echoResponse> in namespace 'urn:myapi'"),
        ["response element in the wrong namespace"] = new(
            () => Utf8(Soap.Envelope11("<ns1:echoResponse xmlns:ns1=\"urn:other\"><return>x</return></ns1:echoResponse>")), ReadString, Expect: "namespace 'urn:other'"),
        ["response element in no namespace"] = new(() => Utf8(Soap.Envelope11("<echoResponse><return>x</return></echoResponse>")), ReadString, Expect: "in no namespace"),
        // Just under MaxNameLength: the message quotes a short excerpt of it.
        ["response element name of 1,000 characters"] = new(
            () => Utf8(Soap.Envelope11("<" + new string('n', 1_000) + "><return>x</return></" + new string('n', 1_000) + ">")), ReadString, Expect: "holds <nnnn"),
    };

    private const string Close = "</ns1:echoResponse></SOAP-ENV:Body></SOAP-ENV:Envelope>";

    private static byte[] Bytes(string head, byte[] middle, string tail) => [.. Utf8(head), .. middle, .. Utf8(tail)];

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Hostile_reply_is_a_protocol_error_with_context_and_the_client_stays_usable(string name)
    {
        Case c = Cases[name];
        byte[] body = c.Body();
        int calls = 0;
        string good = Soap.Envelope11(Wrapper("<return>ok</return>"));
        var handler = new FakeHandler(_ => Interlocked.Increment(ref calls) == 1 ? FakeHandler.Reply(body, c.ContentType, c.Status) : FakeHandler.Reply(good));
        SoapTransport transport = Soap.Transport(handler);

        // The operation names its response element, as generated document/literal code does: every case must still fail for its own reason.
        var operation = new SoapOperation<ValueTuple, object?>(Op, "a", SoapVersion.Soap11, static (w, _) => Soap.WriteEcho(w), c.Read,
            responseName: "echoResponse", responseNamespace: "urn:myapi");

        SoapProtocolException ex = await Assert.ThrowsAsync<SoapProtocolException>(() => transport.InvokeAsync(operation, default, options: null, CancellationToken.None));

        Assert.Equal(c.Status, ex.HttpStatusCode);
        Assert.Contains("Operation '" + Op + "'", ex.Message);
        Assert.True(ex.Message.Length < MaxMessageLength, "message of " + ex.Message.Length + " characters: " + ex.Message[..Math.Min(300, ex.Message.Length)]);
        Assert.True(ex.BodyPreview is null || ex.BodyPreview.Length <= 512);
        if (c.Expect is not null)
        {
            Assert.Contains(c.Expect, ex.Message, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal("ok", await transport.InvokeAsync(Op, "a", Soap.WriteEcho, Soap.ReadReturnString, CancellationToken.None));
    }

    [Theory]
    [InlineData("urn:myapi", "urn:myapi")]  // document/literal: namespace and name as the schema declares them
    [InlineData(null, "urn:myapi")]  // rpc: any namespace
    [InlineData(null, "urn:other")]
    [InlineData(null, "")]
    public async Task Expected_response_element_reads_as_the_result(string? expectedNamespace, string sentNamespace)
    {
        string reply = Soap.Envelope11("<echoResponse xmlns=\"" + sentNamespace + "\"><return xmlns=\"\">ok</return></echoResponse>");
        var operation = new SoapOperation<ValueTuple, string?>(Op, "a", SoapVersion.Soap11, static (w, _) => Soap.WriteEcho(w), Soap.ReadReturnString,
            responseName: "echoResponse", responseNamespace: expectedNamespace);

        string? result = await Soap.Transport(FakeHandler.Always(() => FakeHandler.Reply(reply))).InvokeAsync(operation, default, options: null, CancellationToken.None);

        Assert.Equal("ok", result);
    }

    [Fact]
    public async Task Rpc_response_element_with_another_local_name_is_a_protocol_error()
    {
        string reply = Soap.Envelope11("<ns1:getUserResponse xmlns:ns1=\"urn:myapi\"><return>x</return></ns1:getUserResponse>");
        var operation = new SoapOperation<ValueTuple, string?>(Op, "a", SoapVersion.Soap11, static (w, _) => Soap.WriteEcho(w), Soap.ReadReturnString,
            responseName: "echoResponse");

        SoapProtocolException ex = await Assert.ThrowsAsync<SoapProtocolException>(() =>
            Soap.Transport(FakeHandler.Always(() => FakeHandler.Reply(reply))).InvokeAsync(operation, default, options: null, CancellationToken.None));

        Assert.Contains("holds <getUserResponse> in namespace 'urn:myapi', not the operation's response <echoResponse> in any namespace", ex.Message);
        Assert.Contains("Operation '" + Op + "'", ex.Message);
        Assert.Equal(HttpStatusCode.OK, ex.HttpStatusCode);
    }

    [Fact]
    public async Task Fault_is_reported_whatever_the_expected_response_element()
    {
        string reply = Soap.Envelope11("<SOAP-ENV:Fault><faultcode>SOAP-ENV:Client</faultcode><faultstring>no</faultstring></SOAP-ENV:Fault>");
        var operation = new SoapOperation<ValueTuple, string?>(Op, "a", SoapVersion.Soap11, static (w, _) => Soap.WriteEcho(w), Soap.ReadReturnString,
            responseName: "echoResponse", responseNamespace: "urn:myapi");

        SoapFaultException ex = await Assert.ThrowsAsync<SoapFaultException>(() =>
            Soap.Transport(FakeHandler.Always(() => FakeHandler.Reply(reply, status: HttpStatusCode.InternalServerError))).InvokeAsync(operation, default, options: null, CancellationToken.None));

        Assert.Equal("Client", ex.Code);
    }

    [Fact]
    public async Task Ten_megabyte_fault_string_is_quoted_short_and_kept_whole_in_Reason()
    {
        string reason = "boom " + new string('r', 10 * 1024 * 1024);
        string reply = Soap.Envelope11("<SOAP-ENV:Fault><faultcode>SOAP-ENV:Server</faultcode><faultstring>" + reason + "</faultstring></SOAP-ENV:Fault>");
        var handler = FakeHandler.Always(() => FakeHandler.Reply(reply, status: HttpStatusCode.InternalServerError));

        SoapFaultException ex = await Assert.ThrowsAsync<SoapFaultException>(() =>
            Soap.Transport(handler).InvokeAsync(Op, "a", Soap.WriteEcho, Soap.ReadReturnString, CancellationToken.None));

        Assert.True(ex.Message.Length < 1024, "message of " + ex.Message.Length + " characters");
        Assert.StartsWith("SOAP fault Server: boom rrr", ex.Message);
        Assert.Contains("characters)", ex.Message);
        Assert.Equal(reason, ex.Reason);
        Assert.Equal(HttpStatusCode.InternalServerError, ex.HttpStatusCode);
    }

    [Fact]
    public async Task Fault_code_of_a_megabyte_is_quoted_short()
    {
        string code = "SOAP-ENV:" + new string('c', 1_000_000);
        string reply = Soap.Envelope11("<SOAP-ENV:Fault><faultcode>" + code + "</faultcode><faultstring>x</faultstring></SOAP-ENV:Fault>");
        var handler = FakeHandler.Always(() => FakeHandler.Reply(reply, status: HttpStatusCode.InternalServerError));

        SoapFaultException ex = await Assert.ThrowsAsync<SoapFaultException>(() =>
            Soap.Transport(handler).InvokeAsync(Op, "a", Soap.WriteEcho, Soap.ReadReturnString, CancellationToken.None));

        Assert.True(ex.Message.Length < 1024, "message of " + ex.Message.Length + " characters");
        Assert.Equal(1_000_000, ex.Code.Length);
    }

    [Fact]
    public async Task Fault_with_http_200_is_a_fault()
    {
        string reply = Soap.Envelope11("<SOAP-ENV:Fault><faultcode>SOAP-ENV:Client</faultcode><faultstring>no</faultstring></SOAP-ENV:Fault>");
        var handler = FakeHandler.Always(() => FakeHandler.Reply(reply));
        SoapFaultException ex = await Assert.ThrowsAsync<SoapFaultException>(() =>
            Soap.Transport(handler).InvokeAsync(Op, "a", Soap.WriteEcho, Soap.ReadReturnString, CancellationToken.None));
        Assert.Equal(HttpStatusCode.OK, ex.HttpStatusCode);
    }

    [Fact]
    public async Task Soap12_fault_to_a_soap11_client_is_still_reported_as_the_fault()
    {
        // A 1.2-only server answers a 1.1 request with a VersionMismatch fault: what it says must reach the caller.
        string reply = Soap.Envelope12("<env:Fault><env:Code><env:Value>env:VersionMismatch</env:Value></env:Code><env:Reason><env:Text xml:lang=\"en\">1.2 only</env:Text></env:Reason></env:Fault>");
        var handler = FakeHandler.Always(() => FakeHandler.Reply(reply, "application/soap+xml", HttpStatusCode.InternalServerError));
        SoapFaultException ex = await Assert.ThrowsAsync<SoapFaultException>(() =>
            Soap.Transport(handler).InvokeAsync(Op, "a", Soap.WriteEcho, Soap.ReadReturnString, CancellationToken.None));
        Assert.Equal("VersionMismatch", ex.Code);
        Assert.Equal("1.2 only", ex.Reason);
    }

    [Fact]
    public async Task Cancellation_is_honoured_while_a_reply_is_parsed()
    {
        using var cts = new CancellationTokenSource();
        string reply = Soap.Envelope11(Wrapper("<return>" + Siblings("item", 50_000) + "</return>"));
        var handler = FakeHandler.Always(() => FakeHandler.Reply(reply));
        int read = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Soap.Transport(handler).InvokeAsync(Op, "a", Soap.WriteEcho, r => r.ReadSinglePart(p => p.ReadArray(i =>
            {
                // The caller gives up while the reply is being read: the rest of it must not be read.
                if (++read == 10)
                {
                    cts.Cancel();
                }

                return i.ReadInt32();
            })), cts.Token));

        Assert.True(read < 5_000, read + " items read after cancellation");
    }

    [Fact]
    public async Task Declared_array_size_is_never_allocated()
    {
        // A lying size must be reported without reserving it: 2,147,483,647 ints would be 8 GB.
        string reply = Soap.Envelope11(Wrapper("<return xmlns:enc=\"" + Enc + "\" enc:arrayType=\"xsd:int[2147483647,2147483647]\"><item>1</item></return>"));
        var handler = FakeHandler.Always(() => FakeHandler.Reply(reply));
        await Assert.ThrowsAsync<SoapProtocolException>(() =>
            Soap.Transport(handler).InvokeAsync(Op, "a", Soap.WriteEcho, ReadIntArray2D, CancellationToken.None));
    }

    [Fact]
    public async Task Sparse_and_sizeless_arrays_still_read()
    {
        // Legitimate SOAP-ENC forms: no size ("xsd:int[]"), a partial array (offset) and positioned items.
        string reply = Soap.Envelope11(Wrapper(
            "<return xmlns:enc=\"" + Enc + "\" enc:arrayType=\"xsd:int[]\"><item>1</item><item>2</item></return>"));
        string partial = Soap.Envelope11(Wrapper(
            "<return xmlns:enc=\"" + Enc + "\" enc:arrayType=\"xsd:int[5]\" enc:offset=\"[3]\"><item>4</item><item>5</item></return>"));
        string positioned = Soap.Envelope11(Wrapper(
            "<return xmlns:enc=\"" + Enc + "\" enc:arrayType=\"xsd:int[9]\"><item enc:position=\"[2]\">3</item><item enc:position=\"[8]\">9</item></return>"));

        // Each item at its place, in an array of the declared size (SoapArrayShapeTests has the rules).
        foreach ((string body, int?[] expected) in new[] { (reply, new int?[] { 1, 2 }), (partial, new int?[] { null, null, null, 4, 5 }), (positioned, new int?[] { null, null, 3, null, null, null, null, null, 9 }) })
        {
            var handler = FakeHandler.Always(() => FakeHandler.Reply(body));
            object? result = await Soap.Transport(handler).InvokeAsync(Op, "a", Soap.WriteEcho, ReadIntArray, CancellationToken.None);
            Assert.Equal(expected, (int?[])result!);
        }
    }

    [Fact]
    public async Task Whitespace_inside_structs_and_empty_structs_still_read()
    {
        string reply = Soap.Envelope11(Wrapper("<return>\r\n  <a>x</a>\n  <b>2</b>\n</return>"));
        var handler = FakeHandler.Always(() => FakeHandler.Reply(reply));
        object? result = await Soap.Transport(handler).InvokeAsync(Op, "a", Soap.WriteEcho, ReadStruct, CancellationToken.None);
        Assert.Equal(("x", (int?)2), ((string?, int?))result!);

        string empty = Soap.Envelope11(Wrapper("<return>  </return>"));
        handler = FakeHandler.Always(() => FakeHandler.Reply(empty));
        result = await Soap.Transport(handler).InvokeAsync(Op, "a", Soap.WriteEcho, ReadStruct, CancellationToken.None);
        Assert.Equal(((string?)null, (int?)null), ((string?, int?))result!);
    }
}
