using System;

namespace SoapGen.Runtime;

/// <summary>
/// Decides whether a call failed because the session token is no longer valid, per <see cref="SoapSessionOptions"/>.
/// Kept apart from <see cref="SoapSession"/> so the matching rules are in one small place.
/// </summary>
internal sealed class SessionExpiry
{
    private static readonly string[] DefaultQualifiers = ["invalid", "expired", "not logged", "unknown"];

    private readonly SoapSessionOptions _options;

    public SessionExpiry(SoapSessionOptions options) => _options = options;

    public bool IsExpired(Exception exception)
    {
        if (exception is OperationCanceledException)
        {
            return false;
        }

        if (_options.IsExpiredFault is { } predicate)
        {
            return predicate(exception);
        }

        return exception is SoapFaultException fault
            && (Matches(fault.Reason) || Matches(fault.Code) || Matches(fault.Subcode));
    }

    public bool IsExpired(object? result)
    {
        if (_options.IsExpiredResult is { } predicate)
        {
            return predicate(result);
        }

        return result is ISoapStatusResult status && Matches(status.StatusText);
    }

    private bool Matches(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (_options.ExpiredText is { Length: > 0 } expiredText)
        {
            return text.Contains(expiredText, StringComparison.OrdinalIgnoreCase);
        }

        if (!text.Contains("session", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        foreach (string qualifier in DefaultQualifiers)
        {
            if (text.Contains(qualifier, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
