using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using InterServer;
using SoapGen.Runtime;
using Xunit.Abstractions;

namespace SoapGen.Interop.Tests;

/// <summary>
/// One MyapiSession under load against the PHP ext/soap InterServer server (four php -S workers): 1,000 concurrent
/// calls with the sessions expired three times mid-run, 1,000 calls of which a third are cancelled mid-flight, and a
/// failing login that 1,000 callers wait on. The server counts logins, SOAP requests and how often each call ran.
/// </summary>
[Collection(ExtSoapCollection.Name)]
public sealed class SessionLoadTests
{
    private const int Calls = 1000;

    private static readonly SessionWire Wire = new(
        IsLogin: body => body.Contains(":api_login>", StringComparison.Ordinal) || body.Contains("<api_login", StringComparison.Ordinal),
        TokenOfRequest: SessionWire.Group1(new Regex("<sid[^>]*>([0-9a-f]{32})</sid>", RegexOptions.CultureInvariant)),
        TokenOfLoginReply: SessionWire.Group1(new Regex("<return[^>]*>([0-9a-f]{32})</return>", RegexOptions.CultureInvariant)),
        IsRejection: reply => reply.Contains("Invalid Session ID", StringComparison.Ordinal),
        CallKey: body => Regex.Match(body, "<id[^>]*>([0-9]+)</id>", RegexOptions.CultureInvariant).Groups[1].Value);

    private readonly ExtSoapServer _server;
    private readonly ITestOutputHelper _output;

    public SessionLoadTests(ExtSoapServer server, ITestOutputHelper output)
    {
        _server = server;
        _output = output;
        _server.Reset();
    }

    private MyapiClient Client(HttpMessageHandler handler, params SoapPipelineStep[] steps) =>
        new(SessionLoad.Http(handler), SessionLoad.Options(_server.Endpoint, steps));

    private static string Echo(int i) => $"api_vps_queue_backup(id={i}, name=b{i})";

    [Fact]
    public async Task AThousandConcurrentCallsSurviveThreeMidRunExpiriesWithOneReLoginEachNoneLostNoneRunTwice()
    {
        const int expiries = 3;
        var watcher = new SessionLoadWatcher(Wire);
        MyapiSession session = Client(watcher).CreateSession(PhpSoapServer.User, PhpSoapServer.Password);

        // A parameter session puts the sid into the call's arguments when the call starts, before the client's steps run,
        // so the concurrency limit is the caller's own (a SemaphoreSlim, Parallel.ForEachAsync): see ThrottleStep.
        using var limit = new SemaphoreSlim(32);
        async Task<ResultStatus?> Call(int i)
        {
            await limit.WaitAsync();
            try
            {
                return await session.ApiVpsQueueBackupAsync(i, "b" + i);
            }
            finally
            {
                limit.Release();
            }
        }

        var clock = Stopwatch.StartNew();
        Task<ResultStatus?>[] calls = Enumerable.Range(1, Calls).Select(Call).ToArray();
        Task all = Task.WhenAll(calls);
        int[] dropped = await watcher.ExpireDuringAsync(all, Calls, expiries, _server.ExpireCounted);
        ResultStatus?[] results = await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(120));
        clock.Stop();

        ServerStats stats = _server.Stats();
        _output.WriteLine($"{Calls} calls, {expiries} expiries: {clock.Elapsed.TotalSeconds:F1} s, {stats.Logins} logins, {watcher.Rejected} rejected attempts, {stats.Calls} SOAP requests");

        // No call lost: each one came back with its own answer.
        for (int i = 1; i <= Calls; i++)
        {
            Assert.Equal(Echo(i), results[i - 1]?.StatusText);
        }

        // Every expiry dropped the one live session and cost exactly one login; each expiry met at least one call.
        Assert.Equal(Enumerable.Repeat(1, expiries), dropped);
        Assert.Equal((1 + expiries, 1), (stats.Logins, stats.Sessions));
        Assert.InRange(watcher.Rejected, expiries, Calls);
        Assert.Equal(Calls + stats.Logins + watcher.Rejected, stats.Calls);

