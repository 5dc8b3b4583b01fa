using System;
using System.Collections.Generic;
using System.Globalization;
using System.Xml;

namespace SoapGen.Benchmarks.Serialization;

/// <summary>What the hand-written baselines share: encoded scalars, SOAP-ENC arrays and structs, the rpc reply wrapper.</summary>
internal static class HandWrittenXml
{
    /// <summary>Writes <c>&lt;name xsi:type="xsd:type"&gt;value&lt;/name&gt;</c>, unqualified, as rpc/encoded parts and members are.</summary>
    public static void WriteEncoded(XmlWriter writer, string name, string xsdType, string value)
    {
        writer.WriteStartElement(name);
        writer.WriteStartAttribute("xsi", "type", SafeXml.Xsi);
        writer.WriteQualifiedName(xsdType, SafeXml.Xsd);
        writer.WriteEndAttribute();
        writer.WriteString(value);
        writer.WriteEndElement();
    }

    public static void WriteEncoded(XmlWriter writer, string name, int value) =>
        WriteEncoded(writer, name, "int", value.ToString(CultureInfo.InvariantCulture));

    public static void WriteEncoded(XmlWriter writer, string name, float value) =>
        WriteEncoded(writer, name, "float", XmlConvert.ToString(value));

    /// <summary>The size a SOAP-ENC <c>arrayType="p:T[n]"</c> attribute on the current element declares; -1 when none.</summary>
    public static int ArraySize(XmlReader reader)
    {
        string? arrayType = reader.GetAttribute("arrayType", SafeXml.Encoding);
        if (arrayType is null || !arrayType.EndsWith(']'))
        {
            return -1;
        }

        int open = arrayType.LastIndexOf('[');
        return open >= 0 && int.TryParse(arrayType.AsSpan(open + 1, arrayType.Length - open - 2), NumberStyles.None, CultureInfo.InvariantCulture, out int n)
            ? Math.Min(n, 1 << 16)
            : -1;
    }

    /// <summary>
    /// Reads a SOAP-ENC array element (the reader on it) with <paramref name="readItem"/> per item, sized from its
    /// arrayType when it has one; consumes the element.
    /// </summary>
    public static T[] ReadArray<T>(XmlReader reader, Func<XmlReader, T> readItem)
    {
        int count = ArraySize(reader);
        var items = new List<T>(count >= 0 ? count : 16);
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return items.ToArray();
        }

        reader.ReadStartElement();
        while (reader.MoveToContent() == XmlNodeType.Element)
        {
            items.Add(readItem(reader));
        }

        reader.ReadEndElement();
        return items.ToArray();
    }

    /// <summary>
    /// Reads <paramref name="reply"/>'s rpc response wrapper <paramref name="responseName"/>, whose one part is a SOAP-ENC
    /// array, with <paramref name="readItem"/> per item.
    /// </summary>
    public static T[] ReadReturnedArray<T>(byte[] reply, string responseName, string ns, Func<XmlReader, T> readItem)
    {
        using XmlReader reader = SafeXml.CreateReader(reply);
        SafeXml.MoveToBodyContent(reader);
        reader.ReadStartElement(responseName, ns);
        reader.MoveToContent();
        return ReadArray(reader, readItem);
    }

    /// <summary>
    /// Reads the struct element the reader is on into <paramref name="value"/>: <paramref name="readMember"/> for each child
    /// element (it reads or skips it); consumes the element.
    /// </summary>
    public static T ReadStruct<T>(XmlReader reader, T value, Action<XmlReader, T> readMember)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return value;
        }

        reader.ReadStartElement();
        while (reader.MoveToContent() == XmlNodeType.Element)
        {
            readMember(reader, value);
        }

        reader.ReadEndElement();
        return value;
    }
}
