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
    /// Anything else goes to BenchmarkDotNet, e.g. <c>--filter '*' --job short</c>.
    /// </summary>
    public static async Task<int> Main(string[] args)
    {
        if (args.Contains("--smoke"))
        {
            return await Smoke.RunAsync();
        }

        if (args.Contains("--smoke-serializers"))
        {
            return await Serialization.SerializerSmoke.RunAsync();
        }

        // Non-zero when a filter matched nothing or a benchmark failed, so the test script's run of every benchmark can fail.
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args).ToArray();
        bool failed = (summaries.Length == 0 && args.Contains("--filter"))
            || summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));
        return failed ? 1 : 0;
    }
}
