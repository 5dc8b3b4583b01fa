using System;
using System.Collections.Generic;
using System.IO;

namespace SoapGen.Interop.Tests;

/// <summary>
/// The SOAPBuilders echo server (tests/servers/soapbuilders/server.php) for the Round 3 (groups D, E, F) and Round 4
/// (groups H, I) WSDLs: one php -S process serving every one of them, each at its own path (<see cref="Endpoint"/>).
/// The WSDLs are read from ../shared (or the files the variables name); their soap:address is relative or a
/// placeholder ("test://"), so clients get these endpoints explicitly.
/// </summary>
public sealed class SoapBuildersR34PhpServer : IDisposable
{
    /// <summary>Service path => (variable, path under ../shared/wsdl-corpus/php-src-soap/ext/soap/tests/interop/).</summary>
    public static readonly IReadOnlyDictionary<string, (string Variable, string CorpusPath)> Services = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["round3/doclit"] = ("SOAPGEN_R3_DOCLIT_WSDL", "Round3/GroupD/round3_groupD_doclit.wsdl"),
        ["round3/doclitparams"] = ("SOAPGEN_R3_DOCLITPARAMS_WSDL", "Round3/GroupD/round3_groupD_doclitparams.wsdl"),
        ["round3/rpcenc"] = ("SOAPGEN_R3_RPCENC_WSDL", "Round3/GroupD/round3_groupD_rpcenc.wsdl"),
        ["round3/compound1"] = ("SOAPGEN_R3_COMPOUND1_WSDL", "Round3/GroupD/round3_groupD_compound1.wsdl"),
        ["round3/compound2"] = ("SOAPGEN_R3_COMPOUND2_WSDL", "Round3/GroupD/round3_groupD_compound2.wsdl"),
        ["round3/emptysa"] = ("SOAPGEN_R3_EMPTYSA_WSDL", "Round3/GroupD/round3_groupD_emptysa.wsdl"),
        ["round3/import1"] = ("SOAPGEN_R3_IMPORT1_WSDL", "Round3/GroupD/round3_groupD_import1.wsdl"),
        ["round3/import2"] = ("SOAPGEN_R3_IMPORT2_WSDL", "Round3/GroupD/round3_groupD_import2.wsdl"),
        ["round3/import3"] = ("SOAPGEN_R3_IMPORT3_WSDL", "Round3/GroupD/round3_groupD_import3.wsdl"),
        ["round3/list"] = ("SOAPGEN_R3_LIST_WSDL", "Round3/GroupE/round3_groupE_list.wsdl"),
        ["round3/ext"] = ("SOAPGEN_R3_EXT_WSDL", "Round3/GroupF/round3_groupF_ext.wsdl"),
        ["round3/extreq"] = ("SOAPGEN_R3_EXTREQ_WSDL", "Round3/GroupF/round3_groupF_extreq.wsdl"),
        ["round3/headers"] = ("SOAPGEN_R3_HEADERS_WSDL", "Round3/GroupF/round3_groupF_headers.wsdl"),
        ["round4/complexDoclit"] = ("SOAPGEN_R4_COMPLEX_DOCLIT_WSDL", "Round4/GroupH/round4_groupH_complex_doclit.wsdl"),
        ["round4/complexRpcenc"] = ("SOAPGEN_R4_COMPLEX_RPCENC_WSDL", "Round4/GroupH/round4_groupH_complex_rpcenc.wsdl"),
        ["round4/simpleDoclit"] = ("SOAPGEN_R4_SIMPLE_DOCLIT_WSDL", "Round4/GroupH/round4_groupH_simple_doclit.wsdl"),
        ["round4/simpleRpcenc"] = ("SOAPGEN_R4_SIMPLE_RPCENC_WSDL", "Round4/GroupH/round4_groupH_simple_rpcenc.wsdl"),
        ["round4/soapfault"] = ("SOAPGEN_R4_SOAPFAULT_WSDL", "Round4/GroupH/round4_groupH_soapfault.wsdl"),
        ["round4/xsd"] = ("SOAPGEN_R4_XSD_WSDL", "Round4/GroupI/round4_groupI_xsd.wsdl"),
        ["round4/xsd12"] = ("SOAPGEN_R4_XSD_WSDL", "Round4/GroupI/round4_groupI_xsd.wsdl"),  // its SOAP 1.2 port
    };

    private readonly PhpServerProcess _php;

    public SoapBuildersR34PhpServer()
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach ((string variable, string corpusPath) in Services.Values)
        {
            environment[variable] = SoapBuildersCorpus.WsdlPath(variable, corpusPath);
        }

        _php = new PhpServerProcess(
            Path.Combine(RepoPaths.Root, "tests", "servers", "soapbuilders", "server.php"),
            environment,
            new[] { "soap", "dom" },
            PhpSoapServer.InstallHint,
            "the SOAPBuilders Round 3/4 echo server");
        try
        {
            _php.WaitUntilAnswering(new Uri(Endpoint("round3/doclit"), "?wsdl"));
        }
        catch
        {
            Dispose();
            throw;
        }
    }


    /// <summary>The endpoint of one service (a key of <see cref="Services"/>), e.g. <c>round4/xsd</c>.</summary>
    public Uri Endpoint(string service) => Services.ContainsKey(service)
        ? new Uri(_php.BaseUri, service)
        : throw new ArgumentException($"no SOAPBuilders service {service}; one of {string.Join(", ", Services.Keys)}", nameof(service));

    /// <summary>What php -S printed so far; for failure messages.</summary>
    public string Log => _php.Log;

    public void Dispose() => _php.Dispose();

}
