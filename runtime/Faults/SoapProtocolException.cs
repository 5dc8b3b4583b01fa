using System;
using System.Net;

namespace SoapGen.Runtime;

/// <summary>
/// The reply was not a usable SOAP envelope: an HTML error page, an empty body, truncated or malformed XML,
/// a wrong root element, an unknown charset, a value that does not parse, a body over the size limit, or an
/// HTTP error status without a Fault.
/// </summary>
public sealed class SoapProtocolException : SoapException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was wrong with the reply.</param>
    /// <param name="httpStatusCode">The reply's HTTP status, when there was a reply.</param>
    /// <param name="contentType">The reply's Content-Type header, if any.</param>
    /// <param name="bodyPreview">The start of the reply body with control characters replaced, if any.</param>
    /// <param name="innerException">The underlying cause, e.g. an <see cref="System.Xml.XmlException"/>.</param>
    public SoapProtocolException(
        string message,
        HttpStatusCode? httpStatusCode = null,
        string? contentType = null,
        string? bodyPreview = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        HttpStatusCode = httpStatusCode;
        ContentType = contentType;
        BodyPreview = bodyPreview;
    }

    /// <summary>The reply's HTTP status, or <see langword="null"/> when the error was found outside a transport call.</summary>
    public HttpStatusCode? HttpStatusCode { get; }

    /// <summary>The reply's Content-Type header as sent, if any.</summary>
    public string? ContentType { get; }

    /// <summary>The first (about 512) characters of the reply body, control characters replaced, if any.</summary>
    public string? BodyPreview { get; }
}
