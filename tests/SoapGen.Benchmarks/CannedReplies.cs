using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SoapGen.Benchmarks;

/// <summary>
/// rpc/encoded replies shaped exactly like PHP ext/soap's (tests/servers/interserver, captured from server.php):
/// <c>ns1:</c> for urn:myapi, <c>xsi:type</c> on every value, SOAP-ENC arrays of <c>item</c>, <c>xsi:nil</c> on an int.
/// The data follows fixtures.php (non-ASCII text, XML specials, empty strings, 34.95, 0), with more rows.
/// </summary>
internal static class CannedReplies
{
    public const string ActionPrefix = "https://my.interserver.net/api.php/";
    public const string SessionId = "95791279750e981a928335993604943e";
    public const int LicenseTypeRows = 20;
    public const int InvoiceRows = 20;

    /// <summary>Rows of the large reply (<c>/large/api.php</c>): about 430 KB, past the large-object-heap threshold.</summary>
    public const int LargeInvoiceRows = 500;

    private const string EnvelopeStart =
        "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:ns1=\"urn:myapi\" " +
        "xmlns:SOAP-ENC=\"http://schemas.xmlsoap.org/soap/encoding/\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" " +
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" " +
        "SOAP-ENV:encodingStyle=\"http://schemas.xmlsoap.org/soap/encoding/\"><SOAP-ENV:Body>";
    private const string EnvelopeEnd = "</SOAP-ENV:Body></SOAP-ENV:Envelope>";

    private static readonly string[] Descriptions = { "VPS Zürich café", "Licence a <b> & \"c\" 'd'", "" };
    private static readonly float[] Amounts = { 34.95f, 0f, 10.5f };

    /// <summary>Reply bodies (without the XML declaration) per operation name.</summary>
    public static IReadOnlyDictionary<string, string> Bodies { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["api_login"] = Wrap("api_login", "<return xsi:type=\"xsd:string\">" + SessionId + "</return>"),
        ["api_buy_license"] = Wrap("api_buy_license",
            "<return xsi:type=\"ns1:buy_license_return\"><status xsi:type=\"xsd:string\">ok</status>" +
            "<status_text xsi:type=\"xsd:string\">Order placed. api_buy_license(ip=192.0.2.9, type=10682, coupon=SPRING)</status_text>" +
            "<invoice xsi:type=\"xsd:int\">0</invoice><cost xsi:type=\"xsd:float\">34.95</cost></return>"),
        ["api_get_license_types"] = Wrap("api_get_license_types", LicenseTypes()),
        ["api_licenses_get_client_invoices"] = Wrap("api_licenses_get_client_invoices", Invoices(InvoiceRows)),
    };

    /// <summary>The large reply body: api_licenses_get_client_invoices with <see cref="LargeInvoiceRows"/> rows.</summary>
    public static string LargeInvoices { get; } = Wrap("api_licenses_get_client_invoices", Invoices(LargeInvoiceRows));

    /// <summary>The expected license type row <paramref name="i"/> (fixtures.php's three special rows, repeated).</summary>
    public static (int Id, string Name, float Cost) LicenseType(int i) => (i % 3) switch
    {
        0 => (5006 + i, "Softaculous " + i.ToString(CultureInfo.InvariantCulture), 3f),
        1 => (10682 + i, "cPanel Zürich café a <b> & \"c\" 'd'", 34.95f),
        _ => (0, "", 0f),
    };

    public static string Envelope(string operation, Encoding encoding) => WithDeclaration(Bodies[operation], encoding);

    public static string WithDeclaration(string body, Encoding encoding) =>
        "<?xml version=\"1.0\" encoding=\"" + encoding.WebName.ToUpperInvariant() + "\"?>\n" + body;

    private static string Wrap(string operation, string inner) =>
        EnvelopeStart + "<ns1:" + operation + "Response>" + inner + "</ns1:" + operation + "Response>" + EnvelopeEnd;

    private static string LicenseTypes()
    {
        var sb = new StringBuilder();
        sb.Append("<return SOAP-ENC:arrayType=\"ns1:license_type[").Append(LicenseTypeRows).Append("]\" xsi:type=\"ns1:license_types\">");
        for (int i = 0; i < LicenseTypeRows; i++)
        {
            var (id, name, cost) = LicenseType(i);
            sb.Append("<item xsi:type=\"ns1:license_type\">");
            Int(sb, "services_id", id);
            Str(sb, "services_name", name);
            Float(sb, "services_cost", cost);
            sb.Append("</item>");
        }
        return sb.Append("</return>").ToString();
    }

    private static string Invoices(int rows)
    {
        var sb = new StringBuilder();
        sb.Append("<return SOAP-ENC:arrayType=\"ns1:sql_row_invoices[").Append(rows).Append("]\" xsi:type=\"ns1:array_sql_row_invoices\">");
        for (int i = 0; i < rows; i++)
        {
            string date = new DateTime(2024, 1, 15, 10, 30, 0).AddDays(i).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            sb.Append("<item xsi:type=\"ns1:sql_row_invoices\">");
            Int(sb, "invoices_id", 90001 + i);
            Str(sb, "invoices_description", Descriptions[i % 3]);
            Float(sb, "invoices_amount", Amounts[i % 3]);
            Int(sb, "invoices_custid", 1001 + i);
            Int(sb, "invoices_type", 0);
            Str(sb, "invoices_date", date);
            Int(sb, "invoices_group", 0);
            sb.Append("<invoices_extra xsi:nil=\"true\"/>");
            Int(sb, "invoices_paid", i % 2);
            Str(sb, "invoices_module", i % 2 == 0 ? "licenses" : "");
            Str(sb, "invoices_due_date", date);
            Int(sb, "invoices_service", 5000 + i);
            Int(sb, "invoices_deleted", 0);
            Str(sb, "invoices_currency", "USD");
            sb.Append("</item>");
        }
        return sb.Append("</return>").ToString();
    }

    private static void Int(StringBuilder sb, string name, int value) =>
        sb.Append('<').Append(name).Append(" xsi:type=\"xsd:int\">").Append(value.ToString(CultureInfo.InvariantCulture)).Append("</").Append(name).Append('>');

    private static void Float(StringBuilder sb, string name, float value) =>
        sb.Append('<').Append(name).Append(" xsi:type=\"xsd:float\">").Append(value.ToString("R", CultureInfo.InvariantCulture)).Append("</").Append(name).Append('>');

    private static void Str(StringBuilder sb, string name, string value)
    {
        if (value.Length == 0)
        {
            sb.Append('<').Append(name).Append(" xsi:type=\"xsd:string\"/>");
            return;
        }
        sb.Append('<').Append(name).Append(" xsi:type=\"xsd:string\">")
          .Append(value.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal))
          .Append("</").Append(name).Append('>');
    }
}
