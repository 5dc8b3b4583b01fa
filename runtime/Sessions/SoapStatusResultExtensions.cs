using System;

namespace SoapGen.Runtime;

/// <summary>Helpers that make in-band errors hard to ignore.</summary>
public static class SoapStatusResultExtensions
{
    /// <summary>
    /// Whether the result's status is <c>ok</c> or <c>success</c> (case-insensitive, surrounding whitespace ignored).
    /// Any other status, including none, is not OK: an in-band error must never pass silently.
    /// </summary>
    /// <param name="result">The result to check.</param>
    /// <returns><see langword="true"/> when the status says success.</returns>
    public static bool IsOk(this ISoapStatusResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        string? status = result.Status?.Trim();
        return string.Equals(status, "ok", StringComparison.OrdinalIgnoreCase)
            || string.Equals(status, "success", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Returns the result when <see cref="IsOk(ISoapStatusResult)"/>, otherwise throws <see cref="SoapStatusException"/>.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="result">The result to check.</param>
    /// <returns><paramref name="result"/>, so calls can be chained.</returns>
    /// <exception cref="SoapStatusException">The status is not <c>ok</c>/<c>success</c>.</exception>
    public static T EnsureOk<T>(this T result)
        where T : ISoapStatusResult
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!result.IsOk())
        {
            throw new SoapStatusException(result.Status, result.StatusText);
        }

        return result;
    }
}
