using System;
using System.Net.Http;
using System.Threading.Tasks;

namespace SoapGen.Benchmarks;

/// <summary>
/// What "first call" means for SoapGen: a new HttpClient and client and one api_login, nothing warmed. Compiled into
/// the benchmark (run under JIT next to WCF's) and into the Native AOT app, so both measure the same code.
/// </summary>
internal static class FirstSoapGenCall
{
    public static async Task<string?> RunAsync(Uri endpoint)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false });
        var client = new InterServer.MyapiClient(http, endpoint);
        return await client.ApiLoginAsync("test@example.com", "secret").ConfigureAwait(false);
    }
}
