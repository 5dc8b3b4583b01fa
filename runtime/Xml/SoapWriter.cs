using System;
using System.Globalization;
using System.Numerics;
using System.Xml;
using System.Xml.Linq;

namespace SoapGen.Runtime;

/// <summary>
/// Writes the inside of a SOAP Body; used by generated code. Writes strictly what PHP ext/soap, SOAP::Lite and WCF
/// expect: <c>xsi:type</c> on encoded values, XSD lexical forms in the invariant culture, <c>xsi:nil</c> for nulls.
/// The envelope declares the prefixes <c>SOAP-ENV</c>, <c>SOAP-ENC</c>, <c>xsd</c> and <c>xsi</c>; other namespaces
/// get prefixes <c>ns1</c>, <c>ns2</c>, … where first needed.
/// </summary>
public sealed class SoapWriter
{
    private readonly string _envelopeNs;
    private readonly string _encodingNs;
    private readonly SoapVersion _version;
    private int _prefixCounter;
    private bool _pendingMustUnderstand;
    private string? _pendingActor;
    private char[]? _chars;
    private (string? Prefix, string? LocalName, string Joined) _lastQName = (null, null, string.Empty);

    /// <summary>Wraps an <see cref="System.Xml.XmlWriter"/>; the transport does this, tests of generated code may too.</summary>
    /// <param name="writer">The writer, positioned where Body content goes.</param>
    /// <param name="version">The SOAP version, which decides the envelope and encoding namespaces.</param>
    public SoapWriter(XmlWriter writer, SoapVersion version = SoapVersion.Soap11)
    {
        ArgumentNullException.ThrowIfNull(writer);
        XmlWriter = writer;
        _version = version;
        _envelopeNs = SoapNamespaces.EnvelopeFor(version);
        _encodingNs = SoapNamespaces.EncodingFor(version);
    }

    /// <summary>The SOAP version written.</summary>
    public SoapVersion Version => _version;

    /// <summary>The underlying writer, for constructs the helpers do not cover.</summary>
    public XmlWriter XmlWriter { get; }

    /// <summary>
    /// Starts the operation (rpc) or wrapper element as <c>&lt;ns1:localName xmlns:ns1="ns"&gt;</c>, adding
    /// <c>SOAP-ENV:encodingStyle</c> when <paramref name="encoded"/>. An empty <paramref name="ns"/> writes it unqualified.
    /// </summary>
    /// <param name="localName">The element's local name.</param>
    /// <param name="ns">The element's namespace (the binding's namespace for rpc).</param>
    /// <param name="encoded">Whether the binding is SOAP-encoded.</param>
    public void WriteStartOperation(string localName, string ns, bool encoded)
    {
        if (string.IsNullOrEmpty(ns))
        {
            XmlWriter.WriteStartElement(localName, string.Empty);
        }
        else
        {
            XmlWriter.WriteStartElement(XmlWriter.LookupPrefix(ns) is { Length: > 0 } p ? p : NextPrefix(), localName, ns);
        }

        if (encoded)
        {
            XmlWriter.WriteAttributeString(SoapNamespaces.EnvelopePrefix, "encodingStyle", _envelopeNs, _encodingNs);
        }
    }

    /// <summary>Ends the innermost open element.</summary>
    public void WriteEndElement() => XmlWriter.WriteEndElement();

    /// <summary>Starts an element, unqualified when <paramref name="ns"/> is <see langword="null"/> or empty.</summary>
    /// <param name="localName">The element's local name.</param>
    /// <param name="ns">The element's namespace, or <see langword="null"/> for an unqualified element.</param>
    public void WriteStartElement(string localName, string? ns) => StartElement(localName, ns);

    /// <summary>Writes <c>xsi:type="p:localName"</c> on the element just started, declaring a prefix for <paramref name="ns"/> if none is in scope.</summary>
    /// <param name="ns">The type's namespace.</param>
    /// <param name="localName">The type's local name.</param>
    public void WriteXsiType(string ns, string localName)
    {
        XmlWriter.WriteAttributeString(SoapNamespaces.XsiPrefix, "type", SoapNamespaces.Xsi, QualifiedName(ns, localName));
    }

