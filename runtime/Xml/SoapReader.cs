using System;
using System.Collections.Generic;
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace SoapGen.Runtime;

/// <summary>
/// Reads the inside of a SOAP Body; used by generated code. Reads leniently: any prefixes, qualified or unqualified
/// names (the generated code compares local names), <c>xsi:type</c> ignored by the value readers (generated code
/// dispatches derived types on it with <see cref="TryGetXsiType"/>), <c>xsi:nil</c> honoured on anything
/// (value types included), empty elements for non-strings read as <see langword="null"/>, whitespace around values trimmed.
/// </summary>
/// <remarks>
/// Every <c>ReadXxx</c> method expects the reader on an element's start tag and consumes the whole element.
/// Inside a struct, a child the generated code does not know must be consumed with <see cref="Skip"/> before the
/// next <see cref="ReadNextChild"/>. When the reader is not on an element (an empty Body), reads return
/// <see langword="null"/> or <see langword="false"/> without moving.
/// </remarks>
public sealed partial class SoapReader
{
    // Values quoted in error messages are cut short: a reply can hold a whole document where a number was expected.
    private const int MaxQuotedValueLength = 64;

    // Set by ReadStartStruct on an empty element (<x/>), cleared by the ReadNextChild that consumes it.
    private bool _emptyStruct;

    /// <summary>Wraps an <see cref="System.Xml.XmlReader"/>; the transport does this, tests of generated code may too.</summary>
    /// <param name="reader">The reader, positioned on the element to read (call <see cref="System.Xml.XmlReader.MoveToContent"/> first).</param>
    public SoapReader(XmlReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        XmlReader = reader;
        _quota = reader as QuotaXmlReader;
        _node = _quota?.Inner ?? reader;
    }

    // What the current node is asked through: the quota reader checks nodes as it moves to them, so asking about the one it
    // is on goes straight to the reader under it (two virtual calls per question less, on every value). Moving (Read, Skip,
    // loading an XElement) always goes through XmlReader, the checked reader.
    private readonly XmlReader _node;

    // The checked reader, when it is one: it notes each element's xsi: attributes as it checks them.
    private readonly QuotaXmlReader? _quota;

    /// <summary>The underlying reader, for constructs the helpers do not cover.</summary>
    public XmlReader XmlReader { get; }

    /// <summary>The local name of the current node, whatever its prefix or namespace.</summary>
    public string LocalName => _node.LocalName;

    /// <summary>
    /// With the reader on a struct's element: returns <see langword="false"/> and consumes the element when it is
    /// <c>xsi:nil</c> (the value is null); otherwise enters it and returns <see langword="true"/>, also for an empty
    /// element (a value with no members: <see cref="ReadNextChild"/> then returns <see langword="false"/> at once).
    /// Text other than whitespace inside the element is a <see cref="SoapProtocolException"/>: a value of the wrong shape.
    /// </summary>
    /// <returns>Whether the struct is present (not nil).</returns>
    public bool ReadStartStruct()
    {
        if (_node.NodeType != XmlNodeType.Element)
        {
            return false;
        }

        if (IsNil())
        {
            XmlReader.Skip();
            return false;
        }

        // An empty element has no end tag to stop at: remember to consume it on the first ReadNextChild.
        _emptyStruct = _node.IsEmptyElement;
        if (!_emptyStruct)
        {
            ElementName name = CurrentName();
            XmlReader.Read();
            if (IsText())
            {
                // "abc" where members or items were expected: reading it as an empty value would lose what the server said.
                throw new SoapProtocolException(
                    "The reply's element <" + BodyPreview.Excerpt(name.ToString()) + "> holds the text '" + BodyPreview.Excerpt(_node.Value.Trim()) +
                    "' where a struct or an array was expected.");
            }
        }

        return true;
    }

