namespace SoapGen.Runtime;

/// <summary>The SOAP protocol version an endpoint speaks.</summary>
public enum SoapVersion
{
    /// <summary>SOAP 1.1: <c>text/xml</c> and a <c>SOAPAction</c> header.</summary>
    Soap11,

    /// <summary>SOAP 1.2: <c>application/soap+xml</c> with the action as a content-type parameter.</summary>
    Soap12,
}
