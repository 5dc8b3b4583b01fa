using System;
using System.Threading;
using System.Threading.Tasks;

namespace SoapGen.Runtime;

/// <summary>
/// Holds a login session for services that log in once and pass a token with each call (InterServer's
/// <c>api_login</c> → <c>sid</c>, SoftLayer's authenticate header). Logs in lazily on the first call, shares one
/// login among concurrent callers, and when the server says the session is no longer valid logs in again once and
/// retries the call once. Never exposes the token or the credentials in <see cref="ToString"/> or exception messages.
/// </summary>
/// <remarks>
/// The login itself runs without the first caller's cancellation token, because other callers may be waiting on the
/// same login; each caller stops waiting when its own token is cancelled. The HttpClient's timeout bounds the login.
/// </remarks>
public sealed class SoapSession
{
    private readonly Func<CancellationToken, Task<string?>> _login;
    private readonly SessionExpiry _expiry;
    private readonly object _gate = new();

    // The current login: in flight, or completed with the token in use. Failed logins are replaced on the next call.
    private Task<string>? _current;

    /// <summary>Creates a session; nothing is sent until the first <see cref="InvokeAsync{T}"/>.</summary>
    /// <param name="login">Logs in and returns the session token (blank, <c>false</c> or <c>0</c> mean failure).</param>
    /// <param name="options">How to recognise an expired session; <see langword="null"/> for the defaults.</param>
    public SoapSession(Func<CancellationToken, Task<string?>> login, SoapSessionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(login);
        _login = login;
        _expiry = new SessionExpiry(options ?? new SoapSessionOptions());
    }

    /// <summary>
    /// Runs <paramref name="call"/> with a session token, logging in first if needed. If the call fails or returns
    /// with a session-expired signal, logs in again (once, shared with concurrent callers) and retries once; a second
    /// expiry is surfaced as is.
    /// </summary>
    /// <typeparam name="T">The call's result type.</typeparam>
    /// <param name="call">The service call, given the token and the cancellation token.</param>
    /// <param name="cancellationToken">Cancels waiting for the login and the call.</param>
    /// <returns>The call's result.</returns>
    /// <exception cref="SoapAuthenticationException">Logging in failed.</exception>
    public async Task<T> InvokeAsync<T>(Func<string, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        cancellationToken.ThrowIfCancellationRequested();

        Task<string> login = CurrentLogin();
        string token = await login.WaitAsync(cancellationToken).ConfigureAwait(false);
        T result;
        try
        {
            result = await call(token, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (_expiry.IsExpired(ex))
        {
            return await RetryAsync(login, call, cancellationToken).ConfigureAwait(false);
        }

        if (_expiry.IsExpired(result))
        {
            return await RetryAsync(login, call, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>
    /// Logs in now, to check the credentials up front, unless a login already succeeded or is in flight (then waits for
    /// that one). Calls log in lazily without it; after <see cref="Invalidate"/> this logs in again.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting; the login itself goes on for other callers (see the remarks).</param>
    /// <returns>A task that completes when the session holds a token.</returns>
    /// <exception cref="SoapAuthenticationException">Logging in failed; the next call or <see cref="LoginAsync"/> tries again.</exception>
    public Task LoginAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return CurrentLogin().WaitAsync(cancellationToken);
    }

    /// <summary>Forgets the current token so the next call logs in again.</summary>
    public void Invalidate()
    {
        lock (_gate)
        {
            _current = null;
        }
    }

    /// <summary>Says whether a session token is held; never shows the token.</summary>
    /// <returns>A description without the token.</returns>
    public override string ToString()
    {
        Task<string>? current = Volatile.Read(ref _current);
        string state = current is null ? "not logged in"
            : current.IsCompletedSuccessfully ? "logged in"
            : current.IsCompleted ? "login failed"
            : "logging in";
        return "SoapSession (" + state + ")";
    }

    private async Task<T> RetryAsync<T>(Task<string> expiredLogin, Func<string, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        InvalidateIf(expiredLogin);
        string token = await CurrentLogin().WaitAsync(cancellationToken).ConfigureAwait(false);

        // Once only: if the fresh token is rejected too, logging in again would just loop.
        return await call(token, cancellationToken).ConfigureAwait(false);
    }

    private Task<string> CurrentLogin()
    {
        lock (_gate)
        {
            if (_current is null || (_current.IsCompleted && !_current.IsCompletedSuccessfully))
            {
                _current = RunLoginAsync();
            }

            return _current;
        }
    }

    // Only the caller whose token is still current invalidates it: when 50 calls fail with the same old token, the
    // first one replaces it and the other 49 join the new login instead of starting 49 more.
    private void InvalidateIf(Task<string> expiredLogin)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_current, expiredLogin))
            {
                _current = null;
            }
        }
    }

    private async Task<string> RunLoginAsync()
    {
        // Leave the lock before running user code, so a synchronously completing login cannot re-enter it.
        await Task.Yield();
        string? token;
        try
        {
            token = await _login(CancellationToken.None).ConfigureAwait(false);
        }
        catch (SoapFaultException ex)
        {
            throw new SoapAuthenticationException("Login failed: the login call returned a SOAP fault (" + ex.Message + ").", ex);
        }

        string trimmed = token?.Trim() ?? string.Empty;
        if (trimmed.Length == 0 || trimmed == "0" || string.Equals(trimmed, "false", StringComparison.OrdinalIgnoreCase))
        {
            throw new SoapAuthenticationException(
                "Login failed: the login call returned no session token (blank, 'false' or '0'). Check the user name and password.");
        }

        return token!;
    }
}