    /// <summary>
    /// Moves to the next child element of the current struct, skipping text and whitespace. Returns
    /// <see langword="false"/> and consumes the struct's end tag when there are no more children.
    /// </summary>
    /// <returns>Whether the reader is on a child element.</returns>
    public bool ReadNextChild()
    {
        if (_emptyStruct)
        {
            _emptyStruct = false;
            XmlReader.Read();
            return false;
        }

        while (true)
        {
            switch (_node.NodeType)
            {
                case XmlNodeType.Element:
                    return true;
                case XmlNodeType.EndElement:
                    XmlReader.Read();
                    return false;
                case XmlNodeType.None:
                    // End of input; an XmlReader over a truncated document throws before this, an XNode reader ends here.
                    return false;
                case XmlNodeType.Text or XmlNodeType.CDATA when IsText():
                    throw new SoapProtocolException(
                        "The reply holds the text '" + BodyPreview.Excerpt(_node.Value.Trim()) + "' between the members of a struct or the items of an array.");
                default:
                    if (!XmlReader.Read())
                    {
                        return false;
                    }

                    break;
            }
        }
    }

    /// <summary>Skips the current element with everything in it (for elements the generated code does not know).</summary>
    public void Skip()
    {
        if (_node.NodeType == XmlNodeType.Element)
        {
            XmlReader.Skip();
        }
        else
        {
            XmlReader.Read();
        }
    }

    /// <summary>
    /// The raw value of an attribute of the current element (read before entering it with <see cref="ReadStartStruct"/>),
    /// or <see langword="null"/> when it is absent. Does not move the reader.
    /// </summary>
    /// <param name="localName">The attribute's local name.</param>
    /// <param name="ns">The attribute's namespace, or <see langword="null"/> for an unqualified attribute.</param>
    /// <returns>The value as written.</returns>
    public string? ReadAttribute(string localName, string? ns) =>
        _node.NodeType == XmlNodeType.Element ? _node.GetAttribute(localName, ns ?? string.Empty) : null;

