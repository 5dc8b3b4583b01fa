using System;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;

namespace SoapGen.Benchmarks.Serialization;

/// <summary>
/// Write the request envelope and read the reply envelope of one payload, no network: XmlSerializer (the baseline, WCF's
/// XmlSerializerFormat path), hand-written XmlReader/XmlWriter code, and the generated client over an in-memory
/// handler. <see cref="HttpFloor"/> is what HttpClient and that handler cost alone, to subtract from
/// <see cref="Generated"/> when comparing serializers.
/// </summary>
[MemoryDiagnoser]
public abstract class SerializationBenchmarks<TPayload>
    where TPayload : SerializationPayload, new()
{
    private static readonly Uri FloorUri = new("http://127.0.0.1/floor");
    private TPayload _payload = null!;
    private HttpClient _http = null!;

    [GlobalSetup]
    public void Setup()
    {
        _payload = new TPayload();
        _http = CannedHttpHandler.CreateClient(_payload.Reply);
        _payload.UseGeneratedClient(_http);
    }

    [GlobalCleanup]
    public void Cleanup() => _http.Dispose();

    // A fresh buffer per call for the two in-process contenders, as the generated client's envelope writer takes one.
    [Benchmark(Baseline = true)]
    public object? XmlSerializer() => _payload.XmlSerializer(new MemoryStream(1024));

    [Benchmark]
    public object? HandWritten() => _payload.HandWritten(new MemoryStream(1024));

    [Benchmark]
    public Task<object?> Generated() => _payload.GeneratedAsync();

    /// <summary>An empty POST through the same HttpClient and handler, the reply not read: the generated contender's fixed extra.</summary>
    [Benchmark]
    public async Task<int> HttpFloor()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, FloorUri) { Content = new ByteArrayContent([]) };
        using HttpResponseMessage response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        return (int)response.StatusCode;
    }
}

/// <summary>(a) InterServer api_vps_get_services: rpc/encoded, 100 structs of 27 members.</summary>
public class VpsServicesSerialization : SerializationBenchmarks<VpsServicesPayload>
{
}

/// <summary>(b) SOAPBuilders echoStructArray: rpc/encoded, 1,000 structs out and back.</summary>
public class EchoStructArraySerialization : SerializationBenchmarks<EchoStructArrayPayload>
{
}

/// <summary>(c) A 1 MB document/literal catalog: nested types, xsi:type inheritance, dates, decimals.</summary>
public class CatalogSerialization : SerializationBenchmarks<CatalogPayload>
{
}
