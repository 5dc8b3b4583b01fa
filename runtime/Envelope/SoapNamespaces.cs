namespace SoapGen.Runtime;

/// <summary>The namespace URIs and prefixes of the SOAP envelope; one place so writer, reader and transport agree.</summary>
internal static class SoapNamespaces
{
    public const string Envelope11 = "http://schemas.xmlsoap.org/soap/envelope/";
    public const string Envelope12 = "http://www.w3.org/2003/05/soap-envelope";
    public const string Encoding11 = "http://schemas.xmlsoap.org/soap/encoding/";
    public const string Encoding12 = "http://www.w3.org/2003/05/soap-encoding";
    public const string Xsd = "http://www.w3.org/2001/XMLSchema";
    public const string Xsi = "http://www.w3.org/2001/XMLSchema-instance";
    public const string Xmlns = "http://www.w3.org/2000/xmlns/";
    public const string Xml = "http://www.w3.org/XML/1998/namespace";

    // The prefixes PHP ext/soap and nusoap use: strict servers and people reading wire dumps both expect them.
    public const string EnvelopePrefix = "SOAP-ENV";
    public const string EncodingPrefix = "SOAP-ENC";
    public const string XsdPrefix = "xsd";
    public const string XsiPrefix = "xsi";

    public static string EnvelopeFor(SoapVersion version) => version == SoapVersion.Soap12 ? Envelope12 : Envelope11;

    public static string EncodingFor(SoapVersion version) => version == SoapVersion.Soap12 ? Encoding12 : Encoding11;

    public static bool IsEnvelope(string ns) => ns == Envelope11 || ns == Envelope12;
}
