using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using SoapGen.Runtime;
using Weather;

namespace SoapGen.Client.Tests;

/// <summary>
/// One deadline per call, over sending, the headers, the body and parsing, against a server that sends the headers
/// and half the body and then stalls; and the caller's CancellationToken ending the same stalled read.
/// </summary>
public sealed class DeadlineTests(WeatherServer server) : IClassFixture<WeatherServer>
{
    [Fact]
    public async Task HttpClientTimeoutBoundsHeadersAndBodyTogether()
    {
        // Headers after 1.5 s of a 3 s timeout: a fresh allowance for the body would end the call at 4.5 s, not 3 s.
        // A first call warms the client and the connection, so the timed call's margin is not spent on JIT or connecting.
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        var client = new WeatherClient(http, server.Endpoint);
        await client.GetForecastAsync("warm-up");
        string id = Guid.NewGuid().ToString("N");
        var clock = Stopwatch.StartNew();

        var timeout = await Assert.ThrowsAsync<TimeoutException>(() => client.GetForecastAsync("stall:1500:" + id));

        clock.Stop();
        Assert.True(server.Stalled(id).IsCompleted, "the server had sent the headers and half the body");
        Assert.Contains("HttpClient.Timeout (00:00:03)", timeout.Message, StringComparison.Ordinal);
        Assert.Contains("'GetForecast'", timeout.Message, StringComparison.Ordinal);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(2.9), TimeSpan.FromSeconds(4.2));
    }

    [Fact]
    public async Task APerCallTimeoutShorterThanHttpClientTimeoutIsTheOneThatFiresAndIsNamed()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        string id = Guid.NewGuid().ToString("N");
        var options = new SoapCallOptions { Timeout = TimeSpan.FromMilliseconds(800) };

        var timeout = await Assert.ThrowsAsync<TimeoutException>(() => new WeatherClient(http, server.Endpoint).With(options).GetForecastAsync("stall:0:" + id));

        Assert.True(server.Stalled(id).IsCompleted, "the server had sent the headers and half the body");
        Assert.Contains("SoapCallOptions.Timeout (00:00:00.8000000)", timeout.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HttpClientTimeoutShorterThanThePerCallTimeoutIsTheOneNamed()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromMilliseconds(800) };
        string id = Guid.NewGuid().ToString("N");
        var options = new SoapCallOptions { Timeout = TimeSpan.FromMinutes(5) };

        var timeout = await Assert.ThrowsAsync<TimeoutException>(() => new WeatherClient(http, server.Endpoint).With(options).GetForecastAsync("stall:0:" + id));

        Assert.Contains("HttpClient.Timeout (00:00:00.8000000)", timeout.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCancellationTokenEndsAStalledBodyReadAndTheClientStaysUsable()
    {
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var client = new WeatherClient(http, server.Endpoint);
        string id = Guid.NewGuid().ToString("N");
        using var cancel = new CancellationTokenSource();
        Task<Forecast?> call = client.GetForecastAsync("stall:0:" + id, cancellationToken: cancel.Token);

        await server.Stalled(id).WaitAsync(TimeSpan.FromSeconds(30));
        cancel.Cancel();

        var canceled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(cancel.Token, canceled.CancellationToken);
        Assert.Equal("after-cancel", (await client.GetForecastAsync("after-cancel"))?.City);
    }
}
