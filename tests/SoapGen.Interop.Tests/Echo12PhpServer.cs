using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using Echo12;

namespace SoapGen.Interop.Tests;

/// <summary>PHP ext/soap <c>SoapServer</c> in SOAP 1.2 mode serving <c>wsdl/echo12.wsdl</c> on a free loopback port.</summary>
public sealed class Echo12PhpServer : IDisposable
{
    private readonly PhpServerProcess _php;

    public Echo12PhpServer()
    {
        _php = new PhpServerProcess(
            Path.Combine(RepoPaths.Root, "tests", "servers", "echo12", "server.php"),
            new Dictionary<string, string?> { ["SOAPGEN_WSDL"] = Path.Combine(RepoPaths.Root, "wsdl", "echo12.wsdl") },
            new[] { "soap" },
            PhpSoapServer.InstallHint,
            "the SOAP 1.2 test server");
        Endpoint = new Uri(_php.BaseUri, "echo12");
        try
        {
            _php.WaitUntilAnswering(new Uri(Endpoint, "?wsdl"));
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public Uri Endpoint { get; }

    public Echo12Client CreateClient(RecordingHandler recorder) => new(new HttpClient(recorder) { Timeout = TimeSpan.FromSeconds(60) }, Endpoint);

    public void Dispose() => _php.Dispose();
}
