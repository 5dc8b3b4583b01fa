using System;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace SoapGen.Client.Tests;

/// <summary>
/// Serves two rpc/encoded operations of interserver.wsdl on loopback, as PHP's SoapServer answers them: <c>api_login</c>
/// returns <c>sid-N</c> (N counts logins) for the password <c>right</c> and an empty string for any other, and
/// <c>api_get_ima</c> returns <c>ima for SID</c>, echoing the session id it was sent.
/// </summary>
public sealed class InterServerServer : IAsyncDisposable
{
    private readonly LoopbackServer _server;
    private int _logins;
    private int _calls;

    public InterServerServer()
    {
        _server = new LoopbackServer(RespondAsync);
    }

    public Uri Endpoint => _server.Endpoint;

    /// <summary>How many api_login requests arrived (right password or not).</summary>
    public int Logins => Volatile.Read(ref _logins);

    /// <summary>How many api_get_ima requests arrived.</summary>
    public int Calls => Volatile.Read(ref _calls);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task RespondAsync(LoopbackRequest request, Stream stream, CancellationToken cancellationToken)
    {
        string result;
        if (request.Body.Contains("api_login", StringComparison.Ordinal))
        {
            int login = Interlocked.Increment(ref _logins);
            string password = Regex.Match(request.Body, "<password[^>]*>([^<]*)</password>").Groups[1].Value;
            result = password == "right" ? "sid-" + login : string.Empty;
        }
        else
        {
            Interlocked.Increment(ref _calls);
            result = "ima for " + Regex.Match(request.Body, "<sid[^>]*>([^<]*)</sid>").Groups[1].Value;
        }

        string operation = Regex.Match(request.Body, "<\\w+:(api_\\w+)").Groups[1].Value;
        await LoopbackServer.WriteAsync(
            stream,
            200,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\" " +
            "xmlns:ns1=\"urn:myapi\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" " +
            "SOAP-ENV:encodingStyle=\"http://schemas.xmlsoap.org/soap/encoding/\"><SOAP-ENV:Body><ns1:" + operation + "Response>" +
            "<return xsi:type=\"xsd:string\">" + result + "</return></ns1:" + operation + "Response></SOAP-ENV:Body></SOAP-ENV:Envelope>");
    }
}
