using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;

namespace SoapGen.Runtime.Tests;

/// <summary>
/// The envelope-logging step: what the callback gets for requests and replies, that every credential-named element or
/// attribute (and a login's whole reply) is masked, that the text is capped, and that odd bodies do not break it.
/// </summary>
public class EnvelopeLoggingTests
{
    // Each one a distinct value, so a leak of any is visible.
    private const string Password = "pw-Hunter2!";
    private const string ApiKey = "ak-0a1b2c3d";
    private const string KeyAttribute = "kattr-77";
    private const string Sid = "sid-5e6f";
    private const string SessionId = "sess-9a8b";
    private const string Token = "tok-c0ffee";
    private const string SoftLayerUser = "sl-user-1";
    private const string SoftLayerKey = "sl-key-2";
    private const string WsPassword = "wss-Pa55";
    private const string ReplyToken = "reply-tok-42";

    private static readonly string[] Secrets = [Password, ApiKey, KeyAttribute, Sid, SessionId, Token, SoftLayerUser, SoftLayerKey, WsPassword, ReplyToken];

    private static SoapOperation<string?, string?> Operation(string name) => new(
        name,
        "urn:test#" + name,
        SoapVersion.Soap11,
        writeBody: static (writer, note) =>
        {
            writer.WriteStartOperation("op", "urn:test", encoded: true);
            writer.WriteString("password", null, Password, encoded: true);
            writer.WriteString("api_key", null, ApiKey, encoded: true);
            writer.WriteString("sid", null, Sid, encoded: true);
            writer.WriteStartElement("Session-ID", null);
            writer.WriteText(SessionId);
            writer.WriteEndElement();
            writer.WriteStartElement("item", null);
            writer.WriteAttribute("key", null, KeyAttribute);
            writer.WriteText("visible-item");
            writer.WriteEndElement();
            writer.WriteString("note", null, note, encoded: true);
            writer.WriteEndElement();
        },
        readBody: Soap.ReadReturnString);

    private static readonly string Reply = Soap.Envelope11(
        "<r><return>visible-return</return><authToken>" + ReplyToken + "</authToken></r>");

    private static (SoapTransport Transport, ConcurrentQueue<SoapEnvelopeLogEntry> Log, FakeHandler Handler) Client(
        Func<HttpResponseMessage>? reply = null, SoapEnvelopeLoggingOptions? logging = null, Action<SoapClientOptions>? configure = null)
    {
        var log = new ConcurrentQueue<SoapEnvelopeLogEntry>();
        var options = new SoapClientOptions();
        options.UseEnvelopeLogging(log.Enqueue, logging);
        configure?.Invoke(options);
        options.Headers.Add(SoapHeader.FromXml(new XElement(
            XName.Get("authenticate", "urn:softlayer"),
            new XElement("username", SoftLayerUser),
            new XElement("apiKey", SoftLayerKey))));
        options.Headers.Add(SoapHeader.FromXml(new XElement(XName.Get("SessionHeader", "urn:sf"), new XElement("sessionId", SessionId))));
        options.UseUsernameToken("wss-user", WsPassword, UsernameTokenPasswordType.Text);
        options.Headers.Add(SoapHeader.FromXml(new XElement(XName.Get("Trace", "urn:test"), new XAttribute("token", Token), "visible-header")));
        var handler = FakeHandler.Always(reply ?? (() => FakeHandler.Reply(Reply)));
        var transport = new SoapTransport(new HttpClient(handler), Soap.Endpoint, SoapVersion.Soap11, options.MaxReplyBytes, options.Steps, options.Headers);
        return (transport, log, handler);
    }

