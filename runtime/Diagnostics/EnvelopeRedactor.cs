using System;
using System.IO;
using System.Text;
using System.Xml;

namespace SoapGen.Runtime;

/// <summary>
/// Re-writes an envelope for a log: the content of every element or attribute named like a credential becomes
/// <c>***</c>, and the text stops after a maximum length. Streams with <see cref="XmlReader"/> (no DTD, no resolver), so
/// the work is bounded by the cap, not by the envelope; a body that is not well-formed XML is cut where it stops being
/// so, since nothing after that point can be redacted reliably.
/// </summary>
internal static class EnvelopeRedactor
{
    public const string Mask = "***";

    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };

    private static readonly XmlWriterSettings WriterSettings = new()
    {
        OmitXmlDeclaration = true,
        ConformanceLevel = ConformanceLevel.Fragment,
        CheckCharacters = false,
    };

    public static (string Text, bool Truncated) Redact(byte[] buffer, int length, SoapEnvelopeLoggingOptions options, bool redactAllText)
    {
        int max = Math.Max(0, options.MaxCharacters);
        var text = new StringBuilder(Math.Min(length, max) + 64);
        bool truncated = false;
        string? stop = null;
        int written;
        using (var input = new MemoryStream(buffer, 0, length, writable: false))
        using (XmlReader reader = XmlReader.Create(input, ReaderSettings))
        using (XmlWriter writer = XmlWriter.Create(new StringWriter(text, System.Globalization.CultureInfo.InvariantCulture), WriterSettings))
        {
            try
            {
                // After a redacted subtree the reader already stands on the next node.
                bool positioned = false;
                while (positioned ? !reader.EOF : reader.Read())
                {
                    positioned = Copy(reader, writer, options, redactAllText);
                    if (text.Length > max)
                    {
                        truncated = true;
                        break;
                    }
                }
            }
            catch (XmlException)
            {
                // The message may quote the body; say only that the rest is gone.
                stop = " [not well-formed XML from here on; the rest is omitted]";
                truncated = true;
            }

            writer.Flush();

            // Disposing the writer closes the elements still open: end tags the envelope never had, so cut them off.
            written = text.Length;
        }

        text.Length = Math.Min(written, max);
        if (written > max)
        {
            stop ??= " [cut at " + max + " characters]";
        }

        return (text.Append(stop).ToString(), truncated);
    }

    /// <summary>Lower case without <c>_</c>, <c>-</c> and <c>.</c>: <c>api_key</c>, <c>API-Key</c> and <c>apiKey</c> are one name.</summary>
    public static string Normalize(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (char c in name)
        {
            if (c is not ('_' or '-' or '.'))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        return sb.ToString();
    }

    public static bool IsSensitive(string localName, SoapEnvelopeLoggingOptions options)
    {
        string name = Normalize(localName);
        foreach (string redacted in options.RedactedNames)
        {
            if (name == Normalize(redacted))
            {
                return true;
            }
        }

        foreach (string part in options.RedactedNameParts)
        {
            string p = Normalize(part);
            if (p.Length > 0 && name.Contains(p, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // Returns whether the reader was moved on to the next node (past a redacted subtree).
    private static bool Copy(XmlReader reader, XmlWriter writer, SoapEnvelopeLoggingOptions options, bool redactAllText)
    {
        switch (reader.NodeType)
        {
            case XmlNodeType.Element:
                bool sensitive = IsSensitive(reader.LocalName, options);
                bool empty = reader.IsEmptyElement;
                writer.WriteStartElement(reader.Prefix, reader.LocalName, reader.NamespaceURI);
                CopyAttributes(reader, writer, options);
                if (empty)
                {
                    writer.WriteEndElement();
                }
                else if (sensitive)
                {
                    // The whole subtree: a credentials header's children, a token's parts.
                    writer.WriteString(Mask);
                    writer.WriteFullEndElement();
                    reader.Skip();
                    return true;
                }

                break;
            case XmlNodeType.EndElement:
                writer.WriteFullEndElement();
                break;
            case XmlNodeType.Text:
            case XmlNodeType.CDATA:
                writer.WriteString(redactAllText ? Mask : reader.Value);
                break;
            case XmlNodeType.Whitespace:
            case XmlNodeType.SignificantWhitespace:
                writer.WriteWhitespace(reader.Value);
                break;
            default:
                // declaration, comments, processing instructions: nothing a reader of the log needs
                break;
        }

        return false;
    }

    private static void CopyAttributes(XmlReader reader, XmlWriter writer, SoapEnvelopeLoggingOptions options)
    {
        if (!reader.MoveToFirstAttribute())
        {
            return;
        }

        do
        {
            bool isNamespace = reader.NamespaceURI == "http://www.w3.org/2000/xmlns/";
            string value = !isNamespace && IsSensitive(reader.LocalName, options) ? Mask : reader.Value;
            writer.WriteAttributeString(reader.Prefix, reader.LocalName, reader.NamespaceURI, value);
        }
        while (reader.MoveToNextAttribute());

        reader.MoveToElement();
    }
}
