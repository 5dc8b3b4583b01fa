using System;
using System.IO;
using System.Numerics;
using System.Xml;
using System.Xml.Linq;

namespace SoapGen.Runtime.Tests;

/// <summary>
/// The built-in XSD types beyond the basic numbers: each written with its own xsi:type and lexical form, and read back
/// to the same value; values outside a type's range refused before anything is sent.
/// </summary>
public class BuiltInTypeTests
{
    private static readonly XNamespace Xsi = Soap.Xsi;

    private static XElement Write(Action<SoapWriter> write) => Soap.WriteBody(write);

    private static T Read<T>(XElement element, Func<SoapReader, T> read)
    {
        XmlReader xml = XmlReader.Create(new StringReader(element.ToString()), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        xml.MoveToContent();
        return read(new SoapReader(xml));
    }

    [Fact]
    public void Each_type_is_written_with_its_own_xsi_type_and_read_back()
    {
        var bytes = new byte[] { 0x00, 0xAB, 0xFF };
        XElement body = Write(w =>
        {
            w.WriteUInt16("us", null, ushort.MaxValue, encoded: true);
            w.WriteUInt32("ui", null, uint.MaxValue, encoded: true);
            w.WriteUInt64("ul", null, ulong.MaxValue, encoded: true);
            w.WriteInteger("i", null, BigInteger.Parse("123456789012345678901234567890"), encoded: true);
            w.WriteInteger("nn", null, BigInteger.Zero, encoded: true, xsdType: "nonNegativeInteger");
            w.WriteDate("d", null, new DateOnly(2024, 2, 29), encoded: true);
            w.WriteTime("t", null, new TimeOnly(23, 59, 58, 250), encoded: true);
            w.WriteDuration("du", null, new TimeSpan(1, 2, 3, 4, 500), encoded: true);
            w.WriteHexBinary("h", null, bytes, encoded: true);
            w.WriteQName("q", null, new XmlQualifiedName("Thing", "urn:things"), encoded: true);
            w.WriteString("tok", null, "a token", encoded: true, xsdType: "token");
        });

        string Type(string name) => (string)body.Element(name)!.Attribute(Xsi + "type")!;
        Assert.Equal("xsd:unsignedShort", Type("us"));
        Assert.Equal("xsd:unsignedInt", Type("ui"));
        Assert.Equal("xsd:unsignedLong", Type("ul"));
        Assert.Equal("xsd:integer", Type("i"));
        Assert.Equal("xsd:nonNegativeInteger", Type("nn"));
        Assert.Equal("xsd:date", Type("d"));
        Assert.Equal("xsd:time", Type("t"));
        Assert.Equal("xsd:duration", Type("du"));
        Assert.Equal("xsd:hexBinary", Type("h"));
        Assert.Equal("xsd:QName", Type("q"));
        Assert.Equal("xsd:token", Type("tok"));

        Assert.Equal("2024-02-29", body.Element("d")!.Value);
        Assert.Equal("23:59:58.25", body.Element("t")!.Value);
        Assert.Equal("P1DT2H3M4.5S", body.Element("du")!.Value);
        Assert.Equal("00ABFF", body.Element("h")!.Value);

        Assert.Equal(ushort.MaxValue, Read(body.Element("us")!, r => r.ReadUInt16()));
        Assert.Equal(uint.MaxValue, Read(body.Element("ui")!, r => r.ReadUInt32()));
        Assert.Equal(ulong.MaxValue, Read(body.Element("ul")!, r => r.ReadUInt64()));
        Assert.Equal(BigInteger.Parse("123456789012345678901234567890"), Read(body.Element("i")!, r => r.ReadInteger()));
        Assert.Equal(new DateOnly(2024, 2, 29), Read(body.Element("d")!, r => r.ReadDate()));
        Assert.Equal(new TimeOnly(23, 59, 58, 250), Read(body.Element("t")!, r => r.ReadTime()));
        Assert.Equal(new TimeSpan(1, 2, 3, 4, 500), Read(body.Element("du")!, r => r.ReadDuration()));
        Assert.Equal(bytes, Read(body.Element("h")!, r => r.ReadHexBinary()));
        Assert.Equal(new XmlQualifiedName("Thing", "urn:things"), Read(body.Element("q")!, r => r.ReadQName()));
    }

    [Theory]
    [InlineData("<d>2024-05-01+02:00</d>", 2024, 5, 1)]
    [InlineData("<d>2024-05-01Z</d>", 2024, 5, 1)]
    [InlineData("<d> 1999-12-31 </d>", 1999, 12, 31)]
    public void A_date_keeps_its_calendar_day_whatever_zone_it_carries(string xml, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), Read(XElement.Parse(xml), r => r.ReadDate()));

    [Fact]
    public void Durations_with_years_and_months_read_with_the_documented_approximation() =>
        Assert.Equal(TimeSpan.FromDays(365 + 60 + 3), Read(XElement.Parse("<d>P1Y2M3D</d>"), r => r.ReadDuration()));

    [Fact]
    public void An_integer_too_large_for_any_fixed_size_type_is_kept_exactly()
    {
        string digits = new('9', 60);
        Assert.Equal(BigInteger.Parse(digits), Read(XElement.Parse("<i>" + digits + "</i>"), r => r.ReadInteger()));
    }

    [Fact]
    public void A_qname_prefix_resolves_with_the_elements_own_declarations()
    {
        var element = XElement.Parse("<q xmlns:p=\"urn:a\">p:Local</q>");
        Assert.Equal(new XmlQualifiedName("Local", "urn:a"), Read(element, r => r.ReadQName()));
    }

    [Fact]
    public void A_qname_with_an_undeclared_prefix_is_a_protocol_error() =>
        Assert.Throws<SoapProtocolException>(() => Read(XElement.Parse("<q>nope:Local</q>"), r => r.ReadQName()));

    [Fact]
    public void Empty_hex_binary_is_zero_bytes_and_nil_is_null()
    {
        Assert.Equal(Array.Empty<byte>(), Read(XElement.Parse("<h/>"), r => r.ReadHexBinary()));
        Assert.Null(Read(XElement.Parse("<h xmlns:xsi=\"" + Soap.Xsi + "\" xsi:nil=\"true\"/>"), r => r.ReadHexBinary()));
    }

    [Theory]
    [InlineData("nonNegativeInteger", -1)]
    [InlineData("positiveInteger", 0)]
    [InlineData("nonPositiveInteger", 1)]
    [InlineData("negativeInteger", 0)]
    public void An_integer_outside_its_types_range_is_refused_before_sending(string xsdType, int value) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Write(w => w.WriteInteger("i", null, value, encoded: true, xsdType: xsdType)));

    [Fact]
    public void The_xsi_type_of_an_element_resolves_its_prefix()
    {
        XmlReader xml = XmlReader.Create(new StringReader("<a xmlns:xsi=\"" + Soap.Xsi + "\" xmlns:t=\"urn:t\" xsi:type=\"t:Derived\"/>"));
        xml.MoveToContent();
        var reader = new SoapReader(xml);
        Assert.True(reader.TryGetXsiType(out string localName, out string ns));
        Assert.Equal(("Derived", "urn:t"), (localName, ns));
    }
}
