namespace SoapGen.Runtime;

/// <summary>
/// A result that reports success or failure in-band with a status and a status text (InterServer's
/// <c>status</c>/<c>status_text</c>). Generated result types implement it when they have that shape.
/// </summary>
public interface ISoapStatusResult
{
    /// <summary>The status, e.g. <c>ok</c>, <c>success</c> or <c>error</c>.</summary>
    string? Status { get; }

    /// <summary>The human-readable status text.</summary>
    string? StatusText { get; }
}
