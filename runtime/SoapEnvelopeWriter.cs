using System;
using System.IO;
using System.Text;
using System.Xml;

namespace SoapGen.Runtime;

/// <summary>
/// Writes a request envelope: UTF-8 without BOM (some PHP servers choke on a BOM), the prefixes SOAP-ENV, xsd, xsi and
/// SOAP-ENC declared once on the Envelope as PHP ext/soap and NuSOAP do, and the generated body inside Body.
/// </summary>
internal static class SoapEnvelopeWriter
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = false,
        OmitXmlDeclaration = false,
        CloseOutput = false,

        // A literal CR would reach the server as LF (XML parsers normalise line ends): send it as &#xD;.
        NewLineHandling = NewLineHandling.Entitize,
    };

    public static MemoryStream Write(SoapVersion version, Action<SoapWriter> writeBody)
    {
        string envelopeNs = SoapNamespaces.EnvelopeFor(version);
        var buffer = new MemoryStream(1024);
        using (XmlWriter xml = XmlWriter.Create(buffer, Settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement(SoapNamespaces.EnvelopePrefix, "Envelope", envelopeNs);
            xml.WriteAttributeString("xmlns", SoapNamespaces.XsdPrefix, SoapNamespaces.Xmlns, SoapNamespaces.Xsd);
            xml.WriteAttributeString("xmlns", SoapNamespaces.XsiPrefix, SoapNamespaces.Xmlns, SoapNamespaces.Xsi);
            xml.WriteAttributeString("xmlns", SoapNamespaces.EncodingPrefix, SoapNamespaces.Xmlns, SoapNamespaces.EncodingFor(version));
            xml.WriteStartElement(SoapNamespaces.EnvelopePrefix, "Body", envelopeNs);
            writeBody(new SoapWriter(xml, version));
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        buffer.Position = 0;
        return buffer;
    }
}
