using System;

namespace SoapGen.Runtime;

/// <summary>
/// Per-call settings, given with <c>client.With(options)</c>: extra headers, a timeout, and where the reply's headers
/// are left. One instance per call: <see cref="Reply"/> holds the last call's reply.
/// </summary>
public sealed class SoapCallOptions
{
    /// <summary>SOAP headers to send with this call, besides the client's ambient ones.</summary>
    public SoapHeaderCollection Headers { get; } = new();

    /// <summary>
    /// A limit for this call, on top of <c>HttpClient.Timeout</c>; exceeding it raises <see cref="TimeoutException"/>.
    /// </summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>The reply of the call made with these options (HTTP status and headers, SOAP headers); set when it arrives, faults included.</summary>
    public SoapReply? Reply { get; internal set; }
}
