using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using Weather;

namespace SoapGen.Interop.Tests;

/// <summary>
/// PHP ext/soap <c>SoapServer</c> serving the document/literal <c>wsdl/weather.wsdl</c> (tests/servers/weather/server.php)
/// on a free loopback port; started once for <see cref="WeatherDocumentLiteralTests"/>, its process group killed on dispose.
/// </summary>
public sealed class WeatherPhpServer : IDisposable
{
    private readonly PhpServerProcess _php;

    public WeatherPhpServer()
    {
        _php = new PhpServerProcess(
            Path.Combine(RepoPaths.Root, "tests", "servers", "weather", "server.php"),
            new Dictionary<string, string?> { ["SOAPGEN_WSDL"] = Path.Combine(RepoPaths.Root, "wsdl", "weather.wsdl") },
            new[] { "soap", "dom" },
            PhpSoapServer.InstallHint,
            "the weather test server");
        Endpoint = new Uri(_php.BaseUri, "weather");
        try
        {
            // SoapServer serves its WSDL once it is up; a SOAP call would need a valid request.
            _php.WaitUntilAnswering(new Uri(Endpoint, "?wsdl"));
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public int Port => _php.Port;

    public Uri Endpoint { get; }

    /// <summary>What php -S printed so far; for failure messages.</summary>
    public string Log => _php.Log;

    /// <summary>A client whose exchanges (headers and bodies) <paramref name="recorder"/> records.</summary>
    public WeatherClient CreateClient(RecordingHandler recorder) => new(new HttpClient(recorder) { Timeout = TimeSpan.FromSeconds(60) }, Endpoint);

    public void Dispose() => _php.Dispose();
}
