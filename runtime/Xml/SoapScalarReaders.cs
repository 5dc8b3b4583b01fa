using System;
using System.ComponentModel;
using System.Numerics;
using System.Xml;
using System.Xml.Linq;

namespace SoapGen.Runtime;

/// <summary>
/// <see cref="SoapReader"/>'s readers of built-in types as static methods, for generated code to pass as a
/// <c>Func&lt;SoapReader, T&gt;</c>: a method group binds far faster than the lambda <c>static reader =&gt; reader.ReadInt32()</c>,
/// which matters for APIs with thousands of operations.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SoapScalarReaders
{
    /// <summary>Reads an <c>xsd:string</c> element: <see cref="SoapReader.ReadString"/>.</summary>
    /// <param name="reader">The reader, at the element.</param>
    /// <returns>The value; <see langword="null"/> for nil.</returns>
    public static string? ReadString(SoapReader reader) => reader.ReadString();

    /// <summary>Reads an <c>xsd:boolean</c> element: <see cref="SoapReader.ReadBoolean"/>.</summary>
    /// <param name="reader">The reader, at the element.</param>
    /// <returns>The value; <see langword="null"/> for nil.</returns>
    public static bool? ReadBoolean(SoapReader reader) => reader.ReadBoolean();

    /// <summary>Reads an <c>xsd:byte</c> element: <see cref="SoapReader.ReadByte"/>.</summary>
    /// <param name="reader">The reader, at the element.</param>
    /// <returns>The value; <see langword="null"/> for nil.</returns>
    public static sbyte? ReadByte(SoapReader reader) => reader.ReadByte();

    /// <summary>Reads an <c>xsd:unsignedByte</c> element: <see cref="SoapReader.ReadUnsignedByte"/>.</summary>
    /// <param name="reader">The reader, at the element.</param>
    /// <returns>The value; <see langword="null"/> for nil.</returns>
    public static byte? ReadUnsignedByte(SoapReader reader) => reader.ReadUnsignedByte();

    /// <summary>Reads an <c>xsd:short</c> element: <see cref="SoapReader.ReadInt16"/>.</summary>
    /// <param name="reader">The reader, at the element.</param>
    /// <returns>The value; <see langword="null"/> for nil.</returns>
    public static short? ReadInt16(SoapReader reader) => reader.ReadInt16();

    /// <summary>Reads an <c>xsd:unsignedShort</c> element: <see cref="SoapReader.ReadUInt16"/>.</summary>
    /// <param name="reader">The reader, at the element.</param>
    /// <returns>The value; <see langword="null"/> for nil.</returns>
    public static ushort? ReadUInt16(SoapReader reader) => reader.ReadUInt16();

    /// <summary>Reads an <c>xsd:int</c> element: <see cref="SoapReader.ReadInt32"/>.</summary>
    /// <param name="reader">The reader, at the element.</param>
    /// <returns>The value; <see langword="null"/> for nil.</returns>
    public static int? ReadInt32(SoapReader reader) => reader.ReadInt32();

    /// <summary>Reads an <c>xsd:unsignedInt</c> element: <see cref="SoapReader.ReadUInt32"/>.</summary>
    /// <param name="reader">The reader, at the element.</param>
    /// <returns>The value; <see langword="null"/> for nil.</returns>
    public static uint? ReadUInt32(SoapReader reader) => reader.ReadUInt32();

    /// <summary>Reads an <c>xsd:long</c> element: <see cref="SoapReader.ReadInt64"/>.</summary>
    /// <param name="reader">The reader, at the element.</param>
    /// <returns>The value; <see langword="null"/> for nil.</returns>
    public static long? ReadInt64(SoapReader reader) => reader.ReadInt64();

    /// <summary>Reads an <c>xsd:unsignedLong</c> element: <see cref="SoapReader.ReadUInt64"/>.</summary>
    /// <param name="reader">The reader, at the element.</param>
    /// <returns>The value; <see langword="null"/> for nil.</returns>
    public static ulong? ReadUInt64(SoapReader reader) => reader.ReadUInt64();

    /// <summary>Reads an <c>xsd:integer</c> element: <see cref="SoapReader.ReadInteger"/>.</summary>
    /// <param name="reader">The reader, at the element.</param>
    /// <returns>The value; <see langword="null"/> for nil.</returns>
    public static BigInteger? ReadInteger(SoapReader reader) => reader.ReadInteger();

    /// <summary>Reads an <c>xsd:decimal</c> element: <see cref="SoapReader.ReadDecimal"/>.</summary>
    /// <param name="reader">The reader, at the element.</param>
    /// <returns>The value; <see langword="null"/> for nil.</returns>
    public static decimal? ReadDecimal(SoapReader reader) => reader.ReadDecimal();

    /// <summary>Reads an <c>xsd:float</c> element: <see cref="SoapReader.ReadSingle"/>.</summary>
    /// <param name="reader">The reader, at the element.</param>
    /// <returns>The value; <see langword="null"/> for nil.</returns>
    public static float? ReadSingle(SoapReader reader) => reader.ReadSingle();

    /// <summary>Reads an <c>xsd:double</c> element: <see cref="SoapReader.ReadDouble"/>.</summary>
    /// <param name="reader">The reader, at the element.</param>
    /// <returns>The value; <see langword="null"/> for nil.</returns>
    public static double? ReadDouble(SoapReader reader) => reader.ReadDouble();

    /// <summary>Reads an <c>xsd:dateTime</c> element: <see cref="SoapReader.ReadDateTime"/>.</summary>
    /// <param name="reader">The reader, at the element.</param>
    /// <returns>The value; <see langword="null"/> for nil.</returns>
    public static DateTimeOffset? ReadDateTime(SoapReader reader) => reader.ReadDateTime();

    /// <summary>Reads an <c>xsd:date</c> element: <see cref="SoapReader.ReadDate"/>.</summary>
    /// <param name="reader">The reader, at the element.</param>
    /// <returns>The value; <see langword="null"/> for nil.</returns>
    public static DateOnly? ReadDate(SoapReader reader) => reader.ReadDate();

    /// <summary>Reads an <c>xsd:time</c> element: <see cref="SoapReader.ReadTime"/>.</summary>
    /// <param name="reader">The reader, at the element.</param>
    /// <returns>The value; <see langword="null"/> for nil.</returns>
    public static TimeOnly? ReadTime(SoapReader reader) => reader.ReadTime();

    /// <summary>Reads an <c>xsd:duration</c> element: <see cref="SoapReader.ReadDuration"/>.</summary>
    /// <param name="reader">The reader, at the element.</param>
    /// <returns>The value; <see langword="null"/> for nil.</returns>
    public static TimeSpan? ReadDuration(SoapReader reader) => reader.ReadDuration();

    /// <summary>Reads an <c>xsd:base64Binary</c> element: <see cref="SoapReader.ReadBase64"/>.</summary>
    /// <param name="reader">The reader, at the element.</param>
    /// <returns>The value; <see langword="null"/> for nil.</returns>
    public static byte[]? ReadBase64(SoapReader reader) => reader.ReadBase64();

    /// <summary>Reads an <c>xsd:hexBinary</c> element: <see cref="SoapReader.ReadHexBinary"/>.</summary>
    /// <param name="reader">The reader, at the element.</param>
    /// <returns>The value; <see langword="null"/> for nil.</returns>
    public static byte[]? ReadHexBinary(SoapReader reader) => reader.ReadHexBinary();

    /// <summary>Reads an <c>xsd:QName</c> element: <see cref="SoapReader.ReadQName"/>.</summary>
    /// <param name="reader">The reader, at the element.</param>
    /// <returns>The value; <see langword="null"/> for nil.</returns>
    public static XmlQualifiedName? ReadQName(SoapReader reader) => reader.ReadQName();

    /// <summary>Reads an element kept as XML: <see cref="SoapReader.ReadXElement"/>.</summary>
    /// <param name="reader">The reader, at the element.</param>
    /// <returns>The value; <see langword="null"/> for nil.</returns>
    public static XElement? ReadXElement(SoapReader reader) => reader.ReadXElement();
}