    private static void AssertNoSecret(SoapEnvelopeLogEntry entry)
    {
        foreach (string secret in Secrets)
        {
            Assert.DoesNotContain(secret, entry.ToString(), StringComparison.Ordinal);
        }

        Assert.DoesNotContain("SECRETKEY", entry.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestAndReplyAreLoggedWithEveryCredentialMaskedAndTheRestIntact()
    {
        (SoapTransport transport, var log, FakeHandler handler) = Client();

        Assert.Equal("visible-return", await transport.InvokeAsync(Operation("echo"), "visible-note", null, CancellationToken.None));

        // The wire carried every secret (so the masking below is the logger's doing, not an empty request).
        string wire = handler.Single.BodyText;
        Assert.All(Secrets.Except([ReplyToken]), secret => Assert.Contains(secret, wire, StringComparison.Ordinal));

        Assert.Equal(new[] { SoapEnvelopeDirection.Request, SoapEnvelopeDirection.Reply }, log.Select(e => e.Direction).ToArray());
        SoapEnvelopeLogEntry request = log.First();
        SoapEnvelopeLogEntry reply = log.Last();
        Assert.All(log, AssertNoSecret);
        Assert.All(log, e => Assert.Equal("echo", e.Operation));
        Assert.All(log, e => Assert.Equal("http://soap.test/api.php", e.Endpoint));
        Assert.All(log, e => Assert.False(e.Truncated));
        Assert.Null(request.HttpStatusCode);
        Assert.Equal(HttpStatusCode.OK, reply.HttpStatusCode);
        Assert.Equal(handler.Single.Body.Length, request.Bytes);

        // Still XML with the structure kept: names and non-secret values readable.
        XElement logged = XElement.Parse(request.Envelope);
        XNamespace wsse = UsernameTokenHeader.SecurityNamespace;
        XElement header = logged.Element(XName.Get("Header", Soap.Env11))!;
        Assert.Equal("***", header.Element(wsse + "Security")!.Element(wsse + "UsernameToken")!.Value);
        Assert.Equal("***", header.Element(XName.Get("authenticate", "urn:softlayer"))!.Value);
        Assert.Equal("***", header.Element(XName.Get("SessionHeader", "urn:sf"))!.Element("sessionId")!.Value);
        XElement trace = header.Element(XName.Get("Trace", "urn:test"))!;
        Assert.Equal(("***", "visible-header"), ((string?)trace.Attribute("token"), trace.Value));
        XElement op = logged.Element(XName.Get("Body", Soap.Env11))!.Element(XName.Get("op", "urn:test"))!;
        foreach (string name in new[] { "password", "api_key", "sid", "Session-ID" })
        {
            Assert.Equal("***", op.Element(name)!.Value);
        }

        Assert.Equal("visible-note", op.Element("note")!.Value);
        Assert.Equal(("***", "visible-item"), ((string?)op.Element("item")!.Attribute("key"), op.Element("item")!.Value));
        Assert.Equal("visible-return", XElement.Parse(reply.Envelope).Descendants("return").Single().Value);
    }

    [Fact]
    public async Task ALoginReplyIsMaskedWholeBecauseItsPayloadIsTheSessionToken()
    {
        (SoapTransport transport, var log, _) = Client(() => FakeHandler.Reply(Soap.Envelope11("<r><return>" + Sid + "</return></r>")));

        Assert.Equal(Sid, await transport.InvokeAsync(Operation("api_login"), "n", null, CancellationToken.None));

        SoapEnvelopeLogEntry reply = log.Last();
        Assert.Equal(SoapEnvelopeDirection.Reply, reply.Direction);
        Assert.DoesNotContain(Sid, reply.Envelope, StringComparison.Ordinal);
        Assert.Equal("***", XElement.Parse(reply.Envelope).Descendants("return").Single().Value);
    }

    [Fact]
    public async Task NamesAreConfigurable()
    {
        var logging = new SoapEnvelopeLoggingOptions();
        logging.RedactedNames.Add("note");
        logging.RedactedNameParts.Remove("token");
        (SoapTransport transport, var log, _) = Client(logging: logging);

        await transport.InvokeAsync(Operation("echo"), "private-note", null, CancellationToken.None);

        Assert.DoesNotContain("private-note", log.First().Envelope, StringComparison.Ordinal);
        Assert.Contains(ReplyToken, log.Last().Envelope, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALongEnvelopeIsCutAtTheCapAndItsFullSizeReported()
    {
        string big = Soap.Envelope11("<r><return>" + new string('x', 200_000) + "</return></r>");
        (SoapTransport transport, var log, _) = Client(() => FakeHandler.Reply(big), new SoapEnvelopeLoggingOptions { MaxCharacters = 1000 });

        await transport.InvokeAsync(Operation("echo"), "n", null, CancellationToken.None);

        SoapEnvelopeLogEntry reply = log.Last();
        Assert.True(reply.Truncated);
        Assert.Equal(big.Length, reply.Bytes);
        Assert.InRange(reply.Envelope.Length, 1000, 1100);
        Assert.EndsWith("[cut at 1000 characters]", reply.Envelope, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABodyThatIsNotXmlIsLoggedUpToWhereItBreaksAndTheCallStillFailsAsItShould()
    {
        const string html = "<html><body><p>Bad gateway<br></body><password>" + Password + "</password></html>";
        (SoapTransport transport, var log, _) = Client(() => FakeHandler.Reply(html, "text/html", HttpStatusCode.BadGateway));

        await Assert.ThrowsAsync<SoapProtocolException>(() => transport.InvokeAsync(Operation("echo"), "n", null, CancellationToken.None));

        SoapEnvelopeLogEntry reply = log.Last();
        Assert.Equal(HttpStatusCode.BadGateway, reply.HttpStatusCode);
        Assert.True(reply.Truncated);
        // Up to the break as it was (no end tags made up for the elements left open), then the note.
        Assert.StartsWith("<html><body><p>Bad gateway<br", reply.Envelope, StringComparison.Ordinal);
        Assert.EndsWith(" [not well-formed XML from here on; the rest is omitted]", reply.Envelope, StringComparison.Ordinal);
        Assert.DoesNotContain("</", reply.Envelope, StringComparison.Ordinal);
        AssertNoSecret(reply);
    }

    [Fact]
    public async Task AnEntityIsNeverExpandedIntoTheLog()
    {
        const string dtd = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY e \"ENTITY-CONTENT\">]><r>&e;</r>";
        (SoapTransport transport, var log, _) = Client(() => FakeHandler.Reply(dtd));

        await Assert.ThrowsAsync<SoapProtocolException>(() => transport.InvokeAsync(Operation("echo"), "n", null, CancellationToken.None));

        Assert.DoesNotContain("ENTITY-CONTENT", log.Last().Envelope, StringComparison.Ordinal);
        Assert.True(log.Last().Truncated);
    }

    [Fact]
    public async Task EveryExchangeOfARetryingStepAfterTheLoggerIsLogged()
    {
        (SoapTransport transport, var log, FakeHandler handler) = Client(configure: options => options.Steps.Add(new TwiceStep()));

        await transport.InvokeAsync(Operation("echo"), "n", null, CancellationToken.None);

        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal(
            new[] { SoapEnvelopeDirection.Request, SoapEnvelopeDirection.Reply, SoapEnvelopeDirection.Request, SoapEnvelopeDirection.Reply },
            log.Select(e => e.Direction).ToArray());
    }

    private sealed class TwiceStep : SoapPipelineStep
    {
        public override async ValueTask InvokeAsync(SoapCallContext call, SoapPipelineNext next, CancellationToken cancellationToken)
        {
            await next(call, cancellationToken);
            await next(call, cancellationToken);
        }
    }
}
