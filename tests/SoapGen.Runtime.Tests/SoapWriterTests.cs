using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Xml;
using System.Xml.Linq;

namespace SoapGen.Runtime.Tests;

public class SoapWriterTests
{
    private static XElement Write(Action<SoapWriter> write) => Soap.WriteBody(write);

    [Fact]
    public void Numbers_use_invariant_culture_and_floats_round_trip()
    {
        CultureInfo saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            XElement body = Write(w =>
            {
                w.WriteDouble("d", null, 0.1 + 0.2, encoded: true);
                w.WriteSingle("f", null, 1.1f, encoded: true);
                w.WriteDecimal("m", null, 1234.5m, encoded: true);
                w.WriteDouble("inf", null, double.PositiveInfinity, encoded: false);
                w.WriteDouble("ninf", null, double.NegativeInfinity, encoded: false);
                w.WriteSingle("nan", null, float.NaN, encoded: false);
            });

            Assert.Equal(0.1 + 0.2, double.Parse(body.Element("d")!.Value, CultureInfo.InvariantCulture));
            Assert.Equal("0.30000000000000004", body.Element("d")!.Value);
            Assert.Equal("1.1", body.Element("f")!.Value);
            Assert.Equal("1234.5", body.Element("m")!.Value);
            Assert.Equal("INF", body.Element("inf")!.Value);
            Assert.Equal("-INF", body.Element("ninf")!.Value);
            Assert.Equal("NaN", body.Element("nan")!.Value);
            Assert.Equal("xsd:double", (string?)body.Element("d")!.Attribute(XName.Get("type", Soap.Xsi)));
            Assert.Equal("xsd:float", (string?)body.Element("f")!.Attribute(XName.Get("type", Soap.Xsi)));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Booleans_dates_and_base64_use_xsd_forms()
    {
        XElement body = Write(w =>
        {
            w.WriteBoolean("t", null, true, encoded: true);
            w.WriteBoolean("f", null, false, encoded: true);
            w.WriteDateTime("dt", null, new DateTimeOffset(2024, 5, 1, 13, 14, 15, TimeSpan.FromHours(2)), encoded: true);
            w.WriteDate("d", null, new DateOnly(2024, 5, 1), encoded: true);
            w.WriteBase64("b", null, new byte[] { 1, 2, 3 }, encoded: true);
            w.WriteByte("sb", null, (sbyte)-5, encoded: true);
            w.WriteUnsignedByte("ub", null, (byte)200, encoded: true);
            w.WriteInt16("s", null, (short)-300, encoded: true);
            w.WriteInt64("l", null, long.MaxValue, encoded: true);
        });

        Assert.Equal("true", body.Element("t")!.Value);
        Assert.Equal("false", body.Element("f")!.Value);
        Assert.Equal("2024-05-01T13:14:15.0000000+02:00", body.Element("dt")!.Value);
        Assert.Equal("xsd:dateTime", (string?)body.Element("dt")!.Attribute(XName.Get("type", Soap.Xsi)));
        Assert.Equal("2024-05-01", body.Element("d")!.Value);
        Assert.Equal("xsd:date", (string?)body.Element("d")!.Attribute(XName.Get("type", Soap.Xsi)));
        Assert.Equal("AQID", body.Element("b")!.Value);
        Assert.Equal("xsd:base64Binary", (string?)body.Element("b")!.Attribute(XName.Get("type", Soap.Xsi)));
        Assert.Equal("xsd:byte", (string?)body.Element("sb")!.Attribute(XName.Get("type", Soap.Xsi)));
        Assert.Equal("xsd:unsignedByte", (string?)body.Element("ub")!.Attribute(XName.Get("type", Soap.Xsi)));
        Assert.Equal("-300", body.Element("s")!.Value);
        Assert.Equal(long.MaxValue.ToString(CultureInfo.InvariantCulture), body.Element("l")!.Value);
    }

    [Fact]
    public void Null_values_are_written_as_xsi_nil_for_every_type()
    {
        XElement body = Write(w =>
        {
            w.WriteInt32("i", null, null, encoded: true);
            w.WriteDateTime("dt", null, null, encoded: true);
            w.WriteBase64("b", null, null, encoded: true);
            w.WriteXElement("x", null, null);
        });

        foreach (XElement e in body.Elements())
        {
            Assert.Equal("true", (string?)e.Attribute(XName.Get("nil", Soap.Xsi)));
            Assert.True(e.IsEmpty);
        }

        Assert.Equal(4, body.Elements().Count());
    }

    [Fact]
    public void WriteXElement_writes_content_and_attributes_under_the_given_name()
    {
        var value = XElement.Parse("<anything a=\"1\" xmlns:t=\"urn:t\"><t:child xsi:type=\"t:T\" xmlns:xsi=\"" + Soap.Xsi + "\">v</t:child></anything>");
        XElement body = Write(w => w.WriteXElement("payload", "urn:p", value));

        XElement payload = body.Element(XName.Get("payload", "urn:p"))!;
        Assert.Equal("1", (string?)payload.Attribute("a"));
        XElement child = payload.Element(XName.Get("child", "urn:t"))!;
        Assert.Equal("v", child.Value);
        Assert.Equal("urn:t", child.GetNamespaceOfPrefix("t")?.NamespaceName);
    }

    [Fact]
    public void Soap12_arrays_use_itemType_and_arraySize()
    {
        var text = new StringBuilder();
        using (XmlWriter xml = XmlWriter.Create(text, new XmlWriterSettings { OmitXmlDeclaration = true }))
        {
            xml.WriteStartElement("Body");
            xml.WriteAttributeString("xmlns", "xsd", null, Soap.Xsd);
            xml.WriteAttributeString("xmlns", "xsi", null, Soap.Xsi);
            xml.WriteAttributeString("xmlns", "SOAP-ENC", null, "http://www.w3.org/2003/05/soap-encoding");
            var w = new SoapWriter(xml, SoapVersion.Soap12);
            w.WriteStartArray("a", null, Soap.Xsd, "string", 0);
            w.WriteEndElement();
            xml.WriteEndElement();
        }

        XElement a = XElement.Parse(text.ToString()).Element("a")!;
        XNamespace enc12 = "http://www.w3.org/2003/05/soap-encoding";
        Assert.Equal("xsd:string", (string?)a.Attribute(enc12 + "itemType"));
        Assert.Equal("0", (string?)a.Attribute(enc12 + "arraySize"));
    }

    [Fact]
    public void Strings_are_escaped_not_injected()
    {
        XElement body = Write(w => w.WriteString("s", null, "<b>&\"x\"</b>", encoded: false));
        Assert.Equal("<b>&\"x\"</b>", body.Element("s")!.Value);
        Assert.Empty(body.Element("s")!.Elements());
    }
}
