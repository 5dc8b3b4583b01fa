using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading.Tasks;

namespace SoapGen.Benchmarks;

/// <summary>
/// <c>--first-call [--runs N]</c>: the first call in a fresh process. Publishes tests/SoapGen.Benchmarks.FirstCall with
/// Native AOT, starts the out-of-process server, then launches N times each: this assembly as a child for WCF and for
/// SoapGen under JIT (<c>--first-call-child wcf|soapgen|http URL</c>; <c>http</c> is the same POST through a bare
/// HttpClient, the floor for any client built on it), and the AOT binary. Each child times, from the start
/// of its Main, a new client and one api_login; the parent also times the whole process (start to exit, which adds
/// the runtime's own start-up). Prints medians and ratios. Not a BenchmarkDotNet benchmark: BDN's ColdStart strategy
/// runs its first iteration in a process that has already run BDN's engine and the benchmark's set-up.
/// </summary>
internal static class FirstCall
{
    private const string Marker = "first-call-ms ";

    public static async Task<int> ChildAsync(string client, Uri endpoint)
    {
        long start = Stopwatch.GetTimestamp();
        string? sid = client switch
        {
            "wcf" => await WcfAsync(endpoint),
            "http" => await HttpOnlyAsync(endpoint),
            _ => await FirstSoapGenCall.RunAsync(endpoint),
        };
        double ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        if (sid is null || !sid.Contains(CannedReplies.SessionId, StringComparison.Ordinal))
        {
            Console.Error.WriteLine("unexpected api_login result: " + sid);
            return 1;
        }

        Console.WriteLine(Marker + ms.ToString("F3", CultureInfo.InvariantCulture));
        return 0;
    }

    // Like FirstSoapGenCall: a new client (ClientBase + its ChannelFactory) and one call. Closing is not timed.
    private static async Task<string> WcfAsync(Uri endpoint)
    {
        var client = Clients.CreateWcf(endpoint);
        string sid = await client.api_loginAsync(Clients.User, Clients.Password);
        client.Abort();
        return sid;
    }

    // The request SoapGen sends for api_login, posted with a bare HttpClient and the reply kept as text: no SOAP at all.
    private static async Task<string> HttpOnlyAsync(Uri endpoint)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false });
        using var content = new StringContent(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>" +
            "<q1:api_login xmlns:q1=\"urn:myapi\"><username>" + Clients.User + "</username><password>" + Clients.Password + "</password></q1:api_login>" +
            "</soap:Body></soap:Envelope>", Encoding.UTF8, "text/xml");
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = content };
        request.Headers.TryAddWithoutValidation("SOAPAction", "\"" + CannedReplies.ActionPrefix + "api_login\"");
        using var response = await http.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }

    public static async Task<int> RunAsync(int runs)
    {
        string aotBinary = PublishAot();
        long aotBytes = new FileInfo(aotBinary).Length;

        using var server = new OutOfProcessServer();
        server.WarmUp();
        string endpoint = server.Endpoint.ToString();
        string self = typeof(FirstCall).Assembly.Location;
        var contenders = new (string Name, string File, string[] Args)[]
        {
            ("WCF (JIT)", "dotnet", [self, "--first-call-child", "wcf", endpoint]),
            ("HttpClient alone, no SOAP (JIT)", "dotnet", [self, "--first-call-child", "http", endpoint]),
            ("SoapGen (JIT)", "dotnet", [self, "--first-call-child", "soapgen", endpoint]),
            ("SoapGen (Native AOT)", aotBinary, [endpoint]),
        };

        var firstCall = contenders.Select(_ => new List<double>()).ToArray();
        var process = contenders.Select(_ => new List<double>()).ToArray();
        for (int run = 0; run < runs; run++)
        {
            // Interleaved, so a burst of load elsewhere on the machine hits every contender alike.
            for (int c = 0; c < contenders.Length; c++)
            {
                var (inMain, whole) = await LaunchAsync(contenders[c].File, contenders[c].Args);
                firstCall[c].Add(inMain);
                process[c].Add(whole);
            }
        }

        Console.WriteLine();
        Console.WriteLine($"First call in a fresh process: new client + api_login, median of {runs} runs ({RuntimeInformation.FrameworkDescription}, {Environment.ProcessorCount} cores)");
        Console.WriteLine();
        Console.WriteLine("| Client | First call (Main to reply) | Ratio to WCF | Process start to exit | Ratio to WCF |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        double wcfFirst = Median(firstCall[0]), wcfProcess = Median(process[0]);
        for (int c = 0; c < contenders.Length; c++)
        {
            double first = Median(firstCall[c]), whole = Median(process[c]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {contenders[c].Name} | {first:F1} ms | {first / wcfFirst:F3} | {whole:F1} ms | {whole / wcfProcess:F3} |"));
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Native AOT binary: {aotBytes / (1024.0 * 1024.0):F1} MiB ({aotBytes:N0} bytes)"));
        // contenders: 0 WCF, 1 HttpClient alone, 2 SoapGen JIT, 3 SoapGen AOT.
        double jitSpeedup = wcfFirst / Median(firstCall[2]);
        double aotFirst = Median(firstCall[3]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Targets: SoapGen JIT first call {jitSpeedup:F1}x faster than WCF's (target >= 10x): {(jitSpeedup >= 10 ? "met" : "MISSED")}; " +
            $"Native AOT first call {aotFirst:F1} ms (target < 20 ms): {(aotFirst < 20 ? "met" : "MISSED")}"));
        return 0;
    }

    private static async Task<(double FirstCallMs, double ProcessMs)> LaunchAsync(string file, string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        long begin = Stopwatch.GetTimestamp();
        using var child = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + file);
        Task<string> stdout = child.StandardOutput.ReadToEndAsync();
        Task<string> stderr = child.StandardError.ReadToEndAsync();
        await child.WaitForExitAsync();
        double whole = Stopwatch.GetElapsedTime(begin).TotalMilliseconds;
        string output = await stdout;
        string? line = output.Split('\n').FirstOrDefault(l => l.StartsWith(Marker, StringComparison.Ordinal));
        if (child.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed (exit {child.ExitCode}): {output} {await stderr}");
        }

        return (double.Parse(line.AsSpan(Marker.Length), CultureInfo.InvariantCulture), whole);
    }

    private static string PublishAot()
    {
        string project = typeof(FirstCall).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .First(a => a.Key == "SoapGen.Benchmarks.FirstCall").Value!;
        string rid = (OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux") + "-" +
            RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant();
        string output = Path.Combine(Path.GetDirectoryName(project)!, "bin", "aot", rid);
        Console.WriteLine($"Publishing {Path.GetFileName(project)} with Native AOT ({rid}) to {output} ...");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in new[] { "publish", project, "-c", "Release", "-r", rid, "-o", output, "-nologo" })
        {
            start.ArgumentList.Add(arg);
        }

        using var publish = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet publish");
        Task<string> stdout = publish.StandardOutput.ReadToEndAsync();
        Task<string> stderr = publish.StandardError.ReadToEndAsync();
        publish.WaitForExit();
        string log = stdout.Result + stderr.Result;
        if (publish.ExitCode != 0 || log.Contains("warning IL", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("dotnet publish (Native AOT) failed or warned; install the Native AOT prerequisites (clang, zlib1g-dev):\n" + log);
        }

        string binary = Path.Combine(output, OperatingSystem.IsWindows() ? "SoapGen.Benchmarks.FirstCall.exe" : "SoapGen.Benchmarks.FirstCall");
        return File.Exists(binary) ? binary : throw new FileNotFoundException("The Native AOT binary was not published", binary);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
