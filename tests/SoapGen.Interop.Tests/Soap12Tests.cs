using System;
using System.Linq;
using System.Threading.Tasks;
using System.Xml.Linq;
using SoapGen.Runtime;

namespace SoapGen.Interop.Tests;

/// <summary>A client generated from a soap12 binding speaks SOAP 1.2 to PHP's SoapServer, faults included.</summary>
public sealed class Soap12Tests(Echo12PhpServer server) : IClassFixture<Echo12PhpServer>
{
    private static readonly XNamespace Soap12 = "http://www.w3.org/2003/05/soap-envelope";

    [Fact]
    public async Task RequestsAreSoap12AndRepliesAreRead()
    {
        var wire = new RecordingHandler();
        var client = server.CreateClient(wire);

        string? echoed = await client.EchoAsync("ab", 3);

        // The server echoes what arrived: the text, the Content-Type and the envelope namespace.
        Assert.NotNull(echoed);
        string[] parts = echoed.Split('|');
        Assert.Equal("ababab", parts[0]);
        Assert.StartsWith("application/soap+xml", parts[1], StringComparison.Ordinal);
        Assert.Contains("action=\"urn:soapgen:echo12#Echo\"", parts[1], StringComparison.Ordinal);
        Assert.Equal(Soap12.NamespaceName, parts[2]);
        Assert.False(wire.Last.RequestHeaders.ContainsKey("SOAPAction"));
        Assert.Equal(Soap12 + "Envelope", XDocument.Parse(wire.Last.RequestBody).Root!.Name);
    }

    [Fact]
    public async Task Soap12HeadersGoOutInTheEnvelopeHeaderAndComeBackReadable()
    {
        var wire = new RecordingHandler();
        var call = new SoapCallOptions();
        var client = server.CreateClient(wire).With(call);

        string? echoed = await client.EchoAsync("x", 1, traceId: "trace-42");

        Assert.StartsWith("x|", echoed, StringComparison.Ordinal);
        XElement trace = XDocument.Parse(wire.Last.RequestBody).Root!.Element(Soap12 + "Header")!.Element(XName.Get("Trace", "urn:soapgen:echo12"))!;
        Assert.Equal("trace-42", trace.Element(XName.Get("traceId", "urn:soapgen:echo12"))?.Value);
        var served = call.Reply?.GetHeader(Echo12.Echo12Client.Headers.Served);
        Assert.Equal("echo12", served?.By);
        Assert.Equal("trace-42", served?.TraceId);
        Assert.Equal(System.Net.HttpStatusCode.OK, call.Reply?.StatusCode);
    }

    [Fact]
    public async Task WithoutTheHeaderParameterNoHeaderIsSent()
    {
        var wire = new RecordingHandler();

        await server.CreateClient(wire).EchoAsync("x", 1);

        Assert.Null(XDocument.Parse(wire.Last.RequestBody).Root!.Element(Soap12 + "Header"));
    }

    [Fact]
    public async Task Soap12FaultsBecomeSoapFaultExceptions()
    {
        var client = server.CreateClient(new RecordingHandler());

        var fault = await Assert.ThrowsAsync<SoapFaultException>(() => client.FailAsync("no reason"));

        Assert.Equal(SoapVersion.Soap12, fault.SoapVersion);
        Assert.Equal("Sender", fault.Code);
        Assert.Equal("Refused: no reason", fault.Reason);
        Assert.NotNull(fault.Detail);
        Assert.Contains("42", fault.Detail.Value, StringComparison.Ordinal);
    }
}
