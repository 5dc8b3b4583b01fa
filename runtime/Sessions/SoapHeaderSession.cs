using System;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;

namespace SoapGen.Runtime;

/// <summary>Creates the pipeline step of a session whose token travels in a SOAP header; used by generated code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SoapHeaderSession
{
    /// <summary>A session step: logs in with <paramref name="login"/>, sends <paramref name="headerValue"/>(token) as <paramref name="header"/>.</summary>
    /// <typeparam name="T">The header's type.</typeparam>
    /// <param name="header">The session header.</param>
    /// <param name="login">Logs in; returns the token (blank, <c>false</c> or <c>0</c> mean failure) and, if the service names one, the endpoint for later calls.</param>
    /// <param name="headerValue">The header's value for a token.</param>
    /// <param name="options">How to recognise an expired session; <see langword="null"/> for the defaults.</param>
    /// <returns>The step.</returns>
    public static SoapPipelineStep Create<T>(
        SoapHeaderDescriptor<T> header,
        Func<CancellationToken, Task<(string? Token, string? Endpoint)>> login,
        Func<string, T> headerValue,
        SoapSessionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(login);
        ArgumentNullException.ThrowIfNull(headerValue);
        return new HeaderSessionStep<T>(header, login, headerValue, options);
    }
}
