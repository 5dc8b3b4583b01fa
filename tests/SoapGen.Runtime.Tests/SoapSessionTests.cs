using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace SoapGen.Runtime.Tests;

public class SoapSessionTests
{
    private const string Password = "pw-HUNTER2";

    /// <summary>A fake service: counts logins and calls, and accepts only the token of the latest login.</summary>
    private sealed class FakeService
    {
        private int _logins;
        private int _calls;
        private volatile string? _valid;

        public int Logins => Volatile.Read(ref _logins);

        public int Calls => Volatile.Read(ref _calls);

        public TaskCompletionSource? LoginGate { get; set; }

        public string TokenPrefix { get; set; } = "SECRET-TOKEN-";

        public async Task<string?> LoginAsync(CancellationToken ct)
        {
            int n = Interlocked.Increment(ref _logins);
            if (LoginGate is { } gate)
            {
                await gate.Task.WaitAsync(ct);
            }

            string token = TokenPrefix + n;
            _valid = token;
            return token;
        }

        public Task<string> CallAsync(string token, CancellationToken ct)
        {
            Interlocked.Increment(ref _calls);
            if (token != _valid)
            {
                throw new SoapFaultException(SoapVersion.Soap11, "Client", "Invalid Session ID");
            }

            return Task.FromResult("ok:" + token);
        }

        public void ExpireAll() => _valid = null;
    }

    private sealed record StatusResult(string? Status, string? StatusText) : ISoapStatusResult;

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (int i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }

    [Fact]
    public async Task Login_is_lazy_and_happens_once_for_sequential_calls()
    {
        var service = new FakeService();
        var session = new SoapSession(service.LoginAsync);
        Assert.Equal(0, service.Logins);

        Assert.Equal("ok:SECRET-TOKEN-1", await session.InvokeAsync(service.CallAsync, CancellationToken.None));
        Assert.Equal("ok:SECRET-TOKEN-1", await session.InvokeAsync(service.CallAsync, CancellationToken.None));
        Assert.Equal(1, service.Logins);
        Assert.Equal(2, service.Calls);
    }

