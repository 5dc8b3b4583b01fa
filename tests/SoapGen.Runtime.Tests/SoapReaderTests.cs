using System;
using System.IO;
using System.Xml;
using System.Xml.Linq;

namespace SoapGen.Runtime.Tests;

public class SoapReaderTests
{
    private const string Ns = "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\"";

    private static SoapReader On(string element)
    {
        XmlReader xml = XmlReader.Create(new StringReader(element), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        xml.MoveToContent();
        return new SoapReader(xml);
    }

    private static T Read<T>(string element, Func<SoapReader, T> read)
    {
        SoapReader reader = On(element);
        T value = read(reader);

        // Every read consumes the whole element.
        Assert.True(reader.XmlReader.EOF || reader.XmlReader.NodeType == XmlNodeType.None);
        return value;
    }

    [Fact]
    public void Nil_int_is_null_even_with_xsi_type()
    {
        Assert.Null(Read("<n " + Ns + " xsi:type=\"xsd:int\" xsi:nil=\"true\"/>", r => r.ReadInt32()));
        Assert.Null(Read("<n " + Ns + " xsi:nil=\"1\"></n>", r => r.ReadInt32()));
    }

    [Fact]
    public void Empty_number_elements_are_null()
    {
        Assert.Null(Read("<n/>", r => r.ReadInt32()));
        Assert.Null(Read("<n></n>", r => r.ReadDouble()));
        Assert.Null(Read("<n>  </n>", r => r.ReadDecimal()));
        Assert.Null(Read("<n/>", r => r.ReadBoolean()));
        Assert.Null(Read("<n/>", r => r.ReadDateTime()));
    }

    [Fact]
    public void Strings_distinguish_nil_from_empty_and_keep_whitespace()
    {
        Assert.Null(Read("<s " + Ns + " xsi:nil=\"true\"/>", r => r.ReadString()));
        Assert.Equal(string.Empty, Read("<s/>", r => r.ReadString()));
        Assert.Equal(string.Empty, Read("<s></s>", r => r.ReadString()));
        Assert.Equal("  a b ", Read("<s>  a b </s>", r => r.ReadString()));
        Assert.Equal("   ", Read("<s>   </s>", r => r.ReadString()));
        Assert.Equal("a<b>&c", Read("<s>a&lt;b&gt;<![CDATA[&c]]></s>", r => r.ReadString()));
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("0", false)]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData(" True ", true)]
    public void Booleans_accept_digits_and_words(string text, bool expected)
    {
        Assert.Equal(expected, Read("<b>" + text + "</b>", r => r.ReadBoolean()));
    }

    [Fact]
    public void Numbers_are_trimmed_and_parsed_invariantly()
    {
        Assert.Equal(42, Read("<i>\n 42 \t</i>", r => r.ReadInt32()));
        Assert.Equal(-7L, Read("<i>-7</i>", r => r.ReadInt64()));
        Assert.Equal((short)12, Read("<i>12</i>", r => r.ReadInt16()));
        Assert.Equal((sbyte)-1, Read("<i>-1</i>", r => r.ReadByte()));
        Assert.Equal((byte)255, Read("<i>255</i>", r => r.ReadUnsignedByte()));
        Assert.Equal(1234.5m, Read("<i>1234.5</i>", r => r.ReadDecimal()));
    }

    [Fact]
    public void Floats_round_trip_and_read_xsd_special_values()
    {
        double d = 0.1 + 0.2;
        Assert.Equal(d, Read("<d>" + d.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + "</d>", r => r.ReadDouble()));
        Assert.Equal(1.1f, Read("<f>1.1</f>", r => r.ReadSingle()));
        Assert.Equal(double.PositiveInfinity, Read("<d>INF</d>", r => r.ReadDouble()));
        Assert.Equal(double.NegativeInfinity, Read("<d>-INF</d>", r => r.ReadDouble()));
        Assert.True(double.IsNaN(Read("<d>NaN</d>", r => r.ReadDouble())!.Value));
        Assert.Equal(1.5e10, Read("<d>1.5E10</d>", r => r.ReadDouble()));
    }

