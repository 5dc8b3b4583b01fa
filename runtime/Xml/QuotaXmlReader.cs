using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Xml;

namespace SoapGen.Runtime;

/// <summary>
/// An <see cref="XmlReader"/> over another that enforces <see cref="SoapReaderQuotas"/> on every node it passes
/// and honours a cancellation token while parsing. Everything that reads a reply (envelope, body, faults, headers,
/// multi-ref loading) reads through it, so no path can load a tree deeper or larger than the quotas allow: tree
/// operations whose cost grows with depth (namespace lookups while serialising an <c>XElement</c>) stay linear in the reply size.
/// </summary>
internal sealed class QuotaXmlReader : XmlReader, IXmlNamespaceResolver, IXmlLineInfo
{
    // Checking the token is cheap but not free; every 1,024 nodes bounds the delay to microseconds.
    private const int CancellationCheckInterval = 1024;

    private readonly XmlReader _inner;
    private readonly SoapReaderQuotas _quotas;
    private readonly CancellationToken _cancellationToken;
    private readonly bool _checkStrings;
    private int _elements;
    private int _sinceCheck;

    // The index of the current element's xsi:nil and xsi:type attributes (-1: none), noted by the walk that checks the
    // attribute names: SoapReader asks for both on every value it reads and would otherwise walk the attributes again.
    private int _xsiNil = -1;
    private int _xsiType = -1;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    /// <param name="inner">The reader to check.</param>
    /// <param name="quotas">The limits.</param>
    /// <param name="documentLength">
    /// The document's length in bytes or chars, whichever it is read from. Without a DTD no value can hold more chars
    /// than that (an entity or character reference is longer than what it stands for, and every encoding the runtime
    /// decodes gives at most one char per byte), so when it is within <see cref="SoapReaderQuotas.MaxStringLength"/> value lengths are not
    /// checked at all: the common case then never materialises attribute values nobody reads.
    /// </param>
    /// <param name="cancellationToken">Checked while parsing.</param>
    public QuotaXmlReader(XmlReader inner, SoapReaderQuotas quotas, long documentLength, CancellationToken cancellationToken)
    {
        _inner = inner;
        _quotas = quotas;
        _checkStrings = documentLength > quotas.MaxStringLength;
        _cancellationToken = cancellationToken;
    }

    public SoapReaderQuotas Quotas => _quotas;

    /// <summary>The reader checked; asking it about the current node is safe (only moving needs the checks).</summary>
    public XmlReader Inner => _inner;

    public override bool Read()
    {
        if (++_sinceCheck >= CancellationCheckInterval)
        {
            _sinceCheck = 0;
            _cancellationToken.ThrowIfCancellationRequested();
        }

        _xsiNil = -1;
        _xsiType = -1;
        if (!_inner.Read())
        {
            return false;
        }

        switch (_inner.NodeType)
        {
            case XmlNodeType.Element:
                CheckElement();
                break;
            case XmlNodeType.Text:
            case XmlNodeType.CDATA:
                // Whitespace between elements is not checked: nobody materialises it, and the size limit bounds it.
                if (_checkStrings)
                {
                    CheckString(_inner.Value.Length);
                }

                break;
        }

        return true;
    }

    private void CheckElement()
    {
        if (_inner.Depth > _quotas.MaxDepth)
        {
            throw Exceeded("nests elements more than " + Count(_quotas.MaxDepth) + " levels deep", nameof(SoapReaderQuotas.MaxDepth));
        }

        if (++_elements > _quotas.MaxElementCount)
        {
            throw Exceeded("holds more than " + Count(_quotas.MaxElementCount) + " elements", nameof(SoapReaderQuotas.MaxElementCount));
        }

        CheckName(NameLength());
        if (_inner.MoveToFirstAttribute())
        {
            int index = 0;
            do
            {
                CheckName(NameLength());
                if (_checkStrings)
                {
                    CheckString(_inner.Value.Length);
                }

                NoteXsi(index++);
            }
            while (_inner.MoveToNextAttribute());
            _inner.MoveToElement();
        }
    }

    private void NoteXsi(int index)
    {
        string localName = _inner.LocalName;
        if ((localName == "nil" || localName == "type") && _inner.NamespaceURI == SoapNamespaces.Xsi)
        {
            if (localName == "nil")
            {
                _xsiNil = index;
            }
            else
            {
                _xsiType = index;
            }
        }
    }

