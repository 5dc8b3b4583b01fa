using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace SoapGen.SoapCoreServer;

/// <summary>
/// Standalone: <c>dotnet run --project tests/servers/soapcore -- --urls http://127.0.0.1:5099</c> serves until Ctrl+C.
/// <c>-- --save-wsdl DIR</c> starts on a free loopback port, writes DIR/soapcore11.wsdl and DIR/soapcore12.wsdl
/// (normalized as the tests compare them) and exits.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        int save = Array.IndexOf(args, "--save-wsdl");
        if (save >= 0)
        {
            if (save + 1 >= args.Length)
            {
                await Console.Error.WriteLineAsync("usage: --save-wsdl <directory>").ConfigureAwait(false);
                return 2;
            }

            string dir = Path.GetFullPath(args[save + 1]);
            Directory.CreateDirectory(dir);
            await using SoapCoreHost host = await SoapCoreTestServer.StartAsync().ConfigureAwait(false);
            foreach ((string file, string path) in new[] { ("soapcore11.wsdl", SoapCoreTestServer.Soap11Path), ("soapcore12.wsdl", SoapCoreTestServer.Soap12Path) })
            {
                string wsdl = await SoapCoreTestServer.FetchWsdlAsync(host.BaseUri, path).ConfigureAwait(false);
                await File.WriteAllTextAsync(Path.Combine(dir, file), wsdl).ConfigureAwait(false);
                Console.WriteLine($"wrote {Path.Combine(dir, file)}");
            }

            return 0;
        }

        if (!args.Any(a => a.StartsWith("--urls", StringComparison.Ordinal)))
        {
            args = [.. args, "--urls", "http://127.0.0.1:5099"];
        }

        await using SoapCoreHost running = await SoapCoreTestServer.StartAsync(args, handleConsoleSignals: true).ConfigureAwait(false);
        Console.WriteLine($"SOAP 1.1: {running.Soap11Endpoint}  SOAP 1.2: {running.Soap12Endpoint}  (append ?wsdl for the WSDL; Ctrl+C stops)");
        await running.WaitForShutdownAsync().ConfigureAwait(false);
        return 0;
    }
}
