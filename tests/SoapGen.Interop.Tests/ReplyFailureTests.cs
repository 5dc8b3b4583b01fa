using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using System.Xml.Linq;
using InterServer;
using SoapGen.Runtime;

namespace SoapGen.Interop.Tests;

/// <summary>Replies that are not a usable SOAP 1.1 envelope (/__control/reply) and ordinary faults.</summary>
public abstract class ReplyFailureTests
{
    private readonly PhpSoapServer _server;
    private readonly MyapiClient _client;

    protected ReplyFailureTests(PhpSoapServer server)
    {
        _server = server;
        _server.Reset();
        _client = server.CreateClient();
    }

    [Fact]
    public async Task HtmlErrorPageIsAProtocolErrorWithStatusAndPreview()
    {
        _server.NextReply("html");
        SoapProtocolException ex = await Assert.ThrowsAsync<SoapProtocolException>(() => _client.GetVpsSliceTypesAsync());
        Assert.Equal(HttpStatusCode.BadGateway, ex.HttpStatusCode);
        Assert.StartsWith("text/html", ex.ContentType, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(ex.BodyPreview);
        Assert.Contains("502 Bad Gateway", ex.BodyPreview, StringComparison.Ordinal);
        Assert.Contains("nginx", ex.BodyPreview, StringComparison.Ordinal);
        Assert.Contains("502", ex.Message, StringComparison.Ordinal);
        await AssertServerIsNormalAgain();
    }

    [Fact]
    public async Task EmptyBodyIsAProtocolError()
    {
        _server.NextReply("empty");
        SoapProtocolException ex = await Assert.ThrowsAsync<SoapProtocolException>(() => _client.GetVpsSliceTypesAsync());
        Assert.Equal(HttpStatusCode.OK, ex.HttpStatusCode);
        Assert.True(string.IsNullOrEmpty(ex.BodyPreview), "preview of an empty body: " + ex.BodyPreview);
        await AssertServerIsNormalAgain();
    }

    [Fact]
    public async Task TruncatedEnvelopeIsAProtocolError()
    {
        _server.NextReply("truncated");
        SoapProtocolException ex = await Assert.ThrowsAsync<SoapProtocolException>(() => _client.GetVpsSliceTypesAsync());
        Assert.Equal(HttpStatusCode.OK, ex.HttpStatusCode);
        Assert.NotNull(ex.BodyPreview);
        Assert.StartsWith("<?xml", ex.BodyPreview, StringComparison.Ordinal);
        Assert.Contains("Envelope", ex.BodyPreview, StringComparison.Ordinal);
        await AssertServerIsNormalAgain();
    }

    [Fact]
    public async Task TruncatedReplyToASessionCallIsAProtocolErrorToo()
    {
        string? sid = await _client.ApiLoginAsync(PhpSoapServer.User, PhpSoapServer.Password);
        _server.NextReply("truncated");
        await Assert.ThrowsAsync<SoapProtocolException>(() => _client.ApiVpsGetServicesAsync(sid));
        await AssertServerIsNormalAgain();
    }

    [Fact]
    public async Task Soap12FaultIsAFaultWithCodeReasonAndDetail()
    {
        _server.NextReply("fault12");
        SoapFaultException ex = await Assert.ThrowsAsync<SoapFaultException>(() => _client.GetVpsSliceTypesAsync());
        Assert.Equal(SoapVersion.Soap12, ex.SoapVersion);
        Assert.Equal("Receiver", ex.Code);
        Assert.Equal("http://www.w3.org/2003/05/soap-envelope", ex.CodeNamespace);
        Assert.Null(ex.Subcode);
        Assert.Equal("Simulated SOAP 1.2 fault", ex.Reason);
        Assert.Equal(HttpStatusCode.InternalServerError, ex.HttpStatusCode);
        Assert.NotNull(ex.Detail);
        XElement info = Assert.Single(ex.Detail.Elements());
        Assert.Equal(XName.Get("info", "urn:soapgen:test"), info.Name);
        Assert.Equal("injected by /__control/reply?mode=fault12", info.Value);
        Assert.Contains("Simulated SOAP 1.2 fault", ex.Message, StringComparison.Ordinal);
        await AssertServerIsNormalAgain();
    }

    [Fact]
    public async Task InvalidSessionIdIsASoap11ClientFault()
    {
        SoapFaultException ex = await Assert.ThrowsAsync<SoapFaultException>(() => _client.ApiGetImaAsync("0123456789abcdef0123456789abcdef"));
        Assert.Equal(SoapVersion.Soap11, ex.SoapVersion);
        Assert.Equal("Client", ex.Code);
        Assert.Equal("http://schemas.xmlsoap.org/soap/envelope/", ex.CodeNamespace);
        Assert.Equal("Invalid Session ID", ex.Reason);
        Assert.Null(ex.Actor);
        Assert.Equal(HttpStatusCode.InternalServerError, ex.HttpStatusCode);
        Assert.Equal("SOAP fault Client: Invalid Session ID", ex.Message);
    }

    [Fact]
    public async Task FaultChildrenAreReadInTheOrderEachServerWritesThem()
    {
        var recorder = new RecordingHandler();
        MyapiClient client = _server.CreateClient(recorder);
        SoapFaultException ex = await Assert.ThrowsAsync<SoapFaultException>(() => client.ApiGetImaAsync("not-a-session"));
        Assert.Equal("Client", ex.Code);
        Assert.Equal("Invalid Session ID", ex.Reason);

        Exchange reply = recorder.Exchanges[^1];
        Assert.Equal(500, reply.Status);
        XElement fault = XDocument.Parse(reply.ResponseText).Descendants(XName.Get("Fault", "http://schemas.xmlsoap.org/soap/envelope/")).Single();
        string[] children = fault.Elements().Select(e => e.Name.LocalName).ToArray();
        if (_server.IsNuSoap)
        {
            // nusoap_fault::serialize(): faultcode, faultactor (empty), faultstring, detail (empty), all with xsi:type.
            Assert.Equal(new[] { "faultcode", "faultactor", "faultstring", "detail" }, children);
            Assert.Equal("", fault.Element("faultactor")!.Value);
            Assert.Null(ex.Actor); // an empty faultactor is no actor
        }
        else
        {
            Assert.Equal(new[] { "faultcode", "faultstring" }, children);
        }
    }

    [Fact]
    public async Task EmptyAndNullSessionIdsAreFaultsToo()
    {
        foreach (string? sid in new[] { "", null })
        {
            SoapFaultException ex = await Assert.ThrowsAsync<SoapFaultException>(() => _client.ApiVpsCancelServiceAsync(sid, 1));
            Assert.Equal("Client", ex.Code);
            Assert.Equal("Invalid Session ID", ex.Reason);
        }
    }

    [Fact]
    public async Task ExpiredSessionIdThroughTheRawClientIsAFault()
    {
        string? sid = await _client.ApiLoginAsync(PhpSoapServer.User, PhpSoapServer.Password);
        Assert.Equal("client", await _client.ApiGetImaAsync(sid));
        _server.Expire();
        SoapFaultException ex = await Assert.ThrowsAsync<SoapFaultException>(() => _client.ApiGetImaAsync(sid));
        Assert.Equal("Client", ex.Code);
        Assert.Equal("Invalid Session ID", ex.Reason);
        Assert.Equal(new ServerStats(1, 3, 0), _server.Stats());
    }

    private async Task AssertServerIsNormalAgain()
    {
        VpsSliceType?[]? types = await _client.GetVpsSliceTypesAsync();
        Assert.NotNull(types);
        Assert.Equal(2, types.Length);
        Assert.True(_server.Stats().Calls >= 2);
        Assert.DoesNotContain(types, t => t is null);
        _ = types.First();
    }
}

/// <summary><see cref="ReplyFailureTests"/> against PHP ext/soap's SoapServer (server.php).</summary>
[Collection(ExtSoapCollection.Name)]
public sealed class ExtSoapReplyFailureTests(ExtSoapServer server) : ReplyFailureTests(server)
{
}

/// <summary><see cref="ReplyFailureTests"/> against nusoap 0.9.5 (nusoap-server.php), the live API's SOAP library.</summary>
[Collection(NuSoapCollection.Name)]
public sealed class NuSoapReplyFailureTests(NuSoapServer server) : ReplyFailureTests(server)
{
}
