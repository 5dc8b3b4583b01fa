using System;
using System.Collections.Generic;

namespace SoapGen.Runtime;

/// <summary>
/// One call as the pipeline steps see it: which operation, where it goes, the headers it will carry, and once the
/// reply is in, what came back. A retrying step may run the rest of the pipeline again with the same context.
/// </summary>
public abstract class SoapCallContext
{
    private Dictionary<object, object?>? _items;

    private protected SoapCallContext(SoapOperation operation, Uri endpoint, SoapCallOptions? options)
    {
        Operation = operation;
        Endpoint = endpoint;
        Options = options;
        if (options is not null)
        {
            foreach (SoapHeader header in options.Headers.Snapshot())
            {
                Headers.Add(header);
            }
        }
    }

    /// <summary>The operation called.</summary>
    public SoapOperation Operation { get; }

    /// <summary>Where the request is sent; a step may change it (a login that returns a server URL, say).</summary>
    public Uri Endpoint { get; set; }

    /// <summary>The per-call options, if the call was made with some.</summary>
    public SoapCallOptions? Options { get; }

    /// <summary>
    /// Headers for this call: those of <see cref="SoapCallOptions.Headers"/> and any a step adds. The client's ambient
    /// headers and the method's header parameters are added when the envelope is written.
    /// </summary>
    public SoapHeaderCollection Headers { get; } = new();

    /// <summary>The reply, once it has arrived (also when it was a fault); <see langword="null"/> before.</summary>
    public SoapReply? Reply { get; internal set; }

    /// <summary>The result read from the reply's Body, once read.</summary>
    public abstract object? Result { get; }

    /// <summary>State a step keeps for the length of the call.</summary>
    public IDictionary<object, object?> Items => _items ??= new();

    /// <summary>Bytes of the request envelopes sent so far (a retry adds its own), for the size metrics.</summary>
    internal long RequestBytes { get; set; }

    /// <summary>Bytes of the reply bodies received so far, after decompression.</summary>
    internal long ReplyBytes { get; set; }

    /// <summary>The envelope loggers of the steps this call runs through; <see langword="null"/> when there are none.</summary>
    internal EnvelopeLoggingStep[]? EnvelopeLoggers { get; set; }

    internal abstract void WriteHeaders(SoapHeaderWriter writer);

    internal abstract void WriteBody(SoapWriter writer);

    internal abstract void ReadBody(SoapReader reader);

    /// <inheritdoc/>
    public override string ToString() => "SOAP call " + Operation.Name + " to " + Endpoint.GetLeftPart(UriPartial.Path);
}

/// <summary>A call of an operation with its request; holds the typed result.</summary>
internal sealed class SoapCallContext<TRequest, TResponse> : SoapCallContext
{
    private readonly SoapOperation<TRequest, TResponse> _operation;
    private readonly TRequest _request;

    public SoapCallContext(SoapOperation<TRequest, TResponse> operation, TRequest request, Uri endpoint, SoapCallOptions? options)
        : base(operation, endpoint, options)
    {
        _operation = operation;
        _request = request;
    }

    public TResponse? TypedResult { get; private set; }

    public override object? Result => TypedResult;

    internal override void WriteHeaders(SoapHeaderWriter writer) => _operation.WriteHeaders(writer, _request);

    internal override void WriteBody(SoapWriter writer) => _operation.WriteBody(writer, _request);

    internal override void ReadBody(SoapReader reader) => TypedResult = _operation.ReadBody(reader);
}
