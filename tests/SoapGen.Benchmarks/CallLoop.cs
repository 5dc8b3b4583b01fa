using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace SoapGen.Benchmarks;

/// <summary>
/// <c>--call-loop OPERATION [--seconds N] [--in-flight K]</c>: K callers make SoapGen calls of one end-to-end operation
/// (<c>api_login</c>, <c>api_buy_license</c>, <c>api_get_license_types</c>, <c>api_licenses_get_client_invoices</c>)
/// back to back against the out-of-process server for N seconds, after a warm-up, and print the time per call. It
/// measures nothing by itself: it is the process to attach a profiler to (<c>perf record -p</c>, <c>dotnet-trace</c>), so
/// a profile shows the client alone, as the end-to-end benchmarks measure it.
/// </summary>
internal static class CallLoop
{
    private const int WarmUpCalls = 2000;

    public static async Task<int> RunAsync(string operation, int seconds, int inFlight)
    {
        using var server = new OutOfProcessServer();
        server.WarmUp();
        using var http = Clients.CreateHttpClient();
        InterServer.MyapiClient client = Clients.CreateSoapGen(http, server.Endpoint);
        Func<Task>? call = operation switch
        {
            "api_login" => () => client.ApiLoginAsync(Clients.User, Clients.Password),
            "api_buy_license" => () => client.ApiBuyLicenseAsync(CannedReplies.SessionId, Clients.Ip, Clients.LicenseType, Clients.Coupon),
            "api_get_license_types" => () => client.ApiGetLicenseTypesAsync(),
            "api_licenses_get_client_invoices" => () => client.ApiLicensesGetClientInvoicesAsync(CannedReplies.SessionId),
            _ => null,
        };
        if (call is null)
        {
            Console.Error.WriteLine("--call-loop: unknown operation '" + operation + "'");
            return 2;
        }

        for (int i = 0; i < WarmUpCalls; i++)
        {
            await call().ConfigureAwait(false);
        }

        // The process id first, so a profiler can be attached while the calls run.
        Console.WriteLine($"process {Environment.ProcessId}: {inFlight} in flight, {seconds} s of {operation}");
        long calls = 0;
        var clock = Stopwatch.StartNew();
        var deadline = TimeSpan.FromSeconds(seconds);
        await Task.WhenAll(Enumerable.Range(0, inFlight).Select(_ => Task.Run(Caller))).ConfigureAwait(false);
        Console.WriteLine($"{calls:N0} calls, {clock.Elapsed.TotalMilliseconds * 1000 / calls:F1} µs per call");
        return 0;

        async Task Caller()
        {
            while (clock.Elapsed < deadline)
            {
                await call().ConfigureAwait(false);
                Interlocked.Increment(ref calls);
            }
        }
    }
}