    /// <summary>The current element's <c>xsi:nil</c> value as written, or <see langword="null"/>.</summary>
    public string? XsiNil => _xsiNil >= 0 && _inner.NodeType is XmlNodeType.Element or XmlNodeType.Attribute ? _inner.GetAttribute(_xsiNil) : null;

    /// <summary>The current element's <c>xsi:type</c> value as written, or <see langword="null"/>.</summary>
    public string? XsiType => _xsiType >= 0 && _inner.NodeType is XmlNodeType.Element or XmlNodeType.Attribute ? _inner.GetAttribute(_xsiType) : null;

    // The length of Name ("prefix:local") without asking for Name, which builds and atomises that string for every
    // prefixed node (xsi:type on every encoded value).
    private int NameLength()
    {
        int prefix = _inner.Prefix.Length;
        return (prefix == 0 ? 0 : prefix + 1) + _inner.LocalName.Length;
    }

    private void CheckName(int length)
    {
        if (length > _quotas.MaxNameLength)
        {
            throw Exceeded("has a name longer than " + Count(_quotas.MaxNameLength) + " characters", nameof(SoapReaderQuotas.MaxNameLength));
        }
    }

    private void CheckString(int length)
    {
        if (length > _quotas.MaxStringLength)
        {
            throw Exceeded("has a text value longer than " + Count(_quotas.MaxStringLength) + " characters", nameof(SoapReaderQuotas.MaxStringLength));
        }
    }

    internal static SoapProtocolException Exceeded(string what, string quota) =>
        new("The reply " + what + " (SoapReaderQuotas." + quota + "); if such replies are expected, raise SoapClientOptions.ReaderQuotas." + quota);

    private static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public override XmlNodeType NodeType => _inner.NodeType;

    public override string LocalName => _inner.LocalName;

    public override string Name => _inner.Name;

    public override string NamespaceURI => _inner.NamespaceURI;

    public override string Prefix => _inner.Prefix;

    public override bool HasValue => _inner.HasValue;

    public override string Value => _inner.Value;

    public override int Depth => _inner.Depth;

    public override string BaseURI => _inner.BaseURI;

    public override bool IsEmptyElement => _inner.IsEmptyElement;

    public override bool IsDefault => _inner.IsDefault;

    public override XmlSpace XmlSpace => _inner.XmlSpace;

    public override string XmlLang => _inner.XmlLang;

    public override int AttributeCount => _inner.AttributeCount;

    public override bool EOF => _inner.EOF;

    public override ReadState ReadState => _inner.ReadState;

    public override XmlNameTable NameTable => _inner.NameTable;

    public override XmlReaderSettings? Settings => _inner.Settings;

    public override bool CanResolveEntity => false;

    public override string? GetAttribute(string name) => _inner.GetAttribute(name);

    public override string? GetAttribute(string name, string? namespaceURI) => _inner.GetAttribute(name, namespaceURI);

    public override string GetAttribute(int i) => _inner.GetAttribute(i);

    public override bool MoveToAttribute(string name) => _inner.MoveToAttribute(name);

    public override bool MoveToAttribute(string name, string? ns) => _inner.MoveToAttribute(name, ns);

    public override void MoveToAttribute(int i) => _inner.MoveToAttribute(i);

    public override bool MoveToFirstAttribute() => _inner.MoveToFirstAttribute();

    public override bool MoveToNextAttribute() => _inner.MoveToNextAttribute();

    public override bool MoveToElement() => _inner.MoveToElement();

    public override bool ReadAttributeValue() => _inner.ReadAttributeValue();

    public override string? LookupNamespace(string prefix) => _inner.LookupNamespace(prefix);

    // Entities are never expanded: DTDs are prohibited, so there is nothing to resolve.
    public override void ResolveEntity() => throw new System.InvalidOperationException();

    IDictionary<string, string> IXmlNamespaceResolver.GetNamespacesInScope(XmlNamespaceScope scope) =>
        (_inner as IXmlNamespaceResolver)?.GetNamespacesInScope(scope) ?? new Dictionary<string, string>();

    string? IXmlNamespaceResolver.LookupPrefix(string namespaceName) => (_inner as IXmlNamespaceResolver)?.LookupPrefix(namespaceName);

    bool IXmlLineInfo.HasLineInfo() => _inner is IXmlLineInfo info && info.HasLineInfo();

    int IXmlLineInfo.LineNumber => (_inner as IXmlLineInfo)?.LineNumber ?? 0;

    int IXmlLineInfo.LinePosition => (_inner as IXmlLineInfo)?.LinePosition ?? 0;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
