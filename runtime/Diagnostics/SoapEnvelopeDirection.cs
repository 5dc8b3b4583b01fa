namespace SoapGen.Runtime;

/// <summary>Which way a logged envelope travelled.</summary>
public enum SoapEnvelopeDirection
{
    /// <summary>The request envelope the client sent.</summary>
    Request,

    /// <summary>The reply body the server sent back (a fault, or not SOAP at all, included).</summary>
    Reply,
}
