using System;
using System.Threading;
using System.Threading.Tasks;

namespace SoapGen.Runtime;

/// <summary>
/// Static credentials sent as a SOAP header, with no login call (SoftLayer's <c>authenticate</c>: user name and API
/// key): the header goes with every operation that declares it, and a fault that rejects the credentials becomes a
/// <see cref="SoapAuthenticationException"/>. Added by <see cref="SoapClientOptions.UseHeaderCredentials{T}"/>.
/// </summary>
internal sealed class HeaderCredentialsStep<T> : SoapPipelineStep
{
    private readonly SoapHeaderDescriptor<T> _header;
    private readonly SoapHeader _value;
    private readonly Func<SoapFaultException, bool> _isRejection;

    public HeaderCredentialsStep(SoapHeaderDescriptor<T> header, T credentials, Func<SoapFaultException, bool>? isRejection)
    {
        _header = header;
        _value = header.Create(credentials);
        _isRejection = isRejection ?? IsCredentialsFault;
    }

    public override async ValueTask InvokeAsync(SoapCallContext call, SoapPipelineNext next, CancellationToken cancellationToken)
    {
        if (!call.Operation.DeclaresInputHeader(_header.LocalName, _header.Namespace))
        {
            await next(call, cancellationToken).ConfigureAwait(false);
            return;
        }

        call.Headers.Remove(_header.LocalName, _header.Namespace);
        call.Headers.Add(_value);
        try
        {
            await next(call, cancellationToken).ConfigureAwait(false);
        }
        catch (SoapFaultException fault) when (_isRejection(fault))
        {
            // The fault says what the server said; the credentials themselves are never part of a message.
            throw new SoapAuthenticationException(
                "The service rejected the credentials sent in the '" + _header.LocalName + "' header of '" + call.Operation.Name + "' (" + fault.Message + ").",
                fault);
        }
    }

    /// <summary>
    /// The default test: the fault code or reason speaks of credentials (SoftLayer: <c>SoftLayer_Exception_InvalidLegacyToken</c>,
    /// "Invalid API token."; others: "authentication failed", "invalid credentials", "access denied").
    /// </summary>
    internal static bool IsCredentialsFault(SoapFaultException fault)
    {
        foreach (string text in new[] { fault.Code, fault.Subcode ?? string.Empty, fault.Reason })
        {
            foreach (string word in Words)
            {
                if (text.Contains(word, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static readonly string[] Words = ["token", "credential", "authenticat", "api key", "apikey", "password", "access denied", "unauthorized", "not authorized"];
}
