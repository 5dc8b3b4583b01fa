using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;

namespace SoapGen.Interop.Tests;

/// <summary>
/// PHP ext/soap <c>SoapServer</c> test double of the SoftLayer SOAP API (tests/servers/softlayer/server.php) serving the
/// eight services of <c>wsdl/softlayer/</c> at <c>/soap/v3.1/&lt;Service&gt;</c> on a free loopback port; its state
/// (cancelled billing items, counters) lives in a temp directory of its own; its process group is killed on dispose.
/// </summary>
public sealed class SoftLayerPhpServer : IDisposable
{
    /// <summary>The <c>authenticate</c> header's username the server accepts.</summary>
    public const string Username = "SL-TEST";

    /// <summary>The <c>authenticate</c> header's apiKey the server accepts; any other gets SoftLayer_Exception_InvalidLegacyToken.</summary>
    public const string ApiKey = "0123456789abcdef";

    /// <summary>The caller's account (every SoftLayer_Account method is static and acts on it).</summary>
    public const int AccountId = 1234;

    private readonly PhpServerProcess _php;

    public SoftLayerPhpServer()
    {
        _php = new PhpServerProcess(
            Path.Combine(RepoPaths.Root, "tests", "servers", "softlayer", "server.php"),
            new Dictionary<string, string?>
            {
                ["SOAPGEN_SOFTLAYER_WSDL_DIR"] = Path.Combine(RepoPaths.Root, "wsdl", "softlayer"),
                ["PHP_CLI_SERVER_WORKERS"] = "4",
            },
            new[] { "soap", "dom" },
            PhpSoapServer.InstallHint,
            "the SoftLayer test server",
            stateVariable: "SOAPGEN_SOFTLAYER_STATE");
        try
        {
            // SoapServer serves its WSDL once it is up; a SOAP call would need a valid request.
            _php.WaitUntilAnswering(new Uri(EndpointFor("SoftLayer_Account"), "?wsdl"));
            Reset();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public int Port => _php.Port;

    /// <summary><c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri BaseUri => _php.BaseUri;

    /// <summary>What php -S printed so far; for failure messages.</summary>
    public string Log => _php.Log;

    /// <summary>The endpoint of one service, e.g. <c>http://127.0.0.1:PORT/soap/v3.1/SoftLayer_Account</c>
    /// (the WSDLs' soap:address points at api.softlayer.com: clients override it with this).</summary>
    public Uri EndpointFor(string service) => new(BaseUri, "soap/v3.1/" + service);

    /// <summary>Restores the fixtures (cancelled billing items come back) and clears the counters.</summary>
    public void Reset() => Control("reset");

    /// <summary>The counters as JSON: calls per Service::method, faults per code, the last headers seen (never the apiKey).</summary>
    public string StatsJson() => Control("stats");

    public void Dispose() => _php.Dispose();

    private string Control(string command) => _php.GetText("__control/" + command);
}