    /// <summary>Writes <c>xsi:nil="true"</c> on the element just started.</summary>
    public void WriteNil()
    {
        XmlWriter.WriteAttributeString(SoapNamespaces.XsiPrefix, "nil", SoapNamespaces.Xsi, "true");
    }

    /// <summary>
    /// Starts a SOAP-encoded array: <c>&lt;localName xsi:type="SOAP-ENC:Array" SOAP-ENC:arrayType="p:item[count]"&gt;</c>
    /// (SOAP 1.2: <c>SOAP-ENC:itemType</c> and <c>SOAP-ENC:arraySize</c>). Write the items, then call <see cref="WriteEndElement"/>.
    /// </summary>
    /// <param name="localName">The array element's local name.</param>
    /// <param name="ns">The array element's namespace, or <see langword="null"/> for unqualified.</param>
    /// <param name="itemTypeNs">The namespace of the item type, e.g. the XSD namespace.</param>
    /// <param name="itemTypeLocalName">The local name of the item type, e.g. <c>string</c>.</param>
    /// <param name="count">The number of items that follow.</param>
    public void WriteStartArray(string localName, string? ns, string itemTypeNs, string itemTypeLocalName, int count)
    {
        string countText = count.ToString(CultureInfo.InvariantCulture);
        StartArray(localName, ns, itemTypeNs, itemTypeLocalName, countText, countText);
    }

    /// <summary>
    /// Starts a two-dimensional SOAP-encoded array: <c>SOAP-ENC:arrayType="p:item[rows,columns]"</c> (SOAP 1.2:
    /// <c>itemType</c> and <c>arraySize="rows columns"</c>). Write the items row by row, then call <see cref="WriteEndElement"/>.
    /// </summary>
    /// <param name="localName">The array element's local name.</param>
    /// <param name="ns">The array element's namespace, or <see langword="null"/> for unqualified.</param>
    /// <param name="itemTypeNs">The namespace of the item type.</param>
    /// <param name="itemTypeLocalName">The local name of the item type.</param>
    /// <param name="rows">The first dimension.</param>
    /// <param name="columns">The second dimension.</param>
    public void WriteStartArray2D(string localName, string? ns, string itemTypeNs, string itemTypeLocalName, int rows, int columns)
    {
        string r = rows.ToString(CultureInfo.InvariantCulture);
        string c = columns.ToString(CultureInfo.InvariantCulture);
        StartArray(localName, ns, itemTypeNs, itemTypeLocalName, r + "," + c, r + " " + c);
    }

    /// <summary>
    /// Starts a SOAP-encoded array of any number of dimensions: <c>SOAP-ENC:arrayType="p:item[2,3,4]"</c> (SOAP 1.2:
    /// <c>itemType</c> and <c>arraySize="2 3 4"</c>). Write the items in row-major order (the last index varying fastest,
    /// as <c>foreach</c> walks a C# multi-dimensional array), then call <see cref="WriteEndElement"/>.
    /// </summary>
    /// <param name="localName">The array element's local name.</param>
    /// <param name="ns">The array element's namespace, or <see langword="null"/> for unqualified.</param>
    /// <param name="itemTypeNs">The namespace of the item type.</param>
    /// <param name="itemTypeLocalName">The local name of the item type.</param>
    /// <param name="lengths">The length of each dimension, the first first.</param>
    public void WriteStartArray(string localName, string? ns, string itemTypeNs, string itemTypeLocalName, params int[] lengths)
    {
        ArgumentNullException.ThrowIfNull(lengths);
        ArgumentOutOfRangeException.ThrowIfZero(lengths.Length);
        string[] shape = Array.ConvertAll(lengths, static length => length.ToString(CultureInfo.InvariantCulture));
        StartArray(localName, ns, itemTypeNs, itemTypeLocalName, string.Join(",", shape), string.Join(" ", shape));
    }

