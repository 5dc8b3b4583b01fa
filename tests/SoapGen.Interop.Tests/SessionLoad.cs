using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using SoapGen.Runtime;

namespace SoapGen.Interop.Tests;

/// <summary>What the session load tests share.</summary>
public static class SessionLoad
{
    /// <summary>Options for a client of <paramref name="endpoint"/> whose pipeline runs <paramref name="steps"/>.</summary>
    public static SoapClientOptions Options(Uri endpoint, params SoapPipelineStep[] steps)
    {
        var options = new SoapClientOptions { Endpoint = endpoint };
        foreach (SoapPipelineStep step in steps)
        {
            options.Steps.Add(step);
        }

        return options;
    }

    /// <summary>An HttpClient on <paramref name="handler"/> with a timeout no load test reaches.</summary>
    public static HttpClient Http(HttpMessageHandler handler) => new(handler) { Timeout = TimeSpan.FromSeconds(60) };
}

/// <summary>How a session protocol shows on the wire, for <see cref="SessionLoadWatcher"/>.</summary>
/// <param name="IsLogin">Whether a request body is the login call.</param>
/// <param name="TokenOfRequest">The session token a request carries, or <see langword="null"/>.</param>
/// <param name="TokenOfLoginReply">The token a login reply returns, or <see langword="null"/>.</param>
/// <param name="IsRejection">Whether a reply says the session is invalid.</param>
/// <param name="CallKey">What identifies one call (not one attempt) in a request body.</param>
public sealed record SessionWire(
    Func<string, bool> IsLogin,
    Func<string, string?> TokenOfRequest,
    Func<string, string?> TokenOfLoginReply,
    Func<string, bool> IsRejection,
    Func<string, string> CallKey)
{
    public static Func<string, string?> Group1(Regex regex) => text => regex.Match(text) is { Success: true } m ? m.Groups[1].Value : null;
}

/// <summary>
/// Watches a session's exchanges under load so a test can expire the server's sessions mid-run at moments when no call
/// can meet two expiries: the session retries a call once by design (a second rejection surfaces rather than loops), so
/// a test that expired sessions while a retried call, or a call still carrying an older token, was on the wire would
/// lose that call by design, not by a bug. Counts rejections, completed retries and calls.
/// </summary>
public sealed class SessionLoadWatcher(SessionWire wire) : DelegatingHandler(new SocketsHttpHandler())
{
    private readonly ConcurrentDictionary<long, string?> _inFlight = new();
    private readonly ConcurrentDictionary<string, byte> _rejectedCalls = new(StringComparer.Ordinal);
    private long _nextId;
    private int _rejected;
    private int _retriesDone;
    private int _completed;
    private string? _latestToken;

    /// <summary>Replies that said the session was invalid.</summary>
    public int Rejected => Volatile.Read(ref _rejected);

    /// <summary>Non-login exchanges that did not say so.</summary>
    public int Completed => Volatile.Read(ref _completed);

    /// <summary>
    /// No rejected call waits for or runs its retry, and every request on the wire carries the latest login's token:
    /// expiring now affects each call at most once.
    /// </summary>
    public bool SafeToExpire
    {
        get
        {
            string? latest = Volatile.Read(ref _latestToken);
            return latest is not null && Volatile.Read(ref _rejected) == Volatile.Read(ref _retriesDone)
                && _inFlight.Values.All(token => token is null || token == latest);
        }
    }

    /// <summary>Expires the server's sessions <paramref name="expiries"/> times while <paramref name="run"/> is going, spread over it.</summary>
    /// <returns>How many sessions each expiry dropped.</returns>
    public async Task<int[]> ExpireDuringAsync(Task run, int calls, int expiries, Func<int> expire)
    {
        var dropped = new int[expiries];
        var deadline = Stopwatch.StartNew();
        for (int k = 0; k < expiries; k++)
        {
            int due = calls * (k + 1) / (expiries + 1);
            while (!(Completed >= due && SafeToExpire))
            {
                if (run.IsCompleted || deadline.Elapsed > TimeSpan.FromSeconds(90))
                {
                    throw new InvalidOperationException($"expiry {k + 1} of {expiries} never became safe: {Completed} of {calls} calls completed, run {run.Status}");
                }

                await Task.Delay(5);
            }

            dropped[k] = expire();
            if (run.IsCompleted)
            {
                throw new InvalidOperationException($"expiry {k + 1} of {expiries} came only after the run had ended");
            }
        }

        return dropped;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        bool login = wire.IsLogin(body);
        string key = login ? string.Empty : wire.CallKey(body);
        bool retry = !login && _rejectedCalls.ContainsKey(key);
        long id = Interlocked.Increment(ref _nextId);
        _inFlight[id] = login ? null : wire.TokenOfRequest(body);
        try
        {
            HttpResponseMessage response = await base.SendAsync(request, cancellationToken);
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            string reply = await response.Content.ReadAsStringAsync(cancellationToken);
            if (login)
            {
                if (wire.TokenOfLoginReply(reply) is { } token)
                {
                    Volatile.Write(ref _latestToken, token);
                }
            }
            else if (wire.IsRejection(reply))
            {
                _rejectedCalls[key] = 0;
                Interlocked.Increment(ref _rejected);
            }
            else
            {
                Interlocked.Increment(ref _completed);
            }

            if (retry)
            {
                Interlocked.Increment(ref _retriesDone);
            }

            return response;
        }
        catch
        {
            if (retry)
            {
                Interlocked.Increment(ref _retriesDone);
            }

            throw;
        }
        finally
        {
            _inFlight.TryRemove(id, out _);
        }
    }
}

/// <summary>
/// At most <c>limit</c> calls past this step at once, each holding its place through the session's login and retry,
/// the way an application bounds its concurrency: envelopes are written only when a call gets its turn, so a later
/// call carries the token current then, not the one current when 1,000 calls were queued. The login passes freely:
/// it runs through the client's steps too, and callers holding every place while they wait for it would deadlock.
/// </summary>
public sealed class ThrottleStep(int limit, string loginOperation) : SoapPipelineStep
{
    private readonly SemaphoreSlim _gate = new(limit, limit);

    public override async ValueTask InvokeAsync(SoapCallContext call, SoapPipelineNext next, CancellationToken cancellationToken)
    {
        if (call.Operation.Name == loginOperation)
        {
            await next(call, cancellationToken).ConfigureAwait(false);
            return;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await next(call, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }
}

/// <summary>Holds every call of one operation (the login) until <see cref="Open"/>, so a test can queue callers behind it.</summary>
public sealed class HoldStep(string operation) : SoapPipelineStep
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _held;

    /// <summary>How many calls have reached the hold.</summary>
    public int Held => Volatile.Read(ref _held);

    public void Open() => _open.TrySetResult();

    public override async ValueTask InvokeAsync(SoapCallContext call, SoapPipelineNext next, CancellationToken cancellationToken)
    {
        if (call.Operation.Name == operation)
        {
            Interlocked.Increment(ref _held);
            await _open.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        await next(call, cancellationToken).ConfigureAwait(false);
    }
}
