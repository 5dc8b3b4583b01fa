using System;
using System.IO;
using System.Net;
using System.Threading;
using System.Threading.Tasks;

namespace SoapGen.Runtime;

/// <summary>
/// Hands every request envelope and reply body of a call, redacted (<see cref="EnvelopeRedactor"/>) and capped, to a
/// callback: an <c>ILogger</c> call, say, so the runtime needs no logging package. It sees every HTTP exchange below it
/// in the pipeline, so a session's retry is logged as a second exchange. Added by
/// <see cref="SoapClientOptions.UseEnvelopeLogging"/>.
/// </summary>
internal sealed class EnvelopeLoggingStep : SoapPipelineStep
{
    private readonly Action<SoapEnvelopeLogEntry> _log;
    private readonly SoapEnvelopeLoggingOptions _options;

    public EnvelopeLoggingStep(Action<SoapEnvelopeLogEntry> log, SoapEnvelopeLoggingOptions options)
    {
        _log = log;
        _options = options;
    }

    public override ValueTask InvokeAsync(SoapCallContext call, SoapPipelineNext next, CancellationToken cancellationToken)
    {
        // The transport writes and reads the bytes; it calls back the loggers the call has passed.
        EnvelopeLoggingStep[] loggers = call.EnvelopeLoggers ?? [];
        if (Array.IndexOf(loggers, this) < 0)
        {
            call.EnvelopeLoggers = [.. loggers, this];
        }

        return next(call, cancellationToken);
    }

    internal static void LogRequest(SoapCallContext call, MemoryStream envelope)
    {
        if (call.EnvelopeLoggers is { } loggers)
        {
            foreach (EnvelopeLoggingStep logger in loggers)
            {
                logger.Log(call, SoapEnvelopeDirection.Request, status: null, envelope, redactAllText: false);
            }
        }
    }

    internal static void LogReply(SoapCallContext call, HttpStatusCode status, MemoryStream body)
    {
        if (call.EnvelopeLoggers is { } loggers)
        {
            foreach (EnvelopeLoggingStep logger in loggers)
            {
                logger.Log(call, SoapEnvelopeDirection.Reply, status, body, logger._options.RedactWholeReply(call.Operation));
            }
        }
    }

    private void Log(SoapCallContext call, SoapEnvelopeDirection direction, HttpStatusCode? status, MemoryStream bytes, bool redactAllText)
    {
        (string text, bool truncated) = EnvelopeRedactor.Redact(bytes.GetBuffer(), (int)bytes.Length, _options, redactAllText);
        _log(new SoapEnvelopeLogEntry(
            call.Operation.Name,
            direction,
            call.Endpoint.GetLeftPart(UriPartial.Path),
            status,
            bytes.Length,
            text,
            truncated));
    }
}
