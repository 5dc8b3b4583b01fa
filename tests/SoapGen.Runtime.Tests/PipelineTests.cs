using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;

namespace SoapGen.Runtime.Tests;

/// <summary>
/// The envelope contract: operation descriptors, SOAP headers in and out (per call, ambient, from steps), pipeline steps
/// (order, retry, endpoint), per-call options (timeout, reply), typed declared faults and static header credentials.
/// </summary>
public class PipelineTests
{
    private static readonly XNamespace Env11 = Soap.Env11;
    private static readonly XNamespace Env12 = Soap.Env12;

    // A header of one string member, written as the generated serializer would (encoded or literal).
    private sealed record Token(string? Value);

    private static readonly SoapHeaderDescriptor<Token?> TokenHeader = new(
        "token",
        "urn:test",
        write: static (writer, localName, ns, value) =>
        {
            writer.WriteStartElement(localName, ns);
            writer.WriteString("value", null, value?.Value, encoded: false);
            writer.WriteEndElement();
        },
        read: static reader =>
        {
            string? value = null;
            if (reader.ReadStartStruct())
            {
                while (reader.ReadNextChild())
                {
                    if (reader.LocalName == "value") value = reader.ReadString(); else reader.Skip();
                }
            }

            return new Token(value);
        });

    private static readonly SoapHeaderDescriptor<Token?> StrictHeader = new(
        "strict", "urn:test", static (writer, localName, ns, value) => writer.WriteString(localName, ns, value?.Value, encoded: false), mustUnderstand: true, actor: "urn:next");

    private static SoapOperation<string?, string?> Echo(SoapFaultDescriptor[]? faults = null, SoapHeaderDescriptor[]? declared = null) => new(
        "echo",
        "urn:test#echo",
        SoapVersion.Soap11,
        writeBody: static (writer, text) =>
        {
            writer.WriteStartOperation("echo", "urn:test", encoded: false);
            writer.WriteString("text", null, text, encoded: false);
            writer.WriteEndElement();
        },
        readBody: Soap.ReadReturnString,
        writeHeaders: static (headers, text) => headers.Write(TokenHeader, text == "with-token" ? new Token("per-call") : null),
        inputHeaders: declared ?? [TokenHeader],
        outputHeaders: [TokenHeader],
        faults: faults);

    private static FakeHandler Replying(string header = "", string body = "<r><return>ok</return></r>") =>
        FakeHandler.Always(() => FakeHandler.Reply("<e:Envelope xmlns:e=\"" + Soap.Env11 + "\">" + (header.Length > 0 ? "<e:Header>" + header + "</e:Header>" : string.Empty) + "<e:Body>" + body + "</e:Body></e:Envelope>"));

    private static XElement Sent(FakeHandler handler, int index = 0) => XElement.Parse(handler.Requests.ElementAt(index).BodyText);

    [Fact]
    public async Task APerCallHeaderIsWrittenInTheHeaderAndNoHeaderElementWhenThereIsNone()
    {
        var handler = Replying();
        var transport = Soap.Transport(handler);

        await transport.InvokeAsync(Echo(), "with-token", null, CancellationToken.None);
        await transport.InvokeAsync(Echo(), "plain", null, CancellationToken.None);

        Assert.Equal("per-call", Sent(handler, 0).Element(Env11 + "Header")?.Element(XName.Get("token", "urn:test"))?.Element("value")?.Value);
        Assert.Null(Sent(handler, 1).Element(Env11 + "Header"));
    }

    [Fact]
    public async Task AnAmbientTypedHeaderGoesOnlyWithOperationsThatDeclareItAndNeverRepeatsAPerCallOne()
    {
        var handler = Replying();
        var transport = Soap.Transport(handler);
        transport.DefaultHeaders.Set(TokenHeader, new Token("ambient"));
        transport.DefaultHeaders.Add(SoapHeader.FromXml(new XElement(XName.Get("trace", "urn:other"), "t1")));

        await transport.InvokeAsync(Echo(), "plain", null, CancellationToken.None);
        await transport.InvokeAsync(Echo(), "with-token", null, CancellationToken.None);
        await transport.InvokeAsync(Echo(declared: []), "plain", null, CancellationToken.None);

        static string[] Tokens(XElement envelope) => envelope.Element(Env11 + "Header")!.Elements(XName.Get("token", "urn:test")).Select(e => e.Element("value")!.Value).ToArray();
        Assert.Equal(["ambient"], Tokens(Sent(handler, 0)));
        Assert.Equal(["per-call"], Tokens(Sent(handler, 1)));
        Assert.Empty(Tokens(Sent(handler, 2)));
        Assert.Equal("t1", Sent(handler, 2).Element(Env11 + "Header")?.Element(XName.Get("trace", "urn:other"))?.Value);
    }

