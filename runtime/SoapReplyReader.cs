using System;
using System.IO;
using System.Net;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace SoapGen.Runtime;

/// <summary>
/// Interprets a buffered reply: charset, envelope shape, multi-ref inlining, faults, HTTP status; then hands a reader
/// positioned on Body's first child to the generated code. Every way a reply can be "not SOAP" ends here as a
/// <see cref="SoapProtocolException"/> carrying status, content type and the start of the body.
/// </summary>
internal static class SoapReplyReader
{
    private static readonly XmlReaderSettings Settings = new()
    {
        // No DTDs, no external entities: a reply must not make us fetch URLs or expand entity bombs.
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,

        // Whitespace is kept: a string value of spaces is data. The reader skips whitespace between elements itself.
        IgnoreWhitespace = false,
        CloseInput = false,
    };

    private const string EmptyEnvelope = "<e:Envelope xmlns:e=\"" + SoapNamespaces.Envelope11 + "\"><e:Body/></e:Envelope>";

    public static T Read<T>(MemoryStream body, string? charset, ReplyInfo info, Func<SoapReader, T> readBody)
    {
        Encoding? encoding = ReplyCharset.Resolve(charset, out bool unknownCharset);
        ReadOnlySpan<byte> bytes = body.GetBuffer().AsSpan(0, (int)body.Length);
        info.BodyPreview = BodyPreview.FromBytes(bytes, encoding ?? (unknownCharset ? Encoding.Latin1 : null));
        if (unknownCharset)
        {
            throw info.Error("The reply's charset '" + BodyPreview.Sanitize(charset!) + "' is not supported");
        }

        if (IsBlank(bytes))
        {
            // One-way operations are answered "202 Accepted" (or 204) without an envelope: nothing to read, not an error.
            if (info.Status == HttpStatusCode.Accepted || info.Status == HttpStatusCode.NoContent)
            {
                using XmlReader empty = XmlReader.Create(new StringReader(EmptyEnvelope), Settings);
                return ReadEnvelope(empty, info, readBody);
            }

            throw info.Error("The reply body is empty");
        }

        try
        {
            bool multiRef = bytes.IndexOf("ref="u8) >= 0;
            using XmlReader reader = multiRef ? CreateInlinedReader(body, encoding) : CreateReader(body, encoding);
            return ReadEnvelope(reader, info, readBody);
        }
        catch (XmlException ex)
        {
            throw info.Error("The reply is not well-formed XML (" + ex.Message + ")", ex);
        }
        catch (SoapProtocolException ex) when (ex.HttpStatusCode is null)
        {
            // Raised by SoapReader or the multi-ref inliner, which do not know the HTTP context: add it.
            throw info.Error(ex.Message, ex);
        }
    }

    private static T ReadEnvelope<T>(XmlReader reader, ReplyInfo info, Func<SoapReader, T> readBody)
    {
        reader.MoveToContent();
        if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "Envelope" || !SoapNamespaces.IsEnvelope(reader.NamespaceURI))
        {
            throw info.Error("The reply is not a SOAP envelope: its root element is <" + reader.Name + "> in namespace '" + reader.NamespaceURI + "'");
        }

        string envelopeNs = reader.NamespaceURI;
        if (!MoveToBody(reader, envelopeNs))
        {
            throw info.Error("The reply's SOAP envelope has no Body");
        }

        // Position on Body's first child element, or past an empty Body (then every read returns null).
        if (reader.IsEmptyElement)
        {
            reader.Read();
        }
        else
        {
            reader.Read();
            while (reader.NodeType != XmlNodeType.Element && reader.NodeType != XmlNodeType.EndElement && reader.Read())
            {
            }
        }

        if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Fault"
            && (SoapNamespaces.IsEnvelope(reader.NamespaceURI) || reader.NamespaceURI.Length == 0))
        {
            XElement fault = XmlElementLoader.Load(reader);
            throw SoapFaultParser.Parse(fault, info.Status);
        }

        int status = (int)info.Status;
        if (status < 200 || status > 299)
        {
            throw info.Error("The service answered with an HTTP error status and a SOAP envelope without a Fault");
        }

        T result = readBody(new SoapReader(reader));

        // Read to the end so a reply cut off after the part we needed is still reported as truncated.
        while (reader.Read())
        {
        }

        return result;
    }

    private static bool MoveToBody(XmlReader reader, string envelopeNs)
    {
        if (reader.IsEmptyElement)
        {
            return false;
        }

        reader.Read();
        while (true)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element when reader.LocalName == "Body" && reader.NamespaceURI == envelopeNs:
                    return true;
                case XmlNodeType.Element:
                    // Header, or anything else before Body: not needed by generated code.
                    reader.Skip();
                    break;
                case XmlNodeType.EndElement:
                case XmlNodeType.None:
                    return false;
                default:
                    if (!reader.Read())
                    {
                        return false;
                    }

                    break;
            }
        }
    }

    private static XmlReader CreateReader(MemoryStream body, Encoding? encoding)
    {
        body.Position = 0;
        if (encoding is null)
        {
            // No charset in Content-Type: BOM or the XML declaration decides, as XML says.
            return XmlReader.Create(body, Settings);
        }

        // The HTTP charset wins over the XML declaration (RFC 7303); a BOM, if present, is still honoured.
        return XmlReader.Create(new StreamReader(body, encoding, detectEncodingFromByteOrderMarks: true), Settings);
    }

    // Slow path, only when the bytes contain "ref=": load, inline multi-refs, and read the result like a fresh reply
    // (re-serialised so readers see real namespace scopes, which an XNode reader does not expose).
    private static XmlReader CreateInlinedReader(MemoryStream body, Encoding? encoding)
    {
        XDocument document;
        using (XmlReader loader = CreateReader(body, encoding))
        {
            document = XDocument.Load(loader, LoadOptions.PreserveWhitespace);
        }

        XElement? envelope = document.Root;
        if (envelope is not null && SoapNamespaces.IsEnvelope(envelope.Name.NamespaceName))
        {
            XElement? bodyElement = envelope.Element(envelope.Name.Namespace + "Body");
            if (bodyElement is not null)
            {
                MultiRefInliner.Inline(bodyElement);
            }
        }

        return XmlReader.Create(new StringReader(document.ToString(SaveOptions.DisableFormatting)), Settings);
    }

    private static bool IsBlank(ReadOnlySpan<byte> bytes)
    {
        foreach (byte b in bytes)
        {
            if (b != (byte)' ' && b != (byte)'\t' && b != (byte)'\r' && b != (byte)'\n')
            {
                return false;
            }
        }

        return true;
    }
}
