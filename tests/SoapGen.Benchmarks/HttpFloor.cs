using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace SoapGen.Benchmarks;

/// <summary>
/// The practical limit of any SOAP client built on <see cref="HttpClient"/>: the exact request SoapGen sends (its bytes
/// and HTTP headers, recorded once from a real SoapGen call) POSTed through an HttpClient configured as the benchmarked
/// clients' (<see cref="Clients.CreateHttpClient"/>), the reply read into a pooled buffer and not parsed. What a client
/// spends above this is its own; the loopback, HttpClient and Kestrel below it every HttpClient-based client pays.
/// </summary>
internal sealed class HttpFloor
{
    private readonly HttpClient _http;

    public HttpFloor(HttpClient http) => _http = http;

    /// <summary>One recorded request: where it went, its body, and its headers as sent (Content-Length excepted).</summary>
    public sealed record Request(Uri Endpoint, byte[] Body, KeyValuePair<string, string>[] Headers);

    /// <summary>Records the request SoapGen sends for <paramref name="call"/> (the call still goes to the server).</summary>
    public static async Task<Request> RecordAsync(Uri endpoint, Func<InterServer.MyapiClient, Task> call)
    {
        var recorder = new Recorder(new SocketsHttpHandler { UseCookies = false });
        using var http = new HttpClient(recorder);
        await call(Clients.CreateSoapGen(http, endpoint));
        return recorder.Last ?? throw new InvalidOperationException("The SoapGen call sent no request.");
    }

    /// <summary>Sends <paramref name="request"/> and reads the whole reply; returns its length.</summary>
    /// <exception cref="HttpRequestException">The reply is not 200, or shorter than its Content-Length.</exception>
    public async Task<int> PostAsync(Request request)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, request.Endpoint) { Content = new ByteArrayContent(request.Body) };
        foreach (var (name, value) in request.Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                message.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        using HttpResponseMessage response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        long declared = response.Content.Headers.ContentLength ?? 0;
        await using Stream body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        // One byte more than declared, so a full buffer means the server sent more than it said.
        byte[] buffer = ArrayPool<byte>.Shared.Rent((int)Math.Max(declared + 1, 4096));
        try
        {
            int length = 0, read;
            while ((read = await body.ReadAsync(buffer.AsMemory(length)).ConfigureAwait(false)) > 0)
            {
                length += read;
                if (length == buffer.Length)
                {
                    throw new HttpRequestException("The reply is longer than its Content-Length (" + declared + ").");
                }
            }

            return length == declared ? length : throw new HttpRequestException($"Read {length} of the reply's {declared} bytes.");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private sealed class Recorder(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        public Request? Last { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            byte[] body = await request.Content!.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var headers = request.Headers.NonValidated.Concat(request.Content.Headers.NonValidated)
                .Where(h => !string.Equals(h.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
                .SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v)))
                .ToArray();
            Last = new Request(request.RequestUri!, body, headers);
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }
}
