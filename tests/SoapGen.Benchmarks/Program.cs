using System;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Running;

namespace SoapGen.Benchmarks;

public static class Program
{
    /// <summary>
    /// <c>--smoke</c>: checks that both clients decode the same values and prints the WCF findings (no benchmarks).
    /// <c>--smoke-serializers</c>: checks that the serializer benchmarks' contenders read and write the same values.
    /// <c>--first-call [--runs N]</c>: the first call in fresh processes, JIT and Native AOT (<see cref="FirstCall"/>).
    /// <c>--concurrency [--calls N]</c>: N calls in flight through one client (<see cref="Concurrency"/>).
    /// <c>--build-cost</c>: the generator's build cost, as a table (<see cref="BuildCost.BuildCostTable"/>).
    /// <c>--call-loop OPERATION [--seconds N] [--in-flight K]</c>: SoapGen calls in a loop, to profile (<see cref="CallLoop"/>).
    /// Anything else goes to BenchmarkDotNet, e.g. <c>--filter '*' --job short</c>.
    /// </summary>
    public static async Task<int> Main(string[] args)
    {
        if (args is ["--first-call-child", var client, var endpoint])
        {
            return await FirstCall.ChildAsync(client, new Uri(endpoint));
        }

        if (args.Contains("--smoke"))
        {
            return await Smoke.RunAsync();
        }

        if (args.Contains("--smoke-serializers"))
        {
            return await Serialization.SerializerSmoke.RunAsync();
        }

        if (args.Contains("--first-call"))
        {
            return await FirstCall.RunAsync(IntOption(args, "--runs", 10));
        }

        if (args.Contains("--build-cost"))
        {
            return BuildCost.BuildCostTable.Run(args);
        }

        if (args is ["--call-loop", var operation, ..])
        {
            return await CallLoop.RunAsync(operation, IntOption(args, "--seconds", 10), IntOption(args, "--in-flight", 1));
        }

        if (args.Contains("--concurrency"))
        {
            return await Concurrency.RunAsync(IntOption(args, "--calls", 1000));
        }

        // Non-zero when a filter matched nothing or a benchmark failed, so the test script's run of every benchmark can fail.
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args).ToArray();
        bool failed = (summaries.Length == 0 && args.Contains("--filter"))
            || summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));
        return failed ? 1 : 0;
    }

    private static int IntOption(string[] args, string name, int fallback)
    {
        int at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
    }
}
