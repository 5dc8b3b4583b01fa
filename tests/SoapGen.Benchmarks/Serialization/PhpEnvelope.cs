using System.Globalization;
using System.Text;

namespace SoapGen.Benchmarks.Serialization;

/// <summary>Reply envelopes in PHP ext/soap's shape (as CannedReplies): <c>ns1:</c> for the body namespace, <c>xsi:type</c> on every value.</summary>
internal static class PhpEnvelope
{
    public static string Start => StartFor("urn:myapi");

    public const string End = "</SOAP-ENV:Body></SOAP-ENV:Envelope>";

    public static string StartFor(string ns1, string? ns2 = null) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" +
        "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:ns1=\"" + ns1 + "\" " +
        (ns2 is null ? "" : "xmlns:ns2=\"" + ns2 + "\" ") +
        "xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" " +
        "xmlns:SOAP-ENC=\"http://schemas.xmlsoap.org/soap/encoding/\" " +
        "SOAP-ENV:encodingStyle=\"http://schemas.xmlsoap.org/soap/encoding/\"><SOAP-ENV:Body>";

    public static void Int(StringBuilder sb, string name, int value) =>
        sb.Append('<').Append(name).Append(" xsi:type=\"xsd:int\">").Append(value.ToString(CultureInfo.InvariantCulture)).Append("</").Append(name).Append('>');

    public static void Float(StringBuilder sb, string name, float value) =>
        sb.Append('<').Append(name).Append(" xsi:type=\"xsd:float\">").Append(value.ToString("R", CultureInfo.InvariantCulture)).Append("</").Append(name).Append('>');

    public static void Str(StringBuilder sb, string name, string value)
    {
        if (value.Length == 0)
        {
            sb.Append('<').Append(name).Append(" xsi:type=\"xsd:string\"/>");
            return;
        }

        sb.Append('<').Append(name).Append(" xsi:type=\"xsd:string\">").Append(Escape(value)).Append("</").Append(name).Append('>');
    }

    public static string Escape(string value) =>
        value.Replace("&", "&amp;", System.StringComparison.Ordinal).Replace("<", "&lt;", System.StringComparison.Ordinal).Replace(">", "&gt;", System.StringComparison.Ordinal);
}
