using System;
using System.Net;
using System.Text;

namespace SoapGen.Runtime;

/// <summary>
/// What the transport knows about a reply, to build exception messages that help: operation, endpoint without its
/// query (which may carry keys), HTTP status, content type and the start of the body. Never anything from the request:
/// credential values the request carried are masked wherever the reply echoes them into a message.
/// </summary>
internal sealed class ReplyInfo
{
    // Longer texts (an XmlException quoting a 100,000-character name, say) are cut: a message stays readable.
    private const int MaxWhatChars = 1024;

    private readonly Uri _endpoint;
    private readonly string? _rawContentType;
    private string? _endpointText;
    private string? _contentType;

    // rawContentType is the Content-Type header as received: sanitised only when a message needs it.
    public ReplyInfo(string operationName, Uri endpoint, HttpStatusCode status, string? reasonPhrase, string? rawContentType, RequestSecrets? secrets = null)
    {
        Secrets = secrets;
        OperationName = operationName;
        _endpoint = endpoint;
        Status = status;
        ReasonPhrase = reasonPhrase;
        _rawContentType = rawContentType;
    }

    public string OperationName { get; }

    public RequestSecrets? Secrets { get; }

    // Computed when a message needs them (most calls never do), like the body preview below.
    public string Endpoint => _endpointText ??= _endpoint.GetLeftPart(UriPartial.Path);

    public HttpStatusCode Status { get; }

    public string? ReasonPhrase { get; }

    public string? ContentType => _contentType ??= _rawContentType is null ? null : global::SoapGen.Runtime.BodyPreview.Excerpt(_rawContentType, 256);

    private byte[]? _body;
    private int _bodyLength;
    private Encoding? _bodyEncoding;
    private string? _bodyPreview;

    /// <summary>The sanitised start of the body, decoded only when a message needs it (most calls never do).</summary>
    public string? BodyPreview => _bodyPreview ??= _body is null ? null : global::SoapGen.Runtime.BodyPreview.FromBytes(_body.AsSpan(0, _bodyLength), _bodyEncoding);

    /// <summary>
    /// The reply's bytes, kept by reference (valid while the reply is being read, which is when messages are built):
    /// decoding the preview up front cost every successful call 3–7 KB and a few microseconds.
    /// </summary>
    public void SetBody(byte[] body, int length, Encoding? encoding)
    {
        _body = body;
        _bodyLength = length;
        _bodyEncoding = encoding;
        _bodyPreview = null;
    }

    public SoapProtocolException Error(string what, Exception? inner = null)
    {
        var message = new StringBuilder();
        message.Append(what.Length > MaxWhatChars ? what.Substring(0, MaxWhatChars) + "…" : what.TrimEnd('.')).Append(". Operation '").Append(OperationName).Append("' at ").Append(Endpoint)
            .Append(": HTTP ").Append((int)Status);
        if (!string.IsNullOrEmpty(ReasonPhrase))
        {
            message.Append(' ').Append(global::SoapGen.Runtime.BodyPreview.Excerpt(ReasonPhrase, 128));
        }

        message.Append(", Content-Type '").Append(ContentType ?? "(none)").Append('\'');
        if (BodyPreview is not null)
        {
            message.Append(", body starts: ").Append(BodyPreview);
        }
        else
        {
            message.Append(", empty body");
        }

        string? preview = BodyPreview is null ? null : Redact(BodyPreview);
        return new SoapProtocolException(Redact(message.ToString()), Status, ContentType, preview, inner);
    }

    public string Redact(string text) => Secrets?.Redact(text) ?? text;
}
