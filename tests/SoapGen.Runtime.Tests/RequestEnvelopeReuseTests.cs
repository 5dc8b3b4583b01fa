using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;

namespace SoapGen.Runtime.Tests;

/// <summary>
/// The envelope writer is kept per thread and reused; what each request sends must still be its own, whole and alone.
/// Both calls of each test start on the test thread, whose first steps (writing the envelope) run synchronously, so the
/// second reuses the writer the first used.
/// </summary>
public class RequestEnvelopeReuseTests
{
    private static readonly string OkReply = Soap.Envelope11("<ns1:echoResponse xmlns:ns1=\"urn:myapi\"><return xsi:type=\"xsd:string\">ok</return></ns1:echoResponse>");

    private static SoapOperation<string, string?> Echo { get; } = new("echo", "urn:myapi#echo", SoapVersion.Soap11, static (w, text) =>
    {
        w.WriteStartOperation("echo", "urn:myapi", encoded: true);
        w.WriteString("text", null, text, encoded: true);
        w.WriteEndElement();
    }, Soap.ReadReturnString);

    [Fact]
    public async Task A_request_still_being_sent_keeps_its_bytes_while_the_next_one_is_written()
    {
        // The first request's body is read only after the second envelope has been written (as HTTP/2, or a server
        // that answers early, may still be sending one body when the next call starts).
        var firstMaySend = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bodies = new ConcurrentDictionary<string, string>();
        var handler = new LateReadingHandler(async (request, ct) =>
        {
            string text = request.Headers.GetValues("X-Call").Single();
            if (text == "first")
            {
                await firstMaySend.Task.WaitAsync(ct);
            }

            bodies[text] = Encoding.UTF8.GetString(await request.Content!.ReadAsByteArrayAsync(ct));
        }, OkReply);
        var transport = new SoapTransport(new HttpClient(handler), Soap.Endpoint);

        Task<string?> first = transport.InvokeAsync(Echo, "first-value-" + new string('a', 300), Tagged("first"), CancellationToken.None);
        Task<string?> second = transport.InvokeAsync(Echo, "second-value", Tagged("second"), CancellationToken.None);
        Assert.Equal("ok", await second);
        Assert.False(first.IsCompleted);
        firstMaySend.SetResult();
        Assert.Equal("ok", await first);

        Assert.Equal("first-value-" + new string('a', 300), TextOf(bodies["first"]));
        Assert.Equal("second-value", TextOf(bodies["second"]));
    }

    [Fact]
    public async Task A_body_writer_that_fails_midway_leaves_nothing_in_the_next_request()
    {
        var handler = FakeHandler.Always(() => FakeHandler.Reply(OkReply));
        var transport = new SoapTransport(new HttpClient(handler), Soap.Endpoint);
        var failing = new SoapOperation<string, string?>("echo", "urn:myapi#echo", SoapVersion.Soap11, static (w, text) =>
        {
            w.WriteStartOperation("echo", "urn:myapi", encoded: true);
            w.WriteString("password", null, text, encoded: true);
            w.WriteStartElement("unfinished", null);
            throw new InvalidOperationException("the body writer failed");
        }, Soap.ReadReturnString);

        Task<string?> failed = transport.InvokeAsync(failing, "partial-secret", null, CancellationToken.None);
        Task<string?> next = transport.InvokeAsync(Echo, "next-value", null, CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => failed);
        Assert.Equal("ok", await next);
        string sent = handler.Single.BodyText;
        Assert.DoesNotContain("partial-secret", sent, StringComparison.Ordinal);
        Assert.DoesNotContain("unfinished", sent, StringComparison.Ordinal);
        Assert.Equal("next-value", TextOf(sent));
    }

    private static SoapCallOptions Tagged(string call)
    {
        var options = new SoapCallOptions();
        options.HttpHeaders["X-Call"] = call;
        return options;
    }

    // The whole envelope parses, starts with the declaration the transport always wrote, and carries exactly one value.
    private static string TextOf(string envelope)
    {
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?><SOAP-ENV:Envelope ", envelope, StringComparison.Ordinal);
        XDocument document = XDocument.Parse(envelope);
        XElement operation = Assert.Single(document.Root!.Element(XName.Get("Body", Soap.Env11))!.Elements());
        return Assert.Single(operation.Elements()).Value;
    }

    // Reads each request's body when the test lets it, then answers with the same reply.
    private sealed class LateReadingHandler(Func<HttpRequestMessage, CancellationToken, Task> read, string reply) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await read(request, cancellationToken);
            return FakeHandler.Reply(reply);
        }
    }
}
