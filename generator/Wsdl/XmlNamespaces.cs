namespace SoapGen.Generator.Wsdl;

internal static class XmlNamespaces
{
    public const string Wsdl = "http://schemas.xmlsoap.org/wsdl/";
    public const string Soap11Binding = "http://schemas.xmlsoap.org/wsdl/soap/";
    public const string Soap12Binding = "http://schemas.xmlsoap.org/wsdl/soap12/";
    public const string Xsd = "http://www.w3.org/2001/XMLSchema";
    public const string Xsd1999 = "http://www.w3.org/1999/XMLSchema";
    public const string SoapEncoding = "http://schemas.xmlsoap.org/soap/encoding/";
    public const string Soap12Encoding = "http://www.w3.org/2003/05/soap-encoding";
}