    /// <summary>
    /// An attribute of the current element parsed with <paramref name="parse"/> (e.g. <c>XmlConvert.ToInt32</c>);
    /// absent or empty gives <see langword="null"/>; a value that does not parse is a <see cref="SoapProtocolException"/>.
    /// </summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="localName">The attribute's local name.</param>
    /// <param name="ns">The attribute's namespace, or <see langword="null"/> for an unqualified attribute.</param>
    /// <param name="xsdType">The XSD type name, for the error message.</param>
    /// <param name="parse">Parses the XSD lexical form.</param>
    /// <returns>The value.</returns>
    public T? ReadAttribute<T>(string localName, string? ns, string xsdType, Func<string, T> parse)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(parse);
        string? text = ReadAttribute(localName, ns)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        try
        {
            return parse(text);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException)
        {
            throw ValueError("@" + localName, text, xsdType);
        }
    }

    /// <summary>
    /// An attribute of the current element parsed with <paramref name="parse"/> into a reference type (bytes);
    /// absent gives <see langword="null"/>; a value that does not parse is a <see cref="SoapProtocolException"/>.
    /// </summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="localName">The attribute's local name.</param>
    /// <param name="ns">The attribute's namespace, or <see langword="null"/> for an unqualified attribute.</param>
    /// <param name="xsdType">The XSD type name, for the error message.</param>
    /// <param name="parse">Parses the XSD lexical form.</param>
    /// <returns>The value.</returns>
    public T? ReadAttributeObject<T>(string localName, string? ns, string xsdType, Func<string, T> parse)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(parse);
        string? text = ReadAttribute(localName, ns);
        if (text is null)
        {
            return null;
        }

        try
        {
            return parse(text);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException)
        {
            throw ValueError("@" + localName, text, xsdType);
        }
    }

    /// <summary>
    /// The attributes of the current element other than <paramref name="declared"/>, namespace
    /// declarations and <c>xsi:</c> attributes: what an <c>xsd:anyAttribute</c> keeps. <see langword="null"/> when there are none.
    /// Does not move the reader.
    /// </summary>
    /// <param name="declared">The attributes the type declares: local name and namespace (<see langword="null"/> for unqualified).</param>
    /// <returns>The other attributes.</returns>
    public XAttribute[]? ReadOtherAttributes(params (string LocalName, string? Namespace)[] declared)
    {
        if (_node.NodeType != XmlNodeType.Element || !_node.MoveToFirstAttribute())
        {
            return null;
        }

        List<XAttribute>? others = null;
        do
        {
            string ns = _node.NamespaceURI;
            if (ns == SoapNamespaces.Xmlns || ns == SoapNamespaces.Xsi || IsDeclared(declared, _node.LocalName, ns))
            {
                continue;
            }

            (others ??= new List<XAttribute>()).Add(new XAttribute(XName.Get(_node.LocalName, ns), _node.Value));
        }
        while (_node.MoveToNextAttribute());

        _node.MoveToElement();
        return others?.ToArray();
    }

    private static bool IsDeclared((string LocalName, string? Namespace)[] declared, string localName, string ns)
    {
        foreach ((string name, string? declaredNs) in declared)
        {
            if (name == localName && (declaredNs ?? string.Empty) == ns)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Reads the current element whole, whatever it holds (nil included): what an <c>xsd:any</c> keeps. Namespace
    /// declarations in scope are copied onto it so prefixed values inside still resolve.
    /// </summary>
    /// <returns>The element.</returns>
    public XElement ReadOtherElement() => XmlElementLoader.Load(XmlReader);

    /// <summary>
    /// The <c>xsi:type</c> of the current element, its prefix resolved with the namespaces in scope (no prefix: the default
    /// namespace); false when it has none. Does not move the reader.
    /// </summary>
    /// <param name="localName">The type's local name.</param>
    /// <param name="ns">The type's namespace.</param>
    /// <returns>Whether the element names its type.</returns>
    public bool TryGetXsiType(out string localName, out string ns)
    {
        localName = string.Empty;
        ns = string.Empty;
        string? value = _quota is { } quota ? (_node.NodeType == XmlNodeType.Element ? quota.XsiType : null) : XsiAttribute("type");
        if (value is null)
        {
            return false;
        }

        value = value.Trim();
        int colon = value.IndexOf(':');
        localName = colon < 0 ? value : value.Substring(colon + 1);
        ns = _node.LookupNamespace(colon < 0 ? string.Empty : value.Substring(0, colon)) ?? string.Empty;
        return localName.Length > 0;
    }

    /// <summary>
    /// Reads a response wrapper that holds one part: servers name that part freely ("return", "result", "s-gensym3"),
    /// so the first child is read with <paramref name="readPart"/>, whatever its name, and any further ones are skipped.
    /// </summary>
    /// <typeparam name="T">The part's type.</typeparam>
    /// <param name="readPart">Reads the part's element (and consumes it).</param>
    /// <returns>The part; <see langword="default"/> when the wrapper is nil or empty.</returns>
    public T? ReadSinglePart<T>(Func<SoapReader, T> readPart)
    {
        ArgumentNullException.ThrowIfNull(readPart);
        T? part = default;
        if (!ReadStartStruct())
        {
            return part;
        }

        var seen = false;
        while (ReadNextChild())
        {
            if (seen)
            {
                Skip();
                continue;
            }

            part = readPart(this);
            seen = true;
        }

        return part;
    }

    /// <summary>Reads a string element: <c>xsi:nil</c> gives <see langword="null"/>, an empty element gives <c>""</c>.</summary>
    /// <returns>The text, not trimmed.</returns>
    public string? ReadString() => ReadText();

    /// <summary>Reads an <c>xsd:int</c> element; nil or empty gives <see langword="null"/>.</summary>
    /// <returns>The value.</returns>
    public int? ReadInt32() =>
        ReadValue("int", static (string s, out int v) => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out v));

    /// <summary>Reads an <c>xsd:long</c> element; nil or empty gives <see langword="null"/>.</summary>
    /// <returns>The value.</returns>
    public long? ReadInt64() =>
        ReadValue("long", static (string s, out long v) => long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out v));

    /// <summary>Reads an <c>xsd:short</c> element; nil or empty gives <see langword="null"/>.</summary>
    /// <returns>The value.</returns>
    public short? ReadInt16() =>
        ReadValue("short", static (string s, out short v) => short.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out v));

    /// <summary>Reads an <c>xsd:byte</c> (signed) element; nil or empty gives <see langword="null"/>.</summary>
    /// <returns>The value.</returns>
    public sbyte? ReadByte() =>
        ReadValue("byte", static (string s, out sbyte v) => sbyte.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out v));

    /// <summary>Reads an <c>xsd:unsignedByte</c> element; nil or empty gives <see langword="null"/>.</summary>
    /// <returns>The value.</returns>
    public byte? ReadUnsignedByte() =>
        ReadValue("unsignedByte", static (string s, out byte v) => byte.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out v));

    /// <summary>Reads an <c>xsd:boolean</c> element (<c>true</c>/<c>1</c>/<c>false</c>/<c>0</c>, any casing); nil or empty gives <see langword="null"/>.</summary>
    /// <returns>The value.</returns>
    public bool? ReadBoolean() => ReadValue<bool>("boolean", XsdParse.Boolean);

    /// <summary>Reads an <c>xsd:float</c> element (also <c>INF</c>, <c>-INF</c>, <c>NaN</c>); nil or empty gives <see langword="null"/>.</summary>
    /// <returns>The value.</returns>
    public float? ReadSingle() => ReadValue<float>("float", XsdParse.Single);

    /// <summary>Reads an <c>xsd:double</c> element (also <c>INF</c>, <c>-INF</c>, <c>NaN</c>); nil or empty gives <see langword="null"/>.</summary>
    /// <returns>The value.</returns>
    public double? ReadDouble() => ReadValue<double>("double", XsdParse.Double);

    /// <summary>Reads an <c>xsd:decimal</c> element; nil or empty gives <see langword="null"/>.</summary>
    /// <returns>The value.</returns>
    public decimal? ReadDecimal() =>
        ReadValue("decimal", static (string s, out decimal v) => decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out v));

    /// <summary>Reads an <c>xsd:unsignedShort</c> element; nil or empty gives <see langword="null"/>.</summary>
    /// <returns>The value.</returns>
    public ushort? ReadUInt16() =>
        ReadValue("unsignedShort", static (string s, out ushort v) => ushort.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out v));

    /// <summary>Reads an <c>xsd:unsignedInt</c> element; nil or empty gives <see langword="null"/>.</summary>
    /// <returns>The value.</returns>
    public uint? ReadUInt32() =>
        ReadValue("unsignedInt", static (string s, out uint v) => uint.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out v));

    /// <summary>Reads an <c>xsd:unsignedLong</c> element; nil or empty gives <see langword="null"/>.</summary>
    /// <returns>The value.</returns>
    public ulong? ReadUInt64() =>
        ReadValue("unsignedLong", static (string s, out ulong v) => ulong.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out v));

    /// <summary>Reads an <c>xsd:integer</c> element (or a relative: nonNegativeInteger, …) of any size; nil or empty gives <see langword="null"/>.</summary>
    /// <returns>The value.</returns>
    public BigInteger? ReadInteger() => ReadValue<BigInteger>("integer", XsdParse.Integer);

    /// <summary>Reads an <c>xsd:dateTime</c> element (no zone means UTC); nil or empty gives <see langword="null"/>.</summary>
    /// <returns>The value.</returns>
    public DateTimeOffset? ReadDateTime() => ReadValue<DateTimeOffset>("dateTime", XsdParse.DateTime);

    /// <summary>Reads an <c>xsd:date</c> element (a zone is dropped: the calendar day is the value); nil or empty gives <see langword="null"/>.</summary>
    /// <returns>The date.</returns>
    public DateOnly? ReadDate() => ReadValue<DateOnly>("date", XsdParse.Date);

    /// <summary>Reads an <c>xsd:time</c> element (a zone is dropped: the time of day is the value); nil or empty gives <see langword="null"/>.</summary>
    /// <returns>The time of day.</returns>
    public TimeOnly? ReadTime() => ReadValue<TimeOnly>("time", XsdParse.Time);

    /// <summary>
    /// Reads an <c>xsd:duration</c> element; years count 365 days and months 30 (a <see cref="TimeSpan"/> has no calendar);
    /// nil or empty gives <see langword="null"/>.
    /// </summary>
    /// <returns>The duration.</returns>
    public TimeSpan? ReadDuration() =>
        ReadValue("duration", static (string s, out TimeSpan v) =>
        {
            try
            {
                v = XmlConvert.ToTimeSpan(s);
                return true;
            }
            catch (Exception ex) when (ex is FormatException or OverflowException)
            {
                v = default;
                return false;
            }
        });

    /// <summary>
    /// Reads an <c>xsd:QName</c> element, its prefix resolved with the namespaces in scope there; nil or empty gives
    /// <see langword="null"/>, an undeclared prefix is a <see cref="SoapProtocolException"/>.
    /// </summary>
    /// <returns>The qualified name.</returns>
    public XmlQualifiedName? ReadQName()
    {
        string? text = ReadText(resolvePrefix: true, out string? ns, out ElementName elementName)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        int colon = text.IndexOf(':');
        string local = colon < 0 ? text : text.Substring(colon + 1);
        if (ns is null || local.Length == 0 || !IsNCName(local))
        {
            throw ValueError(elementName.ToString(), text, "QName");
        }

        return new XmlQualifiedName(local, ns);
    }

    /// <summary>
    /// Reads an <c>xsd:base64Binary</c> element: nil gives <see langword="null"/>, an empty element zero bytes (the empty
    /// string is the base64 form of no bytes, not an absent value).
    /// </summary>
    /// <returns>The bytes.</returns>
    public byte[]? ReadBase64() => ReadBinary("base64Binary", Convert.FromBase64String);

    /// <summary>Reads an <c>xsd:hexBinary</c> element: nil gives <see langword="null"/>, an empty element zero bytes.</summary>
    /// <returns>The bytes.</returns>
    public byte[]? ReadHexBinary() => ReadBinary("hexBinary", Convert.FromHexString);

    private byte[]? ReadBinary(string xsdType, Func<string, byte[]> decode)
    {
        string? text = ReadText(out ElementName elementName)?.Trim();
        if (text is null)
        {
            return null;
        }

        try
        {
            return text.Length == 0 ? Array.Empty<byte>() : decode(text);
        }
        catch (FormatException)
        {
            throw ValueError(elementName.ToString(), text, xsdType);
        }
    }

    /// <summary>
    /// Reads the current element as an <see cref="XElement"/> (for <c>xsd:any</c> and types the generator keeps as XML);
    /// <c>xsi:nil</c> gives <see langword="null"/>. Namespace declarations in scope are copied onto the element so
    /// prefixed values inside it still resolve.
    /// </summary>
    /// <returns>The element.</returns>
    public XElement? ReadXElement()
    {
        if (_node.NodeType != XmlNodeType.Element)
        {
            return null;
        }

        if (IsNil())
        {
            XmlReader.Skip();
            return null;
        }

        return XmlElementLoader.Load(XmlReader);
    }

    /// <summary>
    /// Reads an array: <c>xsi:nil</c> gives <see langword="null"/>, an empty element an empty array; otherwise
    /// <paramref name="readItem"/> is called on each child element, whatever its name, and must consume it. More items than
    /// <see cref="SoapReaderQuotas.MaxArrayLength"/>, or a SOAP-ENC size (<c>arrayType="xsd:int[3]"</c>) other than the
    /// item count of a complete array, is a <see cref="SoapProtocolException"/>. A partially transmitted array
    /// (<c>SOAP-ENC:offset="[2]"</c>) or a sparse one (items with <c>SOAP-ENC:position="[5]"</c>) has the size it declares,
    /// each item at its place and <see langword="default"/> where none was sent (SOAP 1.1 §5.4.2.1–2).
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="readItem">Reads one item element (e.g. <c>r =&gt; r.ReadInt32()</c>).</param>
    /// <returns>The items.</returns>
    public T[]? ReadArray<T>(Func<SoapReader, T> readItem)
    {
        ArgumentNullException.ThrowIfNull(readItem);
        if (_node.NodeType != XmlNodeType.Element)
        {
            return null;
        }

        if (IsNil())
        {
            XmlReader.Skip();
            return null;
        }

        string elementName = _node.Name;
        string[]? dimensions = DeclaredDimensions(out string? offset);
        if (!ReadStartStruct())
        {
            return Array.Empty<T>();
        }

        if (offset is not null)
        {
            return ReadPlacedItems(readItem, elementName, dimensions, offset, new List<T>(), onItem: ReadNextChild());
        }

        int? declared = dimensions is { Length: 1 } && int.TryParse(dimensions[0], NumberStyles.None, CultureInfo.InvariantCulture, out int size) ? size : null;
        int max = (XmlReader as QuotaXmlReader)?.Quotas.MaxArrayLength ?? int.MaxValue;

        // The declared size sizes the array only up to a small bound ("[2147483647]" must not reserve 8 GB); it is
        // checked against the items at the end. Exactly sized, the array is returned as it is, not copied from a list.
        T[] items = declared is > 0 ? new T[Math.Min(declared.Value, MaxPresizedItems)] : Array.Empty<T>();
        int count = 0;
        while (ReadNextChild())
        {
            if (count == max)
            {
                throw QuotaXmlReader.Exceeded("holds an array with more than " + max.ToString("N0", CultureInfo.InvariantCulture) + " items", nameof(SoapReaderQuotas.MaxArrayLength));
            }

            if (dimensions is not null && HasAttribute("position"))
            {
                return ReadPlacedItems(readItem, elementName, dimensions, offset: null, new List<T>(new ArraySegment<T>(items, 0, count)), onItem: true);
            }

            if (count == items.Length)
            {
                Array.Resize(ref items, Math.Max(4, (int)Math.Min(2L * items.Length, Array.MaxLength)));
            }

            items[count++] = readItem(this);
        }

        if (declared is { } length && length != count)
        {
            throw new SoapProtocolException(
                "The reply's array <" + BodyPreview.Excerpt(elementName) + "> declares " + length.ToString(CultureInfo.InvariantCulture) + " items and holds " +
                count.ToString(CultureInfo.InvariantCulture) + ".");
        }

        if (count != items.Length)
        {
            Array.Resize(ref items, count);
        }

        return items;
    }

    // Up to this many items (a few KB of references) are allocated on the word of a SOAP-ENC arrayType.
    private const int MaxPresizedItems = 4096;

    /// <summary>
    /// Reads a two-dimensional SOAP-encoded array: its shape from <c>SOAP-ENC:arrayType="t[rows,columns]"</c> (SOAP 1.2:
    /// <c>arraySize="rows columns"</c>), its items in row-major order (or at their <c>position</c>). <c>xsi:nil</c> gives
    /// <see langword="null"/>; a missing shape reads the items as one row; more or fewer items than the shape holds is a
    /// <see cref="SoapProtocolException"/>.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="readItem">Reads one item element.</param>
    /// <returns>The items.</returns>
    public T[,]? ReadArray2D<T>(Func<SoapReader, T> readItem) =>
        ReadMultiDimensionalArray(2, readItem, static lengths => new T[lengths[0], lengths[1]]);

    private bool HasAttribute(string localName)
    {
        if (!_node.MoveToFirstAttribute())
        {
            return false;
        }

        bool found = false;
        do
        {
            found = _node.LocalName == localName;
        }
        while (!found && _node.MoveToNextAttribute());
        _node.MoveToElement();
        return found;
    }

    private bool IsText() =>
        (_node.NodeType == XmlNodeType.Text || _node.NodeType == XmlNodeType.CDATA) && !string.IsNullOrWhiteSpace(_node.Value);

    private bool IsNil()
    {
        string? nil = _quota is { } quota ? quota.XsiNil : XsiAttribute("nil");
        if (nil is null)
        {
            return false;
        }

        nil = nil.Trim();
        return nil == "true" || nil == "1";
    }

    // An xsi: attribute of the current element, over a reader that is not the checked one, found by walking its attributes
    // (none, for most literal values): GetAttribute(name, ns) would hash the 41-character XSI namespace into the name
    // table again for every value read.
    private string? XsiAttribute(string localName)
    {
        XmlReader reader = _node;
        if (reader.NodeType != XmlNodeType.Element || !reader.MoveToFirstAttribute())
        {
            return null;
        }

        string? value = null;
        do
        {
            if (reader.LocalName == localName && reader.NamespaceURI == SoapNamespaces.Xsi)
            {
                value = reader.Value;
                break;
            }
        }
        while (reader.MoveToNextAttribute());
        reader.MoveToElement();
        return value;
    }

    // The element's name as written ("p:local"), kept as its two atomised parts: the joined string is built only for an
    // error message (asking the reader for Name builds and atomises it for every prefixed element).
    private ElementName CurrentName() => new(_node.Prefix, _node.LocalName);

    private readonly record struct ElementName(string Prefix, string LocalName)
    {
        // default (no element read) gives "".
        public override string ToString() => string.IsNullOrEmpty(Prefix) ? LocalName ?? string.Empty : Prefix + ":" + LocalName;
    }

    private delegate bool TryParse<T>(string text, out T value);

    private T? ReadValue<T>(string xsdType, TryParse<T> parse)
        where T : struct
    {
        string? text = ReadText(out ElementName elementName)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (!parse(text, out T value))
        {
            throw ValueError(elementName.ToString(), text, xsdType);
        }

        return value;
    }

    private static SoapProtocolException ValueError(string? elementName, string text, string xsdType)
    {
        return new SoapProtocolException(
            "The reply's element <" + BodyPreview.Excerpt(elementName ?? string.Empty) + "> holds '" + BodyPreview.Excerpt(text, MaxQuotedValueLength) +
            "', which is not a valid xsd:" + xsdType + ".");
    }

    private static bool IsNCName(string name)
    {
        try
        {
            XmlConvert.VerifyNCName(name);
            return true;
        }
        catch (XmlException)
        {
            return false;
        }
    }

    // Reads the text content of the current element and consumes it: nil → null, empty → "".
    private string? ReadText() => ReadText(resolvePrefix: false, out _, out _);

    // The same, with the element's name for an error message about its value (default when it is nil or empty).
    private string? ReadText(out ElementName name) => ReadText(resolvePrefix: false, out _, out name);

    // With resolvePrefix, also the namespace the text's prefix ("p:" or none: the default namespace) has on this element.
    private string? ReadText(bool resolvePrefix, out string? prefixNamespace, out ElementName name)
    {
        prefixNamespace = null;
        name = default;
        if (_node.NodeType != XmlNodeType.Element)
        {
            return null;
        }

        if (IsNil())
        {
            XmlReader.Skip();
            return null;
        }

        if (_node.IsEmptyElement)
        {
            XmlReader.Read();
            return string.Empty;
        }

        name = CurrentName();
        XmlReader.Read();

        // An end tag met before any child element (a child is an error) is this element's own, so no depth is compared.
        // The common shape, one text node then the end tag, takes no builder and no loop.
        string text;
        if (IsTextNode(_node.NodeType))
        {
            text = _node.Value;
            XmlReader.Read();
            if (_node.NodeType != XmlNodeType.EndElement)
            {
                text = ReadMoreText(text, name);
            }
        }
        else
        {
            text = ReadMoreText(string.Empty, name);
        }

        if (resolvePrefix)
        {
            // Still on the end tag: the element's own namespace declarations are in scope.
            string trimmed = text.Trim();
            int colon = trimmed.IndexOf(':');
            prefixNamespace = _node.LookupNamespace(colon < 0 ? string.Empty : trimmed.Substring(0, colon)) ?? (colon < 0 ? string.Empty : null);
        }

        XmlReader.Read();
        return text;
    }

    private static bool IsTextNode(XmlNodeType type) =>
        type is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace;

    // The rest of an element's text after `text`, to its end tag (the reader stops on it): text split by a CDATA section
    // or a comment, or no text at all.
    private string ReadMoreText(string text, ElementName name)
    {
        StringBuilder? more = null;
        while (_node.NodeType != XmlNodeType.EndElement)
        {
            switch (_node.NodeType)
            {
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                case XmlNodeType.Whitespace:
                case XmlNodeType.SignificantWhitespace:
                    if (text.Length == 0)
                    {
                        text = _node.Value;
                    }
                    else
                    {
                        more ??= new StringBuilder(text);
                        more.Append(_node.Value);
                    }

                    XmlReader.Read();
                    break;
                case XmlNodeType.Element:
                    // A struct where a simple value was expected: dropping it silently would lose data.
                    throw new SoapProtocolException(
                        "The reply's element <" + BodyPreview.Excerpt(name.ToString()) + "> contains the element <" + BodyPreview.Excerpt(_node.Name) + "> where a simple value was expected.");
                case XmlNodeType.None:
                    throw new SoapProtocolException("The reply ended inside the element <" + BodyPreview.Excerpt(name.ToString()) + ">.");
                default:
                    XmlReader.Read();
                    break;
            }
        }

        return more?.ToString() ?? text;
    }
}
