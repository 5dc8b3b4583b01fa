using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;

namespace SoapGen.Interop.Tests;

/// <summary>
/// Answers a document/literal wrapped request with its own wrapper renamed to <c>{Operation}Response</c> (its members
/// renamed to <paramref name="resultName"/> when given), or with <see cref="Reply"/> when a test sets one (an empty Body
/// with <see cref="EmptyBody"/>, the request's Body element unchanged with <see cref="EchoBody"/>, for bare operations):
/// what comes back is what the client wrote, read by the client.
/// </summary>
internal sealed class WrappedEchoHandler(XNamespace ns, string? resultName = null) : HttpMessageHandler
{
    public XElement? LastRequestWrapper { get; private set; }

    public XElement? Reply { get; set; }

    public bool EmptyBody { get; set; }

    public bool EchoBody { get; set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        XDocument envelope = XDocument.Parse(await request.Content!.ReadAsStringAsync(cancellationToken));
        XElement body = envelope.Root!.Elements().Single(e => e.Name.LocalName == "Body");
        XElement wrapper = body.Elements().Single();
        LastRequestWrapper = new XElement(wrapper);
        if (EmptyBody)
        {
            wrapper.Remove();
        }
        else if (Reply is { } reply)
        {
            wrapper.ReplaceWith(reply);
        }
        else if (!EchoBody)
        {
            wrapper.Name = ns + (wrapper.Name.LocalName + "Response");
            if (resultName is { } result)
            {
                foreach (XElement member in wrapper.Elements())
                {
                    member.Name = ns + result;
                }
            }
        }

        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(envelope.ToString(SaveOptions.DisableFormatting), Encoding.UTF8, "text/xml"),
        };
    }
}
