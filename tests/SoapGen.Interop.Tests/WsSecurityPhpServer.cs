using System;
using System.Collections.Generic;
using System.IO;

namespace SoapGen.Interop.Tests;

/// <summary>
/// tests/servers/wssecurity/server.php, which verifies WS-Security UsernameTokens itself (digest per the OASIS formula,
/// one use per nonce, fresh Created, Timestamp), on a free loopback port; started once for
/// <see cref="UsernameTokenInteropTests"/>, its process group killed on dispose.
/// </summary>
public sealed class WsSecurityPhpServer : IDisposable
{
    public const string User = "alice";
    public const string Password = "Wonderland-42";
    public const string TextUser = "bob";
    public const string TextPassword = "Bu1lder&<pw>";

    private readonly PhpServerProcess _php;

    public WsSecurityPhpServer()
    {
        _php = new PhpServerProcess(
            Path.Combine(RepoPaths.Root, "tests", "servers", "wssecurity", "server.php"),
            new Dictionary<string, string?>(),
            new[] { "dom" },
            PhpSoapServer.InstallHint,
            "the WS-Security test server",
            stateVariable: "SOAPGEN_WSSECURITY_STATE");
        Endpoint = new Uri(_php.BaseUri, "secure");
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

    /// <summary>What php -S printed so far; for failure messages.</summary>
    public string Log => _php.Log;

    public void Dispose() => _php.Dispose();
}
