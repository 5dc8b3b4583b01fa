using System;
using System.Net.Http;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace SoapGen.Runtime.Tests;

/// <summary>Envelope text and transport construction shared by the tests.</summary>
internal static class Soap
{
    public const string Env11 = "http://schemas.xmlsoap.org/soap/envelope/";
    public const string Env12 = "http://www.w3.org/2003/05/soap-envelope";
    public const string Enc11 = "http://schemas.xmlsoap.org/soap/encoding/";
    public const string Xsd = "http://www.w3.org/2001/XMLSchema";
    public const string Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    public static readonly Uri Endpoint = new("http://soap.test/api.php?key=SECRETKEY");

    public static SoapTransport Transport(FakeHandler handler, SoapVersion version = SoapVersion.Soap11, long maxReplyBytes = SoapTransport.DefaultMaxReplyBytes) =>
        new(new HttpClient(handler), Endpoint, version, maxReplyBytes);

    /// <summary>What <paramref name="write"/> writes inside a Body that declares the envelope prefixes, as the transport does.</summary>
    public static XElement WriteBody(Action<SoapWriter> write)
    {
        var text = new StringBuilder();
        using (XmlWriter xml = XmlWriter.Create(text, new XmlWriterSettings { OmitXmlDeclaration = true }))
        {
            xml.WriteStartElement("SOAP-ENV", "Body", Env11);
            xml.WriteAttributeString("xmlns", "xsd", null, Xsd);
            xml.WriteAttributeString("xmlns", "xsi", null, Xsi);
            xml.WriteAttributeString("xmlns", "SOAP-ENC", null, Enc11);
            write(new SoapWriter(xml));
            xml.WriteEndElement();
        }

        return XElement.Parse(text.ToString());
    }

    /// <summary>A NuSOAP-style SOAP 1.1 envelope around <paramref name="body"/>.</summary>
    public static string Envelope11(string body) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" +
        "<SOAP-ENV:Envelope SOAP-ENV:encodingStyle=\"http://schemas.xmlsoap.org/soap/encoding/\" " +
        "xmlns:SOAP-ENV=\"" + Env11 + "\" xmlns:xsd=\"" + Xsd + "\" xmlns:xsi=\"" + Xsi + "\" " +
        "xmlns:SOAP-ENC=\"" + Enc11 + "\" xmlns:tns=\"urn:myapi\">" +
        "<SOAP-ENV:Body>" + body + "</SOAP-ENV:Body></SOAP-ENV:Envelope>";

    public static string Envelope12(string body) =>
        "<env:Envelope xmlns:env=\"" + Env12 + "\" xmlns:xsi=\"" + Xsi + "\"><env:Body>" + body + "</env:Body></env:Envelope>";

    /// <summary>Writes a simple rpc request with one string part.</summary>
    public static void WriteEcho(SoapWriter w)
    {
        w.WriteStartOperation("echo", "urn:myapi", encoded: true);
        w.WriteString("text", null, "hi", encoded: true);
        w.WriteEndElement();
    }

    /// <summary>Reads a response wrapper whose single child is a string (<c>&lt;ns1:echoResponse&gt;&lt;return&gt;…</c>).</summary>
    public static string? ReadReturnString(SoapReader r)
    {
        string? value = null;
        if (r.ReadStartStruct())
        {
            while (r.ReadNextChild())
            {
                if (r.LocalName == "return")
                {
                    value = r.ReadString();
                }
                else
                {
                    r.Skip();
                }
            }
        }

        return value;
    }
}
