using System;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using SoapGen.SoapCoreServer;

namespace SoapGen.Interop.Tests;

/// <summary>
/// The SoapCore (ASP.NET Core, XmlSerializer) test service of tests/servers/soapcore, hosted in this process on a free
/// loopback port (Kestrel binds port 0): SOAP 1.1 at <see cref="Soap11Endpoint"/>, SOAP 1.2 at <see cref="Soap12Endpoint"/>.
/// Started once per test class, stopped on dispose. Its saved WSDLs are wsdl/soapcore/soapcore11.wsdl and soapcore12.wsdl.
/// </summary>
public sealed class SoapCoreServer : IAsyncLifetime
{
    /// <summary>The contract's namespace: operations, wrappers, data types and the fault detail.</summary>
    public const string ServiceNamespace = Ns.Service;

    /// <summary>What refreshes the saved WSDLs, for failure messages.</summary>
    public const string RefreshCommand = "wsdl/soapcore/refresh.sh (or: dotnet run --project tests/servers/soapcore -- --save-wsdl \"$PWD/wsdl/soapcore\")";

    private SoapCoreHost? _host;

    private SoapCoreHost Host => _host ?? throw new InvalidOperationException("The SoapCore server has not been started.");

    /// <summary><c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri BaseUri => Host.BaseUri;

    public Uri Soap11Endpoint => Host.Soap11Endpoint;

    public Uri Soap12Endpoint => Host.Soap12Endpoint;

    public static string SavedWsdlPath(string fileName) => Path.Combine(RepoPaths.Root, "wsdl", "soapcore", fileName);

    /// <summary>The served WSDL of one endpoint (<c>/soap11.asmx</c>, <c>/soap12.asmx</c>), normalized as the saved copies are.</summary>
    public Task<string> FetchWsdlAsync(string path) => SoapCoreTestServer.FetchWsdlAsync(BaseUri, path);

    public HttpClient CreateHttpClient() => new() { Timeout = TimeSpan.FromSeconds(60) };

    public async Task InitializeAsync() => _host = await SoapCoreTestServer.StartAsync(port: 0);

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
            _host = null;
        }
    }
}
