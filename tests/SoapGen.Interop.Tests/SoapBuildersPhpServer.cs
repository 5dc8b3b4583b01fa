using System;
using System.Collections.Generic;
using System.IO;

namespace SoapGen.Interop.Tests;

/// <summary>
/// PHP ext/soap <c>SoapServer</c> echoing every operation of the SOAPBuilders interop Round 2 WSDLs
/// (tests/servers/soapbuilders/server.php) on a free loopback port: round2_base.wsdl at <see cref="BaseEndpoint"/>,
/// round2_groupB.wsdl at <see cref="GroupBEndpoint"/>. The WSDLs are third-party files read from ../shared (or the
/// files the variables name); their soap:address is relative, so clients get these endpoints explicitly. Its process
/// group is killed on dispose.
/// </summary>
public sealed class SoapBuildersPhpServer : IDisposable
{
    public const string BaseWsdlVariable = "SOAPGEN_ROUND2_BASE_WSDL";
    public const string GroupBWsdlVariable = "SOAPGEN_ROUND2_GROUPB_WSDL";

    private readonly PhpServerProcess _php;

    public SoapBuildersPhpServer()
    {
        BaseWsdlPath = SoapBuildersCorpus.WsdlPath(BaseWsdlVariable, "Round2/Base/round2_base.wsdl");
        GroupBWsdlPath = SoapBuildersCorpus.WsdlPath(GroupBWsdlVariable, "Round2/GroupB/round2_groupB.wsdl");
        _php = new PhpServerProcess(
            Path.Combine(RepoPaths.Root, "tests", "servers", "soapbuilders", "server.php"),
            new Dictionary<string, string?>
            {
                [BaseWsdlVariable] = BaseWsdlPath,
                [GroupBWsdlVariable] = GroupBWsdlPath,
            },
            new[] { "soap", "dom" },
            PhpSoapServer.InstallHint,
            "the SOAPBuilders Round 2 echo server");
        BaseEndpoint = new Uri(_php.BaseUri, "round2/base");
        GroupBEndpoint = new Uri(_php.BaseUri, "round2/groupB");
        try
        {
            // SoapServer serves its WSDL once it is up; a SOAP call would need a valid request.
            _php.WaitUntilAnswering(new Uri(BaseEndpoint, "?wsdl"));
        }
        catch
        {
            Dispose();
            throw;
        }
    }


    public string BaseWsdlPath { get; }

    public string GroupBWsdlPath { get; }

    /// <summary><c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri BaseUri => _php.BaseUri;

    /// <summary>round2_base.wsdl's port (<c>InteropTestPort</c>).</summary>
    public Uri BaseEndpoint { get; }

    /// <summary>round2_groupB.wsdl's port (<c>interopTestPortB</c>).</summary>
    public Uri GroupBEndpoint { get; }

    /// <summary>What php -S printed so far; for failure messages.</summary>
    public string Log => _php.Log;

    public void Dispose() => _php.Dispose();

}
