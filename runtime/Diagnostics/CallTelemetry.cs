using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;

namespace SoapGen.Runtime;

/// <summary>
/// The span and the measurements of one SOAP call (<see cref="SoapDiagnostics"/>), named after OpenTelemetry's RPC
/// conventions: <c>rpc.system.name</c> = <c>soap</c>, <c>rpc.method</c> (fully qualified: <c>{service}/{operation}</c>, as those
/// conventions replaced <c>rpc.service</c> with it), <c>server.address</c>/<c>server.port</c>,
/// <c>error.type</c>, <c>rpc.response.status_code</c> (the fault code), plus <c>soap.version</c>. Only names, hosts
/// and codes are recorded: never a header, a query string, an envelope or an exception message (a server may echo a
/// password into its fault text).
/// </summary>
internal static class CallTelemetry
{
    private static readonly string? Version = typeof(CallTelemetry).Assembly.GetName().Version?.ToString();
    private static readonly ActivitySource Source = new(SoapDiagnostics.ActivitySourceName, Version);
    private static readonly Meter Meter = new(SoapDiagnostics.MeterName, Version);

    private static readonly Counter<long> Calls = Meter.CreateCounter<long>(
        "soapgen.client.calls", "{call}", "SOAP calls made, whatever their outcome.");

    private static readonly Counter<long> Failures = Meter.CreateCounter<long>(
        "soapgen.client.failures", "{call}", "SOAP calls that ended in an exception (a fault, a protocol or transport error, a timeout, a cancellation).");

    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "rpc.client.call.duration", "s", "How long SOAP calls took, pipeline steps (login, retry) included.");

    private static readonly Histogram<long> RequestSize = Meter.CreateHistogram<long>(
        "rpc.client.request.size", "By", "Bytes of request envelopes sent per call.");

    private static readonly Histogram<long> ResponseSize = Meter.CreateHistogram<long>(
        "rpc.client.response.size", "By", "Bytes of reply bodies received per call, after decompression.");

    /// <summary>Whether anyone listens to the span or to an instrument; when not, a call skips all of this.</summary>
    public static bool IsEnabled =>
        Source.HasListeners() || Calls.Enabled || Failures.Enabled || Duration.Enabled || RequestSize.Enabled || ResponseSize.Enabled;

    /// <summary>Runs <paramref name="run"/> inside the call's span and records its measurements.</summary>
    public static async Task<T> ObserveAsync<T>(
        SoapCallContext call,
        SoapVersion version,
        Func<CancellationToken, Task<T>> run,
        CancellationToken cancellationToken)
    {
        string method = call.Operation.ServiceName is { } service ? service + "/" + call.Operation.Name : call.Operation.Name;
        string soapVersion = version == SoapVersion.Soap12 ? "1.2" : "1.1";
        long started = Stopwatch.GetTimestamp();

        // Tags known up front go in at creation, so samplers see them; the endpoint may still change (a login's server URL).
        using Activity? activity = Source.StartActivity(method, ActivityKind.Client, parentContext: default, tags:
        [
            new("rpc.system.name", "soap"),
            new("rpc.method", method),
            new("soap.version", soapVersion),
        ]);
        string? errorType = null;
        string? faultCode = null;
        try
        {
            return await run(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            faultCode = (ex as SoapFaultException)?.Code;
            errorType = faultCode ?? ex.GetType().FullName ?? ex.GetType().Name;
            throw;
        }
        finally
        {
            Record(activity, call, method, soapVersion, errorType, faultCode, Stopwatch.GetElapsedTime(started));
        }
    }

    private static void Record(Activity? activity, SoapCallContext call, string method, string soapVersion, string? errorType, string? faultCode, TimeSpan elapsed)
    {
        // Host and port only: the path is high-cardinality and the query may carry a key.
        string host = call.Endpoint.Host;
        int port = call.Endpoint.Port;
        if (activity is not null)
        {
            activity.SetTag("server.address", host);
            activity.SetTag("server.port", port);
            if (errorType is not null)
            {
                activity.SetTag("error.type", errorType);
                activity.SetTag("rpc.response.status_code", faultCode);
                activity.SetStatus(ActivityStatusCode.Error, errorType);
            }
        }

        var tags = new TagList
        {
            { "rpc.system.name", "soap" },
            { "rpc.method", method },
            { "soap.version", soapVersion },
            { "server.address", host },
            { "server.port", port },
        };
        if (errorType is not null)
        {
            tags.Add("error.type", errorType);
        }

        Calls.Add(1, tags);
        if (errorType is not null)
        {
            Failures.Add(1, tags);
        }

        Duration.Record(elapsed.TotalSeconds, tags);
        if (call.RequestBytes > 0)
        {
            RequestSize.Record(call.RequestBytes, tags);
        }

        if (call.ReplyBytes > 0)
        {
            ResponseSize.Record(call.ReplyBytes, tags);
        }
    }
}
