using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using System.Xml.Linq;
using SoapGen.Runtime;
using WsSecurity;

namespace SoapGen.Interop.Tests;

/// <summary>
/// <see cref="SoapClientOptions.UseUsernameToken"/> against a PHP server that checks the token by the OASIS Username
/// Token Profile on its own (tests/servers/wssecurity): digest and text passwords are accepted, a wrong password, a
/// stale Created, an expired Timestamp and a replayed request are rejected with the profile's fault codes.
/// </summary>
public sealed class UsernameTokenInteropTests(WsSecurityPhpServer server) : IClassFixture<WsSecurityPhpServer>
{
    private static readonly XNamespace Wsse = UsernameTokenHeader.SecurityNamespace;

    private SecureClient Client(SoapClientOptions options, RecordingHandler? recorder = null)
    {
        options.Endpoint = server.Endpoint;
        var http = recorder is null ? new HttpClient() : new HttpClient(recorder);
        http.Timeout = TimeSpan.FromSeconds(30);
        return new SecureClient(http, options);
    }

    [Fact]
    public async Task ADigestTokenIsAcceptedAndEveryRequestCarriesItsOwnNonce()
    {
        var recorder = new RecordingHandler();
        SecureClient client = Client(new SoapClientOptions().UseUsernameToken(WsSecurityPhpServer.User, WsSecurityPhpServer.Password), recorder);

        WhoAmIResult first = await client.WhoAmIAsync("one");
        WhoAmIResult second = await client.WhoAmIAsync("two");

        Assert.Equal((WsSecurityPhpServer.User, "PasswordDigest", false, "one"), (first.User, first.PasswordType, first.Timestamp, first.Note));
        Assert.Equal("two", second.Note);
        string[] nonces = recorder.Exchanges.Select(e => XElement.Parse(e.RequestBody).Descendants(Wsse + "Nonce").Single().Value).ToArray();
        Assert.Equal(2, nonces.Distinct().Count());
        Assert.All(recorder.Exchanges, e => Assert.DoesNotContain(WsSecurityPhpServer.Password, e.RequestBody, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ATextTokenWithATimestampIsAccepted()
    {
        SecureClient client = Client(new SoapClientOptions().UseUsernameToken(
            WsSecurityPhpServer.TextUser, WsSecurityPhpServer.TextPassword, UsernameTokenPasswordType.Text, TimeSpan.FromMinutes(5)));

        WhoAmIResult me = await client.WhoAmIAsync("text");

        Assert.Equal((WsSecurityPhpServer.TextUser, "PasswordText", true), (me.User, me.PasswordType, me.Timestamp));
    }

    [Theory]
    [InlineData(UsernameTokenPasswordType.Digest)]
    [InlineData(UsernameTokenPasswordType.Text)]
    public async Task AWrongPasswordIsRejectedAsFailedAuthentication(UsernameTokenPasswordType type)
    {
        SecureClient client = Client(new SoapClientOptions().UseUsernameToken(WsSecurityPhpServer.User, "not-" + WsSecurityPhpServer.Password, type));

        SoapFaultException fault = await Assert.ThrowsAsync<SoapFaultException>(() => client.WhoAmIAsync("x"));

        Assert.Equal("FailedAuthentication", fault.Code);
        Assert.Equal(Wsse.NamespaceName, fault.CodeNamespace);
        Assert.Equal(HttpStatusCode.InternalServerError, fault.HttpStatusCode);
    }

    [Fact]
    public async Task AStaleCreatedOrAnExpiredTimestampIsRejectedAsMessageExpired()
    {
        var tenMinutesAgo = new ShiftedClock(TimeSpan.FromMinutes(-10));
        var stale = new SoapClientOptions();
        stale.Headers.Add(new UsernameTokenHeader(WsSecurityPhpServer.User, WsSecurityPhpServer.Password, clock: tenMinutesAgo));
        var expired = new SoapClientOptions();
        expired.Headers.Add(new UsernameTokenHeader(
            WsSecurityPhpServer.TextUser, WsSecurityPhpServer.TextPassword, UsernameTokenPasswordType.Text, TimeSpan.FromMinutes(1), new ShiftedClock(TimeSpan.FromMinutes(-8))));

        SoapFaultException staleFault = await Assert.ThrowsAsync<SoapFaultException>(() => Client(stale).WhoAmIAsync("x"));
        SoapFaultException expiredFault = await Assert.ThrowsAsync<SoapFaultException>(() => Client(expired).WhoAmIAsync("x"));

        Assert.Equal("MessageExpired", staleFault.Code);
        Assert.Equal("MessageExpired", expiredFault.Code);
        Assert.Contains("Created", staleFault.Reason, StringComparison.Ordinal);
        Assert.Contains("Timestamp expired", expiredFault.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReplayedRequestIsRejectedBecauseItsNonceWasUsed()
    {
        var recorder = new RecordingHandler();
        SecureClient client = Client(new SoapClientOptions().UseUsernameToken(WsSecurityPhpServer.User, WsSecurityPhpServer.Password), recorder);
        Assert.Equal("original", (await client.WhoAmIAsync("original")).Note);

        // The captured request, sent again as it is.
        using var http = new HttpClient();
        using var replay = new StringContent(recorder.Last.RequestBody, Encoding.UTF8, "text/xml");
        using HttpResponseMessage response = await http.PostAsync(server.Endpoint, replay);
        string body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("wsse:FailedAuthentication", body, StringComparison.Ordinal);
        Assert.Contains("Nonce already used", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheEnvelopeLogShowsTheTokenMaskedWhileTheServerStillAcceptsIt()
    {
        var log = new ConcurrentQueue<SoapEnvelopeLogEntry>();
        var recorder = new RecordingHandler();
        SecureClient client = Client(
            new SoapClientOptions().UseEnvelopeLogging(log.Enqueue).UseUsernameToken(WsSecurityPhpServer.TextUser, WsSecurityPhpServer.TextPassword, UsernameTokenPasswordType.Text),
            recorder);

        Assert.Equal(WsSecurityPhpServer.TextUser, (await client.WhoAmIAsync("logged")).User);

        Assert.Contains("Bu1lder&amp;&lt;pw&gt;", recorder.Last.RequestBody, StringComparison.Ordinal);
        SoapEnvelopeLogEntry request = log.First();
        Assert.DoesNotContain("Bu1lder", request.ToString(), StringComparison.Ordinal);
        Assert.Equal("***", XElement.Parse(request.Envelope).Descendants(Wsse + "UsernameToken").Single().Value);
        Assert.Equal("logged", XElement.Parse(request.Envelope).Descendants(XName.Get("note", "urn:soapgen:wssecurity")).Single().Value);
    }

    private sealed class ShiftedClock(TimeSpan shift) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => DateTimeOffset.UtcNow + shift;
    }
}
