using System;
using System.ComponentModel;
using System.Globalization;
using System.Numerics;
using System.Xml;

namespace SoapGen.Runtime;

/// <summary>
/// XSD lexical forms of the .NET types generated code uses, for attributes and simple content (elements go through
/// <see cref="SoapReader"/> and <see cref="SoapWriter"/>). Parsing is lenient as the readers are and throws
/// <see cref="FormatException"/> or <see cref="OverflowException"/> on a value that does not parse; formatting is strict.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class XsdConvert
{
    /// <summary>Parses <c>xsd:boolean</c> (<c>true</c>/<c>1</c>/<c>false</c>/<c>0</c>).</summary>
    public static bool ToBoolean(string text) => XsdParse.Boolean(text.Trim(), out bool value) ? value : throw Invalid(text, "boolean");

    /// <summary>Parses <c>xsd:byte</c>.</summary>
    public static sbyte ToSByte(string text) => sbyte.Parse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture);

    /// <summary>Parses <c>xsd:unsignedByte</c>.</summary>
    public static byte ToByte(string text) => byte.Parse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture);

    /// <summary>Parses <c>xsd:short</c>.</summary>
    public static short ToInt16(string text) => short.Parse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture);

    /// <summary>Parses <c>xsd:unsignedShort</c>.</summary>
    public static ushort ToUInt16(string text) => ushort.Parse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture);

    /// <summary>Parses <c>xsd:int</c>.</summary>
    public static int ToInt32(string text) => int.Parse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture);

    /// <summary>Parses <c>xsd:unsignedInt</c>.</summary>
    public static uint ToUInt32(string text) => uint.Parse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture);

    /// <summary>Parses <c>xsd:long</c>.</summary>
    public static long ToInt64(string text) => long.Parse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture);

    /// <summary>Parses <c>xsd:unsignedLong</c>.</summary>
    public static ulong ToUInt64(string text) => ulong.Parse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture);

    /// <summary>Parses <c>xsd:integer</c> and its unbounded relatives, whatever their size.</summary>
    public static BigInteger ToInteger(string text) => XsdParse.Integer(text.Trim(), out BigInteger value) ? value : throw Invalid(text, "integer");

    /// <summary>Parses <c>xsd:decimal</c>.</summary>
    public static decimal ToDecimal(string text) => decimal.Parse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Parses <c>xsd:float</c> (also <c>INF</c>, <c>-INF</c>, <c>NaN</c>).</summary>
    public static float ToSingle(string text) => XsdParse.Single(text.Trim(), out float value) ? value : throw Invalid(text, "float");

    /// <summary>Parses <c>xsd:double</c> (also <c>INF</c>, <c>-INF</c>, <c>NaN</c>).</summary>
    public static double ToDouble(string text) => XsdParse.Double(text.Trim(), out double value) ? value : throw Invalid(text, "double");

    /// <summary>Parses <c>xsd:dateTime</c> (no zone means UTC).</summary>
    public static DateTimeOffset ToDateTime(string text) => XsdParse.DateTime(text.Trim(), out DateTimeOffset value) ? value : throw Invalid(text, "dateTime");

    /// <summary>Parses <c>xsd:date</c> (a zone is dropped: the calendar day is the value).</summary>
    public static DateOnly ToDate(string text) => XsdParse.Date(text.Trim(), out DateOnly value) ? value : throw Invalid(text, "date");

    /// <summary>Parses <c>xsd:time</c> (a zone is dropped: the time of day is the value).</summary>
    public static TimeOnly ToTime(string text) => XsdParse.Time(text.Trim(), out TimeOnly value) ? value : throw Invalid(text, "time");

    /// <summary>Parses <c>xsd:duration</c>; years count 365 days and months 30, as <see cref="XmlConvert.ToTimeSpan"/> does.</summary>
    public static TimeSpan ToDuration(string text) => XmlConvert.ToTimeSpan(text.Trim());

    /// <summary>Parses <c>xsd:base64Binary</c>; the empty string is zero bytes.</summary>
    public static byte[] ToBase64Binary(string text) => Convert.FromBase64String(text.Trim());

    /// <summary>Parses <c>xsd:hexBinary</c>; the empty string is zero bytes.</summary>
    public static byte[] ToHexBinary(string text) => Convert.FromHexString(text.Trim());

    /// <summary>The lexical form of a <c>boolean</c>.</summary>
    public static string ToString(bool value) => XsdFormat.Boolean(value);

    /// <summary>The lexical form of a <c>byte</c>.</summary>
    public static string ToString(sbyte value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The lexical form of an <c>unsignedByte</c>.</summary>
    public static string ToString(byte value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The lexical form of a <c>short</c>.</summary>
    public static string ToString(short value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The lexical form of an <c>unsignedShort</c>.</summary>
    public static string ToString(ushort value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The lexical form of an <c>int</c>.</summary>
    public static string ToString(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The lexical form of an <c>unsignedInt</c>.</summary>
    public static string ToString(uint value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The lexical form of a <c>long</c>.</summary>
    public static string ToString(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The lexical form of an <c>unsignedLong</c>.</summary>
    public static string ToString(ulong value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The lexical form of an <c>integer</c>.</summary>
    public static string ToString(BigInteger value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The lexical form of a <c>decimal</c>.</summary>
    public static string ToString(decimal value) => XsdFormat.Decimal(value);

    /// <summary>The lexical form of a <c>float</c> (shortest round trip; <c>INF</c>, <c>-INF</c>, <c>NaN</c>).</summary>
    public static string ToString(float value) => XsdFormat.Single(value);

    /// <summary>The lexical form of a <c>double</c> (shortest round trip; <c>INF</c>, <c>-INF</c>, <c>NaN</c>).</summary>
    public static string ToString(double value) => XsdFormat.Double(value);

    /// <summary>The lexical form of a <c>dateTime</c>, with its offset.</summary>
    public static string ToString(DateTimeOffset value) => XsdFormat.DateTime(value);

    /// <summary>The lexical form of a <c>date</c> (<c>yyyy-MM-dd</c>).</summary>
    public static string ToString(DateOnly value) => XsdFormat.Date(value);

    /// <summary>The lexical form of a <c>time</c> (<c>HH:mm:ss</c> and the fraction, when there is one).</summary>
    public static string ToString(TimeOnly value) => XsdFormat.Time(value);

    /// <summary>The lexical form of a <c>duration</c> (days, hours, minutes, seconds: <c>P1DT2H</c>).</summary>
    public static string ToString(TimeSpan value) => XmlConvert.ToString(value);

    /// <summary>The <c>base64Binary</c> form of <paramref name="value"/>.</summary>
    public static string ToBase64Binary(byte[] value) => Convert.ToBase64String(value);

    /// <summary>The <c>hexBinary</c> form of <paramref name="value"/> (upper case, as XSD's canonical form).</summary>
    public static string ToHexBinary(byte[] value) => Convert.ToHexString(value);

    private static FormatException Invalid(string text, string xsdType) =>
        new("The value is not a valid xsd:" + xsdType + " (" + text.Length.ToString(CultureInfo.InvariantCulture) + " characters).");
}
