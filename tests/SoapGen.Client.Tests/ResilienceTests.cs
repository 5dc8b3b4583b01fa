using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using SoapGen.Runtime;
using Weather;

namespace SoapGen.Client.Tests;

/// <summary>
/// Microsoft.Extensions.Http.Resilience's standard handler around a generated client: what it retries, and the two ways
/// the README gives to keep it from repeating a call that is not safe to repeat (every SOAP call is a POST).
/// </summary>
public sealed class ResilienceTests(WeatherServer server) : IClassFixture<WeatherServer>
{
    [Fact]
    public async Task TheStandardHandlerRetriesATransient503()
    {
        using ServiceProvider provider = Provider(_ => { });
        string id = Guid.NewGuid().ToString("N");

        Forecast? forecast = await provider.GetRequiredService<IWeatherClient>().GetForecastAsync("flaky:" + id);

        Assert.Equal("flaky:" + id, forecast?.City);
        Assert.Equal(2, server.Attempts(id));
    }

    [Fact]
    public async Task DisableForUnsafeHttpMethodsRetriesNoSoapCall()
    {
        using ServiceProvider provider = Provider(retry => retry.DisableForUnsafeHttpMethods());
        string id = Guid.NewGuid().ToString("N");

        var error = await Assert.ThrowsAsync<SoapProtocolException>(() => provider.GetRequiredService<IWeatherClient>().GetForecastAsync("flaky:" + id));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.HttpStatusCode);
        Assert.Equal(1, server.Attempts(id));
    }

    [Fact]
    public async Task APredicateOnTheOperationNameRetriesOnlyTheSafeOperations()
    {
        var safe = new HashSet<string>(StringComparer.Ordinal) { "GetForecast", "ListStations" };
        using ServiceProvider provider = Provider(retry => retry.ShouldHandle = args => ValueTask.FromResult(
            HttpClientResiliencePredicates.IsTransient(args.Outcome) &&
            args.Context.GetRequestMessage()?.Options.TryGetValue(SoapHttpRequestOptions.OperationName, out string? operation) == true &&
            safe.Contains(operation)));
        var client = provider.GetRequiredService<IWeatherClient>();
        string read = Guid.NewGuid().ToString("N");
        string write = Guid.NewGuid().ToString("N");

        Forecast? forecast = await client.GetForecastAsync("flaky:" + read);
        var error = await Assert.ThrowsAsync<SoapProtocolException>(() => client.SubmitReportAsync(new Forecast { City = "flaky:" + write, High = 2 }));

        Assert.Equal("flaky:" + read, forecast?.City);
        Assert.Equal(2, server.Attempts(read));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.HttpStatusCode);
        Assert.Equal(1, server.Attempts(write));
    }

    private ServiceProvider Provider(Action<HttpRetryStrategyOptions> retry)
    {
        var services = new ServiceCollection();
        services.AddHttpClient<IWeatherClient, WeatherClient>(http => http.BaseAddress = server.Endpoint)
            .AddStandardResilienceHandler(options =>
            {
                // The default first delay is 2 s; the behaviour under test is whether a retry happens, not when.
                options.Retry.Delay = TimeSpan.FromMilliseconds(10);
                retry(options.Retry);
            });
        return services.BuildServiceProvider();
    }
}
