using System;
using System.Globalization;
using System.Collections.Generic;
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

    public static void Read(MemoryStream body, string? charset, ReplyInfo info, SoapCallContext call, Func<IReadOnlyList<XElement>, SoapReply> reply)
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
                ReadEnvelope(empty, info, call, reply);
                return;
            }

            throw info.Error("The reply body is empty");
        }

        try
        {
            bool multiRef = bytes.IndexOf("ref="u8) >= 0;
            using XmlReader reader = multiRef ? CreateInlinedReader(body, encoding) : CreateReader(body, encoding);
            ReadEnvelope(reader, info, call, reply);
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

    private static void ReadEnvelope(XmlReader reader, ReplyInfo info, SoapCallContext call, Func<IReadOnlyList<XElement>, SoapReply> reply)
    {
        reader.MoveToContent();
        if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "Envelope" || !SoapNamespaces.IsEnvelope(reader.NamespaceURI))
        {
            throw info.Error("The reply is not a SOAP envelope: its root element is <" + reader.Name + "> in namespace '" + reader.NamespaceURI + "'");
        }

        string envelopeNs = reader.NamespaceURI;
        var headers = new List<XElement>();
        bool hasBody = MoveToBody(reader, envelopeNs, headers);
        call.Reply = reply(headers);
        if (!hasBody)
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
            throw Declared(SoapFaultParser.Parse(fault, info.Status), call.Operation);
        }

        int status = (int)info.Status;
        if (status < 200 || status > 299)
        {
            throw info.Error("The service answered with an HTTP error status and a SOAP envelope without a Fault");
        }

        call.ReadBody(new SoapReader(reader));

        // Read to the end so a reply cut off after the part we needed is still reported as truncated.
        while (reader.Read())
        {
        }
    }

    // A fault whose detail carries an entry the operation declares becomes the typed SoapFaultException<TDetail>.
    private static SoapFaultException Declared(SoapFaultException fault, SoapOperation operation)
    {
        if (fault.Detail is null || operation.Faults.Count == 0)
        {
            return fault;
        }

        foreach (XElement entry in fault.Detail.Elements())
        {
            foreach (SoapFaultDescriptor declared in operation.Faults)
            {
                if (declared.Matches(entry))
                {
                    return declared.Create(fault, entry);
                }
            }
        }

        return fault;
    }

    private static bool MoveToBody(XmlReader reader, string envelopeNs, List<XElement> headers)
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
                case XmlNodeType.Element when reader.LocalName == "Header" && reader.NamespaceURI == envelopeNs && !reader.IsEmptyElement:
                    // Header entries are kept whole, each with the namespace declarations it relies on.
                    reader.Read();
                    while (reader.NodeType != XmlNodeType.EndElement && reader.NodeType != XmlNodeType.None)
                    {
                        if (reader.NodeType == XmlNodeType.Element)
                        {
                            headers.Add(XmlElementLoader.Load(reader));
                        }
                        else
                        {
                            reader.Read();
                        }
                    }

                    reader.Read();
                    break;
                case XmlNodeType.Element:
                    // Anything else before Body: not SOAP, skipped.
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

        return XmlReader.Create(new StringReader(XmlText.Of(document)), Settings);
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