    // SOAP 1.1 names the shape in arrayType ("p:t[2,3]"), SOAP 1.2 in arraySize ("2 3") beside itemType.
    private void StartArray(string localName, string? ns, string itemTypeNs, string itemTypeLocalName, string soap11Shape, string soap12Size)
    {
        WriteStartElement(localName, ns);
        XmlWriter.WriteAttributeString(SoapNamespaces.XsiPrefix, "type", SoapNamespaces.Xsi, SoapNamespaces.EncodingPrefix + ":Array");
        string itemType = QualifiedName(itemTypeNs, itemTypeLocalName);
        if (_version == SoapVersion.Soap12)
        {
            XmlWriter.WriteAttributeString(SoapNamespaces.EncodingPrefix, "itemType", _encodingNs, itemType);
            XmlWriter.WriteAttributeString(SoapNamespaces.EncodingPrefix, "arraySize", _encodingNs, soap12Size);
        }
        else
        {
            XmlWriter.WriteAttributeString(SoapNamespaces.EncodingPrefix, "arrayType", _encodingNs, itemType + "[" + soap11Shape + "]");
        }
    }

    /// <summary>Writes an attribute on the element just started; <see langword="null"/> writes nothing.</summary>
    /// <param name="localName">The attribute's local name.</param>
    /// <param name="ns">The attribute's namespace, or <see langword="null"/> for unqualified.</param>
    /// <param name="value">The value in its XSD lexical form (e.g. from <c>XmlConvert.ToString</c>).</param>
    public void WriteAttribute(string localName, string? ns, string? value)
    {
        if (value is null)
        {
            return;
        }

        if (string.IsNullOrEmpty(ns))
        {
            XmlWriter.WriteAttributeString(localName, value);
        }
        else
        {
            XmlWriter.WriteStartAttribute(localName, ns);
            XmlWriter.WriteString(value);
            XmlWriter.WriteEndAttribute();
        }
    }

    /// <summary>Writes the text content of the element just started (a type with simple content).</summary>
    /// <param name="value">The value in its XSD lexical form.</param>
    public void WriteText(string value) => XmlWriter.WriteString(value);

    /// <summary>Writes a whole <c>xsd:string</c> element; <see langword="null"/> writes <c>xsi:nil="true"</c>.</summary>
    /// <param name="localName">The element's local name.</param>
    /// <param name="ns">The element's namespace, or <see langword="null"/> for unqualified.</param>
    /// <param name="value">The value.</param>
    /// <param name="encoded">Whether to add <c>xsi:type</c>.</param>
    /// <param name="xsdType">The built-in type named in <c>xsi:type</c>: <c>string</c>, or one of its relatives (<c>token</c>, <c>anyURI</c>, …).</param>
    public void WriteString(string localName, string? ns, string? value, bool encoded, string xsdType = "string") =>
        WriteScalar(localName, ns, xsdType == "string" ? Xsd + "string" : Xsd + xsdType, value, encoded);

    /// <summary>Writes a whole <c>xsd:int</c> element; <see langword="null"/> writes <c>xsi:nil="true"</c>.</summary>
    /// <param name="localName">The element's local name.</param>
    /// <param name="ns">The element's namespace, or <see langword="null"/> for unqualified.</param>
    /// <param name="value">The value.</param>
    /// <param name="encoded">Whether to add <c>xsi:type</c>.</param>
    public void WriteInt32(string localName, string? ns, int? value, bool encoded) =>
        WriteNumber(localName, ns, Xsd + "int", value, encoded);

    /// <summary>Writes a whole <c>xsd:long</c> element; <see langword="null"/> writes <c>xsi:nil="true"</c>.</summary>
    /// <param name="localName">The element's local name.</param>
    /// <param name="ns">The element's namespace, or <see langword="null"/> for unqualified.</param>
    /// <param name="value">The value.</param>
    /// <param name="encoded">Whether to add <c>xsi:type</c>.</param>
    public void WriteInt64(string localName, string? ns, long? value, bool encoded) =>
        WriteNumber(localName, ns, Xsd + "long", value, encoded);

    /// <summary>Writes a whole <c>xsd:short</c> element; <see langword="null"/> writes <c>xsi:nil="true"</c>.</summary>
    /// <param name="localName">The element's local name.</param>
    /// <param name="ns">The element's namespace, or <see langword="null"/> for unqualified.</param>
    /// <param name="value">The value.</param>
    /// <param name="encoded">Whether to add <c>xsi:type</c>.</param>
    public void WriteInt16(string localName, string? ns, short? value, bool encoded) =>
        WriteNumber(localName, ns, Xsd + "short", value, encoded);

