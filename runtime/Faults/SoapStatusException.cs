using System;

namespace SoapGen.Runtime;

/// <summary>
/// A call succeeded at the SOAP level but its result reported an in-band error
/// (<c>status</c>/<c>status_text</c>, InterServer style); thrown by <see cref="SoapStatusResultExtensions.EnsureOk{T}(T)"/>.
/// </summary>
public sealed class SoapStatusException : SoapException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="status">The result's status, e.g. <c>error</c>.</param>
    /// <param name="statusText">The result's status text, e.g. <c>Invalid IP address</c>.</param>
    public SoapStatusException(string? status, string? statusText)
        : base(FormatMessage(status, statusText))
    {
        Status = status;
        StatusText = statusText;
    }

    /// <summary>The result's status as the service sent it.</summary>
    public string? Status { get; }

    /// <summary>The result's status text as the service sent it.</summary>
    public string? StatusText { get; }

    private static string FormatMessage(string? status, string? statusText)
    {
        // Quoted short: the whole texts stay in Status and StatusText.
        string s = status is null ? "no status" : "status '" + BodyPreview.Excerpt(status, 64) + "'";
        return string.IsNullOrEmpty(statusText)
            ? "The service returned " + s + "."
            : "The service returned " + s + ": " + BodyPreview.Excerpt(statusText, 512);
    }
}
