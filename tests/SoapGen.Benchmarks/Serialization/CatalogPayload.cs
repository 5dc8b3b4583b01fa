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
/// (c) wsdl/benchmark-catalog.wsdl: a document/literal wrapped reply of about 1 MB: categories of products, each a Book
/// or a Gadget (complexContent extensions of an abstract Product, chosen by <c>xsi:type</c>), with nested Money and
/// Dimensions, xsd:date, xsd:dateTime, xsd:decimal, optional and repeated members. The request is small.
/// </summary>
public sealed class CatalogPayload : SerializationPayload
{
    public const int Categories = 40;
    public const int ProductsPerCategory = 75;
    private const string Ns = "urn:soapgen:catalog";
    private static readonly DateTime Since = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private const decimal MaxPrice = 999.99m;
    private static readonly int[] CategoryIds = [1, 2, 3, 5, 8];

    private readonly GetCatalogResponse _catalog = Build();
    private readonly XmlSerializer _request = new(typeof(GetCatalog));
    private readonly XmlSerializer _reply = new(typeof(GetCatalogResponse));
    private Catalog.CatalogClient? _client;

    public CatalogPayload() => Reply = new UTF8Encoding(false).GetBytes(BuildReply(_catalog));

    public override byte[] Reply { get; }

    public override void UseGeneratedClient(HttpClient http) =>
        _client = new Catalog.CatalogClient(http, new SoapGen.Runtime.SoapClientOptions { Endpoint = new Uri("http://127.0.0.1/catalog") });

    public override async Task<object?> GeneratedAsync() =>
        await _client!.GetCatalogAsync(new DateTimeOffset(Since), MaxPrice, [.. CategoryIds.Select(id => (int?)id)]).ConfigureAwait(false);

    public override object? XmlSerializer(MemoryStream request)
    {
        using (XmlWriter writer = XmlWriter.Create(request, SafeXml.WriterSettings))
        {
            SafeXml.WriteEnvelopeStart(writer);
            _request.Serialize(writer, new GetCatalog { since = Since, maxPrice = MaxPrice, category = CategoryIds });
            SafeXml.WriteEnvelopeEnd(writer);
        }

        using XmlReader reader = SafeXml.CreateReader(Reply);
        SafeXml.MoveToBodyContent(reader);
        return _reply.Deserialize(reader);
    }

    public override object? HandWritten(MemoryStream request)
    {
        using (XmlWriter writer = XmlWriter.Create(request, SafeXml.WriterSettings))
        {
            SafeXml.WriteEnvelopeStart(writer);
            writer.WriteStartElement("GetCatalog", Ns);
            writer.WriteElementString("since", Ns, XmlConvert.ToString(Since, XmlDateTimeSerializationMode.RoundtripKind));
            writer.WriteElementString("maxPrice", Ns, XmlConvert.ToString(MaxPrice));
            foreach (int id in CategoryIds)
            {
                writer.WriteElementString("category", Ns, XmlConvert.ToString(id));
            }

            writer.WriteEndElement();
            SafeXml.WriteEnvelopeEnd(writer);
        }

        using XmlReader reader = SafeXml.CreateReader(Reply);
        SafeXml.MoveToBodyContent(reader);
        return HandWrittenCatalogReader.Read(reader);
    }

    public override IReadOnlyList<string> Expected() => DescribeSvcutil(_catalog);

    public override IReadOnlyList<string> DescribeGenerated(object? result)
    {
        var catalog = (Catalog.GetCatalogResult?)result ?? throw new InvalidOperationException("generated: no result");
        var lines = new List<string> { Values.Line(catalog.Generated) };
        foreach (Catalog.Category c in catalog.Category ?? [])
        {
            lines.Add(Values.Line(c.Id, c.Title, c.Product?.Length));
            foreach (Catalog.Product p in c.Product ?? [])
            {
                string common = Values.Line(p.Sku, p.Name, p.Price?.Amount, p.Price?.Currency, p.Released, p.Updated, p.Tag);
                lines.Add(p switch
                {
                    Catalog.Book b => Values.Line("Book", common, b.Author, b.Pages),
                    Catalog.Gadget g => Values.Line("Gadget", common, g.Dimensions?.Width, g.Dimensions?.Height, g.Dimensions?.Depth, g.WarrantyMonths),
                    _ => Values.Line(p.GetType().Name, common),
                });
            }
        }

        return lines;
    }

    public override IReadOnlyList<string> DescribeSvcutil(object? result)
    {
        var catalog = (GetCatalogResponse?)result ?? throw new InvalidOperationException("svcutil: no result");
        var lines = new List<string> { Values.Line(catalog.generated) };
        foreach (Category c in catalog.category ?? [])
        {
            lines.Add(Values.Line(c.id, c.title, c.product?.Length));
            foreach (Product p in c.product ?? [])
            {
                string common = Values.Line(p.sku, p.name, p.price?.amount, p.price?.currency, DateOnly.FromDateTime(p.released), p.updated, p.tag);
                lines.Add(p switch
                {
                    Book b => Values.Line("Book", common, b.author, b.pages),
                    Gadget g => Values.Line("Gadget", common, g.dimensions?.width, g.dimensions?.height, g.dimensions?.depth,
                        g.warrantyMonthsSpecified ? g.warrantyMonths : null),
                    _ => Values.Line(p.GetType().Name, common),
                });
            }
        }

        return lines;
    }