    /// <summary>Writes a whole <c>xsd:byte</c> (signed) element; <see langword="null"/> writes <c>xsi:nil="true"</c>.</summary>
    /// <param name="localName">The element's local name.</param>
    /// <param name="ns">The element's namespace, or <see langword="null"/> for unqualified.</param>
    /// <param name="value">The value.</param>
    /// <param name="encoded">Whether to add <c>xsi:type</c>.</param>
    public void WriteByte(string localName, string? ns, sbyte? value, bool encoded) =>
        WriteNumber(localName, ns, Xsd + "byte", value, encoded);

    /// <summary>Writes a whole <c>xsd:unsignedByte</c> element; <see langword="null"/> writes <c>xsi:nil="true"</c>.</summary>
    /// <param name="localName">The element's local name.</param>
    /// <param name="ns">The element's namespace, or <see langword="null"/> for unqualified.</param>
    /// <param name="value">The value.</param>
    /// <param name="encoded">Whether to add <c>xsi:type</c>.</param>
    public void WriteUnsignedByte(string localName, string? ns, byte? value, bool encoded) =>
        WriteNumber(localName, ns, Xsd + "unsignedByte", value, encoded);

    /// <summary>Writes a whole <c>xsd:boolean</c> element as <c>true</c>/<c>false</c>; <see langword="null"/> writes <c>xsi:nil="true"</c>.</summary>
    /// <param name="localName">The element's local name.</param>
    /// <param name="ns">The element's namespace, or <see langword="null"/> for unqualified.</param>
    /// <param name="value">The value.</param>
    /// <param name="encoded">Whether to add <c>xsi:type</c>.</param>
    public void WriteBoolean(string localName, string? ns, bool? value, bool encoded) =>
        WriteScalar(localName, ns, Xsd + "boolean", value is { } v ? XsdFormat.Boolean(v) : null, encoded);

    /// <summary>Writes a whole <c>xsd:float</c> element (round-trip form, <c>INF</c>/<c>-INF</c>/<c>NaN</c>); <see langword="null"/> writes <c>xsi:nil="true"</c>.</summary>
    /// <param name="localName">The element's local name.</param>
    /// <param name="ns">The element's namespace, or <see langword="null"/> for unqualified.</param>
    /// <param name="value">The value.</param>
    /// <param name="encoded">Whether to add <c>xsi:type</c>.</param>
    public void WriteSingle(string localName, string? ns, float? value, bool encoded) =>
        WriteFloat(localName, ns, Xsd + "float", value, encoded);

    /// <summary>Writes a whole <c>xsd:double</c> element (round-trip form, <c>INF</c>/<c>-INF</c>/<c>NaN</c>); <see langword="null"/> writes <c>xsi:nil="true"</c>.</summary>
    /// <param name="localName">The element's local name.</param>
    /// <param name="ns">The element's namespace, or <see langword="null"/> for unqualified.</param>
    /// <param name="value">The value.</param>
    /// <param name="encoded">Whether to add <c>xsi:type</c>.</param>
    public void WriteDouble(string localName, string? ns, double? value, bool encoded) =>
        WriteFloat(localName, ns, Xsd + "double", value, encoded);

    /// <summary>Writes a whole <c>xsd:decimal</c> element; <see langword="null"/> writes <c>xsi:nil="true"</c>.</summary>
    /// <param name="localName">The element's local name.</param>
    /// <param name="ns">The element's namespace, or <see langword="null"/> for unqualified.</param>
    /// <param name="value">The value.</param>
    /// <param name="encoded">Whether to add <c>xsi:type</c>.</param>
    public void WriteDecimal(string localName, string? ns, decimal? value, bool encoded) =>
        WriteNumber(localName, ns, Xsd + "decimal", value, encoded);

