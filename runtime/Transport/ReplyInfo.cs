using System;
using System.Net;
using System.Text;

namespace SoapGen.Runtime;

/// <summary>
/// What the transport knows about a reply, to build exception messages that help: operation, endpoint without its
/// query (which may carry keys), HTTP status, content type and the start of the body. Never anything from the request.
/// </summary>
internal sealed class ReplyInfo
{
    public ReplyInfo(string operationName, Uri endpoint, HttpStatusCode status, string? reasonPhrase, string? contentType)
    {
        OperationName = operationName;
        Endpoint = endpoint.GetLeftPart(UriPartial.Path);
        Status = status;
        ReasonPhrase = reasonPhrase;
        ContentType = contentType;
    }

    public string OperationName { get; }

    public string Endpoint { get; }

    public HttpStatusCode Status { get; }

    public string? ReasonPhrase { get; }

    public string? ContentType { get; }

    public string? BodyPreview { get; set; }

    public SoapProtocolException Error(string what, Exception? inner = null)
    {
        var message = new StringBuilder();
        message.Append(what.TrimEnd('.')).Append(". Operation '").Append(OperationName).Append("' at ").Append(Endpoint)
            .Append(": HTTP ").Append((int)Status);
        if (!string.IsNullOrEmpty(ReasonPhrase))
        {
            message.Append(' ').Append(global::SoapGen.Runtime.BodyPreview.Sanitize(ReasonPhrase));
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

        return new SoapProtocolException(message.ToString(), Status, ContentType, BodyPreview, inner);
    }
}
