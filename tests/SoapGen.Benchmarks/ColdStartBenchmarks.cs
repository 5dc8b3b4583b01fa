using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using SoapGen.Benchmarks.Baseline;

namespace SoapGen.Benchmarks;

/// <summary>
/// First call: a new client (WCF: ClientBase + its ChannelFactory; SoapGen: HttpClient + MyapiClient) and its first
/// call, in a fresh process each time (RunStrategy.ColdStart, one iteration per launch), so JIT, WCF's channel stack
/// and XmlSerializer set-up, and SoapGen's first use are all inside the measurement. The loopback server's own code is
/// warmed in GlobalSetup with a raw socket request, so neither client's HTTP stack is warmed for it.
/// </summary>
[Config(typeof(ColdStartConfig))]
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ColdStartBenchmarks
{
    private LoopbackSoapServer? _server;

    private sealed class ColdStartConfig : ManualConfig
    {
        public ColdStartConfig()
        {
            AddJob(Job.Default
                .WithStrategy(RunStrategy.ColdStart)
                .WithLaunchCount(10)
                .WithWarmupCount(0)
                .WithIterationCount(1)
                .WithId("ColdStart"));
        }
    }

    [GlobalSetup]
    public void Setup()
    {
        _server = new LoopbackSoapServer();
        _server.WarmUpServer();
    }

    [GlobalCleanup]
    public void Cleanup() => _server?.Dispose();

    [BenchmarkCategory("new client + api_login"), Benchmark(Baseline = true, Description = "WCF")]
    public async Task<string> FirstLogin_Wcf()
    {
        var client = Clients.CreateWcf(_server!.Endpoint);
        string result = await client.api_loginAsync(Clients.User, Clients.Password);
        await client.CloseAsync();
        return result;
    }

    [BenchmarkCategory("new client + api_login"), Benchmark(Description = "SoapGen")]
    public async Task<string?> FirstLogin_SoapGen()
    {
        using var http = Clients.CreateHttpClient();
        var client = Clients.CreateSoapGen(http, _server!.Endpoint);
        return await client.ApiLoginAsync(Clients.User, Clients.Password);
    }

    [BenchmarkCategory("new client + api_get_license_types"), Benchmark(Baseline = true, Description = "WCF")]
    public async Task<license_type[]> FirstLicenseTypes_Wcf()
    {
        var client = Clients.CreateWcf(_server!.Endpoint);
        var result = await client.api_get_license_typesAsync();
        await client.CloseAsync();
        return result;
    }

    [BenchmarkCategory("new client + api_get_license_types"), Benchmark(Description = "SoapGen")]
    public async Task<InterServer.LicenseType[]?> FirstLicenseTypes_SoapGen()
    {
        using var http = Clients.CreateHttpClient();
        var client = Clients.CreateSoapGen(http, _server!.Endpoint);
        return await client.ApiGetLicenseTypesAsync();
    }
}
