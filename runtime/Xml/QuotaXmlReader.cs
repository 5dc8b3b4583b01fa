using System.Collections.Generic;
using System.Globalization;
using System.IO;
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

    // _xsiType on an element before anyone asked for it.
    private const int NotLookedUp = -2;

    private readonly XmlReader _inner;
    private readonly ReplyNameTable _names;
    private readonly SoapReaderQuotas _quotas;
    private readonly CancellationToken _cancellationToken;
    private readonly bool _checkStrings;

    // While no name part the parser atomised is longer than this, no "prefix:local" can exceed MaxNameLength
    // (2 × part + 1 ≤ MaxNameLength), and names need no check per node.
    private readonly int _shortNamePart;
    private int _elements;
    private int _sinceCheck;

    // The index of the current element's xsi:nil and xsi:type attributes (-1: none): SoapReader asks for xsi:nil on
    // every value it reads, for xsi:type only where derived types are dispatched on.
    private int _xsiNil = -1;
    private int _xsiType = -1;

    private QuotaXmlReader(XmlReader inner, ReplyNameTable names, SoapReaderQuotas quotas, long documentLength, CancellationToken cancellationToken)
    {
        _inner = inner;
        _names = names;
        _quotas = quotas;
        _checkStrings = documentLength > quotas.MaxStringLength;
        _shortNamePart = (quotas.MaxNameLength - 1) / 2;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Parses <paramref name="input"/> with <paramref name="settings"/> (and a name table of its own), checked.</summary>
    /// <param name="input">The reply's bytes.</param>
    /// <param name="settings">The parser settings; not changed.</param>
    /// <param name="quotas">The limits.</param>
    /// <param name="documentLength">
    /// The document's length in bytes or chars, whichever it is read from. Without a DTD no value can hold more chars
    /// than that (an entity or character reference is longer than what it stands for, and every encoding the runtime
    /// decodes gives at most one char per byte), so when it is within <see cref="SoapReaderQuotas.MaxStringLength"/> value lengths are not
    /// checked at all: the common case then never materialises attribute values nobody reads.
    /// </param>
    /// <param name="cancellationToken">Checked while parsing.</param>
    /// <returns>The checked reader.</returns>
    public static QuotaXmlReader Create(Stream input, XmlReaderSettings settings, SoapReaderQuotas quotas, long documentLength, CancellationToken cancellationToken)
    {
        var names = new ReplyNameTable();
        return new QuotaXmlReader(XmlReader.Create(input, WithNames(settings, names)), names, quotas, documentLength, cancellationToken);
    }

    /// <summary>Parses the chars of <paramref name="input"/>, as <see cref="Create(Stream, XmlReaderSettings, SoapReaderQuotas, long, CancellationToken)"/> does bytes.</summary>
    /// <param name="input">The reply's chars.</param>
    /// <param name="settings">The parser settings; not changed.</param>
    /// <param name="quotas">The limits.</param>
    /// <param name="documentLength">The document's length in chars (or the bytes they were decoded from).</param>
    /// <param name="cancellationToken">Checked while parsing.</param>
    /// <returns>The checked reader.</returns>
    public static QuotaXmlReader Create(TextReader input, XmlReaderSettings settings, SoapReaderQuotas quotas, long documentLength, CancellationToken cancellationToken)
    {
        var names = new ReplyNameTable();
        return new QuotaXmlReader(XmlReader.Create(input, WithNames(settings, names)), names, quotas, documentLength, cancellationToken);
    }

    // One table per parser: what it notes must come from this reply's start tags only.
    private static XmlReaderSettings WithNames(XmlReaderSettings settings, ReplyNameTable names)
    {
        XmlReaderSettings own = settings.Clone();
        own.NameTable = names;
        return own;
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

        // While every name part is short and every value within the limit, the attributes need no check at all.
        if (_checkStrings || _names.Longest > _shortNamePart)
        {
            CheckNames();
        }

        // xsi:nil can only be there if the parser just atomised "nil" (an element or attribute of that name, any namespace).
        _xsiType = NotLookedUp;
        if (_names.SawNil)
        {
            _names.SawNil = false;
            _xsiNil = FindXsiAttribute("nil");
        }
    }

    // The element's name, and each attribute's name and value.
    private void CheckNames()
    {
        CheckName(NameLength());
        if (_inner.MoveToFirstAttribute())
        {
            do
            {
                CheckName(NameLength());
                if (_checkStrings)
                {
                    CheckString(_inner.Value.Length);
                }
            }
            while (_inner.MoveToNextAttribute());
            _inner.MoveToElement();
        }
    }

    // The index of the current element's attribute xsi:localName, or -1; leaves the reader on the element.
    private int FindXsiAttribute(string localName)
    {
        int found = -1;
        if (_inner.MoveToFirstAttribute())
        {
            int index = 0;
            do
            {
                if (_inner.LocalName == localName && _inner.NamespaceURI == SoapNamespaces.Xsi)
                {
                    found = index;
                    break;
                }

                index++;
            }
            while (_inner.MoveToNextAttribute());
            _inner.MoveToElement();
        }

        return found;
    }

    /// <summary>The current element's <c>xsi:nil</c> value as written, or <see langword="null"/>.</summary>
    public string? XsiNil => _xsiNil >= 0 && _inner.NodeType is XmlNodeType.Element or XmlNodeType.Attribute ? _inner.GetAttribute(_xsiNil) : null;

    /// <summary>The current element's <c>xsi:type</c> value as written, or <see langword="null"/>; the reader must be on the element.</summary>
    public string? XsiType
    {
        get
        {
            if (_inner.NodeType != XmlNodeType.Element)
            {
                return null;
            }

            if (_xsiType == NotLookedUp)
            {
                _xsiType = FindXsiAttribute("type");
            }

            return _xsiType >= 0 ? _inner.GetAttribute(_xsiType) : null;
        }
    }

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