    private static readonly string[][] Tags = [[], ["new"], ["sale", "gift"], ["bestseller", "signed", "limited <ed.> & co"]];
    private static readonly string[] Currencies = ["EUR", "USD", "CHF"];

    private static GetCatalogResponse Build() => new()
    {
        generated = new DateTime(2024, 6, 1, 12, 0, 0, DateTimeKind.Utc),
        category = Enumerable.Range(0, Categories).Select(c => new Category
        {
            id = c + 1,
            title = "Category " + (c + 1).ToString(CultureInfo.InvariantCulture) + (c % 2 == 0 ? " — Bücher & Geräte" : ""),
            product = Enumerable.Range(0, ProductsPerCategory).Select(p => Product(c * ProductsPerCategory + p)).ToArray(),
        }).ToArray(),
    };

    private static Product Product(int i)
    {
        Product product = i % 2 == 0
            ? new Book { author = "Author " + (i % 97).ToString(CultureInfo.InvariantCulture) + (i % 5 == 0 ? " Müller" : ""), pages = 100 + i % 900 }
            : new Gadget
            {
                dimensions = new Dimensions { width = 10.5 + i % 30, height = 0.25 * (i % 40), depth = 1.0 / (1 + i % 7) },
                warrantyMonths = 12 * (1 + i % 3),
                warrantyMonthsSpecified = i % 3 != 0,
            };
        product.sku = "SKU-" + i.ToString("D6", CultureInfo.InvariantCulture);
        product.name = (i % 2 == 0 ? "The book of " : "Gadget ") + i.ToString(CultureInfo.InvariantCulture) + (i % 4 == 1 ? " <pro> & \"max\"" : "");
        product.price = new Money { amount = decimal.Round(1.99m + i % 500 * 1.37m, 2), currency = Currencies[i % 3] };
        product.released = new DateTime(2020, 1, 1).AddDays(i % 1500);
        product.updated = new DateTime(2024, 5, 1, 8, 15, 30, DateTimeKind.Utc).AddMilliseconds(i * 12345L);
        string[] tags = Tags[i % Tags.Length];
        product.tag = tags.Length == 0 ? null : tags;
        return product;
    }

    private static string BuildReply(GetCatalogResponse catalog)
    {
        // As a .NET or Java document/literal service writes it: a default namespace, xsi:type with an unprefixed QName.
        var sb = new StringBuilder(1 << 20);
        sb.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?><s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>");
        sb.Append("<GetCatalogResponse xmlns=\"urn:soapgen:catalog\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">");
        Element(sb, "generated", XmlConvert.ToString(catalog.generated, XmlDateTimeSerializationMode.RoundtripKind));
        foreach (Category c in catalog.category)
        {
            sb.Append("<category>");
            Element(sb, "id", XmlConvert.ToString(c.id));
            Element(sb, "title", c.title);
            foreach (Product p in c.product)
            {
                sb.Append("<product xsi:type=\"").Append(p is Book ? "Book" : "Gadget").Append("\">");
                Element(sb, "sku", p.sku);
                Element(sb, "name", p.name);
                sb.Append("<price>");
                Element(sb, "amount", XmlConvert.ToString(p.price.amount));
                Element(sb, "currency", p.price.currency);
                sb.Append("</price>");
                Element(sb, "released", p.released.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                Element(sb, "updated", XmlConvert.ToString(p.updated, XmlDateTimeSerializationMode.RoundtripKind));
                foreach (string tag in p.tag ?? [])
                {
                    Element(sb, "tag", tag);
                }

                if (p is Book b)
                {
                    Element(sb, "author", b.author);
                    Element(sb, "pages", XmlConvert.ToString(b.pages));
                }
                else if (p is Gadget g)
                {
                    sb.Append("<dimensions>");
                    Element(sb, "width", XmlConvert.ToString(g.dimensions.width));
                    Element(sb, "height", XmlConvert.ToString(g.dimensions.height));
                    Element(sb, "depth", XmlConvert.ToString(g.dimensions.depth));
                    sb.Append("</dimensions>");
                    if (g.warrantyMonthsSpecified)
                    {
                        Element(sb, "warrantyMonths", XmlConvert.ToString(g.warrantyMonths));
                    }
                }

                sb.Append("</product>");
            }

            sb.Append("</category>");
        }

        return sb.Append("</GetCatalogResponse></s:Body></s:Envelope>").ToString();
    }

    private static void Element(StringBuilder sb, string name, string value) =>
        sb.Append('<').Append(name).Append('>').Append(PhpEnvelope.Escape(value)).Append("</").Append(name).Append('>');
}
