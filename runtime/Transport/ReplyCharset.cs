using System;
using System.Text;

namespace SoapGen.Runtime;

/// <summary>
/// Maps the charset of a reply's Content-Type to an <see cref="Encoding"/>. NuSOAP (InterServer) answers
/// <c>ISO-8859-1</c>, which the WCF client rejects outright; we decode it. Only encodings .NET has built in are
/// supported (no code-page provider, to stay small and AOT-friendly); anything else is a protocol error rather than
/// silently garbled text.
/// </summary>
internal static class ReplyCharset
{
    // One instance for every call: Encoding objects are immutable and thread-safe.
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Returns <see langword="null"/> when the reply names no charset (then BOM and XML declaration decide).</summary>
    public static Encoding? Resolve(string? charset, out bool unknown)
    {
        unknown = false;
        charset = charset?.Trim().Trim('"', '\'').Trim();
        if (string.IsNullOrEmpty(charset))
        {
            return null;
        }

        switch (charset.ToLowerInvariant())
        {
            case "utf-8":
            case "utf8":
                return Utf8;
            case "iso-8859-1":
            case "iso8859-1":
            case "iso_8859-1":
            case "latin1":
            case "l1":
                return Encoding.Latin1;
            case "us-ascii":
            case "ascii":
                // ASCII is a subset of Latin-1; decoding as Latin-1 keeps stray 8-bit bytes instead of turning them into '?'.
                return Encoding.Latin1;
        }

        try
        {
            return Encoding.GetEncoding(charset);
        }
        catch (ArgumentException)
        {
            unknown = true;
            return null;
        }
    }
}
