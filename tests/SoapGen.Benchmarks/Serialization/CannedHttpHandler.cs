using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace SoapGen.Benchmarks.Serialization;

/// <summary>
/// Answers every request with the same reply bytes, in memory: how the generated client is measured without a network.
/// The generated read/write methods are private to the client (its descriptors) and the envelope reader is internal to
/// the runtime, so the benchmark calls the client as a user does; <see cref="SerializationBenchmarks{TPayload}.HttpFloor"/>
/// measures what this handler and HttpClient cost on their own.
/// </summary>
internal sealed class CannedHttpHandler(byte[] reply) : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue ContentType = MediaTypeHeaderValue.Parse("text/xml; charset=utf-8");

    /// <summary>When set, the request body of each call is kept in <see cref="LastRequest"/> (the smoke check does).</summary>
    public bool CaptureRequests { get; init; }

    public byte[]? LastRequest { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (CaptureRequests && request.Content is { } content)
        {
            LastRequest = await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }

        var body = new ByteArrayContent(reply);
        body.Headers.ContentType = ContentType;
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = body, RequestMessage = request };
    }

    public static HttpClient CreateClient(byte[] reply, bool captureRequests = false) =>
        new(new CannedHttpHandler(reply) { CaptureRequests = captureRequests });
}
