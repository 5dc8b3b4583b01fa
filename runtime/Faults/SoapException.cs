using System;

namespace SoapGen.Runtime;

/// <summary>
/// Base class of every error the SOAP runtime raises on purpose, so callers can catch "the service call failed"
/// in one place. Network failures stay <see cref="System.Net.Http.HttpRequestException"/> and timeouts
/// <see cref="TimeoutException"/>, because resilience handlers and callers already know those.
/// </summary>
public class SoapException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong; never contains request content, passwords or session tokens.</param>
    public SoapException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong; never contains request content, passwords or session tokens.</param>
    /// <param name="innerException">The underlying cause, if any.</param>
    public SoapException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