    [Fact]
    public async Task Fifty_concurrent_first_calls_share_one_login()
    {
        var service = new FakeService { LoginGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var session = new SoapSession(service.LoginAsync);

        Task<string>[] calls = Enumerable.Range(0, 50).Select(_ => Task.Run(() => session.InvokeAsync(service.CallAsync, CancellationToken.None))).ToArray();
        await WaitUntil(() => service.Logins >= 1);
        await Task.Delay(50);
        service.LoginGate.SetResult();

        string[] results = await Task.WhenAll(calls);
        Assert.Equal(1, service.Logins);
        Assert.All(results, r => Assert.Equal("ok:SECRET-TOKEN-1", r));
    }

    [Fact]
    public async Task Expired_fault_causes_exactly_one_relogin_and_one_retry()
    {
        var service = new FakeService();
        var session = new SoapSession(service.LoginAsync);
        await session.InvokeAsync(service.CallAsync, CancellationToken.None);
        service.ExpireAll();

        Assert.Equal("ok:SECRET-TOKEN-2", await session.InvokeAsync(service.CallAsync, CancellationToken.None));
        Assert.Equal(2, service.Logins);
        Assert.Equal(3, service.Calls);
    }

    [Fact]
    public async Task Expiry_seen_by_fifty_concurrent_calls_causes_exactly_one_relogin()
    {
        var service = new FakeService();
        var session = new SoapSession(service.LoginAsync);
        await session.InvokeAsync(service.CallAsync, CancellationToken.None);
        service.ExpireAll();

        // Hold every call made with the old token until all 50 are in flight, so all 50 see the expiry.
        int arrived = 0;
        var allArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task<string> Call(string token, CancellationToken ct)
        {
            if (token == "SECRET-TOKEN-1")
            {
                if (Interlocked.Increment(ref arrived) == 50)
                {
                    allArrived.SetResult();
                }

                await allArrived.Task;
            }

            return await service.CallAsync(token, ct);
        }

        Task<string>[] calls = Enumerable.Range(0, 50).Select(_ => Task.Run(() => session.InvokeAsync(Call, CancellationToken.None))).ToArray();
        string[] results = await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(50, arrived);
        Assert.Equal(2, service.Logins);
        Assert.All(results, r => Assert.Equal("ok:SECRET-TOKEN-2", r));
        Assert.Equal(1 + 50 + 50, service.Calls);
    }

    [Fact]
    public async Task Second_expiry_is_surfaced_not_looped()
    {
        var service = new FakeService();
        var session = new SoapSession(service.LoginAsync);
        int calls = 0;
        SoapFaultException fault = await Assert.ThrowsAsync<SoapFaultException>(() => session.InvokeAsync<int>((token, ct) =>
        {
            Interlocked.Increment(ref calls);
            throw new SoapFaultException(SoapVersion.Soap11, "Client", "Session expired");
        }, CancellationToken.None));

        Assert.Equal("Session expired", fault.Reason);
        Assert.Equal(2, calls);
        Assert.Equal(2, service.Logins);
    }

    [Fact]
    public async Task Expired_status_result_is_retried_once_and_a_second_one_returned()
    {
        var service = new FakeService();
        var session = new SoapSession(service.LoginAsync);
        int calls = 0;
        StatusResult result = await session.InvokeAsync((token, ct) =>
        {
            Interlocked.Increment(ref calls);
            return Task.FromResult(new StatusResult("error", "Your session is invalid, please log in"));
        }, CancellationToken.None);

        Assert.Equal("error", result.Status);
        Assert.Equal(2, calls);
        Assert.Equal(2, service.Logins);

        // A fresh token that works: the retry's result is what the caller gets.
        service.ExpireAll();
        StatusResult second = await session.InvokeAsync(async (token, ct) =>
        {
            string ok = await service.CallAsync(token, ct).ContinueWith(t => t.IsFaulted ? "expired" : "ok", TaskScheduler.Default);
            return ok == "ok" ? new StatusResult("ok", null) : new StatusResult("error", "Session expired");
        }, CancellationToken.None);
        Assert.True(second.IsOk());
        Assert.Equal(3, service.Logins);
    }

    [Fact]
    public async Task Unrelated_faults_and_results_are_not_treated_as_expiry()
    {
        var service = new FakeService();
        var session = new SoapSession(service.LoginAsync);
        await Assert.ThrowsAsync<SoapFaultException>(() => session.InvokeAsync<int>(
            (_, _) => throw new SoapFaultException(SoapVersion.Soap11, "Client", "Invalid IP address"), CancellationToken.None));
        StatusResult r = await session.InvokeAsync((_, _) => Task.FromResult(new StatusResult("error", "Unknown package")), CancellationToken.None);
        Assert.Equal("Unknown package", r.StatusText);
        await Assert.ThrowsAsync<InvalidOperationException>(() => session.InvokeAsync<int>(
            (_, _) => throw new InvalidOperationException("session invalid"), CancellationToken.None));
        Assert.Equal(1, service.Logins);
    }

    [Theory]
    [InlineData("Session expired")]
    [InlineData("Invalid Session ID")]
    [InlineData("not logged in: no session")]
    [InlineData("unknown session")]
    public void Default_matching_recognises_session_expiry_texts(string reason)
    {
        var expiry = new SessionExpiry(new SoapSessionOptions());
        Assert.True(expiry.IsExpired(new SoapFaultException(SoapVersion.Soap11, "Client", reason)));
        Assert.True(expiry.IsExpired((object)new StatusResult("error", reason)));
        Assert.False(expiry.IsExpired(new OperationCanceledException(reason)));
    }

    [Fact]
    public void Options_replace_the_default_matching()
    {
        var byText = new SessionExpiry(new SoapSessionOptions { ExpiredText = "E_AUTH" });
        Assert.True(byText.IsExpired(new SoapFaultException(SoapVersion.Soap11, "Client", "code e_auth")));
        Assert.False(byText.IsExpired(new SoapFaultException(SoapVersion.Soap11, "Client", "Session expired")));
        Assert.True(byText.IsExpired((object)new StatusResult("error", "E_AUTH")));

        var byPredicate = new SessionExpiry(new SoapSessionOptions
        {
            IsExpiredFault = ex => ex is TimeoutException,
            IsExpiredResult = r => r is int i && i == -1,
        });
        Assert.True(byPredicate.IsExpired(new TimeoutException()));
        Assert.False(byPredicate.IsExpired(new SoapFaultException(SoapVersion.Soap11, "Client", "Session expired")));
        Assert.True(byPredicate.IsExpired((object)(-1)));
        Assert.False(byPredicate.IsExpired((object)new StatusResult("error", "Session expired")));
    }

    [Fact]
    public async Task Custom_expiry_predicate_drives_the_relogin()
    {
        var service = new FakeService();
        var session = new SoapSession(service.LoginAsync, new SoapSessionOptions { IsExpiredResult = r => r is int i && i == -1 });
        int calls = 0;
        int result = await session.InvokeAsync((_, _) => Task.FromResult(Interlocked.Increment(ref calls) == 1 ? -1 : 7), CancellationToken.None);
        Assert.Equal(7, result);
        Assert.Equal(2, service.Logins);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("false")]
    [InlineData("FALSE")]
    [InlineData("0")]
    public async Task Blank_or_false_login_result_is_an_authentication_error_and_not_cached(string? token)
    {
        int logins = 0;
        var session = new SoapSession(_ =>
        {
            Interlocked.Increment(ref logins);
            return Task.FromResult(token);
        });

        SoapAuthenticationException ex = await Assert.ThrowsAsync<SoapAuthenticationException>(() =>
            session.InvokeAsync((t, _) => Task.FromResult(t), CancellationToken.None));
        Assert.DoesNotContain(Password, ex.ToString());
        await Assert.ThrowsAsync<SoapAuthenticationException>(() => session.InvokeAsync((t, _) => Task.FromResult(t), CancellationToken.None));
        Assert.Equal(2, logins);
    }

    [Fact]
    public async Task Login_fault_becomes_an_authentication_error_without_credentials()
    {
        var session = new SoapSession(_ => throw new SoapFaultException(SoapVersion.Soap11, "Client", "Bad user name or password"));
        SoapAuthenticationException ex = await Assert.ThrowsAsync<SoapAuthenticationException>(() =>
            session.InvokeAsync((t, _) => Task.FromResult(t), CancellationToken.None));
        Assert.IsType<SoapFaultException>(ex.InnerException);
        Assert.Contains("Bad user name or password", ex.Message);
        Assert.DoesNotContain(Password, ex.ToString());
    }

    [Fact]
    public async Task Failed_login_is_retried_by_the_next_call()
    {
        int logins = 0;
        var session = new SoapSession(_ => Interlocked.Increment(ref logins) == 1
            ? Task.FromException<string?>(new System.Net.Http.HttpRequestException("connection refused"))
            : Task.FromResult<string?>("tok"));
        await Assert.ThrowsAsync<System.Net.Http.HttpRequestException>(() => session.InvokeAsync((t, _) => Task.FromResult(t), CancellationToken.None));
        Assert.Equal("tok", await session.InvokeAsync((t, _) => Task.FromResult(t), CancellationToken.None));
        Assert.Equal(2, logins);
    }

    [Fact]
    public async Task Cancellation_stops_the_waiting_caller_without_breaking_the_shared_login()
    {
        var service = new FakeService { LoginGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var session = new SoapSession(service.LoginAsync);
        using var cts = new CancellationTokenSource();

        Task<string> cancelled = session.InvokeAsync(service.CallAsync, cts.Token);
        Task<string> patient = session.InvokeAsync(service.CallAsync, CancellationToken.None);
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.False(patient.IsCompleted);

        service.LoginGate.SetResult();
        Assert.Equal("ok:SECRET-TOKEN-1", await patient);
        Assert.Equal(1, service.Logins);
        Assert.Equal(1, service.Calls);
    }

    [Fact]
    public async Task Cancellation_token_reaches_the_call()
    {
        var session = new SoapSession(_ => Task.FromResult<string?>("tok"));
        await session.InvokeAsync((_, _) => Task.FromResult(0), CancellationToken.None);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => session.InvokeAsync(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return 0;
        }, cts.Token));

        // An already cancelled token does not start the call at all.
        int started = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => session.InvokeAsync((_, _) => Task.FromResult(++started), new CancellationToken(true)));
        Assert.Equal(0, started);
    }

    [Fact]
    public async Task ToString_and_errors_never_show_the_token()
    {
        var service = new FakeService();
        var session = new SoapSession(service.LoginAsync);
        Assert.DoesNotContain("SECRET", session.ToString());
        await session.InvokeAsync(service.CallAsync, CancellationToken.None);
        Assert.DoesNotContain("SECRET", session.ToString());
        Assert.Contains("logged in", session.ToString());

        var ex = await Assert.ThrowsAsync<SoapFaultException>(() => session.InvokeAsync<string>(
            (_, _) => throw new SoapFaultException(SoapVersion.Soap11, "Client", "Session expired"), CancellationToken.None));
        Assert.DoesNotContain("SECRET", ex.ToString());
    }

    [Fact]
    public async Task Invalidate_forces_a_new_login()
    {
        var service = new FakeService();
        var session = new SoapSession(service.LoginAsync);
        await session.InvokeAsync(service.CallAsync, CancellationToken.None);
        session.Invalidate();
        Assert.Contains("not logged in", session.ToString());
        Assert.Equal("ok:SECRET-TOKEN-2", await session.InvokeAsync(service.CallAsync, CancellationToken.None));
        Assert.Equal(2, service.Logins);
    }

    [Fact]
    public async Task LoginAsyncAndCallsStartedMeanwhileShareOneLogin()
    {
        var service = new FakeService { LoginGate = new TaskCompletionSource() };
        var session = new SoapSession(service.LoginAsync);

        Task login = session.LoginAsync();
        Task<string> call = session.InvokeAsync(service.CallAsync, CancellationToken.None);
        service.LoginGate.SetResult();
        await login;

        Assert.Equal("ok:SECRET-TOKEN-1", await call);
        await session.LoginAsync();
        Assert.Equal(1, service.Logins);
        Assert.Equal("SoapSession (logged in)", session.ToString());
    }

    [Fact]
    public async Task AFailedLoginAsyncIsTriedAgainByTheNextOne()
    {
        int logins = 0;
        var session = new SoapSession(_ => Task.FromResult<string?>(Interlocked.Increment(ref logins) == 1 ? "" : "token-2"));

        var error = await Assert.ThrowsAsync<SoapAuthenticationException>(() => session.LoginAsync());
        await session.LoginAsync();

        Assert.Contains("no session token", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, logins);
    }

    [Fact]
    public async Task LoginAsyncStopsWaitingWhenItsTokenIsCancelledAndTheLoginGoesOn()
    {
        var service = new FakeService { LoginGate = new TaskCompletionSource() };
        var session = new SoapSession(service.LoginAsync);
        using var cancel = new CancellationTokenSource();

        Task login = session.LoginAsync(cancel.Token);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => login);
        service.LoginGate.SetResult();

        Assert.Equal("ok:SECRET-TOKEN-1", await session.InvokeAsync(service.CallAsync, CancellationToken.None));
        Assert.Equal(1, service.Logins);
    }
}