    /// <summary>Writes a whole <c>xsd:dateTime</c> element (round-trip "o" form with offset); <see langword="null"/> writes <c>xsi:nil="true"</c>.</summary>
    /// <param name="localName">The element's local name.</param>
    /// <param name="ns">The element's namespace, or <see langword="null"/> for unqualified.</param>
    /// <param name="value">The value.</param>
    /// <param name="encoded">Whether to add <c>xsi:type</c>.</param>
    public void WriteDateTime(string localName, string? ns, DateTimeOffset? value, bool encoded) =>
        WriteScalar(localName, ns, Xsd + "dateTime", value is { } v ? XsdFormat.DateTime(v) : null, encoded);

    /// <summary>Writes a whole <c>xsd:unsignedShort</c> element; <see langword="null"/> writes <c>xsi:nil="true"</c>.</summary>
    /// <param name="localName">The element's local name.</param>
    /// <param name="ns">The element's namespace, or <see langword="null"/> for unqualified.</param>
    /// <param name="value">The value.</param>
    /// <param name="encoded">Whether to add <c>xsi:type</c>.</param>
    public void WriteUInt16(string localName, string? ns, ushort? value, bool encoded) =>
        WriteNumber(localName, ns, Xsd + "unsignedShort", value, encoded);

    /// <summary>Writes a whole <c>xsd:unsignedInt</c> element; <see langword="null"/> writes <c>xsi:nil="true"</c>.</summary>
    /// <param name="localName">The element's local name.</param>
    /// <param name="ns">The element's namespace, or <see langword="null"/> for unqualified.</param>
    /// <param name="value">The value.</param>
    /// <param name="encoded">Whether to add <c>xsi:type</c>.</param>
    public void WriteUInt32(string localName, string? ns, uint? value, bool encoded) =>
        WriteNumber(localName, ns, Xsd + "unsignedInt", value, encoded);

    /// <summary>Writes a whole <c>xsd:unsignedLong</c> element; <see langword="null"/> writes <c>xsi:nil="true"</c>.</summary>
    /// <param name="localName">The element's local name.</param>
    /// <param name="ns">The element's namespace, or <see langword="null"/> for unqualified.</param>
    /// <param name="value">The value.</param>
    /// <param name="encoded">Whether to add <c>xsi:type</c>.</param>
    public void WriteUInt64(string localName, string? ns, ulong? value, bool encoded) =>
        WriteNumber(localName, ns, Xsd + "unsignedLong", value, encoded);

    /// <summary>Writes a whole <c>xsd:date</c> element (<c>yyyy-MM-dd</c>); <see langword="null"/> writes <c>xsi:nil="true"</c>.</summary>
    /// <param name="localName">The element's local name.</param>
    /// <param name="ns">The element's namespace, or <see langword="null"/> for unqualified.</param>
    /// <param name="value">The value.</param>
    /// <param name="encoded">Whether to add <c>xsi:type</c>.</param>
    public void WriteDate(string localName, string? ns, DateOnly? value, bool encoded) =>
        WriteScalar(localName, ns, Xsd + "date", value is { } v ? XsdFormat.Date(v) : null, encoded);

    /// <summary>Writes a whole <c>xsd:time</c> element (<c>HH:mm:ss</c> and the fraction, when there is one); <see langword="null"/> writes <c>xsi:nil="true"</c>.</summary>
    /// <param name="localName">The element's local name.</param>
    /// <param name="ns">The element's namespace, or <see langword="null"/> for unqualified.</param>
    /// <param name="value">The value.</param>
    /// <param name="encoded">Whether to add <c>xsi:type</c>.</param>
    public void WriteTime(string localName, string? ns, TimeOnly? value, bool encoded) =>
        WriteScalar(localName, ns, Xsd + "time", value is { } v ? XsdFormat.Time(v) : null, encoded);

    /// <summary>Writes a whole <c>xsd:duration</c> element (days, hours, minutes, seconds: <c>P1DT2H</c>); <see langword="null"/> writes <c>xsi:nil="true"</c>.</summary>
    /// <param name="localName">The element's local name.</param>
    /// <param name="ns">The element's namespace, or <see langword="null"/> for unqualified.</param>
    /// <param name="value">The value.</param>
    /// <param name="encoded">Whether to add <c>xsi:type</c>.</param>
    public void WriteDuration(string localName, string? ns, TimeSpan? value, bool encoded) =>
        WriteScalar(localName, ns, Xsd + "duration", value is { } v ? XmlConvert.ToString(v) : null, encoded);

