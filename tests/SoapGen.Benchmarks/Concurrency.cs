using System;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace SoapGen.Benchmarks;

/// <summary>
/// <c>--concurrency [--calls N]</c>: N calls started at once through one client against the out-of-process server, for
/// a small and a large reply, for SoapGen, WCF, and plain HTTP (<see cref="HttpFloor"/>: SoapGen's request through a
/// bare HttpClient, the reply read and not parsed: what the server and the HTTP stack allow, the bound a SOAP client can
/// at best reach). Each contender runs
/// one round to warm up (JIT, connections) and is measured on the second. Printed per call: bytes allocated, peak
/// growth of the managed heap and of the working set while the calls were in flight, divided by N; and the thread pool:
/// threads before and at most, the most queued work items, the longest a work item queued every 10 ms waited (the
/// symptom of starvation); and the share of the round the GC had the process paused, with its gen-2 collections.
/// Figures, not a test: nothing is asserted.
/// </summary>
internal static class Concurrency
{
    public static async Task<int> RunAsync(int calls)
    {
        using var server = new OutOfProcessServer();
        server.WarmUp();
        using var http = Clients.CreateHttpClient();
        using var plain = Clients.CreateHttpClient();
        var floor = new HttpFloor(plain);
        var payloads = new (string Name, Uri Endpoint, int Rows)[]
        {
            ("invoices (20 x 14)", server.Endpoint, CannedReplies.InvoiceRows),
            ("invoices (500 x 14)", server.LargeEndpoint, CannedReplies.LargeInvoiceRows),
        };

        Console.WriteLine($"{calls:N0} calls in flight through one client ({RuntimeInformation.FrameworkDescription}, {Environment.ProcessorCount} cores, " +
            $"GC {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}); the second of two rounds");
        Console.WriteLine();
        Console.WriteLine("| Reply | Client | Calls/s | Allocated per call | Peak heap growth per call | Peak working set growth per call | Pool threads (before → max) | Max queued items | Max work item wait | GC pauses (share of the round) |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, endpoint, rows) in payloads)
        {
            var soapGen = Clients.CreateSoapGen(http, endpoint);
            var wcf = Clients.CreateWcf(endpoint);
            await Clients.VerifyInvoicesAsync(wcf, soapGen, rows);
            HttpFloor.Request request = await HttpFloor.RecordAsync(endpoint, c => c.ApiLicensesGetClientInvoicesAsync(CannedReplies.SessionId));
            int replyBytes = await floor.PostAsync(request);
            await RowAsync(name + $", {replyBytes / 1024.0:F1} KB", "HTTP only (no SOAP)", () => floor.PostAsync(request), calls);
            await RowAsync(name, "SoapGen", () => soapGen.ApiLicensesGetClientInvoicesAsync(CannedReplies.SessionId), calls);
            await RowAsync(name, "WCF", () => wcf.api_licenses_get_client_invoicesAsync(CannedReplies.SessionId), calls);
            wcf.Abort();
        }

        return 0;
    }

    private sealed record Result(double CallsPerSecond, long AllocatedPerCall, long HeapPerCall, long WorkingSetPerCall,
        int ThreadsBefore, int MaxThreads, long MaxQueued, double MaxWaitMs, double GcPauseShare, int Gen2);

    private static async Task RowAsync(string reply, string client, Func<Task> call, int calls)
    {
        Result r;
        try
        {
            r = await MeasureAsync(call, calls);
        }
        catch (Exception e)
        {
            // A client that cannot complete the round (WCF's default 1-minute SendTimeout, say) is a figure too.
            Console.WriteLine($"| {reply} | {client} | failed: {e.GetType().Name}: {BodyLine(e.Message)} | | | | | | | |");
            return;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {reply} | {client} | {r.CallsPerSecond:N0} | {Kb(r.AllocatedPerCall)} | {Kb(r.HeapPerCall)} | {Kb(r.WorkingSetPerCall)} | " +
            $"{r.ThreadsBefore} → {r.MaxThreads} | {r.MaxQueued:N0} | {r.MaxWaitMs:F1} ms | {r.GcPauseShare:P0}, {r.Gen2} gen2 |"));
    }

    private static string BodyLine(string message) => message.Length > 160 ? message.Substring(0, 160) + "…" : message.ReplaceLineEndings(" ");

    private static string Kb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:F1} KB");

    private static async Task<Result> MeasureAsync(Func<Task> call, int calls)
    {
        await AllAtOnce(call, calls);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        long heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        long workingSetBefore = Environment.WorkingSet;
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        int threadsBefore = ThreadPool.ThreadCount;
        TimeSpan pausedBefore = GC.GetTotalPauseDuration();
        int gen2Before = GC.CollectionCount(2);
        using var sampler = new Sampler();
        long start = Stopwatch.GetTimestamp();
        await AllAtOnce(call, calls);
        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        double paused = (GC.GetTotalPauseDuration() - pausedBefore).TotalSeconds;
        int gen2 = GC.CollectionCount(2) - gen2Before;
        sampler.Stop();
        return new Result(calls / seconds, allocated / calls, Math.Max(0, sampler.MaxHeap - heapBefore) / calls,
            Math.Max(0, sampler.MaxWorkingSet - workingSetBefore) / calls, threadsBefore, sampler.MaxThreads, sampler.MaxQueued, sampler.MaxWaitMs,
            paused / seconds, gen2);
    }

    private static Task AllAtOnce(Func<Task> call, int calls)
    {
        var tasks = new Task[calls];
        for (int i = 0; i < tasks.Length; i++)
        {
            tasks[i] = call();
        }

        return Task.WhenAll(tasks);
    }

    /// <summary>A dedicated thread (not the pool's) that samples memory and the thread pool every 10 ms.</summary>
    private sealed class Sampler : IDisposable
    {
        private readonly Thread _thread;
        private volatile bool _stop;

        public Sampler()
        {
            _thread = new Thread(Loop) { IsBackground = true, Name = "concurrency sampler" };
            _thread.Start();
        }

        public long MaxHeap { get; private set; }
        public long MaxWorkingSet { get; private set; }
        public int MaxThreads { get; private set; }
        public long MaxQueued { get; private set; }
        public double MaxWaitMs { get; private set; }

        private void Loop()
        {
            using var ran = new ManualResetEventSlim();
            while (!_stop)
            {
                MaxHeap = Math.Max(MaxHeap, GC.GetTotalMemory(forceFullCollection: false));
                MaxWorkingSet = Math.Max(MaxWorkingSet, Environment.WorkingSet);
                MaxThreads = Math.Max(MaxThreads, ThreadPool.ThreadCount);
                MaxQueued = Math.Max(MaxQueued, ThreadPool.PendingWorkItemCount);

                // How long a work item queued now waits to run: the pool's responsiveness while the calls are in flight.
                ran.Reset();
                long queued = Stopwatch.GetTimestamp();
                double waited = 0;
                ThreadPool.UnsafeQueueUserWorkItem(_ => { waited = Stopwatch.GetElapsedTime(queued).TotalMilliseconds; ran.Set(); }, null);
                ran.Wait();
                MaxWaitMs = Math.Max(MaxWaitMs, waited);
                Thread.Sleep(10);
            }
        }

        public void Stop()
        {
            _stop = true;
            _thread.Join();
        }

        public void Dispose() => Stop();
    }
}
