using System.IO;
using System.Text;
using System.Xml;

namespace SoapGen.Benchmarks.Serialization;

/// <summary>
/// The reader and writer settings every contender uses: the runtime's (runtime/Envelope/SoapReplyReader.cs,
/// SoapEnvelopeWriter.cs): no DTDs, no resolver, UTF-8 without BOM.
/// </summary>
internal static class SafeXml
{
    public const string Envelope = "http://schemas.xmlsoap.org/soap/envelope/";
    public const string Encoding = "http://schemas.xmlsoap.org/soap/encoding/";
    public const string Xsi = "http://www.w3.org/2001/XMLSchema-instance";
    public const string Xsd = "http://www.w3.org/2001/XMLSchema";

    public static readonly XmlReaderSettings ReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = false,
        CloseInput = false,
    };

    public static readonly XmlWriterSettings WriterSettings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = false,
        CloseOutput = false,
        NewLineHandling = NewLineHandling.Entitize,
    };

    public static XmlReader CreateReader(byte[] bytes) => XmlReader.Create(new MemoryStream(bytes, writable: false), ReaderSettings);

    /// <summary>Starts an envelope the way PHP ext/soap and SoapGen do: the four prefixes on Envelope, then Body.</summary>
    public static void WriteEnvelopeStart(XmlWriter writer)
    {
        writer.WriteStartDocument();
        writer.WriteStartElement("SOAP-ENV", "Envelope", Envelope);
        writer.WriteAttributeString("xmlns", "xsd", null, Xsd);
        writer.WriteAttributeString("xmlns", "xsi", null, Xsi);
        writer.WriteAttributeString("xmlns", "SOAP-ENC", null, Encoding);
        writer.WriteStartElement("SOAP-ENV", "Body", Envelope);
    }

    public static void WriteEnvelopeEnd(XmlWriter writer)
    {
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndDocument();
    }

    /// <summary>Moves a reader from the document start onto Body's first child element.</summary>
    public static void MoveToBodyContent(XmlReader reader)
    {
        reader.MoveToContent();
        reader.ReadStartElement("Envelope", Envelope);
        reader.MoveToContent();
        if (reader.LocalName == "Header" && reader.NamespaceURI == Envelope)
        {
            reader.Skip();
            reader.MoveToContent();
        }

        reader.ReadStartElement("Body", Envelope);
        reader.MoveToContent();
    }
}
