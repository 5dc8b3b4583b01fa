using System;
using System.IO;
using System.Xml;
using System.Xml.Linq;

namespace SoapGen.Runtime.Tests;

/// <summary>
/// SOAP-encoded arrays beyond a complete list: arrays sent in part (SOAP 1.1 §5.4.2.1, <c>offset</c>), sparse arrays
/// (§5.4.2.2, <c>position</c> on items), and arrays of three or more dimensions, read from hand-written replies and
/// written with their shape.
/// </summary>
public class SoapArrayShapeTests
{
    private const string Enc = "xmlns:enc=\"http://schemas.xmlsoap.org/soap/encoding/\"";

    private static T Read<T>(string element, Func<SoapReader, T> read)
    {
        XmlReader xml = XmlReader.Create(new StringReader(element), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        xml.MoveToContent();
        var reader = new SoapReader(xml);
        T value = read(reader);
        Assert.True(reader.XmlReader.EOF || reader.XmlReader.NodeType == XmlNodeType.None, "the array was not consumed whole");
        return value;
    }

    private static int?[]? Ints(string element) => Read(element, r => r.ReadArray(i => i.ReadInt32()));

    [Fact]
    public void A_partial_array_places_its_items_from_the_offset_and_has_its_declared_size()
    {
        Assert.Equal(new int?[] { null, null, 3, 4, null }, Ints("<a " + Enc + " enc:arrayType=\"xsd:int[5]\" enc:offset=\"[2]\"><i>3</i><i>4</i></a>"));

        // Nothing sent: every item is missing, the size is still the declared one.
        Assert.Equal(new int?[] { null, null, null }, Ints("<a " + Enc + " enc:arrayType=\"xsd:int[3]\" enc:offset=\"[1]\"/>"));
    }

    [Fact]
    public void A_sparse_array_places_each_item_at_its_position()
    {
        Assert.Equal(new int?[] { null, 10, null, null, 40, null }, Ints("<a " + Enc + " enc:arrayType=\"xsd:int[6]\"><i enc:position=\"[4]\">40</i><i enc:position=\"[1]\">10</i></a>"));

        // An item without a position follows the one before it; items before the first positioned one keep their places.
        Assert.Equal(new int?[] { 1, null, null, 3, 4 }, Ints("<a " + Enc + " enc:arrayType=\"xsd:int[5]\"><i>1</i><i enc:position=\"[3]\">3</i><i>4</i></a>"));

        // Without a size the array ends at its last item.
        Assert.Equal(new int?[] { null, null, 7 }, Ints("<a " + Enc + " enc:arrayType=\"xsd:int[]\"><i enc:position=\"[2]\">7</i></a>"));

        // Strings: a missing item is null, not "".
        Assert.Equal(new[] { null, "b", null }, Read("<a " + Enc + " enc:arrayType=\"xsd:string[3]\"><i enc:position=\"[1]\">b</i></a>", r => r.ReadArray(i => i.ReadString())));
    }

    [Fact]
    public void Positions_in_a_two_dimensional_array_are_row_and_column()
    {
        string?[,]? grid = Read(
            "<a " + Enc + " enc:arrayType=\"xsd:string[2,3]\"><i enc:position=\"[1,2]\">last</i><i enc:position=\"[0,0]\">first</i><i>second</i></a>",
            r => r.ReadArray2D(i => i.ReadString()));

        Assert.Equal(new[,] { { "first", "second", null }, { null, null, "last" } }, grid);
    }

    [Theory]
    [InlineData("enc:arrayType=\"xsd:int[3]\"", "enc:position=\"[3]\"", "not a place in its 3 items")]
    [InlineData("enc:arrayType=\"xsd:int[3]\"", "enc:position=\"[-1]\"", "not a place")]
    [InlineData("enc:arrayType=\"xsd:int[3]\"", "enc:position=\"[1,1]\"", "not a place")]
    [InlineData("enc:arrayType=\"xsd:int[2,2]\"", "enc:position=\"[0,2]\"", "not a place in its 2×2 items")]
    [InlineData("enc:arrayType=\"xsd:int[]\"", "enc:position=\"[2000000000]\"", "beyond the most items")]
    public void A_place_outside_the_array_is_a_protocol_error(string shape, string position, string message)
    {
        var error = Assert.Throws<SoapProtocolException>(() => Ints("<a " + Enc + " " + shape + "><i " + position + ">1</i></a>"));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_huge_declared_size_of_a_partial_array_is_refused_before_anything_is_allocated()
    {
        // An item after the last place: the array is full.
        var full = Assert.Throws<SoapProtocolException>(() => Ints("<a " + Enc + " enc:arrayType=\"xsd:int[2]\" enc:offset=\"[1]\"><i>1</i><i>2</i></a>"));
        Assert.Contains("outside its 2 items", full.Message, StringComparison.Ordinal);

        var error = Assert.Throws<SoapProtocolException>(() => Ints("<a " + Enc + " enc:arrayType=\"xsd:int[2000000000]\" enc:offset=\"[0]\"><i>1</i></a>"));
        Assert.Contains(nameof(SoapReaderQuotas.MaxArrayLength), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_three_dimensional_array_reads_row_major_into_its_shape()
    {
        static string?[,,]? Read3D(string element) =>
            Read(element, r => r.ReadMultiDimensionalArray(3, i => i.ReadString(), static l => new string?[l[0], l[1], l[2]]));

        string items = "<i>a</i><i>b</i><i>c</i><i>d</i><i>e</i><i>f</i>";
        var expected = new[, ,] { { { "a", "b", "c" } }, { { "d", "e", "f" } } };
        Assert.Equal(expected, Read3D("<a " + Enc + " enc:arrayType=\"xsd:string[2,1,3]\">" + items + "</a>"));

        // SOAP 1.2 says the shape in arraySize.
        Assert.Equal(expected, Read3D("<a xmlns:enc=\"http://www.w3.org/2003/05/soap-encoding\" enc:itemType=\"xsd:string\" enc:arraySize=\"2 1 3\">" + items + "</a>"));

        // No shape: one row; nil: null; a sparse item at [1,0,2].
        Assert.Equal(new[, ,] { { { "a", "b", "c", "d", "e", "f" } } }, Read3D("<a>" + items + "</a>"));
        Assert.Null(Read3D("<a xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:nil=\"true\"/>"));
        Assert.Equal(new[, ,] { { { null, null, null } }, { { null, null, "z" } } }, Read3D("<a " + Enc + " enc:arrayType=\"xsd:string[2,1,3]\"><i enc:position=\"[1,0,2]\">z</i></a>"));

        // Value types keep a missing item as null.
        int?[,,]? numbers = Read("<a " + Enc + " enc:arrayType=\"xsd:int[1,2,2]\"><i>1</i><i>2</i><i>3</i><i>4</i></a>",
            r => r.ReadMultiDimensionalArray(3, i => i.ReadInt32(), static l => new int?[l[0], l[1], l[2]]));
        Assert.Equal(new int?[, ,] { { { 1, 2 }, { 3, 4 } } }, numbers);
    }

    [Fact]
    public void A_three_dimensional_array_whose_items_do_not_fill_its_shape_is_a_protocol_error()
    {
        var error = Assert.Throws<SoapProtocolException>(() => Read("<a " + Enc + " enc:arrayType=\"xsd:string[2,2,2]\"><i>a</i></a>",
            r => r.ReadMultiDimensionalArray(3, i => i.ReadString(), static l => new string?[l[0], l[1], l[2]])));
        Assert.Contains("declares 2×2×2 items and holds 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_factory_that_makes_the_wrong_array_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Read("<a " + Enc + " enc:arrayType=\"xsd:int[1,1,1]\"><i>1</i></a>",
            r => r.ReadMultiDimensionalArray(3, i => i.ReadInt32(), static l => new long?[l[0], l[1], l[2]])));
    }

    [Theory]
    [InlineData(SoapVersion.Soap11, "arrayType", "xsd:string[2,1,3]")]
    [InlineData(SoapVersion.Soap12, "arraySize", "2 1 3")]
    public void Arrays_of_three_dimensions_are_written_with_their_shape(SoapVersion version, string attribute, string expected)
    {
        XNamespace enc = version == SoapVersion.Soap12 ? "http://www.w3.org/2003/05/soap-encoding" : "http://schemas.xmlsoap.org/soap/encoding/";
        var text = new System.Text.StringBuilder();
        using (XmlWriter xml = XmlWriter.Create(text, new XmlWriterSettings { OmitXmlDeclaration = true }))
        {
            xml.WriteStartElement("Body");
            xml.WriteAttributeString("xmlns", "xsd", null, Soap.Xsd);
            xml.WriteAttributeString("xmlns", "xsi", null, Soap.Xsi);
            xml.WriteAttributeString("xmlns", "SOAP-ENC", null, enc.NamespaceName);
            var w = new SoapWriter(xml, version);
            w.WriteStartArray("a", null, Soap.Xsd, "string", 2, 1, 3);
            w.WriteEndElement();
            xml.WriteEndElement();
        }

        XElement array = XElement.Parse(text.ToString()).Element("a")!;
        Assert.Equal(expected, (string?)array.Attribute(enc + attribute));
    }
}
