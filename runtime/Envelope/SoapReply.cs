using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http.Headers;
using System.Xml.Linq;

namespace SoapGen.Runtime;

/// <summary>
/// What came back besides the result: the HTTP status and headers, and the SOAP header entries of the reply, kept whole.
/// Read it from <see cref="SoapCallOptions.Reply"/> after a call, or from <see cref="SoapCallContext.Reply"/> in a step.
/// </summary>
public sealed class SoapReply
{
    internal SoapReply(HttpStatusCode statusCode, HttpResponseHeaders httpHeaders, HttpContentHeaders? contentHeaders, IReadOnlyList<XElement> headers)
    {
        StatusCode = statusCode;
        HttpHeaders = httpHeaders;
        ContentHeaders = contentHeaders;
        Headers = headers;
    }

    /// <summary>The HTTP status code.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The HTTP response headers.</summary>
    public HttpResponseHeaders HttpHeaders { get; }

    /// <summary>The HTTP content headers (Content-Type and the like), if the reply had content.</summary>
    public HttpContentHeaders? ContentHeaders { get; }

    /// <summary>The entries of the reply's SOAP <c>Header</c>, in order; empty when it had none.</summary>
    public IReadOnlyList<XElement> Headers { get; }

    /// <summary>Reads a declared reply header, e.g. <c>reply.GetHeader(XxxClient.Headers.TotalItems)</c>.</summary>
    /// <typeparam name="T">The header's type.</typeparam>
    /// <param name="header">The header.</param>
    /// <returns>Its value; <see langword="null"/> when the reply did not carry it.</returns>
    public T? GetHeader<T>(SoapHeaderDescriptor<T> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        XElement? element = FindHeader(header.LocalName, header.Namespace) ?? FindHeader(header.LocalName);
        return element is null ? default : header.Read(element);
    }

    /// <summary>The first reply header with this name.</summary>
    /// <param name="localName">The element's local name.</param>
    /// <param name="ns">Its namespace, or <see langword="null"/> for unqualified.</param>
    /// <returns>The element, or <see langword="null"/>.</returns>
    public XElement? FindHeader(string localName, string? ns)
    {
        XName name = XName.Get(localName, ns ?? string.Empty);
        foreach (XElement element in Headers)
        {
            if (element.Name == name)
            {
                return element;
            }
        }

        return null;
    }

    // Servers qualify header entries as they like (SoftLayer's declare no namespace): fall back to the local name.
    private XElement? FindHeader(string localName)
    {
        foreach (XElement element in Headers)
        {
            if (element.Name.LocalName == localName)
            {
                return element;
            }
        }

        return null;
    }
}
