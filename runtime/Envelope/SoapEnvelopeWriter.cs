using System;
using System.IO;
using System.Text;
using System.Xml;

namespace SoapGen.Runtime;

/// <summary>
/// Writes a request envelope: UTF-8 without BOM (some PHP servers choke on a BOM), the prefixes SOAP-ENV, xsd, xsi and
/// SOAP-ENC declared once on the Envelope as PHP ext/soap and NuSOAP do, and the generated body inside Body.
/// </summary>
/// <remarks>
/// An <see cref="XmlWriter"/> over a stream costs about 7.5 KB to create (its 6 KB encoding buffer most of it), more
/// than the rest of a small call together, so each thread keeps one and writes envelope after envelope with it, as
/// fragments (a fragment writer writes no declaration: <see cref="Declaration"/> is what WriteStartDocument wrote).
/// Every request still gets its own exact-size array, so no bytes of one request can ever be sent with another's, and
/// a writer that failed mid-envelope is dropped, not kept. The kept buffers are not cleared: unlike a pooled reply
/// buffer they are never handed to other code, and the next envelope overwrites them (blanking them cost more than
/// writing the envelope).
/// </remarks>
internal static class SoapEnvelopeWriter
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = false,
        CloseOutput = false,
        ConformanceLevel = ConformanceLevel.Fragment,

        // A literal CR would reach the server as LF (XML parsers normalise line ends): send it as &#xD;.
        NewLineHandling = NewLineHandling.Entitize,
    };

    private static readonly byte[] Declaration = "<?xml version=\"1.0\" encoding=\"utf-8\"?>"u8.ToArray();

    // Requests larger than this leave their writer to the GC rather than keep a large buffer per thread.
    private const int MaxKeptBytes = 64 * 1024;

    [ThreadStatic]
    private static KeptWriter? t_kept;

    /// <summary>
    /// Writes the request of <paramref name="call"/>: its per-call headers (method parameters) first, then the headers of
    /// the call and its steps, then the client's ambient headers, each name once, and the body.
    /// </summary>
    public static MemoryStream Write(SoapVersion version, SoapCallContext call, SoapHeader[] ambientHeaders)
    {
        // Taken, not borrowed: should a header writer call back in here, it gets a writer of its own.
        KeptWriter kept = t_kept ?? new KeptWriter();
        t_kept = null;
        XmlWriter xml = kept.Xml;
        kept.Output.Write(Declaration);

        string envelopeNs = SoapNamespaces.EnvelopeFor(version);
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

        // Whatever the body left open, then Body and Envelope (as WriteEndDocument would): a fragment writer is back at
        // its top level, in Prolog, once the Envelope is closed.
        while (xml.WriteState != WriteState.Prolog)
        {
            xml.WriteEndElement();
        }

        xml.Flush();

        if (kept.Output.Capacity > MaxKeptBytes)
        {
            // Too large to keep: the request takes the writer's own buffer, as it is, and the writer is dropped. Copying
            // it would double a large request's bytes (and put the copy on the large-object heap).
            kept.Output.Position = 0;
            return kept.Output;
        }

        byte[] envelope = kept.Output.ToArray();
        kept.Output.SetLength(0);
        t_kept = kept;
        return new MemoryStream(envelope, 0, envelope.Length, writable: false, publiclyVisible: true);
    }

    private sealed class KeptWriter
    {
        public KeptWriter()
        {
            Output = new MemoryStream(1024);
            Xml = XmlWriter.Create(Output, Settings);
        }

        public MemoryStream Output { get; }

        public XmlWriter Xml { get; }
    }
}
