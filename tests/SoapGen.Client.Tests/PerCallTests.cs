using System;
using System.Collections.Concurrent;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using SoapGen.Runtime;
using Weather;

namespace SoapGen.Client.Tests;

/// <summary>Per-call options: HTTP headers out, reply headers back, and what a DelegatingHandler learns about the call.</summary>
public sealed class PerCallTests(WeatherServer server) : IClassFixture<WeatherServer>
{
    [Fact]
    public async Task PerCallHttpHeadersAreSentWithThatCallOnly()
    {
        using var http = new HttpClient();
        var client = new WeatherClient(http, server.Endpoint);
        var options = new SoapCallOptions { HttpHeaders = { ["X-Correlation-Id"] = "corr-42" } };

        await client.With(options).GetForecastAsync("per-call-headers");
        await client.GetForecastAsync("per-call-none");

        LoopbackRequest with = Assert.Single(server.RequestsFor("per-call-headers"));
        LoopbackRequest without = Assert.Single(server.RequestsFor("per-call-none"));
        Assert.Equal("corr-42", with.Headers["X-Correlation-Id"]);
        Assert.False(without.Headers.ContainsKey("X-Correlation-Id"));
        Assert.Equal("\"urn:soapgen:weather#GetForecast\"", with.Headers["SOAPAction"]);
    }

    [Fact]
    public async Task TheReplysHttpAndSoapHeadersAreReadableAfterTheCall()
    {
        using var http = new HttpClient();
        var options = new SoapCallOptions();

        await new WeatherClient(http, server.Endpoint).With(options).GetForecastAsync("reply-headers");

        SoapReply reply = Assert.IsType<SoapReply>(options.Reply);
        Assert.Equal(System.Net.HttpStatusCode.OK, reply.StatusCode);
        Assert.True(reply.HttpHeaders.TryGetValues("X-Request-Number", out var number));
        Assert.True(int.Parse(Assert.Single(number), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal("trace-1", reply.FindHeader("Trace", "urn:test:trace")?.Value);
    }

    [Fact]
    public async Task AHandlerSeesTheOperationNameAndSoapActionInTheRequestOptions()
    {
        var seen = new ConcurrentQueue<(string? Operation, string? Action)>();
        using var http = new HttpClient(new OptionsRecorder(seen) { InnerHandler = new HttpClientHandler() });
        var client = new WeatherClient(http, server.Endpoint);

        await client.GetForecastAsync("options-1");
        await client.SubmitReportAsync(new Forecast { City = "options-2", High = 0 });

        Assert.Equal(
            [("GetForecast", "urn:soapgen:weather#GetForecast"), ("SubmitReport", "urn:soapgen:weather#SubmitReport")],
            seen.ToArray());
    }

    [Theory]
    [InlineData("SOAPAction")]
    [InlineData("content-type")]
    public async Task HeadersTheTransportOwnsAreRefused(string name)
    {
        using var http = new HttpClient();
        var options = new SoapCallOptions { HttpHeaders = { [name] = "x" } };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new WeatherClient(http, server.Endpoint).With(options).GetForecastAsync("refused-" + name));

        Assert.Contains(name, error.Message, StringComparison.Ordinal);
        Assert.Empty(server.RequestsFor("refused-" + name));
    }

    private sealed class OptionsRecorder(ConcurrentQueue<(string?, string?)> seen) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Options.TryGetValue(SoapHttpRequestOptions.OperationName, out string? operation);
            request.Options.TryGetValue(SoapHttpRequestOptions.SoapAction, out string? action);
            seen.Enqueue((operation, action));
            return base.SendAsync(request, cancellationToken);
        }
    }
}
