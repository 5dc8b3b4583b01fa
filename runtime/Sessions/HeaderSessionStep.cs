using System;
using System.Threading;
using System.Threading.Tasks;

namespace SoapGen.Runtime;

/// <summary>
/// A session whose token travels in a SOAP header (Salesforce: <c>login</c> → <c>SessionHeader</c>, and later calls go
/// to the <c>serverUrl</c> it returns; bronto: <c>login</c> → <c>sessionHeader</c>), on the same <see cref="SoapSession"/>
/// as token parameters: lazy single-flight login, one re-login and retry when the server reports the session expired.
/// Operations that do not declare the header (the login itself) pass through untouched.
/// </summary>
internal sealed class HeaderSessionStep<T> : SoapPipelineStep
{
    private readonly SoapHeaderDescriptor<T> _header;
    private readonly Func<string, T> _headerValue;
    private readonly SoapSession _session;

    // The endpoint the latest login named, with its token, so a call never pairs one login's token with another's URL.
    private (string Token, Uri? Endpoint)? _latest;

    public HeaderSessionStep(
        SoapHeaderDescriptor<T> header,
        Func<CancellationToken, Task<(string? Token, string? Endpoint)>> login,
        Func<string, T> headerValue,
        SoapSessionOptions? options)
    {
        _header = header;
        _headerValue = headerValue;
        _session = new SoapSession(
            async cancellationToken =>
            {
                (string? token, string? endpoint) = await login(cancellationToken).ConfigureAwait(false);
                if (token is not null)
                {
                    _latest = (token, Uri.TryCreate(endpoint, UriKind.Absolute, out Uri? uri) ? uri : null);
                }

                return token;
            },
            options);
    }

    public override async ValueTask InvokeAsync(SoapCallContext call, SoapPipelineNext next, CancellationToken cancellationToken)
    {
        if (!call.Operation.DeclaresInputHeader(_header.LocalName, _header.Namespace))
        {
            await next(call, cancellationToken).ConfigureAwait(false);
            return;
        }

        await _session.InvokeAsync<object?>(
            async (token, ct) =>
            {
                call.Headers.Remove(_header.LocalName, _header.Namespace);
                call.Headers.Add(_header.Create(_headerValue(token)));
                if (_latest is { } latest && latest.Token == token && latest.Endpoint is { } endpoint)
                {
                    call.Endpoint = endpoint;
                }

                await next(call, ct).ConfigureAwait(false);
                return call.Result;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Never shows the token.</summary>
    public override string ToString() => "session in the '" + _header.LocalName + "' header: " + _session;
}
