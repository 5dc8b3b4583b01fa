#if SHARED_CORPUS
using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Bronto;
using SoapGen.Runtime;
using Xunit.Abstractions;

namespace SoapGen.Interop.Tests;

/// <summary>
/// <see cref="SessionLoadTests"/> for a session whose token travels in a SOAP header: bronto's <c>login</c> →
/// <c>sessionHeader</c>, against tests/servers/bronto (four php -S workers). Each call adds one account, and the
/// server refuses a duplicate user name, so an account count and one successful <c>addLogins</c> per call prove that
/// nothing ran twice.
/// </summary>
public sealed class HeaderSessionLoadTests : IClassFixture<BrontoPhpServer>
{
    private const int Calls = 1000;
    private const int FixtureAccounts = 2;

    private static readonly SessionWire Wire = new(
        IsLogin: body => body.Contains("<apiToken>", StringComparison.Ordinal),
        TokenOfRequest: SessionWire.Group1(new Regex("<sessionId>([^<]+)</sessionId>", RegexOptions.CultureInvariant)),
        TokenOfLoginReply: SessionWire.Group1(new Regex("<return>([^<]+)</return>", RegexOptions.CultureInvariant)),
        IsRejection: reply => reply.Contains(BrontoPhpServer.InvalidSessionFaultString, StringComparison.Ordinal),
        CallKey: body => Regex.Match(body, "<username>([^<]+)</username>", RegexOptions.CultureInvariant).Groups[1].Value);

    private readonly BrontoPhpServer _server;
    private readonly ITestOutputHelper _output;

    public HeaderSessionLoadTests(BrontoPhpServer server, ITestOutputHelper output)
    {
        _server = server;
        _output = output;
        _server.Reset();
    }

    private BrontoSoapApiImplClient Client(HttpMessageHandler handler, params SoapPipelineStep[] steps) =>
        new(SessionLoad.Http(handler), SessionLoad.Options(_server.Endpoint, steps));

    private static Task<WriteResult?> Add(BrontoSoapApiImplClient session, int i, CancellationToken cancellationToken = default) =>
        session.AddLoginsAsync([new LoginObject { Username = "load-" + i }], cancellationToken);

    [Fact]
    public async Task AThousandConcurrentCallsSurviveThreeMidRunExpiriesWithOneReLoginEachNoneLostNoneRunTwice()
    {
        const int expiries = 3;
        var watcher = new SessionLoadWatcher(Wire);
        BrontoSoapApiImplClient session = Client(watcher, new ThrottleStep(32, "login")).CreateSession(BrontoPhpServer.ApiToken);

        var clock = Stopwatch.StartNew();
        Task<WriteResult?>[] calls = Enumerable.Range(1, Calls).Select(i => Add(session, i)).ToArray();
        Task all = Task.WhenAll(calls);
        int[] dropped = await watcher.ExpireDuringAsync(all, Calls, expiries, _server.Expire);
        WriteResult?[] results = await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(120));
        clock.Stop();

        var stats = _server.Stats();
        _output.WriteLine($"{Calls} calls, {expiries} expiries: {clock.Elapsed.TotalSeconds:F1} s, {stats.Logins} logins, {watcher.Rejected} rejected attempts");

        // No call lost, and each was the first to add its account (a second run would have met "already exists").
        Assert.All(results, result => Assert.Equal((true, false), (result?.Results?.Single()?.IsNew, result?.Results?.Single()?.IsError)));
        Assert.Equal(Enumerable.Repeat(1, expiries), dropped);
        Assert.Equal(1 + expiries, stats.Logins);
        Assert.Equal(FixtureAccounts + Calls, stats.Accounts);
        Assert.Equal(Calls, stats.CallsTo("addLogins").Count(c => c.Outcome == "ok"));
        Assert.Equal(watcher.Rejected, stats.CallsTo("addLogins").Count(c => c.Outcome == "ApiException " + BrontoPhpServer.InvalidSessionCode));
        Assert.InRange(watcher.Rejected, expiries, Calls);
    }

    [Fact]
    public async Task CancellingAThirdOfAThousandCallsMidFlightLeavesTheClientAndTheSessionUsable()
    {
        BrontoSoapApiImplClient session = Client(new SocketsHttpHandler { MaxConnectionsPerServer = 16 }).CreateSession(BrontoPhpServer.ApiToken);
        var random = new Random(20261201);
        var calls = Enumerable.Range(1, Calls).Select(i =>
        {
            bool cancellable = i % 3 == 0;
            var token = cancellable ? new CancellationTokenSource(TimeSpan.FromMilliseconds(random.Next(0, 400))).Token : CancellationToken.None;
            return (Id: i, Cancellable: cancellable, Task: Add(session, i, token));
        }).ToArray();
        await Task.WhenAll(calls.Select(c => c.Task)).ContinueWith(_ => { }, TaskScheduler.Default).WaitAsync(TimeSpan.FromSeconds(120));

        int cancelled = calls.Count(c => c.Task.IsCanceled);
        _output.WriteLine($"{Calls} calls, {cancelled} cancelled");
        Assert.All(calls.Where(c => c.Task.IsCanceled), c => Assert.True(c.Cancellable));
        foreach (var call in calls.Where(c => !c.Task.IsCanceled))
        {
            Assert.Equal(true, (await call.Task)?.Results?.Single()?.IsNew);
        }

        Assert.InRange(cancelled, 50, Calls / 3);

        // Whatever ran, ran once; the session goes on with its one login.
        var stats = _server.Stats();
        Assert.Equal(stats.CallsTo("addLogins").Count(c => c.Outcome == "ok"), stats.Accounts - FixtureAccounts);
        Assert.InRange(stats.Accounts - FixtureAccounts, Calls - cancelled, Calls);
        Assert.Equal(true, (await Add(session, Calls + 1))?.Results?.Single()?.IsNew);
        Assert.Equal(1, _server.Stats().Logins);
    }

    [Fact]
    public async Task AFailingLoginIsReportedToEveryWaitingCallerAndTheNextCallTriesAgain()
    {
        var hold = new HoldStep("login");
        BrontoSoapApiImplClient session = Client(new SocketsHttpHandler(), hold).CreateSession("not-the-token");

        Task<WriteResult?>[] calls = Enumerable.Range(1, Calls).Select(i => Add(session, i)).ToArray();
        SpinWait.SpinUntil(() => hold.Held == 1, TimeSpan.FromSeconds(10));
        Assert.Equal(1, hold.Held);
        hold.Open();
        await Task.WhenAll(calls).ContinueWith(_ => { }, TaskScheduler.Default).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.All(calls, call => Assert.IsType<SoapAuthenticationException>(call.Exception?.InnerException));
        Assert.All(calls, call => Assert.DoesNotContain("not-the-token", call.Exception!.InnerException!.ToString(), StringComparison.Ordinal));
        var stats = _server.Stats();
        Assert.Equal((0, 1), (stats.Logins, stats.FailedLogins));
        Assert.Empty(stats.CallsTo("addLogins"));

        await Assert.ThrowsAsync<SoapAuthenticationException>(() => Add(session, 0));
        Assert.Equal(2, _server.Stats().FailedLogins);
    }
}
#endif
