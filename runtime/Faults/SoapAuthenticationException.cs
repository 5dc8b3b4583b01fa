using System;

namespace SoapGen.Runtime;

/// <summary>
/// Logging in failed: the login call returned no usable session token (blank, <c>false</c> or <c>0</c>) or a fault.
/// The message never contains the user's credentials.
/// </summary>
public sealed class SoapAuthenticationException : SoapException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong; must not contain credentials or tokens.</param>
    /// <param name="innerException">The underlying cause, e.g. the login call's <see cref="SoapFaultException"/>.</param>
    public SoapAuthenticationException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
