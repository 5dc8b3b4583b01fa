using System.Linq;
using System.Xml.Linq;

namespace SoapGen.Runtime.Tests;

/// <summary>
/// The shape helpers generated serializers call instead of writing the same statements per member: the XML must be what
/// the per-member code wrote (a SOAP-encoded array: its arrayType and count, an unqualified <c>item</c> per value, nil items kept).
/// </summary>
public class SoapValueWritersTests
{
    private const string ItemNs = "urn:test";

    // Stands in for a generated WriteT: the element, nil for null, otherwise xsi:type when encoded and the value.
    private static void WritePoint(SoapWriter writer, string localName, string? ns, string? value, bool encoded)
    {
        writer.WriteStartElement(localName, ns);
        if (value is null)
        {
            writer.WriteNil();
        }
        else
        {
            if (encoded)
            {
                writer.WriteXsiType(ItemNs, "Point");
            }

            writer.WriteString("x", null, value, encoded: false);
        }

        writer.WriteEndElement();
    }

    [Fact]
    public void An_encoded_array_names_its_item_type_and_count_and_writes_each_item_in_order()
    {
        XElement body = Soap.WriteBody(w => SoapValueWriters.WriteEncodedArray(w, "points", null, ItemNs, "Point", new[] { "a", null, "c" }, true, WritePoint));

        XElement array = body.Element("points")!;
        string arrayType = (string)array.Attribute(XName.Get("arrayType", Soap.Enc11))!;
        Assert.EndsWith(":Point[3]", arrayType);
        Assert.Equal(ItemNs, array.GetNamespaceOfPrefix(arrayType.Split(':')[0])!.NamespaceName);
        Assert.Equal(new[] { "item", "item", "item" }, array.Elements().Select(e => e.Name.ToString()));
        Assert.Equal(new[] { "a", "", "c" }, array.Elements().Select(e => e.Value));
        Assert.Equal("true", (string?)array.Elements().ElementAt(1).Attribute(XName.Get("nil", Soap.Xsi)));
        Assert.All(array.Elements().Where(e => e.Value.Length > 0), e => Assert.EndsWith(":Point", (string)e.Attribute(XName.Get("type", Soap.Xsi))!));
    }

    [Fact]
    public void A_null_array_is_nil_and_an_empty_one_has_no_items()
    {
        XElement body = Soap.WriteBody(w =>
        {
            SoapValueWriters.WriteEncodedArray<string?>(w, "none", "urn:member", ItemNs, "Point", null, true, WritePoint);
            SoapValueWriters.WriteEncodedArray(w, "empty", null, ItemNs, "Point", new string?[0], false, WritePoint);
        });

        XElement none = body.Element(XName.Get("none", "urn:member"))!;
        Assert.Equal("true", (string?)none.Attribute(XName.Get("nil", Soap.Xsi)));
        Assert.Null(none.Attribute(XName.Get("arrayType", Soap.Enc11)));
        XElement empty = body.Element("empty")!;
        Assert.EndsWith(":Point[0]", (string)empty.Attribute(XName.Get("arrayType", Soap.Enc11))!);
        Assert.Empty(empty.Elements());
    }

    private static void WriteName(SoapWriter writer, string value, bool encoded) => writer.WriteString("name", null, value, encoded: false);

    // A "derived" value (here: one starting with "d:") is written by the dispatch, with its own xsi:type.
    private static bool WriteDerived(SoapWriter writer, string value, bool encoded)
    {
        if (!value.StartsWith("d:", System.StringComparison.Ordinal))
        {
            return false;
        }

        writer.WriteXsiType(ItemNs, "Derived");
        WriteName(writer, value, encoded);
        return true;
    }

    [Fact]
    public void A_record_is_nil_or_its_xsi_type_when_encoded_and_its_content_and_a_derived_value_has_the_derived_type()
    {
        XElement body = Soap.WriteBody(w =>
        {
            SoapValueWriters.WriteRecord<string>(w, "nil", null, null, true, ItemNs, "Base", WriteName, WriteDerived);
            SoapValueWriters.WriteRecord(w, "encoded", "urn:member", "b", true, ItemNs, "Base", WriteName, WriteDerived);
            SoapValueWriters.WriteRecord(w, "literal", null, "b", false, ItemNs, "Base", WriteName, WriteDerived);
            SoapValueWriters.WriteRecord(w, "anonymous", null, "b", true, ItemNs, null, WriteName);
            SoapValueWriters.WriteRecord(w, "derived", null, "d:x", false, ItemNs, "Base", WriteName, WriteDerived);
        });

        XName type = XName.Get("type", Soap.Xsi);
        Assert.Equal("true", (string?)body.Element("nil")!.Attribute(XName.Get("nil", Soap.Xsi)));
        Assert.Empty(body.Element("nil")!.Elements());
        XElement encoded = body.Element(XName.Get("encoded", "urn:member"))!;
        Assert.EndsWith(":Base", (string)encoded.Attribute(type)!);
        Assert.Equal("b", encoded.Element("name")!.Value);
        Assert.Null(body.Element("literal")!.Attribute(type));
        Assert.Equal("b", body.Element("literal")!.Element("name")!.Value);
        Assert.Null(body.Element("anonymous")!.Attribute(type));
        XElement derived = body.Element("derived")!;
        Assert.EndsWith(":Derived", (string)derived.Attribute(type)!);
        Assert.Equal(new[] { "d:x" }, derived.Elements().Select(e => e.Value));
    }
}
