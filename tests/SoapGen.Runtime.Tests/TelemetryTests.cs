using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace SoapGen.Runtime.Tests;

/// <summary>
/// The per-call span (ActivitySource "SoapGen") and the instruments (Meter "SoapGen"), read with in-memory listeners.
/// Listeners are process-wide and tests run in parallel, so each test calls its own host and reads only what names it.
/// </summary>
public sealed class TelemetryTests : IDisposable
{
    private const string Secret = "SECRETKEY-3f9a";

    private readonly string _host = "t" + Guid.NewGuid().ToString("N")[..12] + ".test";
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = new();
    private readonly ActivityListener _activityListener;
    private readonly MeterListener _meterListener;

    public TelemetryTests()
    {
        _activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == SoapDiagnostics.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (Equals(activity.GetTagItem("server.address"), _host))
                {
                    _spans.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_activityListener);

        _meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == SoapDiagnostics.MeterName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meterListener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meterListener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meterListener.Start();
    }

    public void Dispose()
    {
        _activityListener.Dispose();
        _meterListener.Dispose();
    }

    private Uri Endpoint => new("http://" + _host + ":8443/soap/api.php?key=" + Secret);

    private static SoapOperation<string?, string?> Echo(SoapVersion version = SoapVersion.Soap11) => new(
        "echo",
        "urn:test#echo",
        version,
        writeBody: static (writer, text) =>
        {
            writer.WriteStartOperation("echo", "urn:test", encoded: false);
            writer.WriteString("text", null, text, encoded: false);
            writer.WriteEndElement();
        },
        readBody: Soap.ReadReturnString);

    private static readonly string OkReply = Soap.Envelope11("<r><return>ok</return></r>");

    private static string FaultReply(string code, string text) => Soap.Envelope11(
        "<SOAP-ENV:Fault><faultcode>SOAP-ENV:" + code + "</faultcode><faultstring>" + text + "</faultstring></SOAP-ENV:Fault>");

    private SoapTransport Transport(FakeHandler handler, SoapVersion version = SoapVersion.Soap11) => new(new HttpClient(handler), Endpoint, version);

    [Fact]
    public async Task ACallIsOneClientSpanWithTheRpcTagsAndNoSecret()
    {
        Activity? currentInHandler = null;
        var handler = new FakeHandler(_ =>
        {
            currentInHandler = Activity.Current;
            return FakeHandler.Reply(OkReply);
        });

        Assert.Equal("ok", await Transport(handler).InvokeAsync(Echo(), "hi", null, CancellationToken.None));

        Activity span = Assert.Single(_spans);
        Assert.Equal(SoapDiagnostics.ActivitySourceName, span.Source.Name);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal("echo", span.DisplayName);
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        var tags = span.TagObjects.ToDictionary(t => t.Key, t => t.Value);
        Assert.Equal("soap", tags["rpc.system.name"]);
        Assert.Equal("echo", tags["rpc.method"]);
        Assert.Equal("1.1", tags["soap.version"]);
        Assert.Equal(_host, tags["server.address"]);
        Assert.Equal(8443, tags["server.port"]);
        Assert.False(tags.ContainsKey("error.type"));
        Assert.DoesNotContain(tags.Values, v => v?.ToString()?.Contains(Secret, StringComparison.Ordinal) == true);

        // The HTTP request runs inside the span, so HttpClient's own span (if traced) is its child.
        Assert.Same(span, currentInHandler);
    }