    /// <summary>
    /// Writes a whole <c>xsd:integer</c> element, or one of its restrictions named by <paramref name="xsdType"/>, whose range
    /// is checked before anything is sent; <see langword="null"/> writes <c>xsi:nil="true"</c>.
    /// </summary>
    /// <param name="localName">The element's local name.</param>
    /// <param name="ns">The element's namespace, or <see langword="null"/> for unqualified.</param>
    /// <param name="value">The value.</param>
    /// <param name="encoded">Whether to add <c>xsi:type</c>.</param>
    /// <param name="xsdType"><c>integer</c>, <c>nonNegativeInteger</c>, <c>positiveInteger</c>, <c>nonPositiveInteger</c> or <c>negativeInteger</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside the range of <paramref name="xsdType"/>.</exception>
    public void WriteInteger(string localName, string? ns, BigInteger? value, bool encoded, string xsdType = "integer")
    {
        if (value is { } v)
        {
            bool inRange = xsdType switch
            {
                "nonNegativeInteger" => v.Sign >= 0,
                "positiveInteger" => v.Sign > 0,
                "nonPositiveInteger" => v.Sign <= 0,
                "negativeInteger" => v.Sign < 0,
                _ => true,
            };
            if (!inRange)
            {
                throw new ArgumentOutOfRangeException(nameof(value), "The element <" + localName + "> is an xsd:" + xsdType + "; " + v.ToString(CultureInfo.InvariantCulture) + " is outside its range.");
            }
        }

        WriteScalar(localName, ns, Xsd + xsdType, value?.ToString(CultureInfo.InvariantCulture), encoded);
    }

    /// <summary>Writes a whole <c>xsd:hexBinary</c> element; <see langword="null"/> writes <c>xsi:nil="true"</c>.</summary>
    /// <param name="localName">The element's local name.</param>
    /// <param name="ns">The element's namespace, or <see langword="null"/> for unqualified.</param>
    /// <param name="value">The value.</param>
    /// <param name="encoded">Whether to add <c>xsi:type</c>.</param>
    public void WriteHexBinary(string localName, string? ns, byte[]? value, bool encoded) =>
        WriteScalar(localName, ns, Xsd + "hexBinary", value is null ? null : Convert.ToHexString(value), encoded);

    /// <summary>
    /// Writes a whole <c>xsd:QName</c> element as <c>p:local</c>, declaring a prefix for its namespace on the element when none
    /// is in scope; <see langword="null"/> writes <c>xsi:nil="true"</c>.
    /// </summary>
    /// <param name="localName">The element's local name.</param>
    /// <param name="ns">The element's namespace, or <see langword="null"/> for unqualified.</param>
    /// <param name="value">The value.</param>
    /// <param name="encoded">Whether to add <c>xsi:type</c>.</param>
    public void WriteQName(string localName, string? ns, XmlQualifiedName? value, bool encoded)
    {
        WriteStartElement(localName, ns);
        if (value is null)
        {
            WriteNil();
        }
        else
        {
            if (encoded)
            {
                XmlWriter.WriteAttributeString(SoapNamespaces.XsiPrefix, "type", SoapNamespaces.Xsi, SoapNamespaces.XsdPrefix + ":QName");
            }

            XmlWriter.WriteString(QualifiedName(value.Namespace, value.Name));
        }

        XmlWriter.WriteEndElement();
    }

    /// <summary>Writes a whole <c>xsd:base64Binary</c> element; <see langword="null"/> writes <c>xsi:nil="true"</c>.</summary>
    /// <param name="localName">The element's local name.</param>
    /// <param name="ns">The element's namespace, or <see langword="null"/> for unqualified.</param>
    /// <param name="value">The value.</param>
    /// <param name="encoded">Whether to add <c>xsi:type</c>.</param>
    public void WriteBase64(string localName, string? ns, byte[]? value, bool encoded) =>
        WriteScalar(localName, ns, Xsd + "base64Binary", value is null ? null : Convert.ToBase64String(value), encoded);

