using System;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Running;

namespace SoapGen.Benchmarks;

public static class Program
{
    /// <summary>
    /// <c>--smoke</c>: checks that both clients decode the same values and prints the WCF findings (no benchmarks).
    /// <c>--build-cost</c>: the generator's build cost, as a table (<see cref="BuildCost.BuildCostTable"/>).
    /// Anything else goes to BenchmarkDotNet, e.g. <c>--filter '*' --job short</c>.
    /// </summary>
    public static async Task<int> Main(string[] args)
    {
        if (args.Contains("--smoke"))
        {
            return await Smoke.RunAsync();
        }

        if (args.Contains("--build-cost"))
        {
            return BuildCost.BuildCostTable.Run(args);
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
