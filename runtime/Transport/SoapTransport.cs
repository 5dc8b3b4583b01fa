using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace SoapGen.Runtime;

/// <summary>
/// Sends one SOAP request and reads its reply; used by generated code. The <see cref="HttpClient"/> comes from the
/// user, so handlers, <c>IHttpClientFactory</c> and resilience pipelines apply unchanged.
/// </summary>
public sealed class SoapTransport
{
    /// <summary>The default reply size limit: 64 MiB.</summary>
    public const long DefaultMaxReplyBytes = 64L * 1024 * 1024;

    private readonly HttpClient _httpClient;
    private readonly long _maxReplyBytes;
    private readonly SoapPipelineNext _pipeline;
    private readonly SoapPipelineStep[] _steps;
    private readonly SoapReaderQuotas _quotas;
    private ContentTypeCharset? _lastContentType;

    /// <summary>Creates a transport for one endpoint.</summary>
    /// <param name="httpClient">The client to send with; not disposed by the transport.</param>
    /// <param name="endpoint">The absolute URI to POST to.</param>
    /// <param name="version">The SOAP version to speak.</param>
    /// <param name="maxReplyBytes">The largest reply body accepted, counted after decompression.</param>
    public SoapTransport(HttpClient httpClient, Uri endpoint, SoapVersion version = SoapVersion.Soap11, long maxReplyBytes = DefaultMaxReplyBytes)
        : this(httpClient, endpoint, version, maxReplyBytes, steps: null, defaultHeaders: null)
    {
    }

    /// <summary>Creates a transport for one endpoint, with an envelope pipeline and ambient headers.</summary>
    /// <param name="httpClient">The client to send with; not disposed by the transport.</param>
    /// <param name="endpoint">The absolute URI to POST to.</param>
    /// <param name="version">The SOAP version to speak.</param>
    /// <param name="maxReplyBytes">The largest reply body accepted, counted after decompression.</param>
    /// <param name="steps">The pipeline steps every call runs through, in order.</param>
    /// <param name="defaultHeaders">Ambient headers; <see langword="null"/> for a new, empty collection.</param>
    public SoapTransport(HttpClient httpClient, Uri endpoint, SoapVersion version, long maxReplyBytes, IEnumerable<SoapPipelineStep>? steps, SoapHeaderCollection? defaultHeaders)
        : this(httpClient, endpoint, version, maxReplyBytes, steps, defaultHeaders, quotas: null)
    {
    }

    /// <summary>Creates a transport for one endpoint with a client's options (limits, quotas, steps, ambient headers); used by generated code.</summary>
    /// <param name="httpClient">The client to send with; not disposed by the transport.</param>
    /// <param name="endpoint">The absolute URI to POST to.</param>
    /// <param name="version">The SOAP version to speak.</param>
    /// <param name="options">The client's options; the transport keeps its <see cref="SoapClientOptions.Headers"/> as its ambient headers.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public SoapTransport(HttpClient httpClient, Uri endpoint, SoapVersion version, SoapClientOptions options)
        : this(httpClient, endpoint, version, (options ?? throw new ArgumentNullException(nameof(options))).MaxReplyBytes, options.Steps, options.Headers, options.ReaderQuotas)
    {
    }

    private SoapTransport(
        HttpClient httpClient,
        Uri endpoint,
        SoapVersion version,
        long maxReplyBytes,
        IEnumerable<SoapPipelineStep>? steps,
        SoapHeaderCollection? defaultHeaders,
        SoapReaderQuotas? quotas)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(endpoint);
        if (!endpoint.IsAbsoluteUri)
        {
            throw new ArgumentException("The SOAP endpoint must be an absolute URI.", nameof(endpoint));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxReplyBytes);
        if (version != SoapVersion.Soap11 && version != SoapVersion.Soap12)
        {
            throw new ArgumentOutOfRangeException(nameof(version));
        }

        _httpClient = httpClient;
        Endpoint = endpoint;
        Version = version;
        _maxReplyBytes = maxReplyBytes;
        _quotas = quotas ?? SoapReaderQuotas.Default;
        DefaultHeaders = defaultHeaders ?? new SoapHeaderCollection();