    /// <summary>
    /// Writes <paramref name="value"/>'s attributes and content under the name <paramref name="localName"/>
    /// (for <c>xsd:any</c> and other types the generator keeps as XML); <see langword="null"/> writes <c>xsi:nil="true"</c>.
    /// </summary>
    /// <param name="localName">The element's local name.</param>
    /// <param name="ns">The element's namespace, or <see langword="null"/> for unqualified.</param>
    /// <param name="value">The element whose attributes and child nodes to write.</param>
    public void WriteXElement(string localName, string? ns, XElement? value)
    {
        string elementPrefix = StartElement(localName, ns);
        if (value is null)
        {
            WriteNil();
        }
        else
        {
            foreach (XAttribute attribute in value.Attributes())
            {
                if (attribute.IsNamespaceDeclaration)
                {
                    // Keep declarations the content's prefixed values (xsi:type="p:T") may rely on, unless the namespace is
                    // already bound or the prefix is the one this element's own name uses.
                    string prefix = attribute.Name.NamespaceName.Length == 0 ? string.Empty : attribute.Name.LocalName;
                    if (prefix.Length > 0 && prefix != elementPrefix && XmlWriter.LookupPrefix(attribute.Value) is null)
                    {
                        XmlWriter.WriteAttributeString("xmlns", prefix, SoapNamespaces.Xmlns, attribute.Value);
                    }

                    continue;
                }

                XmlWriter.WriteAttributeString(attribute.Name.LocalName, attribute.Name.NamespaceName, attribute.Value);
            }

            foreach (XNode node in value.Nodes())
            {
                node.WriteTo(XmlWriter);
            }
        }

        XmlWriter.WriteEndElement();
    }

    /// <summary>Writes <paramref name="attributes"/> on the element just started (what an <c>xsd:anyAttribute</c> kept); null writes nothing.</summary>
    /// <param name="attributes">The attributes.</param>
    public void WriteOtherAttributes(XAttribute[]? attributes)
    {
        foreach (XAttribute attribute in attributes ?? Array.Empty<XAttribute>())
        {
            if (attribute.Name.NamespaceName.Length == 0)
            {
                XmlWriter.WriteAttributeString(attribute.Name.LocalName, attribute.Value);
            }
            else
            {
                XmlWriter.WriteAttributeString(XmlWriter.LookupPrefix(attribute.Name.NamespaceName) is { Length: > 0 } p ? p : NextPrefix(), attribute.Name.LocalName, attribute.Name.NamespaceName, attribute.Value);
            }
        }
    }

    /// <summary>Writes <paramref name="elements"/> as they are, names and all (what an <c>xsd:any</c> kept); null writes nothing.</summary>
    /// <param name="elements">The elements.</param>
    public void WriteOtherElements(XElement[]? elements)
    {
        foreach (XElement element in elements ?? Array.Empty<XElement>())
        {
            element.WriteTo(XmlWriter);
        }
    }

    /// <summary>Puts <c>mustUnderstand</c> and <c>actor</c>/<c>role</c> on the next element started: a header entry.</summary>
    internal void SetHeaderAttributes(bool mustUnderstand, string? actor)
    {
        _pendingMustUnderstand = mustUnderstand;
        _pendingActor = actor;
    }

    // Returns the prefix used ("" when unqualified).
    private string StartElement(string localName, string? ns)
    {
        string prefix = StartElementCore(localName, ns);
        if (_pendingMustUnderstand || _pendingActor is not null)
        {
            WriteHeaderAttributes();
        }

        return prefix;
    }

    private void WriteHeaderAttributes()
    {
        if (_pendingMustUnderstand)
        {
            XmlWriter.WriteAttributeString(SoapNamespaces.EnvelopePrefix, "mustUnderstand", _envelopeNs, _version == SoapVersion.Soap12 ? "true" : "1");
        }

        if (_pendingActor is not null)
        {
            XmlWriter.WriteAttributeString(SoapNamespaces.EnvelopePrefix, _version == SoapVersion.Soap12 ? "role" : "actor", _envelopeNs, _pendingActor);
        }

        _pendingMustUnderstand = false;
        _pendingActor = null;
    }

