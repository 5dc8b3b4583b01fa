using System.Net.Http;

namespace SoapGen.Runtime;

/// <summary>
/// Keys of what the transport puts in <see cref="HttpRequestMessage.Options"/> of every SOAP request, so a
/// <see cref="DelegatingHandler"/> (a resilience predicate, a log, a metric) can tell which operation it carries:
/// <c>request.Options.TryGetValue(SoapHttpRequestOptions.OperationName, out string? operation)</c>.
/// </summary>
public static class SoapHttpRequestOptions
{
    /// <summary>The operation's name as the WSDL spells it (<c>api_login</c>, <c>GetForecast</c>); always set.</summary>
    public static readonly HttpRequestOptionsKey<string> OperationName = new("SoapGen.OperationName");

    /// <summary>The operation's SOAP action; set only when the binding declares one.</summary>
    public static readonly HttpRequestOptionsKey<string> SoapAction = new("SoapGen.SoapAction");
}
