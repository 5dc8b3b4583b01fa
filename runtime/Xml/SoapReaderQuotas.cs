using System;

namespace SoapGen.Runtime;

/// <summary>
/// Limits on the shape of a reply, checked while it is parsed (like WCF's <c>XmlDictionaryReaderQuotas</c>), so a
/// hostile or broken server cannot make a call spend unbounded time or memory: a reply that exceeds one is a
/// <see cref="SoapProtocolException"/> naming the limit. The defaults are far above what real services send; raise
/// one through <see cref="SoapClientOptions.ReaderQuotas"/> if a service really needs it.
/// </summary>
public sealed class SoapReaderQuotas
{
    /// <summary>The defaults, shared; a client that wants other values gets its own instance.</summary>
    internal static readonly SoapReaderQuotas Default = new();

    private int _maxDepth = 128;
    private int _maxNameLength = 1024;
    private int _maxStringLength = 16 * 1024 * 1024;
    private int _maxArrayLength = 100_000;
    private int _maxElementCount = 1_000_000;

    /// <summary>
    /// The deepest element nesting accepted, counted from the Envelope (which is at depth 0); default 128.
    /// Depth is what makes tree-shaped processing (faults' detail, <c>XElement</c> members, multi-ref replies) costly.
    /// </summary>
    public int MaxDepth { get => _maxDepth; set => _maxDepth = Positive(value); }

    /// <summary>The longest element or attribute name, prefix included, in characters; default 1,024.</summary>
    public int MaxNameLength { get => _maxNameLength; set => _maxNameLength = Positive(value); }

    /// <summary>The longest text value (element text or attribute value), in characters; default 16 Mi (16,777,216).</summary>
    public int MaxStringLength { get => _maxStringLength; set => _maxStringLength = Positive(value); }

    /// <summary>The most items one array may hold; default 100,000.</summary>
    public int MaxArrayLength { get => _maxArrayLength; set => _maxArrayLength = Positive(value); }

    /// <summary>The most elements one reply may hold, the envelope's own included; default 1,000,000.</summary>
    public int MaxElementCount { get => _maxElementCount; set => _maxElementCount = Positive(value); }

    private static int Positive(int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
        return value;
    }
}
