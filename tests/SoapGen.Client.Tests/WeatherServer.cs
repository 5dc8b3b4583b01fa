using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace SoapGen.Client.Tests;

/// <summary>
/// Serves weather.wsdl's GetForecast and SubmitReport on loopback; the city in the request picks the behaviour, so tests
/// sharing one server do not disturb each other (each uses its own id):
/// <c>flaky:ID</c> answers 503 the first time and normally after; <c>stall:MS:ID</c> waits MS ms, sends the headers and
/// half the body and then nothing; any other city gets a forecast (or receipt) naming it, with an <c>X-Request-Number</c>
/// HTTP header and a <c>Trace</c> SOAP header.
/// </summary>
public sealed class WeatherServer : IAsyncDisposable
{
    private const string SoapEnv = "http://schemas.xmlsoap.org/soap/envelope/";
    private readonly LoopbackServer _server;
    private readonly ConcurrentDictionary<string, int> _attempts = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _stalls = new();
    private int _requestNumber;

    public WeatherServer()
    {
        _server = new LoopbackServer(RespondAsync);
    }

    public Uri Endpoint => _server.Endpoint;

    internal LoopbackRequest[] RequestsFor(string id) => _server.Requests.Where(r => r.Body.Contains(id, StringComparison.Ordinal)).ToArray();

    /// <summary>How many requests named this id.</summary>
    public int Attempts(string id) => _attempts.TryGetValue(id, out int n) ? n : 0;

    /// <summary>Completes once the server has sent the headers and half the body of the stalled reply for this id.</summary>
    public Task Stalled(string id) => StallSignal(id).Task;

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task RespondAsync(LoopbackRequest request, Stream stream, CancellationToken cancellationToken)
    {
        string city = Regex.Match(request.Body, "<(?:\\w+:)?city>([^<]*)</").Groups[1].Value;
        string[] key = city.Split(':');
        string id = key[^1];
        int attempt = _attempts.AddOrUpdate(id, 1, (_, n) => n + 1);
        bool report = request.Headers.TryGetValue("SOAPAction", out string? action) && action.Contains("SubmitReport", StringComparison.Ordinal);
        string body = Envelope(report
            ? "<ReportReceipt xmlns=\"urn:soapgen:weather\">receipt for " + city + "</ReportReceipt>"
            : "<GetForecastResponse xmlns=\"urn:soapgen:weather\"><GetForecastResult unit=\"C\"><city>" + city + "</city><high>3.5</high></GetForecastResult></GetForecastResponse>");

        if (key[0] == "flaky" && attempt == 1)
        {
            await LoopbackServer.WriteAsync(stream, 503, "<html><body>busy</body></html>", contentType: "text/html");
            return;
        }

        if (key[0] == "stall")
        {
            await Task.Delay(int.Parse(key[1], CultureInfo.InvariantCulture), cancellationToken);
            byte[] bytes = System.Text.Encoding.UTF8.GetBytes(body);
            await LoopbackServer.WriteHeadAsync(stream, 200, "text/xml; charset=utf-8", bytes.Length);
            await stream.WriteAsync(bytes.AsMemory(0, bytes.Length / 2), cancellationToken);
            await stream.FlushAsync(cancellationToken);
            StallSignal(id).TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return;
        }

        int number = Interlocked.Increment(ref _requestNumber);
        await LoopbackServer.WriteAsync(stream, 200, body, "X-Request-Number: " + number.ToString(CultureInfo.InvariantCulture) + "\r\n");
    }

    private TaskCompletionSource StallSignal(string id) =>
        _stalls.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    private static string Envelope(string body) =>
        "<soap:Envelope xmlns:soap=\"" + SoapEnv + "\"><soap:Header><t:Trace xmlns:t=\"urn:test:trace\">trace-1</t:Trace></soap:Header>" +
        "<soap:Body>" + body + "</soap:Body></soap:Envelope>";
}