        // The chain is built once: a call allocates no delegates for it.
        SoapPipelineNext pipeline = SendAsync;
        SoapPipelineStep[] ordered = steps is null ? [] : [.. steps];
        _steps = ordered;
        for (int i = ordered.Length - 1; i >= 0; i--)
        {
            SoapPipelineStep step = ordered[i] ?? throw new ArgumentException("A pipeline step is null.", nameof(steps));
            SoapPipelineNext next = pipeline;
            pipeline = (call, cancellationToken) => step.InvokeAsync(call, next, cancellationToken);
        }

        _pipeline = pipeline;
    }

    /// <summary>The endpoint requests are sent to.</summary>
    public Uri Endpoint { get; }

    /// <summary>The SOAP version spoken.</summary>
    public SoapVersion Version { get; }

    /// <summary>
    /// A transport like this one (same HttpClient, endpoint, limits and ambient headers) whose pipeline ends with
    /// <paramref name="step"/>: how a generated client makes its logged-in view.
    /// </summary>
    /// <param name="step">The step to add after this transport's steps.</param>
    /// <returns>The new transport.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public SoapTransport With(SoapPipelineStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return new SoapTransport(_httpClient, Endpoint, Version, _maxReplyBytes, [.. _steps, step], DefaultHeaders, _quotas);
    }

    /// <summary>Headers sent with every call whose operation declares them (typed headers) or with every call (others).</summary>
    public SoapHeaderCollection DefaultHeaders { get; }

    /// <summary>
    /// Calls <paramref name="operation"/> with <paramref name="request"/>: runs the pipeline, writes the envelope,
    /// POSTs it and reads the reply. Used by generated code.
    /// </summary>
    /// <typeparam name="TRequest">The operation's request type.</typeparam>
    /// <typeparam name="TResponse">The operation's result type.</typeparam>
    /// <param name="operation">The operation.</param>
    /// <param name="request">The arguments.</param>
    /// <param name="options">Per-call options, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result read from the reply.</returns>
    /// <exception cref="SoapFaultException">The reply is a SOAP Fault (a <see cref="SoapFaultException{TDetail}"/> when the operation declares it).</exception>
    /// <exception cref="SoapProtocolException">The reply is not a usable SOAP envelope, or an HTTP error without a Fault.</exception>
    /// <exception cref="TimeoutException">The call took longer than its deadline, the shorter of <see cref="HttpClient.Timeout"/> and <see cref="SoapCallOptions.Timeout"/>; the message names which.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="HttpRequestException">The request could not be sent (DNS, connection, TLS).</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public Task<TResponse> InvokeAsync<TRequest, TResponse>(
        SoapOperation<TRequest, TResponse> operation,
        TRequest request,
        SoapCallOptions? options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        cancellationToken.ThrowIfCancellationRequested();
        var call = new SoapCallContext<TRequest, TResponse>(operation, request, Endpoint, options);

        // The one place a call is traced and measured, around everything it does (steps, login, retry, timeout).
        return CallTelemetry.IsEnabled
            ? CallTelemetry.ObserveAsync(call, Version, ct => RunAsync(call, ct), cancellationToken)
            : RunAsync(call, cancellationToken);
    }

    private async Task<TResponse> RunAsync<TRequest, TResponse>(SoapCallContext<TRequest, TResponse> call, CancellationToken cancellationToken)
    {
        CallDeadline deadline = CallDeadline.For(_httpClient.Timeout, call.Options?.Timeout);
        if (deadline.IsInfinite)
        {
            await _pipeline(call, cancellationToken).ConfigureAwait(false);
            return call.TypedResult!;
        }

        // One deadline for the whole call: sending, the headers, the body and parsing it, and whatever the pipeline's
        // steps do around them. HttpClient.Timeout alone stops at the headers when the body is streamed.
        using var deadlineSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadlineSource.CancelAfter(deadline.Limit);
        try
        {
            await _pipeline(call, deadlineSource.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw deadline.Exceeded(call.Operation.Name, call.Endpoint, ex);
        }

        return call.TypedResult!;
    }

    /// <summary>
    /// Writes the envelope with <paramref name="writeBody"/> inside Body, POSTs it, and reads the reply with
    /// <paramref name="readBody"/>, which gets a reader on Body's first child element.
    /// </summary>
    /// <typeparam name="T">The operation's result type.</typeparam>
    /// <param name="operationName">The operation's name, for error messages.</param>
    /// <param name="soapAction">The SOAP action; <see langword="null"/> sends <c>SOAPAction: ""</c> (1.1) or no action parameter (1.2).</param>
    /// <param name="writeBody">Writes the Body content.</param>
    /// <param name="readBody">Reads the result from Body's first child element.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>What <paramref name="readBody"/> returned.</returns>
    /// <exception cref="SoapFaultException">The reply is a SOAP Fault.</exception>
    /// <exception cref="SoapProtocolException">The reply is not a usable SOAP envelope, or an HTTP error without a Fault.</exception>
    /// <exception cref="TimeoutException">The whole call (send, headers, body, parse) took longer than <see cref="HttpClient.Timeout"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="HttpRequestException">The request could not be sent (DNS, connection, TLS).</exception>
    public Task<T> InvokeAsync<T>(
        string operationName,
        string? soapAction,
        Action<SoapWriter> writeBody,
        Func<SoapReader, T> readBody,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operationName);
        ArgumentNullException.ThrowIfNull(writeBody);
        ArgumentNullException.ThrowIfNull(readBody);
        var operation = new SoapOperation<Action<SoapWriter>, T>(operationName, soapAction, Version, static (writer, write) => write(writer), readBody);
        return InvokeAsync(operation, writeBody, options: null, cancellationToken);
    }

    // The last link of the pipeline: the HTTP exchange. The call's deadline is in cancellationToken (InvokeAsync).
    private async ValueTask SendAsync(SoapCallContext call, CancellationToken cancellationToken)
    {
        string operationName = call.Operation.Name;
        Uri endpoint = call.Endpoint;
        MemoryStream envelope = SoapEnvelopeWriter.Write(Version, call, DefaultHeaders.Snapshot());
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new ByteArrayContent(envelope.GetBuffer(), 0, (int)envelope.Length),
        };
        SetSoapHeaders(request, call.Operation.SoapAction);
        if (call.Options is { } callOptions)
        {
            SetHttpHeaders(request, callOptions.HttpHeaders);
        }

        request.Options.Set(SoapHttpRequestOptions.OperationName, operationName);
        if (call.Operation.SoapAction is { } soapAction)
        {
            request.Options.Set(SoapHttpRequestOptions.SoapAction, soapAction);
        }

        call.RequestBytes += envelope.Length;
        EnvelopeLoggingStep.LogRequest(call, envelope);
        HttpResponseMessage response;
        try
        {
            // Headers first: the body is read by us, bounded by the size limit, not buffered unbounded by HttpClient.
            response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient's own timer fired (InvokeAsync's deadline is normally the first to fire, having started earlier).
            throw CallDeadline.For(_httpClient.Timeout, null).Exceeded(operationName, endpoint, ex);
        }

        using (response)
        {
            var secrets = new RequestSecrets(envelope.GetBuffer(), (int)envelope.Length);
            string? contentType = ContentTypeOf(response.Content);
            var info = new ReplyInfo(operationName, endpoint, response.StatusCode, response.ReasonPhrase, contentType, secrets);

            MemoryStream body;
            try
            {
                body = await ReplyBody.ReadAsync(response.Content, _maxReplyBytes, cancellationToken).ConfigureAwait(false);
            }
            catch (ReplyBody.TooLargeException ex)
            {
                throw info.Error(
                    "The reply is larger than the limit of " + _maxReplyBytes + " bytes; if such replies are expected, raise " +
                    "SoapClientOptions.MaxReplyBytes (the maxReplyBytes argument of SoapTransport)",
                    ex);
            }
            catch (ReplyBody.UnsupportedEncodingException ex)
            {
                throw info.Error("The reply's Content-Encoding '" + BodyPreview.Sanitize(ex.Encoding) + "' is not supported", ex);
            }
            catch (InvalidDataException ex)
            {
                throw info.Error("The reply's compressed body could not be decompressed", ex);
            }
            catch (IOException ex)
            {
                // Reset, premature close, a bad chunk: the documented network failure, as when the headers never came.
                throw new HttpRequestException(
                    HttpRequestError.ResponseEnded,
                    "The connection failed while the reply to the SOAP call '" + operationName + "' from " + info.Endpoint + " was being read (HTTP " +
                    ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) + "): " + BodyPreview.Excerpt(ex.Message, 256),
                    ex,
                    response.StatusCode);
            }

            using (body)
            {
                call.ReplyBytes += body.Length;
                EnvelopeLoggingStep.LogReply(call, response.StatusCode, body);
                SoapReplyReader.Read(body, CharsetOf(contentType), info, call, headers =>
                {
                    var reply = new SoapReply(response.StatusCode, response.Headers, response.Content.Headers, headers);
                    if (call.Options is { } options)
                    {
                        options.Reply = reply;
                    }

                    return reply;
                }, _quotas, cancellationToken);
            }
        }
    }

    private static void SetHttpHeaders(HttpRequestMessage request, IDictionary<string, string> headers)
    {
        foreach (KeyValuePair<string, string> header in headers)
        {
            // The transport owns these: a second SOAPAction or Content-Type would make the request ambiguous.
            if (string.Equals(header.Key, "SOAPAction", StringComparison.OrdinalIgnoreCase) ||
                string.Equals(header.Key, "Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(
                    "SoapCallOptions.HttpHeaders cannot set '" + header.Key + "': the transport sets it from the operation and the SOAP version.");
            }

            if (!request.Headers.TryAddWithoutValidation(header.Key, header.Value) &&
                !request.Content!.Headers.TryAddWithoutValidation(header.Key, header.Value))
            {
                throw new InvalidOperationException("SoapCallOptions.HttpHeaders: '" + header.Key + "' is not a valid HTTP header name.");
            }
        }
    }

    // Header values as text, not MediaTypeHeaderValue/StringWithQualityHeaderValue objects: the same bytes on the wire
    // without building and validating header objects on every call (HttpClient parses them only if someone reads them).
    private void SetSoapHeaders(HttpRequestMessage request, string? soapAction)
    {
        HttpContentHeaders content = request.Content!.Headers;
        if (Version == SoapVersion.Soap12)
        {
            content.TryAddWithoutValidation("Content-Type", soapAction is null ? Soap12ContentType : Soap12ContentType + "; action=" + Quote(soapAction));
        }
        else
        {
            content.TryAddWithoutValidation("Content-Type", Soap11ContentType);

            // SOAP 1.1 requires the quotes; "" means "the intent is the request URI", which some servers insist on.
            request.Headers.TryAddWithoutValidation("SOAPAction", Quote(soapAction ?? string.Empty));
        }

        // Decompressed by ReplyBody when the handler does not do it (a handler with AutomaticDecompression adds only
        // the codings not asked for already).
        request.Headers.TryAddWithoutValidation("Accept-Encoding", AcceptEncoding);
    }

    private const string Soap11ContentType = "text/xml; charset=utf-8";
    private const string Soap12ContentType = "application/soap+xml; charset=utf-8";
    private const string AcceptEncoding = "gzip, deflate";

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string? ContentTypeOf(HttpContent content) =>
        content.Headers.NonValidated.TryGetValues("Content-Type", out HeaderStringValues values) ? values.ToString() : null;

    // A Content-Type that does not parse has no usable charset: then the bytes decide, as with none. A server answers
    // with the same Content-Type call after call, so the last one's charset is kept: parsing it was 8% of a small call.
    private string? CharsetOf(string? contentType)
    {
        if (contentType is null)
        {
            return null;
        }

        ContentTypeCharset? last = _lastContentType;
        if (last is not null && string.Equals(last.ContentType, contentType, StringComparison.Ordinal))
        {
            return last.Charset;
        }

        string? charset = MediaTypeHeaderValue.TryParse(contentType, out MediaTypeHeaderValue? parsed) ? parsed.CharSet : null;
        _lastContentType = new ContentTypeCharset(contentType, charset);
        return charset;
    }

    private sealed record ContentTypeCharset(string ContentType, string? Charset);
}
