using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using System.Xml;
using System.Xml.Serialization;

namespace SoapGen.Benchmarks.Serialization;

/// <summary>
/// (b) SOAPBuilders Round 2 <c>echoStructArray</c> (wsdl/benchmark-echo-struct.wsdl): rpc/encoded, 1,000 SOAPStruct
/// {varString, varInt, varFloat} sent and the same 1,000 read back, the reply as PHP ext/soap's echo server writes it.
/// </summary>
public sealed class EchoStructArrayPayload : SerializationPayload
{
    public const int Items = 1000;
    private const string Ns = "http://soapinterop.org/";
    private const string TypesNs = "http://soapinterop.org/xsd";

    private readonly SOAPStruct[] _items = Enumerable.Range(0, Items).Select(Item).ToArray();
    private readonly EchoStruct.SOAPStruct[] _generatedItems;
    private readonly XmlSerializer _request;
    private readonly XmlSerializer _reply;
    private EchoStruct.InteropTestClient? _client;

    public EchoStructArrayPayload()
    {
        Reply = new UTF8Encoding(false).GetBytes(BuildReply(_items));
        _generatedItems = _items.Select(s => new EchoStruct.SOAPStruct { VarString = s.varString, VarInt = s.varInt, VarFloat = s.varFloat }).ToArray();
        (_request, _reply) = EncodedSerializers.Create(
            Ns, "echoStructArray", ("inputStructArray", typeof(SOAPStruct[])), "echoStructArrayResponse", ("outputStructArray", typeof(SOAPStruct[])));
    }

    public override byte[] Reply { get; }

    public override void UseGeneratedClient(HttpClient http) =>
        _client = new EchoStruct.InteropTestClient(http, new SoapGen.Runtime.SoapClientOptions { Endpoint = new Uri("http://127.0.0.1/round2/base") });

    public override async Task<object?> GeneratedAsync() => await _client!.EchoStructArrayAsync(_generatedItems).ConfigureAwait(false);

    public override object? XmlSerializer(MemoryStream request)
    {
        using (XmlWriter writer = XmlWriter.Create(request, SafeXml.WriterSettings))
        {
            SafeXml.WriteEnvelopeStart(writer);
            _request.Serialize(writer, new object[] { _items }, null, SafeXml.Encoding);
            SafeXml.WriteEnvelopeEnd(writer);
        }

        using XmlReader reader = SafeXml.CreateReader(Reply);
        SafeXml.MoveToBodyContent(reader);
        return ((object[])_reply.Deserialize(reader, SafeXml.Encoding)!)[0];
    }

    public override object? HandWritten(MemoryStream request)
    {
        using (XmlWriter writer = XmlWriter.Create(request, SafeXml.WriterSettings))
        {
            SafeXml.WriteEnvelopeStart(writer);
            writer.WriteStartElement("ns1", "echoStructArray", Ns);
            writer.WriteAttributeString("SOAP-ENV", "encodingStyle", SafeXml.Envelope, SafeXml.Encoding);
            writer.WriteStartElement("inputStructArray");
            writer.WriteAttributeString("xmlns", "ns2", null, TypesNs);
            writer.WriteAttributeString("xsi", "type", SafeXml.Xsi, "SOAP-ENC:Array");
            writer.WriteAttributeString("SOAP-ENC", "arrayType", SafeXml.Encoding, "ns2:SOAPStruct[" + _items.Length.ToString(CultureInfo.InvariantCulture) + "]");
            foreach (SOAPStruct item in _items)
            {
                writer.WriteStartElement("item");
                writer.WriteAttributeString("xsi", "type", SafeXml.Xsi, "ns2:SOAPStruct");
                HandWrittenXml.WriteEncoded(writer, "varString", "string", item.varString);
                HandWrittenXml.WriteEncoded(writer, "varInt", item.varInt);
                HandWrittenXml.WriteEncoded(writer, "varFloat", item.varFloat);
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
            SafeXml.WriteEnvelopeEnd(writer);
        }

        return HandWrittenXml.ReadReturnedArray(Reply, "echoStructArrayResponse", Ns, ReadItem);
    }

    private static SOAPStruct ReadItem(XmlReader reader) => HandWrittenXml.ReadStruct(reader, new SOAPStruct(), ReadItemMember);

    private static void ReadItemMember(XmlReader reader, SOAPStruct item)
    {
        switch (reader.LocalName)
        {
            case "varString": item.varString = reader.ReadElementContentAsString(); break;
            case "varInt": item.varInt = reader.ReadElementContentAsInt(); break;
            case "varFloat": item.varFloat = reader.ReadElementContentAsFloat(); break;
            default: reader.Skip(); break;
        }
    }

    public override IReadOnlyList<string> Expected() => DescribeSvcutil(_items);

    public override IReadOnlyList<string> DescribeGenerated(object? result) =>
        ((EchoStruct.SOAPStruct[]?)result ?? throw new InvalidOperationException("generated: no array"))
            .Select(s => Values.Line(s.VarString, s.VarInt, s.VarFloat)).ToList();

    public override IReadOnlyList<string> DescribeSvcutil(object? result) =>
        ((SOAPStruct[]?)result ?? throw new InvalidOperationException("svcutil: no array"))
            .Select(s => Values.Line(s.varString, s.varInt, s.varFloat)).ToList();

    private static readonly string[] Strings = ["", "plain ASCII", "Zürich café", "a <b> & \"c\" 'd'", "  spaces kept  "];

    private static SOAPStruct Item(int i) => new()
    {
        varString = Strings[i % Strings.Length] + (i % Strings.Length == 0 ? "" : " " + i.ToString(CultureInfo.InvariantCulture)),
        varInt = i % 7 == 0 ? -i * 1000 : i,
        varFloat = (i % 4) switch { 0 => 0f, 1 => i + 0.5f, 2 => -i * 0.25f, _ => 1.25e7f + i },
    };

    private static string BuildReply(SOAPStruct[] items)
    {
        var sb = new StringBuilder(Items * 200);
        sb.Append(PhpEnvelope.StartFor(Ns, TypesNs)).Append("<ns1:echoStructArrayResponse>");
        sb.Append("<outputStructArray SOAP-ENC:arrayType=\"ns2:SOAPStruct[").Append(items.Length).Append("]\" xsi:type=\"ns2:ArrayOfSOAPStruct\">");
        foreach (SOAPStruct s in items)
        {
            sb.Append("<item xsi:type=\"ns2:SOAPStruct\">");
            PhpEnvelope.Str(sb, "varString", s.varString);
            PhpEnvelope.Int(sb, "varInt", s.varInt);
            PhpEnvelope.Float(sb, "varFloat", s.varFloat);
            sb.Append("</item>");
        }

        return sb.Append("</outputStructArray></ns1:echoStructArrayResponse>").Append(PhpEnvelope.End).ToString();
    }
}
