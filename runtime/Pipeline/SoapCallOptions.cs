using System;
using System.Collections.Generic;

namespace SoapGen.Runtime;

/// <summary>
/// Per-call settings, given with <c>client.With(options)</c>: extra SOAP and HTTP headers, a timeout, and where the
/// reply's headers are left. One instance per call: <see cref="Reply"/> holds the last call's reply.
/// </summary>
public sealed class SoapCallOptions
{
    private TimeSpan? _timeout;

    /// <summary>SOAP headers to send with this call, besides the client's ambient ones.</summary>
    public SoapHeaderCollection Headers { get; } = new();

    /// <summary>
    /// HTTP request headers to send with this call (a correlation id, say), by name, case-insensitive.
    /// <c>Content-Type</c> and <c>SOAPAction</c> come from the operation and cannot be set here.
    /// </summary>
    public IDictionary<string, string> HttpHeaders { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// A limit for the whole call (sending, the reply's headers, reading and parsing its body, and any retry a pipeline
    /// step makes). The call's deadline is the shorter of this and <c>HttpClient.Timeout</c>; exceeding it raises a
    /// <see cref="TimeoutException"/> that names which of the two fired. <see langword="null"/> (the default) or
    /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> leaves <c>HttpClient.Timeout</c> alone in charge.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative (other than infinite).</exception>
    public TimeSpan? Timeout
    {
        get => _timeout;
        set
        {
            if (value is { } limit && limit <= TimeSpan.Zero && limit != System.Threading.Timeout.InfiniteTimeSpan)
            {
                throw new ArgumentOutOfRangeException(nameof(value), limit, "The timeout must be positive or Timeout.InfiniteTimeSpan.");
            }

            _timeout = value;
        }
    }

    /// <summary>The reply of the call made with these options (HTTP status and headers, SOAP headers); set when it arrives, faults included.</summary>
    public SoapReply? Reply { get; internal set; }
}
