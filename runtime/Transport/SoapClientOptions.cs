using System;
using System.Collections.Generic;

namespace SoapGen.Runtime;

/// <summary>Options a generated client accepts to override what the WSDL says and to extend what every call does.</summary>
public sealed class SoapClientOptions
{
    /// <summary>
    /// Options that only name the endpoint, so <c>new XxxClient(httpClient, endpoint)</c> reads as it always did while
    /// the client keeps the one constructor dependency injection can choose.
    /// </summary>
    /// <param name="endpoint">The endpoint to call.</param>
    /// <returns>New options with <see cref="Endpoint"/> set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="endpoint"/> is <see langword="null"/>: silently calling the WSDL's address instead would be a surprise.</exception>
    public static implicit operator SoapClientOptions(Uri endpoint) => FromEndpoint(endpoint);

    /// <summary>Options that only name the endpoint (the named form of the conversion from <see cref="Uri"/>).</summary>
    /// <param name="endpoint">The endpoint to call.</param>
    /// <returns>New options with <see cref="Endpoint"/> set.</returns>
    public static SoapClientOptions FromEndpoint(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return new SoapClientOptions { Endpoint = endpoint };
    }

    /// <summary>The endpoint to call; <see langword="null"/> uses the HttpClient's BaseAddress, else the address from the WSDL.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>
    /// The largest reply body, in bytes after decompression, the client accepts before it gives up.
    /// Defaults to <see cref="SoapTransport.DefaultMaxReplyBytes"/> (64 MiB).
    /// </summary>
    public long MaxReplyBytes { get; set; } = SoapTransport.DefaultMaxReplyBytes;

    /// <summary>
    /// Limits on the shape of a reply (nesting depth, name and text lengths, array items, element count), checked while
    /// it is parsed; a reply beyond one is a <see cref="SoapProtocolException"/> naming it. Change a value here to raise it.
    /// </summary>
    public SoapReaderQuotas ReaderQuotas { get; } = new();

    /// <summary>
    /// Ambient SOAP headers (credentials, say): a typed header is sent with every operation that declares it, any other
    /// header with every call. The client keeps this collection as its <c>DefaultHeaders</c>, so later changes apply.
    /// </summary>
    public SoapHeaderCollection Headers { get; } = new();

    /// <summary>The envelope pipeline's steps, run in order around every call (see <see cref="SoapPipelineStep"/>).</summary>
    public IList<SoapPipelineStep> Steps { get; } = new List<SoapPipelineStep>();

    /// <summary>
    /// Sends static credentials as a SOAP header with every operation that declares it (no login call: SoftLayer's
    /// <c>authenticate</c>), and turns a fault that rejects them into a <see cref="SoapAuthenticationException"/>.
    /// The credentials never appear in messages, logs or <c>ToString()</c>.
    /// </summary>
    /// <typeparam name="T">The header's type.</typeparam>
    /// <param name="header">The header, e.g. <c>XxxClient.Headers.Authenticate</c>.</param>
    /// <param name="credentials">Its value.</param>
    /// <param name="isRejection">
    /// Which faults mean "wrong credentials"; by default those whose code or reason speaks of a token, credentials,
    /// authentication, an API key, a password or denied access.
    /// </param>
    /// <returns>These options.</returns>
    public SoapClientOptions UseHeaderCredentials<T>(SoapHeaderDescriptor<T> header, T credentials, Func<SoapFaultException, bool>? isRejection = null)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(credentials);
        Steps.Add(new HeaderCredentialsStep<T>(header, credentials, isRejection));
        return this;
    }

    /// <summary>
    /// Logs every request envelope and reply body through <paramref name="log"/> (e.g.
    /// <c>entry =&gt; logger.LogDebug("{Soap}", entry)</c>), with credentials replaced by <c>***</c> and the text capped
    /// (see <see cref="SoapEnvelopeLoggingOptions"/>). Steps added after this one (and a session's login and retry) are
    /// logged too; the callback runs on the calling path, so it should be quick.
    /// </summary>
    /// <param name="log">Receives each envelope.</param>
    /// <param name="options">What to redact and how much to keep; <see langword="null"/> for the defaults.</param>
    /// <returns>These options.</returns>
    public SoapClientOptions UseEnvelopeLogging(Action<SoapEnvelopeLogEntry> log, SoapEnvelopeLoggingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(log);
        Steps.Add(new EnvelopeLoggingStep(log, options ?? new SoapEnvelopeLoggingOptions()));
        return this;
    }

    /// <summary>
    /// Sends a WS-Security <c>UsernameToken</c> with every call (<see cref="UsernameTokenHeader"/>): by default a
    /// <c>PasswordDigest</c> with a fresh nonce and creation time per request, optionally a <c>Timestamp</c>.
    /// </summary>
    /// <param name="username">The user name.</param>
    /// <param name="password">The password; never shown in messages, logs or <c>ToString()</c>.</param>
    /// <param name="passwordType">Digest (the default) or text (only over HTTPS).</param>
    /// <param name="timestampLifetime">When set, adds a <c>wsu:Timestamp</c> that expires this long after the request is written.</param>
    /// <returns>These options.</returns>
    public SoapClientOptions UseUsernameToken(
        string username,
        string password,
        UsernameTokenPasswordType passwordType = UsernameTokenPasswordType.Digest,
        TimeSpan? timestampLifetime = null)
    {
        Headers.Add(new UsernameTokenHeader(username, password, passwordType, timestampLifetime));
        return this;
    }
}
