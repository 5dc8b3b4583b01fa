using System;
using System.Collections.Generic;
using System.Globalization;
using System.Xml;

namespace SoapGen.Benchmarks.Serialization;

/// <summary>The hand-written reader of the catalog reply: one method per type, xsi:type dispatch for products.</summary>
internal static class HandWrittenCatalogReader
{
    private const string Ns = "urn:soapgen:catalog";

    public static GetCatalogResponse Read(XmlReader reader)
    {
        var result = new GetCatalogResponse();
        var categories = new List<Category>();
        if (!Start(reader, "GetCatalogResponse"))
        {
            return result;
        }

        while (reader.MoveToContent() == XmlNodeType.Element)
        {
            switch (reader.LocalName)
            {
                case "generated": result.generated = DateTime(reader); break;
                case "category": categories.Add(ReadCategory(reader)); break;
                default: reader.Skip(); break;
            }
        }

        reader.ReadEndElement();
        result.category = categories.ToArray();
        return result;
    }

    private static Category ReadCategory(XmlReader reader)
    {
        var category = new Category();
        List<Product>? products = null;
        if (!Start(reader, "category"))
        {
            return category;
        }

        while (reader.MoveToContent() == XmlNodeType.Element)
        {
            switch (reader.LocalName)
            {
                case "id": category.id = reader.ReadElementContentAsInt(); break;
                case "title": category.title = reader.ReadElementContentAsString(); break;
                case "product": (products ??= new List<Product>(64)).Add(ReadProduct(reader)); break;
                default: reader.Skip(); break;
            }
        }

        reader.ReadEndElement();
        category.product = products?.ToArray();
        return category;
    }

    private static Product ReadProduct(XmlReader reader)
    {
        // xsi:type names the derived type; its prefix (none here: the default namespace) resolves like any QName.
        string? type = reader.GetAttribute("type", SafeXml.Xsi);
        string localType = type is null ? "" : type[(type.IndexOf(':') + 1)..];
        string? typeNs = type is null ? null : reader.LookupNamespace(type.IndexOf(':') is int colon and > 0 ? type[..colon] : "");
        Product product = localType switch
        {
            "Book" when typeNs == Ns => new Book(),
            "Gadget" when typeNs == Ns => new Gadget(),
            _ => throw new XmlException("product: xsi:type '" + type + "' is not a known Product"),
        };
        if (!Start(reader, "product"))
        {
            return product;
        }

        List<string>? tags = null;
        while (reader.MoveToContent() == XmlNodeType.Element)
        {
            switch (reader.LocalName)
            {
                case "sku": product.sku = reader.ReadElementContentAsString(); break;
                case "name": product.name = reader.ReadElementContentAsString(); break;
                case "price": product.price = ReadMoney(reader); break;
                case "released":
                    product.released = DateOnly.ParseExact(reader.ReadElementContentAsString(), "yyyy-MM-dd", CultureInfo.InvariantCulture).ToDateTime(TimeOnly.MinValue);
                    break;
                case "updated": product.updated = DateTime(reader); break;
                case "tag": (tags ??= new List<string>(4)).Add(reader.ReadElementContentAsString()); break;
                case "author" when product is Book book: book.author = reader.ReadElementContentAsString(); break;
                case "pages" when product is Book book: book.pages = reader.ReadElementContentAsInt(); break;
                case "dimensions" when product is Gadget gadget: gadget.dimensions = ReadDimensions(reader); break;
                case "warrantyMonths" when product is Gadget gadget:
                    gadget.warrantyMonths = reader.ReadElementContentAsInt();
                    gadget.warrantyMonthsSpecified = true;
                    break;
                default: reader.Skip(); break;
            }
        }

        reader.ReadEndElement();
        product.tag = tags?.ToArray();
        return product;
    }

    private static Money ReadMoney(XmlReader reader)
    {
        var money = new Money();
        if (!Start(reader, "price"))
        {
            return money;
        }

        while (reader.MoveToContent() == XmlNodeType.Element)
        {
            switch (reader.LocalName)
            {
                case "amount": money.amount = reader.ReadElementContentAsDecimal(); break;
                case "currency": money.currency = reader.ReadElementContentAsString(); break;
                default: reader.Skip(); break;
            }
        }

        reader.ReadEndElement();
        return money;
    }

    private static Dimensions ReadDimensions(XmlReader reader)
    {
        var dimensions = new Dimensions();
        if (!Start(reader, "dimensions"))
        {
            return dimensions;
        }

        while (reader.MoveToContent() == XmlNodeType.Element)
        {
            switch (reader.LocalName)
            {
                case "width": dimensions.width = reader.ReadElementContentAsDouble(); break;
                case "height": dimensions.height = reader.ReadElementContentAsDouble(); break;
                case "depth": dimensions.depth = reader.ReadElementContentAsDouble(); break;
                default: reader.Skip(); break;
            }
        }

        reader.ReadEndElement();
        return dimensions;
    }

    private static DateTime DateTime(XmlReader reader) =>
        XmlConvert.ToDateTimeOffset(reader.ReadElementContentAsString()).UtcDateTime;

    // Enters an element; false (and past it) when it is empty.
    private static bool Start(XmlReader reader, string localName)
    {
        if (reader.LocalName != localName || reader.NamespaceURI != Ns)
        {
            throw new XmlException("Expected <" + localName + "> in " + Ns + ", found <" + reader.LocalName + "> in '" + reader.NamespaceURI + "'");
        }

        if (reader.IsEmptyElement)
        {
            reader.Read();
            return false;
        }

        reader.ReadStartElement();
        return true;
    }
}
