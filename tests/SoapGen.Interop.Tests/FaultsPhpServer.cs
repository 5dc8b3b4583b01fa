using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;

namespace SoapGen.Interop.Tests;

/// <summary>
/// PHP ext/soap <c>SoapServer</c> serving both ports of the typed-fault test WSDL <c>wsdl/faults.wsdl</c>
/// (tests/servers/faults/server.php) on a free loopback port: SOAP 1.1 at <see cref="Soap11Endpoint"/>, SOAP 1.2 at
/// <see cref="Soap12Endpoint"/>; its process group is killed on dispose. See wsdl/faults.README.md for the fault XML.
/// </summary>
public sealed class FaultsPhpServer : IDisposable
{
    /// <summary>The WSDL's target namespace: body elements and the fault detail elements.</summary>
    public const string FaultsNamespace = "urn:soapgen:faults";

    /// <summary>The magnitude beyond which Divide answers the Overflow fault (its detail's <c>limit</c>).</summary>
    public const long OverflowLimit = 1_000_000;

    private readonly PhpServerProcess _php;

    public FaultsPhpServer()
    {
        _php = new PhpServerProcess(
            Path.Combine(RepoPaths.Root, "tests", "servers", "faults", "server.php"),
            new Dictionary<string, string?> { ["SOAPGEN_FAULTS_WSDL"] = WsdlPath },
            new[] { "soap", "dom" },
            PhpSoapServer.InstallHint,
            "the typed-fault test server");
        Soap11Endpoint = new Uri(_php.BaseUri, "faults11");
        Soap12Endpoint = new Uri(_php.BaseUri, "faults12");
        try
        {
            // SoapServer serves its WSDL once it is up; a SOAP call would need a valid request.
            _php.WaitUntilAnswering(new Uri(Soap11Endpoint, "?wsdl"));
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public static string WsdlPath => Path.Combine(RepoPaths.Root, "wsdl", "faults.wsdl");

    public int Port => _php.Port;

    /// <summary><c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri BaseUri => _php.BaseUri;

    /// <summary>Port <c>FaultsSoap11</c>: SOAP 1.1 only (<c>text/xml</c>).</summary>
    public Uri Soap11Endpoint { get; }

    /// <summary>Port <c>FaultsSoap12</c>: SOAP 1.2 only (<c>application/soap+xml</c>).</summary>
    public Uri Soap12Endpoint { get; }

    /// <summary>What php -S printed so far; for failure messages.</summary>
    public string Log => _php.Log;

    /// <summary>GET of a path relative to <see cref="BaseUri"/> (e.g. <c>faults11?wsdl</c>); throws unless it answers 200.</summary>
    public string GetText(string path) => _php.GetText(path);

    public void Dispose() => _php.Dispose();
}
