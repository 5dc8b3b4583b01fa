using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using InterServer;
using Microsoft.Extensions.DependencyInjection;
using SoapGen.Runtime;
using Weather;

namespace SoapGen.Client.Tests;

/// <summary>Generated clients and sessions resolved from a real ServiceCollection, calling a loopback server.</summary>
public sealed class DependencyInjectionTests(WeatherServer weather, InterServerServer interServer)
    : IClassFixture<WeatherServer>, IClassFixture<InterServerServer>
{
    [Fact]
    public async Task ATypedClientResolvesAndCalls()
    {
        var services = new ServiceCollection();
        services.AddHttpClient<IWeatherClient, WeatherClient>(http => http.BaseAddress = weather.Endpoint);
        using ServiceProvider provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<IWeatherClient>();
        Forecast? forecast = await client.GetForecastAsync("di-typed");

        Assert.Equal("di-typed", forecast?.City);
        Assert.Equal(3.5, forecast?.High);
        Assert.Single(weather.RequestsFor("di-typed"));
    }

    [Fact]
    public async Task ARegisteredSoapClientOptionsIsPassedToTheConstructor()
    {
        var services = new ServiceCollection();

        // No BaseAddress: only the registered options know where the server is (else the WSDL's http://localhost/weather).
        services.AddSingleton(new SoapClientOptions { Endpoint = weather.Endpoint });
        services.AddHttpClient<IWeatherClient, WeatherClient>();
        using ServiceProvider provider = services.BuildServiceProvider();

        var client = (WeatherClient)provider.GetRequiredService<IWeatherClient>();
        Assert.Equal(weather.Endpoint, client.Endpoint);
        Assert.Equal("receipt for di-options", await client.SubmitReportAsync(new Forecast { City = "di-options", High = 1 }));
    }

    [Fact]
    public async Task AddTypedClientGivesEachClientItsOwnOptions()
    {
        var services = new ServiceCollection();
        services.AddHttpClient("weather")
            .AddTypedClient<IWeatherClient>(http => new WeatherClient(http, new SoapClientOptions { Endpoint = weather.Endpoint, MaxReplyBytes = 1024 * 1024 }));
        using ServiceProvider provider = services.BuildServiceProvider();

        Forecast? forecast = await provider.GetRequiredService<IWeatherClient>().GetForecastAsync("di-own-options");

        Assert.Equal("di-own-options", forecast?.City);
    }

    [Fact]
    public async Task ASessionRegisteredAsASingletonLogsInOnceForAllResolutions()
    {
        var services = new ServiceCollection();
        // As the README registers it: a singleton keeps its HttpClient, so the pool renews connections, not the factory.
        services.AddHttpClient<MyapiClient>(http => http.BaseAddress = interServer.Endpoint)
            .UseSocketsHttpHandler((handler, _) => handler.PooledConnectionLifetime = TimeSpan.FromMinutes(5))
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.AddSingleton<IMyapiSession>(sp => sp.GetRequiredService<MyapiClient>().CreateSession("user", "right"));
        using ServiceProvider provider = services.BuildServiceProvider();
        int loginsBefore = interServer.Logins;

        string? first = await provider.GetRequiredService<IMyapiSession>().ApiGetImaAsync();
        string? second = await provider.GetRequiredService<IMyapiSession>().ApiGetImaAsync();

        Assert.Equal(1, interServer.Logins - loginsBefore);
        Assert.StartsWith("ima for sid-", first, StringComparison.Ordinal);
        Assert.Equal(first, second);
        Assert.Same(provider.GetRequiredService<IMyapiSession>(), provider.GetRequiredService<IMyapiSession>());
    }

    [Fact]
    public void TheGeneratedClientHasOnePublicConstructor()
    {
        // What ActivatorUtilities needs; a second one taking HttpClient makes AddHttpClient<,>() throw at resolve time.
        Assert.Single(typeof(WeatherClient).GetConstructors());
        Assert.Single(typeof(MyapiClient).GetConstructors());
    }
}
