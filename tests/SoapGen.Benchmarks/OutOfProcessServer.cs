using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace SoapGen.Benchmarks;

/// <summary>
/// Starts tests/SoapGen.Benchmarks.Server (Kestrel, canned replies) as a child process on 127.0.0.1 and a port it picks,
/// so the benchmark process holds only the client: its time and its allocations are the client's.
/// Disposing closes the child's standard input, which stops it; a child that does not stop is killed.
/// </summary>
internal sealed class OutOfProcessServer : IDisposable
{
    private readonly Process _process;

    public OutOfProcessServer()
    {
        string dll = ServerPath();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + dll);
        string? line = _process.StandardOutput.ReadLine();
        if (line is null || !line.StartsWith("listening ", StringComparison.Ordinal))
        {
            Dispose();
            throw new InvalidOperationException("The benchmark server did not start (its first line: '" + line + "').");
        }

        BaseUri = new Uri(line.Substring("listening ".Length));
    }

    public Uri BaseUri { get; }

    /// <summary>The four operations, UTF-8 replies.</summary>
    public Uri Endpoint => new(BaseUri, "api.php");

    /// <summary>api_licenses_get_client_invoices with <see cref="CannedReplies.LargeInvoiceRows"/> rows.</summary>
    public Uri LargeEndpoint => new(BaseUri, "large/api.php");

    /// <summary>The four operations in ISO-8859-1, as NuSOAP (the live InterServer server) sends them.</summary>
    public Uri Latin1Endpoint => new(BaseUri, "latin1/api.php");

    public int ProcessId => _process.Id;

    /// <summary>Warms the server's own code paths with a raw socket request, so no client's HTTP stack is warmed.</summary>
    public void WarmUp()
    {
        for (int i = 0; i < 3; i++)
        {
            using var tcp = new TcpClient();
            tcp.Connect(IPAddress.Loopback, BaseUri.Port);
            using var stream = tcp.GetStream();
            stream.Write(Encoding.ASCII.GetBytes(
                $"POST /api.php HTTP/1.1\r\nHost: 127.0.0.1:{BaseUri.Port}\r\nSOAPAction: \"{CannedReplies.ActionPrefix}api_login\"\r\n" +
                "Content-Type: text/xml\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
            stream.CopyTo(Stream.Null);
        }
    }

    public void Dispose()
    {
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(5000))
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited already.
        }

        _process.Dispose();
    }

    // Where the build put the server (SoapGen.Benchmarks.csproj bakes the path in): BenchmarkDotNet runs this assembly
    // from a generated project's folder, so a path relative to it would not find the server.
    private static string ServerPath()
    {
        string? path = typeof(OutOfProcessServer).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "SoapGen.Benchmarks.Server")?.Value;
        if (path is null || !File.Exists(path))
        {
            throw new FileNotFoundException(
                "The benchmark server is not built at '" + path + "': build tests/SoapGen.Benchmarks (it builds the server) in the same configuration.");
        }

        return path;
    }
}