    [Fact]
    public async Task AFaultMarksTheSpanAsAnErrorWithTheFaultCodeButNotTheFaultText()
    {
        var handler = FakeHandler.Always(() => FakeHandler.Reply(FaultReply("Client", "wrong password hunter2"), status: HttpStatusCode.InternalServerError));

        await Assert.ThrowsAsync<SoapFaultException>(() => Transport(handler, SoapVersion.Soap11).InvokeAsync(Echo(), "hi", null, CancellationToken.None));

        Activity span = Assert.Single(_spans);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("Client", span.StatusDescription);
        Assert.Equal("Client", span.GetTagItem("error.type"));
        Assert.Equal("Client", span.GetTagItem("rpc.response.status_code"));
        Assert.Empty(span.Events);
        Assert.DoesNotContain(span.TagObjects, t => t.Value?.ToString()?.Contains("hunter2", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task ANonSoapReplyAndATimeoutAreNamedByTheirExceptionType()
    {
        var html = FakeHandler.Always(() => FakeHandler.Reply("<html><body>502</body></html>", "text/html", HttpStatusCode.BadGateway));
        await Assert.ThrowsAsync<SoapProtocolException>(() => Transport(html).InvokeAsync(Echo(), "hi", null, CancellationToken.None));

        var stalled = new FakeHandler(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return FakeHandler.Reply(OkReply);
        });
        await Assert.ThrowsAsync<TimeoutException>(() =>
            Transport(stalled).InvokeAsync(Echo(), "hi", new SoapCallOptions { Timeout = TimeSpan.FromMilliseconds(50) }, CancellationToken.None));

        Assert.Equal(
            new[] { typeof(SoapProtocolException).FullName, typeof(TimeoutException).FullName },
            _spans.Select(s => s.GetTagItem("error.type")).ToArray());
        Assert.All(_spans, s => Assert.Null(s.GetTagItem("rpc.response.status_code")));
    }

    [Fact]
    public async Task ASoap12CallSaysSo()
    {
        var handler = FakeHandler.Always(() => FakeHandler.Reply(Soap.Envelope12("<r><return>ok</return></r>"), "application/soap+xml; charset=utf-8"));
        Assert.Equal("ok", await Transport(handler, SoapVersion.Soap12).InvokeAsync(Echo(SoapVersion.Soap12), "hi", null, CancellationToken.None));
        Assert.Equal("1.2", Assert.Single(_spans).GetTagItem("soap.version"));
    }

    [Fact]
    public async Task TheMeterCountsCallsAndFailuresAndMeasuresDurationAndBothDirectionsBytes()
    {
        var replies = new Queue<string>([OkReply, FaultReply("Server", "boom")]);
        var handler = new FakeHandler(_ => FakeHandler.Reply(replies.Dequeue(), status: replies.Count == 0 ? HttpStatusCode.InternalServerError : HttpStatusCode.OK));
        SoapTransport transport = Transport(handler);

        await transport.InvokeAsync(Echo(), "first", null, CancellationToken.None);
        await Assert.ThrowsAsync<SoapFaultException>(() => transport.InvokeAsync(Echo(), "second", null, CancellationToken.None));
        _meterListener.RecordObservableInstruments();

        var mine = _measurements.Where(m => Equals(m.Tags.GetValueOrDefault("server.address"), _host)).ToArray();
        double[] Values(string instrument, bool? failed = null) => mine
            .Where(m => m.Instrument == instrument && (failed is null || m.Tags.ContainsKey("error.type") == failed))
            .Select(m => m.Value).ToArray();

        Assert.Equal(new[] { 1.0, 1.0 }, Values("soapgen.client.calls"));
        Assert.Equal(new[] { 1.0 }, Values("soapgen.client.failures"));
        Assert.Equal("Server", mine.Single(m => m.Instrument == "soapgen.client.failures").Tags["error.type"]);
        Assert.All(Values("rpc.client.call.duration"), seconds => Assert.InRange(seconds, 0, 30));
        Assert.Equal(2, Values("rpc.client.call.duration").Length);

        // Exactly the bytes that went over the wire, each way.
        Assert.Equal(handler.Requests.Select(r => (double)r.Body.Length).ToArray(), Values("rpc.client.request.size"));
        Assert.Equal(
            new[] { (double)Encoding.UTF8.GetByteCount(OkReply), Encoding.UTF8.GetByteCount(FaultReply("Server", "boom")) },
            Values("rpc.client.response.size"));

        foreach (var m in mine)
        {
            Assert.Equal("soap", m.Tags["rpc.system.name"]);
            Assert.Equal("echo", m.Tags["rpc.method"]);
            Assert.Equal(8443, m.Tags["server.port"]);
            Assert.DoesNotContain(m.Tags.Values, v => v?.ToString()?.Contains(Secret, StringComparison.Ordinal) == true);
        }
    }

    [Fact]
    public async Task AnOperationOfANamedServiceIsTracedAndMeasuredAsServiceSlashOperation()
    {
        var echo = Echo();
        var operation = new SoapOperation<string?, string?>("echo", echo.SoapAction, echo.Version,
            static (writer, text) => writer.WriteString("text", null, text, encoded: false), Soap.ReadReturnString, serviceName: "EchoService");
        var handler = FakeHandler.Always(() => FakeHandler.Reply(OkReply));

        Assert.Equal("ok", await Transport(handler).InvokeAsync(operation, "hi", null, CancellationToken.None));

        Activity span = Assert.Single(_spans);
        Assert.Equal("EchoService/echo", span.DisplayName);
        Assert.Equal("EchoService/echo", span.GetTagItem("rpc.method"));
        Assert.Null(span.GetTagItem("rpc.service"));  // replaced by the fully qualified rpc.method in the conventions followed
        Assert.Equal("EchoService", operation.ServiceName);
        var calls = _measurements.Where(m => m.Instrument == "soapgen.client.calls" && Equals(m.Tags.GetValueOrDefault("server.address"), _host)).ToArray();
        Assert.Equal("EchoService/echo", Assert.Single(calls).Tags["rpc.method"]);
    }

    [Fact]
    public async Task ALoginMadeByASessionStepIsAChildSpanOfTheCallThatNeededIt()
    {
        var handler = FakeHandler.Always(() => FakeHandler.Reply(OkReply));
        SoapTransport plain = Transport(handler);
        var session = new SoapSession(async ct => await plain.InvokeAsync(Echo(), "login", null, ct));
        SoapTransport withSession = plain.With(new SessionRunner(session));

        await withSession.InvokeAsync(Echo(), "call", null, CancellationToken.None);

        Activity[] spans = _spans.ToArray();
        Assert.Equal(2, spans.Length);
        Activity outer = spans.Single(s => s.Parent is null || s.Parent.Source.Name != SoapDiagnostics.ActivitySourceName);
        Activity login = spans.Single(s => !ReferenceEquals(s, outer));
        Assert.Equal(outer.SpanId, login.ParentSpanId);
    }

    private sealed class SessionRunner(SoapSession session) : SoapPipelineStep
    {
        public override async ValueTask InvokeAsync(SoapCallContext call, SoapPipelineNext next, CancellationToken cancellationToken) =>
            await session.InvokeAsync<object?>(async (_, ct) => { await next(call, ct); return null; }, cancellationToken);
    }

    private void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct
    {
        var copy = new Dictionary<string, object?>();
        foreach (KeyValuePair<string, object?> tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        _measurements.Enqueue((instrument.Name, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), copy));
    }
}
