using System;
using System.Threading;

namespace SoapGen.Runtime;

/// <summary>
/// The one time limit of a call: the shorter of <c>HttpClient.Timeout</c> and <see cref="SoapCallOptions.Timeout"/>,
/// and which of the two it is, so the <see cref="TimeoutException"/> names the setting to change.
/// </summary>
internal readonly struct CallDeadline
{
    private readonly string _setting;

    private CallDeadline(TimeSpan limit, string setting)
    {
        Limit = limit;
        _setting = setting;
    }

    public TimeSpan Limit { get; }

    public bool IsInfinite => Limit == Timeout.InfiniteTimeSpan;

    public static CallDeadline For(TimeSpan httpClientTimeout, TimeSpan? callTimeout)
    {
        if (callTimeout is { } perCall && perCall != Timeout.InfiniteTimeSpan && (httpClientTimeout == Timeout.InfiniteTimeSpan || perCall <= httpClientTimeout))
        {
            return new CallDeadline(perCall, "SoapCallOptions.Timeout");
        }

        return new CallDeadline(httpClientTimeout, "HttpClient.Timeout");
    }

    public TimeoutException Exceeded(string operationName, Uri endpoint, Exception inner)
    {
        // The endpoint without its query: the query may carry an API key.
        return new TimeoutException(
            "The SOAP call '" + operationName + "' to " + endpoint.GetLeftPart(UriPartial.Path) + " did not complete within " +
            _setting + " (" + Limit + "), which bounds the whole call: sending, the reply's headers, reading and parsing its body.",
            inner);
    }
}
