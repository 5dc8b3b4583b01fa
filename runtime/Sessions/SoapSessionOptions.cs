using System;

namespace SoapGen.Runtime;

/// <summary>
/// How a <see cref="SoapSession"/> recognises that the server no longer accepts its session token. Checked in order:
/// <see cref="IsExpiredFault"/>/<see cref="IsExpiredResult"/> if set, else <see cref="ExpiredText"/> if set, else the
/// default: the fault reason/code or the result's status text contains "session" and one of "invalid", "expired",
/// "not logged" or "unknown" (case-insensitive).
/// </summary>
public sealed class SoapSessionOptions
{
    /// <summary>A text (case-insensitive substring) that marks a fault reason or result status text as "session expired".</summary>
    public string? ExpiredText { get; set; }

    /// <summary>Decides whether an exception thrown by a call means "session expired"; replaces the text matching for exceptions.</summary>
    public Func<Exception, bool>? IsExpiredFault { get; set; }

    /// <summary>Decides whether a call's result means "session expired"; replaces the text matching for results.</summary>
    public Func<object?, bool>? IsExpiredResult { get; set; }
}
