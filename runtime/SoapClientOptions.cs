using System;

namespace SoapGen.Runtime;

/// <summary>Options a generated client accepts to override what the WSDL says.</summary>
public sealed class SoapClientOptions
{
    /// <summary>The endpoint to call; <see langword="null"/> uses the address from the WSDL.</summary>
    public Uri? Endpoint { get; set; }


    /// <summary>
    /// The largest reply body, in bytes after decompression, the client accepts before it gives up.
    /// Defaults to <see cref="SoapTransport.DefaultMaxReplyBytes"/> (64 MiB).
    /// </summary>
    public long MaxReplyBytes { get; set; } = SoapTransport.DefaultMaxReplyBytes;
}
