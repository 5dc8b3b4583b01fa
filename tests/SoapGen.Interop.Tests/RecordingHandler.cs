using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace SoapGen.Interop.Tests;

/// <summary>
/// One HTTP exchange as the client put it on the wire and received it: request headers as sent (SOAPAction,
/// Content-Type), and the response's bytes as they arrived (<see cref="ResponseBytes"/>).
/// </summary>
public sealed record Exchange(
    string Method,
    IReadOnlyDictionary<string, string> RequestHeaders,
    string RequestBody,
    int Status,
    IReadOnlyDictionary<string, string> ResponseHeaders,
    string? ContentType,
    string ContentEncoding,
    byte[] ResponseBytes)
{
    /// <summary>The body with its Content-Encoding (nusoap gzips replies over 1024 bytes when asked to) undone.</summary>
    public byte[] DecodedBytes => ContentEncoding.ToLowerInvariant() switch
    {
        "" or "identity" => ResponseBytes,
        "gzip" => Decompress(new GZipStream(new MemoryStream(ResponseBytes), CompressionMode.Decompress)),
        "deflate" => Decompress(new DeflateStream(new MemoryStream(ResponseBytes), CompressionMode.Decompress)),
        _ => throw new NotSupportedException("Content-Encoding " + ContentEncoding),
    };

    /// <summary>The decoded body one char per byte (Latin-1), so byte-level checks see exactly what the server wrote.</summary>
    public string ResponseText => Encoding.Latin1.GetString(DecodedBytes);

    /// <summary>The decoded body as UTF-8 text, for servers that reply in UTF-8 (to parse it as XML).</summary>
    public string ResponseBody => Encoding.UTF8.GetString(DecodedBytes);

    private static byte[] Decompress(Stream stream)
    {
        using (stream)
        {
            var ms = new MemoryStream();
            stream.CopyTo(ms);
            return ms.ToArray();
        }
    }
}

/// <summary>
/// Records every exchange (buffering the response so the client still reads it), optionally rewrites the request body,
/// and lets a test act after a response (e.g. expire sessions right after a login).
/// </summary>
public sealed class RecordingHandler : DelegatingHandler
{
    private readonly List<Exchange> _exchanges = new();

    public RecordingHandler()
        : base(new SocketsHttpHandler())
    {
    }

    /// <summary>
    /// Rewrites the request body before it is sent: to check what a server accepts, or to isolate reply-side behaviour
    /// from request-side bugs. <see cref="Exchange.RequestBody"/> is the rewritten body.
    /// </summary>
    public Func<string, string>? RewriteRequest { get; set; }

    /// <summary>Runs after each response has been buffered and recorded, before the client sees it.</summary>
    public Action<Exchange>? AfterResponse { get; set; }

    public IReadOnlyList<Exchange> Exchanges
    {
        get
        {
            lock (_exchanges)
            {
                return _exchanges.ToArray();
            }
        }
    }

    public Exchange Last => Exchanges.Count > 0 ? Exchanges[^1] : throw new InvalidOperationException("No exchange recorded.");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string requestBody = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        IEnumerable<KeyValuePair<string, IEnumerable<string>>> sentHeaders = request.Content is null
            ? request.Headers
            : request.Headers.Concat(request.Content.Headers);
        IReadOnlyDictionary<string, string> requestHeaders = Flatten(sentHeaders);
        if (RewriteRequest is { } rewrite && request.Content is not null)
        {
            requestBody = rewrite(requestBody);
            var content = new StringContent(requestBody, new UTF8Encoding(false));
            content.Headers.Clear();
            foreach (KeyValuePair<string, IEnumerable<string>> h in request.Content.Headers)
            {
                // The new body has its own length.
                if (!h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                {
                    content.Headers.TryAddWithoutValidation(h.Key, h.Value);
                }
            }

            request.Content = content;
        }

        HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        byte[] bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        IReadOnlyDictionary<string, string> responseHeaders = Flatten(response.Headers.Concat(response.Content.Headers));
        var buffered = new ByteArrayContent(bytes);
        foreach (KeyValuePair<string, IEnumerable<string>> h in response.Content.Headers)
        {
            buffered.Headers.TryAddWithoutValidation(h.Key, h.Value);
        }

        response.Content = buffered;
        var exchange = new Exchange(
            request.Method.Method,
            requestHeaders,
            requestBody,
            (int)response.StatusCode,
            responseHeaders,
            response.Content.Headers.ContentType?.ToString(),
            string.Join(",", response.Content.Headers.ContentEncoding),
            bytes);
        lock (_exchanges)
        {
            _exchanges.Add(exchange);
        }

        AfterResponse?.Invoke(exchange);
        return response;
    }

    private static Dictionary<string, string> Flatten(IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers)
    {
        var flat = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, IEnumerable<string>> h in headers)
        {
            flat[h.Key] = string.Join(", ", h.Value);
        }

        return flat;
    }
}
