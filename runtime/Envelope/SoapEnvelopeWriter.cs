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

    /// <summary>
    /// Writes the request of <paramref name="call"/>: its per-call headers (method parameters) first, then the headers of
    /// the call and its steps, then the client's ambient headers, each name once, and the body.
    /// </summary>
    public static MemoryStream Write(SoapVersion version, SoapCallContext call, SoapHeader[] ambientHeaders)
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
            var writer = new SoapWriter(xml, version);
            var headers = new SoapHeaderWriter(writer);
            call.WriteHeaders(headers);
            foreach (SoapHeader header in call.Headers.Snapshot())
            {
                headers.Write(header);
            }

            foreach (SoapHeader header in ambientHeaders)
            {
                // A typed ambient header goes only with operations that declare it, and never repeats a per-call value.
                if (header.Descriptor is { } declared && !call.Operation.DeclaresInputHeader(declared.LocalName, declared.Namespace))
                {
                    continue;
                }

                if (!headers.WasWritten(header))
                {
                    headers.Write(header);
                }
            }

            headers.End();
            xml.WriteStartElement(SoapNamespaces.EnvelopePrefix, "Body", envelopeNs);
            call.WriteBody(writer);
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        buffer.Position = 0;
        return buffer;
    }
}