        // None ran twice: the server ran each call exactly once, rejected attempts never.
        IReadOnlyDictionary<string, int> executed = _server.Executed();
        Assert.Equal(Calls, executed.Count);
        Assert.All(Enumerable.Range(1, Calls), i => Assert.Equal(1, executed.GetValueOrDefault(Echo(i))));
    }

    [Fact]
    public async Task CancellingAThirdOfAThousandCallsMidFlightLeavesTheClientAndTheSessionUsable()
    {
        // 16 connections: most calls wait in HttpClient's queue, so cancellations land before, during and after sending.
        var http = new SocketsHttpHandler { MaxConnectionsPerServer = 16 };
        MyapiSession session = Client(http).CreateSession(PhpSoapServer.User, PhpSoapServer.Password);
        var random = new Random(20261201);
        var sources = new List<CancellationTokenSource>();

        var calls = Enumerable.Range(1, Calls).Select(i =>
        {
            CancellationToken token = CancellationToken.None;
            if (i % 3 == 0)
            {
                var source = new CancellationTokenSource(TimeSpan.FromMilliseconds(random.Next(0, 400)));
                sources.Add(source);
                token = source.Token;
            }

            return (Id: i, Cancellable: i % 3 == 0, Task: session.ApiVpsQueueBackupAsync(i, "b" + i, token));
        }).ToArray();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(calls.Select(c => c.Task)).ContinueWith(_ => { }, TaskScheduler.Default).WaitAsync(TimeSpan.FromSeconds(120));
        clock.Stop();

        int cancelled = 0;
        foreach (var (id, cancellable, task) in calls)
        {
            if (task.IsCanceled)
            {
                Assert.True(cancellable, "call " + id + " was cancelled without being asked to");
                cancelled++;
            }
            else
            {
                Assert.True(task.IsCompletedSuccessfully, "call " + id + ": " + task.Exception?.InnerException);
                Assert.Equal(Echo(id), (await task)?.StatusText);
            }
        }

        _output.WriteLine($"{Calls} calls, {cancelled} cancelled: {clock.Elapsed.TotalSeconds:F1} s");
        Assert.InRange(cancelled, 50, Calls / 3);

        // Nothing ran twice; every call that was not cancelled ran.
        IReadOnlyDictionary<string, int> executed = _server.Executed();
        Assert.All(executed.Values, n => Assert.Equal(1, n));
        Assert.All(calls.Where(c => !c.Task.IsCanceled), c => Assert.True(executed.ContainsKey(Echo(c.Id)), Echo(c.Id) + " did not run"));

        // The session and the client go on: one login all along, and the next call works.
        Assert.Equal("client", await session.ApiGetImaAsync());
        Assert.Equal(1, _server.Stats().Logins);
        sources.ForEach(s => s.Dispose());
    }

    [Fact]
    public async Task AFailingLoginIsReportedToEveryWaitingCallerAndTheNextCallTriesAgain()
    {
        var hold = new HoldStep("api_login");
        MyapiSession session = Client(new SocketsHttpHandler(), hold).CreateSession(PhpSoapServer.User, "not-the-password");

        // All of them start, and wait for the one login, before it may go out.
        Task<ResultStatus?>[] calls = Enumerable.Range(1, Calls).Select(i => session.ApiVpsQueueStopAsync(i)).ToArray();
        SpinWait.SpinUntil(() => hold.Held == 1, TimeSpan.FromSeconds(10));
        Assert.Equal(1, hold.Held);
        hold.Open();
        await Task.WhenAll(calls).ContinueWith(_ => { }, TaskScheduler.Default).WaitAsync(TimeSpan.FromSeconds(60));

        foreach (Task<ResultStatus?> call in calls)
        {
            SoapAuthenticationException failure = Assert.IsType<SoapAuthenticationException>(call.Exception?.InnerException);
            Assert.DoesNotContain("not-the-password", failure.ToString(), StringComparison.Ordinal);
        }

        // One login for a thousand callers, and no operation sent without a session.
        Assert.Equal(new ServerStats(1, 1, 0), _server.Stats());

        // A failed login is not kept: the next call logs in again (and fails again).
        await Assert.ThrowsAsync<SoapAuthenticationException>(() => session.ApiGetImaAsync());
        Assert.Equal(new ServerStats(2, 2, 0), _server.Stats());
    }
}
