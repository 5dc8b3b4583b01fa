using System.Globalization;
using System.Net;

namespace SoapGen.Runtime;

/// <summary>
/// One envelope, as the envelope-logging step hands it over (<see cref="SoapClientOptions.UseEnvelopeLogging"/>): the
/// XML with credentials replaced by <c>***</c> and cut at <see cref="SoapEnvelopeLoggingOptions.MaxCharacters"/>.
/// </summary>
public sealed class SoapEnvelopeLogEntry
{
    internal SoapEnvelopeLogEntry(string operation, SoapEnvelopeDirection direction, string endpoint, HttpStatusCode? status, long bytes, string envelope, bool truncated)
    {
        Operation = operation;
        Direction = direction;
        Endpoint = endpoint;
        HttpStatusCode = status;
        Bytes = bytes;
        Envelope = envelope;
        Truncated = truncated;
    }

    /// <summary>The operation's name in the WSDL.</summary>
    public string Operation { get; }

    /// <summary>Request or reply.</summary>
    public SoapEnvelopeDirection Direction { get; }

    /// <summary>The endpoint without its query string (which may carry a key).</summary>
    public string Endpoint { get; }

    /// <summary>The reply's HTTP status; <see langword="null"/> for a request.</summary>
    public HttpStatusCode? HttpStatusCode { get; }

    /// <summary>The size of the envelope on the wire (a reply's after decompression), in bytes.</summary>
    public long Bytes { get; }

    /// <summary>The envelope, redacted and size-capped.</summary>
    public string Envelope { get; }

    /// <summary>Whether <see cref="Envelope"/> was cut short (too long, or not well-formed XML from some point on).</summary>
    public bool Truncated { get; }

    /// <summary>One line for a log: direction, operation, endpoint, status, size, then the redacted envelope.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        string head = Direction == SoapEnvelopeDirection.Request
            ? "SOAP request " + Operation + " to " + Endpoint
            : "SOAP reply " + Operation + " from " + Endpoint + " (HTTP " + ((int?)HttpStatusCode)?.ToString(CultureInfo.InvariantCulture) + ")";
        return head + ", " + Bytes.ToString(CultureInfo.InvariantCulture) + " bytes: " + Envelope;
    }
}
