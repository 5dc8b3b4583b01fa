using System;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using InterServer;
using SoapGen.Runtime;

namespace SoapGen.Interop.Tests;

/// <summary>MyapiSession against each PHP test server: lazy login, one shared login, one transparent re-login on expiry.</summary>
public abstract class SessionTests
{
    private static readonly Regex Sid = new("[0-9a-f]{32}", RegexOptions.CultureInvariant);

    private readonly PhpSoapServer _server;

    protected SessionTests(PhpSoapServer server)
    {
        _server = server;
        _server.Reset();
    }

    [Fact]
    public async Task LogsInLazilyOnTheFirstCallAndThenReusesTheSession()
    {
        var recorder = new RecordingHandler();
        MyapiSession session = _server.CreateClient(recorder).CreateSession(PhpSoapServer.User, PhpSoapServer.Password);
        Assert.Equal(new ServerStats(0, 0, 0), _server.Stats());

        Assert.Equal("client", await session.ApiGetImaAsync());
        Assert.Equal(new ServerStats(1, 2, 1), _server.Stats());

        ResultStatus? r = await session.ApiVpsQueueStartAsync(17);
        Assert.Equal("api_vps_queue_start(id=17)", r?.StatusText);
        Assert.Equal(new ServerStats(1, 3, 1), _server.Stats());

        // The sid the server issued went into both calls, and ToString shows none of it.
        string sid = Sid.Match(recorder.Exchanges[0].ResponseText).Value;
        Assert.Matches("^[0-9a-f]{32}$", sid);
        Assert.Contains(sid, recorder.Exchanges[1].RequestBody, StringComparison.Ordinal);
        Assert.Contains(sid, recorder.Exchanges[2].RequestBody, StringComparison.Ordinal);
        Assert.DoesNotContain(sid, session.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(PhpSoapServer.Password, session.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(PhpSoapServer.User, session.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FiftyConcurrentFirstCallsShareExactlyOneLogin()
    {
        MyapiSession session = _server.CreateClient().CreateSession(PhpSoapServer.User, PhpSoapServer.Password);
        ResultStatus?[] results = await Task.WhenAll(Enumerable.Range(1, 50).Select(i => session.ApiVpsQueueStopAsync(i)));

        for (int i = 0; i < 50; i++)
        {
            Assert.Equal($"api_vps_queue_stop(id={i + 1})", results[i]?.StatusText);
        }

        Assert.Equal(new ServerStats(1, 51, 1), _server.Stats());
    }

    [Fact]
    public async Task AfterExpiryTheNextCallLogsInOnceMoreAndSucceeds()
    {
        MyapiSession session = _server.CreateClient().CreateSession(PhpSoapServer.User, PhpSoapServer.Password);
        Assert.Equal("client", await session.ApiGetImaAsync());
        Assert.Equal(new ServerStats(1, 2, 1), _server.Stats());

        _server.Expire();
        ResultStatus? r = await session.ApiVpsQueueRestartAsync(5);
        Assert.Equal("ok", r?.Status);
        Assert.Equal("api_vps_queue_restart(id=5)", r?.StatusText);
        // the rejected call, one login, the retry
        Assert.Equal(new ServerStats(2, 5, 1), _server.Stats());

        // and the new session sticks
        Assert.Equal("client", await session.ApiGetImaAsync());
        Assert.Equal(new ServerStats(2, 6, 1), _server.Stats());
    }

    [Fact]
    public async Task FiftyConcurrentCallsAfterExpiryShareExactlyOneReLogin()
    {
        MyapiSession session = _server.CreateClient().CreateSession(PhpSoapServer.User, PhpSoapServer.Password);
        Assert.Equal("client", await session.ApiGetImaAsync());
        _server.Expire();

        ResultStatus?[] results = await Task.WhenAll(Enumerable.Range(1, 50).Select(i => session.ApiVpsQueueBackupAsync(i, "b" + i)));
        for (int i = 0; i < 50; i++)
        {
            Assert.Equal($"api_vps_queue_backup(id={i + 1}, name=b{i + 1})", results[i]?.StatusText);
        }

        // 2 before; then ONE login. Every call that reached the server with the expired token was rejected and retried;
        // on a loaded machine some calls start only after the re-login and go through with the new token at once, so the
        // number rejected is between 1 and 50 (the first call always meets the expiry).
        ServerStats stats = _server.Stats();
        Assert.Equal((2, 1), (stats.Logins, stats.Sessions));
        int rejected = stats.Calls - 2 - 1 - 50;
        Assert.InRange(rejected, 1, 50);
    }

    [Fact]
    public async Task InvalidateForcesALoginOnTheNextCall()
    {
        MyapiSession session = _server.CreateClient().CreateSession(PhpSoapServer.User, PhpSoapServer.Password);
        Assert.Equal("client", await session.ApiGetImaAsync());
        session.Invalidate();
        Assert.Equal(new ServerStats(1, 2, 1), _server.Stats());
        Assert.Equal("client", await session.ApiGetImaAsync());
        Assert.Equal(new ServerStats(2, 4, 2), _server.Stats());
    }

    [Fact]
    public async Task BadCredentialsThrowSoapAuthenticationExceptionWithoutSecrets()
    {
        const string password = "hunter2-Sup3rS3cret!";
        MyapiSession session = _server.CreateClient().CreateSession(PhpSoapServer.User, password);

        SoapAuthenticationException ex = await Assert.ThrowsAsync<SoapAuthenticationException>(() => session.ApiVpsQueueStopAsync(1));
        Assert.False(string.IsNullOrWhiteSpace(ex.Message));
        foreach (string text in new[] { ex.Message, ex.ToString(), session.ToString() })
        {
            Assert.DoesNotContain(password, text, StringComparison.Ordinal);
            Assert.DoesNotContain("hunter2", text, StringComparison.OrdinalIgnoreCase);
        }

        // One login attempt, no operation call with an empty sid.
        Assert.Equal(new ServerStats(1, 1, 0), _server.Stats());

        // A failed login is not cached: the next call tries again (and fails again).
        await Assert.ThrowsAsync<SoapAuthenticationException>(() => session.ApiGetImaAsync());
        Assert.Equal(new ServerStats(2, 2, 0), _server.Stats());
    }

    [Fact]
    public async Task WhenTheRetryIsRejectedTooTheFaultSurfacesAfterExactlyOneReLogin()
    {
        var recorder = new RecordingHandler();
        MyapiSession session = _server.CreateClient(recorder).CreateSession(PhpSoapServer.User, PhpSoapServer.Password);
        Assert.Equal("client", await session.ApiGetImaAsync());
        _server.Expire();

        // From now on every fresh session dies right after its login reply, so the retry is rejected as well.
        recorder.AfterResponse = exchange =>
        {
            if (exchange.RequestBody.Contains("api_login", StringComparison.Ordinal))
            {
                _server.Expire();
            }
        };

        SoapFaultException ex = await Assert.ThrowsAsync<SoapFaultException>(() => session.ApiVpsQueueStopAsync(9));
        Assert.Equal("Client", ex.Code);
        Assert.Equal("Invalid Session ID", ex.Reason);
        Assert.Equal(SoapVersion.Soap11, ex.SoapVersion);

        // first login + first call, then: rejected call, one re-login, rejected retry — and no loop.
        Assert.Equal(new ServerStats(2, 5, 0), _server.Stats());
    }

    [Fact]
    public async Task AGarbageReplyIsNotMistakenForAnExpiredSession()
    {
        MyapiSession session = _server.CreateClient().CreateSession(PhpSoapServer.User, PhpSoapServer.Password);
        Assert.Equal("client", await session.ApiGetImaAsync());

        _server.NextReply("html");
        SoapProtocolException ex = await Assert.ThrowsAsync<SoapProtocolException>(() => session.ApiGetImaAsync());
        Assert.Equal(System.Net.HttpStatusCode.BadGateway, ex.HttpStatusCode);
        Assert.Equal(new ServerStats(1, 3, 1), _server.Stats());

        Assert.Equal("client", await session.ApiGetImaAsync());
        Assert.Equal(new ServerStats(1, 4, 1), _server.Stats());
    }

    [Fact]
    public async Task AFailedLoginTransportErrorIsNotCachedAndTheNextCallLogsIn()
    {
        MyapiSession session = _server.CreateClient().CreateSession(PhpSoapServer.User, PhpSoapServer.Password);
        _server.NextReply("empty");
        await Assert.ThrowsAnyAsync<SoapException>(() => session.ApiGetImaAsync());
        Assert.Equal(new ServerStats(0, 1, 0), _server.Stats());

        Assert.Equal("client", await session.ApiGetImaAsync());
        Assert.Equal(new ServerStats(1, 3, 1), _server.Stats());
    }
}

/// <summary><see cref="SessionTests"/> against PHP ext/soap's SoapServer (server.php).</summary>
[Collection(ExtSoapCollection.Name)]
public sealed class ExtSoapSessionTests(ExtSoapServer server) : SessionTests(server)
{
}

/// <summary><see cref="SessionTests"/> against nusoap 0.9.5 (nusoap-server.php), the live API's SOAP library.</summary>
[Collection(NuSoapCollection.Name)]
public sealed class NuSoapSessionTests(NuSoapServer server) : SessionTests(server)
{
}