    [Fact]
    public void Dates_parse_with_and_without_zone()
    {
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 13, 14, 15, TimeSpan.FromHours(2)), Read("<d>2024-05-01T13:14:15+02:00</d>", r => r.ReadDateTime()));
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 13, 14, 15, TimeSpan.Zero), Read("<d>2024-05-01T13:14:15</d>", r => r.ReadDateTime()));
        Assert.Equal(new DateOnly(2024, 5, 1), Read("<d>2024-05-01Z</d>", r => r.ReadDate()));
    }

    [Fact]
    public void Base64_empty_is_zero_bytes_and_nil_is_null()
    {
        Assert.Equal(Array.Empty<byte>(), Read("<b></b>", r => r.ReadBase64()));
        Assert.Equal(Array.Empty<byte>(), Read("<b/>", r => r.ReadBase64()));
        Assert.Null(Read("<b xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:nil=\"true\"/>", r => r.ReadBase64()));
    }

    [Fact]
    public void Base64_is_decoded_with_line_breaks()
    {
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, Read("<b>AQID\nBA==</b>", r => r.ReadBase64()));
    }

    [Fact]
    public void Unparseable_values_throw_naming_element_and_value()
    {
        SoapProtocolException ex = Assert.Throws<SoapProtocolException>(() => Read("<tns:count xmlns:tns=\"urn:t\">12a</tns:count>", r => r.ReadInt32()));
        Assert.Contains("<tns:count>", ex.Message);
        Assert.Contains("'12a'", ex.Message);
        Assert.Throws<SoapProtocolException>(() => Read("<b>yes</b>", r => r.ReadBoolean()));
        Assert.Throws<SoapProtocolException>(() => Read("<i>99999999999</i>", r => r.ReadInt32()));
        Assert.Throws<SoapProtocolException>(() => Read("<d>not a date</d>", r => r.ReadDateTime()));
    }

    [Fact]
    public void Long_unparseable_values_are_cut_short_in_the_message()
    {
        string value = new string('x', 1000);
        SoapProtocolException ex = Assert.Throws<SoapProtocolException>(() => Read("<i>" + value + "</i>", r => r.ReadInt32()));
        Assert.True(ex.Message.Length < 300, ex.Message);
    }

    [Fact]
    public void A_struct_where_a_value_is_expected_is_an_error_not_silently_dropped()
    {
        Assert.Throws<SoapProtocolException>(() => Read("<s><a>1</a></s>", r => r.ReadString()));
    }

    [Fact]
    public void Structs_read_children_in_any_order_with_any_prefix_and_skip_unknowns()
    {
        string xml = "<p:person xmlns:p=\"urn:p\" " + Ns + " xsi:type=\"p:Person\">\n  <p:age xsi:type=\"xsd:int\">30</p:age>\n  <extra><deep>1</deep></extra>\n  <name>Ann</name>\n</p:person>";
        (string? name, int? age) = Read(xml, r =>
        {
            string? name = null;
            int? age = null;
            Assert.True(r.ReadStartStruct());
            while (r.ReadNextChild())
            {
                switch (r.LocalName)
                {
                    case "name": name = r.ReadString(); break;
                    case "age": age = r.ReadInt32(); break;
                    default: r.Skip(); break;
                }
            }

            return (name, age);
        });

        Assert.Equal("Ann", name);
        Assert.Equal(30, age);
    }

    [Fact]
    public void Nil_structs_are_null_and_empty_structs_are_present_without_members()
    {
        Assert.False(Read("<p " + Ns + " xsi:nil=\"true\"><x>ignored</x></p>", r => r.ReadStartStruct()));
        // An empty struct is present with no members; only nil is null.
        Assert.True(Read("<p/>", r => r.ReadStartStruct() && !r.ReadNextChild()));
    }

    [Fact]
    public void Arrays_accept_any_item_names_nil_items_nil_and_empty_arrays()
    {
        string xml = "<a " + Ns + " xsi:type=\"SOAP-ENC:Array\" xmlns:SOAP-ENC=\"http://schemas.xmlsoap.org/soap/encoding/\" SOAP-ENC:arrayType=\"xsd:int[3]\">" +
            "<item>1</item> <x:value xmlns:x=\"urn:x\">2</x:value><item xsi:nil=\"true\"/></a>";
        Assert.Equal(new int?[] { 1, 2, null }, Read(xml, r => r.ReadArray(i => i.ReadInt32())));
        Assert.Null(Read("<a " + Ns + " xsi:nil=\"true\"/>", r => r.ReadArray(i => i.ReadInt32())));
        Assert.Empty(Read("<a/>", r => r.ReadArray(i => i.ReadInt32()))!);
        Assert.Empty(Read("<a>\n</a>", r => r.ReadArray(i => i.ReadInt32()))!);
    }

    [Fact]
    public void Arrays_of_structs_read_each_item()
    {
        string xml = "<a><item><n>1</n></item><item><n>2</n></item></a>";
        int?[]? values = Read(xml, r => r.ReadArray(item =>
        {
            int? n = null;
            if (item.ReadStartStruct())
            {
                while (item.ReadNextChild())
                {
                    n = item.ReadInt32();
                }
            }

            return n;
        }));
        Assert.Equal(new int?[] { 1, 2 }, values);
    }

    [Fact]
    public void ReadXElement_returns_the_element_with_namespaces_usable()
    {
        string xml = "<root xmlns:t=\"urn:t\"><any xsi:type=\"t:Thing\" " + Ns + "><t:x>1</t:x></any><after/></root>";
        SoapReader reader = On(xml);
        reader.XmlReader.Read();
        XElement? any = reader.ReadXElement();
        Assert.NotNull(any);
        Assert.Equal("any", any!.Name.LocalName);
        Assert.Equal("1", any.Element(XName.Get("x", "urn:t"))!.Value);
        Assert.Equal("urn:t", any.GetNamespaceOfPrefix("t")?.NamespaceName);
        Assert.Equal("after", reader.LocalName);

        Assert.Null(Read("<any " + Ns + " xsi:nil=\"true\"/>", r => r.ReadXElement()));
    }

    [Fact]
    public void Attributes_are_read_before_entering_the_element_and_bad_values_name_the_attribute()
    {
        SoapReader reader = On("<f unit=\"C\" station=\" 42 \" empty=\"\"><city>Bern</city></f>");

        Assert.Equal("C", reader.ReadAttribute("unit", null));
        Assert.Equal(42, reader.ReadAttribute("station", null, "int", System.Xml.XmlConvert.ToInt32));
        Assert.Null(reader.ReadAttribute("empty", null, "int", System.Xml.XmlConvert.ToInt32));
        Assert.Null(reader.ReadAttribute("missing", null, "int", System.Xml.XmlConvert.ToInt32));
        Assert.True(reader.ReadStartStruct());

        SoapReader bad = On("<f station=\"forty-two\"/>");
        var ex = Assert.Throws<SoapProtocolException>(() => bad.ReadAttribute("station", null, "int", System.Xml.XmlConvert.ToInt32));
        Assert.Contains("@station", ex.Message);
        Assert.Contains("forty-two", ex.Message);
    }

    [Fact]
    public void A_single_part_is_read_whatever_its_name_and_further_children_are_skipped()
    {
        Assert.Equal(7, Read("<r><s-gensym3>7</s-gensym3><extra>8</extra></r>", r => r.ReadSinglePart(p => p.ReadInt32())));
        Assert.Equal("x", Read("<r><return>x</return></r>", r => r.ReadSinglePart(p => p.ReadString())));
        Assert.Null(Read("<r/>", r => r.ReadSinglePart(p => p.ReadInt32())));
        Assert.Null(Read("<r " + Ns + " xsi:nil=\"true\"/>", r => r.ReadSinglePart(p => p.ReadString())));
    }
}
