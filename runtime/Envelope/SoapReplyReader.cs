using System;
using System.Globalization;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Text;
using System.Threading;
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

    private static string EmptyEnvelope(SoapVersion version) => "<e:Envelope xmlns:e=\"" + SoapNamespaces.EnvelopeFor(version) + "\"><e:Body/></e:Envelope>";

    // The HTTP charset says UTF-8: bytes that are not are an error, not U+FFFD in the caller's data.
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static void Read(
        MemoryStream body,
        string? charset,
        ReplyInfo info,
        SoapCallContext call,
        Func<IReadOnlyList<XElement>, SoapReply> reply,
        SoapReaderQuotas quotas,
        CancellationToken cancellationToken)
    {
        Encoding? encoding = ReplyCharset.Resolve(charset, out bool unknownCharset);
        ReadOnlySpan<byte> bytes = body.GetBuffer().AsSpan(0, (int)body.Length);
        info.SetBody(body.GetBuffer(), (int)body.Length, encoding ?? (unknownCharset ? Encoding.Latin1 : null));
        if (unknownCharset)
        {
            throw info.Error("The reply's charset '" + BodyPreview.Sanitize(charset!) + "' is not supported");
        }

        if (IsBlank(bytes))
        {
            // One-way operations are answered "202 Accepted" (or 204) without an envelope: nothing to read, not an error.
            if (info.Status == HttpStatusCode.Accepted || info.Status == HttpStatusCode.NoContent)
            {
                string envelope = EmptyEnvelope(call.Operation.Version);
                using XmlReader empty = QuotaXmlReader.Create(new StringReader(envelope), Settings, quotas, envelope.Length, cancellationToken);
                ReadEnvelope(empty, info, call, reply);
                return;
            }

            throw info.Error("The reply body is empty");
        }

        try
        {
            bool multiRef = bytes.IndexOf("ref="u8) >= 0;
            using XmlReader reader = multiRef ? CreateInlinedReader(body, encoding, quotas, cancellationToken) : CreateReader(body, encoding, quotas, cancellationToken);
            ReadEnvelope(reader, info, call, reply);
        }
        catch (XmlException ex) when (encoding?.CodePage == Encoding.UTF8.CodePage && !System.Text.Unicode.Utf8.IsValid(bytes))
        {
            // The XmlReader decoded the bytes itself (the document declares UTF-8): report them as the charset's fault, as the StreamReader would.
            throw info.Error("The reply's bytes are not valid " + BodyPreview.Sanitize(charset ?? "UTF-8") + ", the charset its Content-Type names", ex);
        }
        catch (XmlException ex)
        {
            throw info.Error("The reply is not well-formed XML (" + ex.Message + ")", ex);
        }
        catch (DecoderFallbackException ex)
        {
            // Only with a charset from Content-Type (XmlReader reports bad bytes itself as an XmlException otherwise).
            throw info.Error("The reply's bytes are not valid " + BodyPreview.Sanitize(charset ?? "UTF-8") + ", the charset its Content-Type names", ex);
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
            throw info.Error("The reply is not a SOAP envelope: its root element is <" + BodyPreview.Excerpt(reader.Name) + "> in namespace '" +
                BodyPreview.Excerpt(reader.NamespaceURI, 128) + "'");
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
            throw Declared(SoapFaultParser.Parse(fault, info.Status, info.Redact), call.Operation);
        }

        // A fault in the other version is still the server's word (a VersionMismatch, typically), so it is reported above;
        // a result in the other version is a different protocol, whose headers and encoding rules we would misread.
        if (envelopeNs != SoapNamespaces.EnvelopeFor(call.Operation.Version))
        {
            throw info.Error("The reply is a " + (envelopeNs == SoapNamespaces.Envelope12 ? "SOAP 1.2" : "SOAP 1.1") + " envelope, but the operation speaks " +
                (call.Operation.Version == SoapVersion.Soap12 ? "SOAP 1.2" : "SOAP 1.1"));
        }

        int status = (int)info.Status;
        if (status < 200 || status > 299)
        {
            throw info.Error("The service answered with an HTTP error status and a SOAP envelope without a Fault");
        }

        // A reply to another operation (or another service's) must not read as a result of nulls.
        SoapOperation operation = call.Operation;
        if (operation.ResponseName is { } expected && reader.NodeType == XmlNodeType.Element
            && (reader.LocalName != expected || (operation.ResponseNamespace is { } ns && reader.NamespaceURI != ns)))
        {
            throw info.Error("The reply's Body holds " + ElementName(reader.LocalName, reader.NamespaceURI) + ", not the operation's response " +
                ElementName(expected, operation.ResponseNamespace));
        }

        call.ReadBody(new SoapReader(reader));

        // Read to the end so a reply cut off after the part we needed is still reported as truncated.
        while (reader.Read())
        {
        }
    }

    private static string ElementName(string localName, string? ns) =>
        "<" + BodyPreview.Excerpt(localName) + "> " + (ns is null ? "in any namespace" : ns.Length == 0 ? "in no namespace" : "in namespace '" + BodyPreview.Excerpt(ns, 128) + "'");

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

    private static XmlReader CreateReader(MemoryStream body, Encoding? encoding, SoapReaderQuotas quotas, CancellationToken cancellationToken)
    {
        body.Position = 0;
        return encoding is null || XmlDeclaration.Names(body.GetBuffer().AsSpan(0, (int)body.Length), encoding)

            // No charset in Content-Type, or the one the document declares itself: BOM or the XML declaration decides, as
            // XML says, and the XmlReader decodes the bytes itself (a StreamReader under it would copy every char once more).
            ? QuotaXmlReader.Create(body, Settings, quotas, body.Length, cancellationToken)

            // The HTTP charset wins over the XML declaration (RFC 7303); a BOM, if present, is still honoured.
            : QuotaXmlReader.Create(
                new StreamReader(body, encoding.CodePage == Encoding.UTF8.CodePage ? StrictUtf8 : encoding, detectEncodingFromByteOrderMarks: true),
                Settings,
                quotas,
                body.Length,
                cancellationToken);
    }

    // Slow path, only when the bytes contain "ref=": load, inline multi-refs, and read the result like a fresh reply
    // (re-serialised so readers see real namespace scopes, which an XNode reader does not expose).
    // Loaded through the quotas, so the tree it builds is bounded in depth and size before anything walks it.
    private static XmlReader CreateInlinedReader(MemoryStream body, Encoding? encoding, SoapReaderQuotas quotas, CancellationToken cancellationToken)
    {
        XDocument document;
        using (XmlReader loader = CreateReader(body, encoding, quotas, cancellationToken))
        {
            document = XDocument.Load(loader, LoadOptions.PreserveWhitespace);
        }

        XElement? envelope = document.Root;
        if (envelope is not null && SoapNamespaces.IsEnvelope(envelope.Name.NamespaceName))
        {
            XElement? bodyElement = envelope.Element(envelope.Name.Namespace + "Body");
            if (bodyElement is not null)
            {
                MultiRefInliner.Inline(bodyElement, quotas);
            }
        }

        // Inlining copies shared values, so the result gets the quotas again (an element count, say).
        string inlined = XmlText.Of(document);
        return QuotaXmlReader.Create(new StringReader(inlined), Settings, quotas, inlined.Length, cancellationToken);
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