    private string StartElementCore(string localName, string? ns)
    {
        if (string.IsNullOrEmpty(ns))
        {
            // Unqualified: an explicit empty namespace makes XmlWriter undeclare a default namespace if one is in scope.
            XmlWriter.WriteStartElement(localName, string.Empty);
            return string.Empty;
        }

        // A prefix (declared here when needed) rather than a default namespace, so unqualified children stay unqualified
        // without an xmlns="" on each of them.
        string? prefix = XmlWriter.LookupPrefix(ns);
        if (string.IsNullOrEmpty(prefix))
        {
            prefix = NextPrefix();
        }

        XmlWriter.WriteStartElement(prefix, localName, ns);
        return prefix;
    }

    // The xsi:type values of the built-in types are constants ("xsd:int"): no string is built per value.
    private const string Xsd = SoapNamespaces.XsdPrefix + ":";

    private void WriteScalar(string localName, string? ns, string xsiType, string? text, bool encoded)
    {
        if (StartScalar(localName, ns, xsiType, present: text is not null, encoded))
        {
            XmlWriter.WriteString(text);
            XmlWriter.WriteEndElement();
        }
    }

    // Numbers are formatted into a buffer the writer copies from, not into a string per value; their lexical forms
    // (invariant digits, sign, '.', 'E') need no escaping.
    private void WriteNumber<T>(string localName, string? ns, string xsiType, T? value, bool encoded, string? format = null)
        where T : struct, ISpanFormattable
    {
        if (StartScalar(localName, ns, xsiType, present: value.HasValue, encoded))
        {
            char[] chars = _chars ??= new char[64];
            if (value!.Value.TryFormat(chars, out int length, format, CultureInfo.InvariantCulture))
            {
                XmlWriter.WriteChars(chars, 0, length);
            }
            else
            {
                XmlWriter.WriteString(value.Value.ToString(format, CultureInfo.InvariantCulture));
            }

            XmlWriter.WriteEndElement();
        }
    }

    // "R": on .NET Core 3.0+ the shortest form that parses back to the same value; XSD spells infinity and NaN its own way.
    private void WriteFloat<T>(string localName, string? ns, string xsiType, T? value, bool encoded)
        where T : struct, IFloatingPointIeee754<T>
    {
        if (value is { } v && !T.IsFinite(v))
        {
            WriteScalar(localName, ns, xsiType, T.IsNaN(v) ? "NaN" : T.IsNegative(v) ? "-INF" : "INF", encoded);
        }
        else
        {
            WriteNumber(localName, ns, xsiType, value, encoded, "R");
        }
    }

    // Starts the element, and writes xsi:nil when there is no value (then the element is ended: returns false) or the
    // xsi:type when encoded (returns true: write the value and end it).
    private bool StartScalar(string localName, string? ns, string xsiType, bool present, bool encoded)
    {
        WriteStartElement(localName, ns);
        if (!present)
        {
            WriteNil();
            XmlWriter.WriteEndElement();
            return false;
        }

        if (encoded)
        {
            XmlWriter.WriteAttributeString(SoapNamespaces.XsiPrefix, "type", SoapNamespaces.Xsi, xsiType);
        }

        return true;
    }

    // Returns "p:local" for a QName-valued attribute, declaring xmlns:p on the current element when no prefix is in scope.
    // Must be called while attributes can still be written (right after a start element).
    private string QualifiedName(string ns, string localName)
    {
        if (string.IsNullOrEmpty(ns))
        {
            return localName;
        }

        string? prefix = XmlWriter.LookupPrefix(ns);
        if (prefix is null)
        {
            prefix = NextPrefix();
            XmlWriter.WriteAttributeString("xmlns", prefix, SoapNamespaces.Xmlns, ns);
        }

        if (prefix.Length == 0)
        {
            return localName;
        }

        // The same type in the same scope, item after item of an array: the joined name of the last call is still right.
        if (!(ReferenceEquals(localName, _lastQName.LocalName) && prefix == _lastQName.Prefix))
        {
            _lastQName = (prefix, localName, prefix + ":" + localName);
        }

        return _lastQName.Joined;
    }

    // ns1, ns2, …: one counter per request, so each namespace gets a fresh prefix and no element binds one twice.
    private string NextPrefix()
    {
        _prefixCounter++;
        return "ns" + _prefixCounter.ToString(CultureInfo.InvariantCulture);
    }
}