    [Theory]
    [InlineData(SoapVersion.Soap11, "1", "actor")]
    [InlineData(SoapVersion.Soap12, "true", "role")]
    public async Task MustUnderstandAndActorAreWrittenInEachVersionsOwnForm(SoapVersion version, string mustUnderstand, string actorName)
    {
        var handler = FakeHandler.Always(() => FakeHandler.Reply(version == SoapVersion.Soap12
            ? Soap.Envelope12("<r><return>ok</return></r>")
            : Soap.Envelope11("<r><return>ok</return></r>"), version == SoapVersion.Soap12 ? "application/soap+xml" : "text/xml"));
        var transport = Soap.Transport(handler, version);
        var operation = new SoapOperation<string?, string?>("echo", null, version, static (w, _) => w.WriteStartOperation("echo", "urn:test", encoded: false), Soap.ReadReturnString);
        var options = new SoapCallOptions();
        options.Headers.Add(StrictHeader.Create(new Token("x")));

        await transport.InvokeAsync(operation, null, options, CancellationToken.None);

        XNamespace env = version == SoapVersion.Soap12 ? Env12 : Env11;
        XElement strict = Sent(handler).Element(env + "Header")!.Element(XName.Get("strict", "urn:test"))!;
        Assert.Equal(mustUnderstand, (string?)strict.Attribute(env + "mustUnderstand"));
        Assert.Equal("urn:next", (string?)strict.Attribute(env + actorName));
        Assert.Equal("x", strict.Value);
    }

    [Fact]
    public async Task ReplyHeadersAreKeptWholeAndDeclaredOnesReadTyped()
    {
        var handler = Replying("<t:token xmlns:t=\"urn:test\"><value>from-server</value></t:token><x:other xmlns:x=\"urn:x\">kept</x:other>");
        var options = new SoapCallOptions();

        await Soap.Transport(handler).InvokeAsync(Echo(), "plain", options, CancellationToken.None);

        Assert.Equal(2, options.Reply!.Headers.Count);
        Assert.Equal("from-server", options.Reply.GetHeader(TokenHeader)?.Value);
        Assert.Equal("kept", options.Reply.FindHeader("other", "urn:x")?.Value);
        Assert.Equal(HttpStatusCode.OK, options.Reply.StatusCode);
    }

    [Fact]
    public async Task StepsRunInOrderAroundTheCallAndMayRetryAndRedirect()
    {
        var handler = new FakeHandler(request => request.Message.RequestUri!.AbsolutePath == "/second"
            ? FakeHandler.Reply(Soap.Envelope11("<r><return>second</return></r>"))
            : FakeHandler.Reply(Soap.Envelope11("<SOAP-ENV:Fault><faultcode>SOAP-ENV:Server</faultcode><faultstring>moved</faultstring></SOAP-ENV:Fault>"), status: HttpStatusCode.InternalServerError));
        var seen = new List<string>();
        var transport = new SoapTransport(new HttpClient(handler), Soap.Endpoint, SoapVersion.Soap11, SoapTransport.DefaultMaxReplyBytes,
            [new Recording("outer", seen), new RedirectOnFault(new Uri("http://soap.test/second")), new Recording("inner", seen)], null);

        string? result = await transport.InvokeAsync(Echo(), "plain", null, CancellationToken.None);

        Assert.Equal("second", result);
        Assert.Equal(["outer>", "inner>", "<inner", "inner>", "<inner", "<outer"], seen);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task ADeclaredFaultDetailIsReadIntoItsTypeAndAnUndeclaredOneStaysRaw()
    {
        var declared = new SoapFaultDescriptor<string?>("Busy", "busy", "urn:test", static reader => reader.ReadString());
        string Fault(string detail) => Soap.Envelope11("<SOAP-ENV:Fault><faultcode>SOAP-ENV:Server</faultcode><faultstring>no</faultstring><detail>" + detail + "</detail></SOAP-ENV:Fault>");

        var typed = await Assert.ThrowsAsync<SoapFaultException<string?>>(() => Soap.Transport(FakeHandler.Always(() =>
            FakeHandler.Reply(Fault("<b:busy xmlns:b=\"urn:test\">try later</b:busy>"), status: HttpStatusCode.InternalServerError))).InvokeAsync(Echo([declared]), "plain", null, CancellationToken.None));
        var raw = await Assert.ThrowsAsync<SoapFaultException>(() => Soap.Transport(FakeHandler.Always(() =>
            FakeHandler.Reply(Fault("<o:other xmlns:o=\"urn:test\">?</o:other>"), status: HttpStatusCode.InternalServerError))).InvokeAsync(Echo([declared]), "plain", null, CancellationToken.None));

        Assert.Equal("try later", typed.TypedDetail);
        Assert.Equal("Busy", typed.FaultName);
        Assert.Equal("no", typed.Reason);
        Assert.Equal(typeof(SoapFaultException), raw.GetType());
        Assert.Equal("other", raw.Detail!.Elements().Single().Name.LocalName);
    }

    [Fact]
    public async Task APerCallTimeoutIsATimeoutExceptionNamingIt()
    {
        var handler = new FakeHandler(async (_, ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), ct);
            return FakeHandler.Reply(Soap.Envelope11("<r/>"));
        });

        var timeout = await Assert.ThrowsAsync<TimeoutException>(() =>
            Soap.Transport(handler).InvokeAsync(Echo(), "plain", new SoapCallOptions { Timeout = TimeSpan.FromMilliseconds(50) }, CancellationToken.None));

        Assert.Contains("SoapCallOptions.Timeout", timeout.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRETKEY", timeout.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HeaderCredentialsAreSentAndARejectionIsAnAuthenticationExceptionWithoutThem()
    {
        var handler = Replying(body: "<SOAP-ENV:Fault xmlns:SOAP-ENV=\"" + Soap.Env11 + "\"><faultcode>Vendor_Exception_InvalidLegacyToken</faultcode><faultstring>Invalid API token.</faultstring></SOAP-ENV:Fault>");
        var options = new SoapClientOptions().UseHeaderCredentials(TokenHeader, new Token("SECRET-API-KEY"));
        var transport = new SoapTransport(new HttpClient(handler), Soap.Endpoint, SoapVersion.Soap11, options.MaxReplyBytes, options.Steps, options.Headers);

        var rejected = await Assert.ThrowsAsync<SoapAuthenticationException>(() => transport.InvokeAsync(Echo(), "plain", null, CancellationToken.None));

        Assert.Equal("SECRET-API-KEY", Sent(handler).Element(Env11 + "Header")?.Element(XName.Get("token", "urn:test"))?.Element("value")?.Value);
        Assert.IsType<SoapFaultException>(rejected.InnerException);
        Assert.DoesNotContain("SECRET-API-KEY", rejected.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET-API-KEY", string.Join(",", options.Steps), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHeaderSessionLogsInOnceSendsTheTokenAndReLogsInOnExpiry()
    {
        int logins = 0;
        int calls = 0;
        var handler = new FakeHandler(request =>
        {
            Interlocked.Increment(ref calls);
            string token = XElement.Parse(request.BodyText).Descendants("value").Single().Value;
            return token == "token-1" && Volatile.Read(ref calls) > 3
                ? FakeHandler.Reply(Soap.Envelope11("<SOAP-ENV:Fault><faultcode>SOAP-ENV:Client</faultcode><faultstring>Invalid session id</faultstring></SOAP-ENV:Fault>"), status: HttpStatusCode.InternalServerError)
                : FakeHandler.Reply(Soap.Envelope11("<r><return>" + token + "@" + request.Message.RequestUri!.AbsolutePath + "</return></r>"));
        });
        var step = SoapHeaderSession.Create(
            TokenHeader,
            _ => Task.FromResult<(string?, string?)>(("token-" + Interlocked.Increment(ref logins), "http://soap.test/instance")),
            static token => new Token(token));
        var transport = new SoapTransport(new HttpClient(handler), Soap.Endpoint, SoapVersion.Soap11, SoapTransport.DefaultMaxReplyBytes, [step], null);

        string?[] first = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => transport.InvokeAsync(Echo(), "plain", null, CancellationToken.None)));
        string? afterExpiry = await transport.InvokeAsync(Echo(), "plain", null, CancellationToken.None);

        Assert.All(first, r => Assert.Equal("token-1@/instance", r));
        Assert.Equal("token-2@/instance", afterExpiry);
        Assert.Equal(2, logins);
        Assert.DoesNotContain("token-", step.ToString(), StringComparison.Ordinal);
    }

    private sealed class Recording(string name, List<string> seen) : SoapPipelineStep
    {
        public override async ValueTask InvokeAsync(SoapCallContext call, SoapPipelineNext next, CancellationToken cancellationToken)
        {
            lock (seen) seen.Add(name + ">");
            try
            {
                await next(call, cancellationToken);
            }
            finally
            {
                lock (seen) seen.Add("<" + name);
            }
        }
    }

    private sealed class RedirectOnFault(Uri second) : SoapPipelineStep
    {
        public override async ValueTask InvokeAsync(SoapCallContext call, SoapPipelineNext next, CancellationToken cancellationToken)
        {
            try
            {
                await next(call, cancellationToken);
            }
            catch (SoapFaultException)
            {
                call.Endpoint = second;
                await next(call, cancellationToken);
            }
        }
    }
}
