#if SOAPBUILDERS_CORPUS
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Base = InteropBase;
using GroupB = InteropGroupB;

namespace SoapGen.Interop.Tests;

/// <summary>One hard value of an echo operation: what the client sends, what PHP's SoapServer echoes, and why they differ.</summary>
public sealed record EchoCase<T>(T Sent, T Echoed, string? PhpChanges = null);

/// <summary>The named cases of one operation; the name is the theory's argument (readable, and no 100 KB test names).</summary>
public sealed class EchoCases<T> : IEnumerable<KeyValuePair<string, EchoCase<T>>>
{
    private readonly Dictionary<string, EchoCase<T>> _cases = new(StringComparer.Ordinal);

    public EchoCase<T> this[string name] => _cases[name];

    public TheoryData<string> Names
    {
        get
        {
            var names = new TheoryData<string>();
            foreach (string name in _cases.Keys)
            {
                names.Add(name);
            }

            return names;
        }
    }

    /// <summary>A value PHP echoes unchanged.</summary>
    public void Add(string name, T value) => _cases.Add(name, new EchoCase<T>(value, value));

    /// <summary>A value PHP changes: <paramref name="echoed"/> is what really comes back (found by experiment).</summary>
    public void Add(string name, T sent, T echoed, string phpChanges) => _cases.Add(name, new EchoCase<T>(sent, echoed, phpChanges));

    public IEnumerator<KeyValuePair<string, EchoCase<T>>> GetEnumerator() => _cases.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>
/// The hard values of every Round 2 echo operation, one table per operation, typed as the generated client takes them
/// today (hexBinary is a string, xsd:dateTime a DateTimeOffset): when the type mapping changes, only these tables change.
/// PHP facts behind the "PHP changes" entries were checked against PHP 8.2's ext/soap with raw requests:
/// <list type="bullet">
/// <item>xsd:float is read into a PHP double: "-0" is parsed as the integer 0, so −0 comes back as 0.</item>
/// <item>NaN is written as "NAN" (php_gcvt's spelling, not XSD's "NaN"); ±∞ as "INF"/"-INF".</item>
/// <item>Doubles are written with the ini <c>precision</c> (14 significant digits), not serialize_precision (-1):
/// 0.30000000000000004 comes back as 0.3. Every float needs at most 9 digits, so floats survive.</item>
/// <item>Whitespace-only strings are kept (the request parser drops blanks only between elements), as are CR
/// (written back as &amp;#13;), tabs and characters outside the BMP; xsd:dateTime and xsd:decimal are echoed as the
/// very text that came.</item>
/// </list>
/// </summary>
public static class SoapBuildersValues
{
    // ----------------------------------------------------------------------------------------------- strings

    /// <summary>The Round 2 "entities" value (r2_base_004).</summary>
    public const string Entities = ">,<,&,\",',\\,\n";

    public static readonly string Astral = "\U0001F600 \U0001D11E \U00020B9F \U0001F3F3\uFE0F\u200D\U0001F308";

    /// <summary>
    /// Hard strings for arrays and structs. No "ref=" among them: a reply containing those bytes takes the runtime's
    /// multi-ref path, which loses CR today (see the skipped ACarriageReturnSurvivesAReplyContainingRefEquals).
    /// </summary>
    public static readonly string[] HardStrings =
    {
        "", " ", "   ", "\t", "\r", "\r\n", " \t\r\n ", Astral, "]]>", "<![CDATA[x]]>", "<a title=\"x&amp;y\">'</a>",
        "  padded  ", "\u00A0\u2028\u2029\uFEFF\uFFFD", "é ü ß 中文 العربية",
    };

    public static readonly EchoCases<string?> EchoString = new()
    {
        { "empty", "" },
        { "null", null },
        { "ascii", "Hello World!" },
        { "astral", Astral },
        { "markup and ]]>", "<a href=\"x&amp;y\">'</a> & < > ]]> <![CDATA[ ]]> ]]]]><![CDATA[>" },
        { "CR LF tab", "line1\r\nline2\rline3\nline4\tend" },
        { "lone CR", "\r" },
        { "space", " " },
        { "spaces only", "   " },
        { "whitespace only", " \t\r\n " },
        { "padded", "  padded  " },
        { "bmp edges", "\u00A0\u2028\u2029\uFEFF\uFFFD\uE000\u007F" },
        { "entities", Entities },
        { "100k astral", string.Concat(Enumerable.Repeat("a\U0001F600<&>\r\n", 100_000 / 8)) },
    };

    public static readonly EchoCases<string[]?> EchoStringArray = new()
    {
        { "empty", Array.Empty<string>() },
        { "null", null },
        { "one", new[] { "good" } },
        { "hard strings", HardStrings },
        { "1000", Enumerable.Range(0, 1000).Select(i => i % 7 == 0 ? "" : $"item {i} {Astral}").ToArray() },
    };

    // ----------------------------------------------------------------------------------------------- numbers

    public static readonly EchoCases<int> EchoInteger = new()
    {
        { "min", int.MinValue },
        { "max", int.MaxValue },
        { "zero", 0 },
        { "minus one", -1 },
        { "34345", 34345 },
    };

    public static readonly EchoCases<int?[]?> EchoIntegerArray = new()
    {
        { "empty", Array.Empty<int?>() },
        { "null", null },
        { "extremes", new int?[] { int.MinValue, -1, 0, 1, int.MaxValue } },
        { "nil item", new int?[] { 1, null, 3 } },
        { "1000", Enumerable.Range(0, 1000).Select(i => (int?)(i * 4_294_967L - int.MaxValue)).ToArray() },
    };

    private const string MinusZero = "PHP reads the xsd:float \"-0\" as the integer 0 (is_numeric_string), so -0 comes back as 0";
    private const string NaNSpelling = "PHP writes NaN as \"NAN\" (php_gcvt), which the client still reads as NaN";

    public static readonly EchoCases<float> EchoFloat = new()
    {
        { "zero", 0f },
        { "minus zero", -0f, 0f, MinusZero },
        { "NaN", float.NaN, float.NaN, NaNSpelling },
        { "+inf", float.PositiveInfinity },
        { "-inf", float.NegativeInfinity },
        { "epsilon", float.Epsilon },
        { "-epsilon", -float.Epsilon },
        { "max", float.MaxValue },
        { "min", float.MinValue },
        { "smallest normal", 1.17549435E-38f },
        { "0.1", 0.1f },
        { "1/3", 1f / 3f },
        { "9 digits", 1.00000012f },
        { "2^24", 16777216f },
        { "342.23", 342.23f },
    };

    public static readonly float[] HardFloats = { 0f, float.NaN, float.PositiveInfinity, float.NegativeInfinity, float.Epsilon, float.MaxValue, float.MinValue, 0.1f, 1f / 3f };

    public static readonly EchoCases<float?[]?> EchoFloatArray = new()
    {
        { "empty", Array.Empty<float?>() },
        { "null", null },
        { "specials", HardFloats.Select(f => (float?)f).ToArray() },
        { "minus zero", new float?[] { -0f, 1f }, new float?[] { 0f, 1f }, MinusZero },
        { "nil item", new float?[] { 1.5f, null, -1.5f } },
        { "1000", Enumerable.Range(0, 1000).Select(i => (float?)MathF.ScaleB(1f + i / 1000f, i % 200 - 100)).ToArray() },
    };

    public static readonly EchoCases<decimal> EchoDecimal = new()
    {
        { "max (29 digits)", decimal.MaxValue },
        { "min", decimal.MinValue },
        { "28 places", 0.0000000000000000000000000001m },
        { "28 digits", 1.234567890123456789012345678m },
        { "-28 digits", -9.999999999999999999999999999m },
        { "trailing zeros kept", 12345.67890m },
        { "scale of zero", 0.000m },
        { "zero", 0m },
    };

    public static readonly EchoCases<bool> EchoBoolean = new()
    {
        { "true", true },
        { "false", false },
    };

    // ----------------------------------------------------------------------------------------------- structs

    public static readonly EchoCases<Base.SOAPStruct?> EchoStruct = new()
    {
        { "sample", new Base.SOAPStruct { VarString = "arg", VarInt = 34, VarFloat = 325.325f } },
        { "hard", new Base.SOAPStruct { VarString = Astral + "]]>\r\n\t", VarInt = int.MinValue, VarFloat = float.NaN } },
        { "extremes", new Base.SOAPStruct { VarString = "", VarInt = int.MaxValue, VarFloat = float.Epsilon } },
        { "nil members", new Base.SOAPStruct() },
        { "null", null },
        {
            "minus zero",
            new Base.SOAPStruct { VarString = " ", VarInt = 0, VarFloat = -0f },
            new Base.SOAPStruct { VarString = " ", VarInt = 0, VarFloat = 0f },
            MinusZero
        },
    };

    public static readonly EchoCases<Base.SOAPStruct[]?> EchoStructArray = new()
    {
        { "empty", Array.Empty<Base.SOAPStruct>() },
        { "null", null },
        { "two", new[] { EchoStruct["sample"].Sent!, EchoStruct["hard"].Sent! } },
        { "with nil members", new[] { new Base.SOAPStruct(), EchoStruct["extremes"].Sent! } },
        {
            "1000",
            Enumerable.Range(0, 1000)
                .Select(i => new Base.SOAPStruct { VarString = HardStrings[i % HardStrings.Length], VarInt = int.MaxValue - i, VarFloat = HardFloats[i % HardFloats.Length] })
                .ToArray()
        },
    };

    // ----------------------------------------------------------------------------------------------- binary

    public static byte[] Bytes(int count, int seed)
    {
        var bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public static readonly EchoCases<byte[]?> EchoBase64 = new()
    {
        { "0 B", Array.Empty<byte>() },
        { "null", null },
        { "Nebraska", Encoding.ASCII.GetBytes("Nebraska") },
        { "every byte", Enumerable.Range(0, 256).Select(i => (byte)i).ToArray() },
        { "1 B", new byte[] { 0 } },
        { "100 KB", Bytes(100 * 1024, 7) },
    };


    /// <summary>hexBinary is generated as <c>string</c> today: the cases are hex text; with <c>byte[]</c> they become the bytes.</summary>
    /// <summary>xsd:hexBinary is bytes; ext/soap decodes them and writes them back in upper case, which is the same bytes.</summary>
    public static readonly EchoCases<byte[]?> EchoHexBinary = new()
    {
        { "soapx4", Encoding.ASCII.GetBytes("soapx4") },
        { "0 B", Array.Empty<byte>() },
        { "null", null },
        { "every byte", Enumerable.Range(0, 256).Select(i => (byte)i).ToArray() },
        { "100 KB", Bytes(100 * 1024, 11) },
    };

    // ----------------------------------------------------------------------------------------------- dates

    /// <summary>xsd:dateTime is a DateTimeOffset today; offsets and all seven fractional digits must survive.</summary>
    public static readonly EchoCases<DateTimeOffset> EchoDate = new()
    {
        { "sample (Z)", new DateTimeOffset(2001, 5, 24, 17, 31, 41, TimeSpan.Zero) },
        { "+14:00, 7 fraction digits", new DateTimeOffset(9999, 12, 31, 23, 59, 59, TimeSpan.FromHours(14)).AddTicks(9_999_999) },
        { "-12:00, leap day", new DateTimeOffset(2024, 2, 29, 12, 0, 0, TimeSpan.FromHours(-12)).AddTicks(1_234_567) },
        { "+05:45, one tick", new DateTimeOffset(2010, 6, 15, 0, 0, 0, new TimeSpan(5, 45, 0)).AddTicks(1) },
        { "year 1", new DateTimeOffset(1, 1, 1, 0, 0, 0, TimeSpan.Zero) },
        { "milliseconds", new DateTimeOffset(1999, 12, 31, 23, 59, 59, 999, TimeSpan.FromHours(-3.5)) },
    };

    // ----------------------------------------------------------------------------------------------- group B

    public static readonly EchoCases<GroupB.SOAPStruct?> EchoStructAsSimpleTypes = new()
    {
        { "sample", new GroupB.SOAPStruct { VarString = "arg", VarInt = 34, VarFloat = 34.345f } },
        { "hard", new GroupB.SOAPStruct { VarString = Astral + "\r\n]]>", VarInt = int.MinValue, VarFloat = float.PositiveInfinity } },
        { "extremes", new GroupB.SOAPStruct { VarString = "   ", VarInt = int.MaxValue, VarFloat = float.Epsilon } },
        { "nil members", new GroupB.SOAPStruct() },
        {
            "minus zero",
            new GroupB.SOAPStruct { VarString = "", VarInt = 0, VarFloat = -0f },
            new GroupB.SOAPStruct { VarString = "", VarInt = 0, VarFloat = 0f },
            MinusZero
        },
    };

    /// <summary>echoSimpleTypesAsStruct's three parts, as the struct that comes back.</summary>
    public static readonly EchoCases<GroupB.SOAPStruct> EchoSimpleTypesAsStruct = new()
    {
        { "sample", new GroupB.SOAPStruct { VarString = "arg", VarInt = 34, VarFloat = 34.345f } },
        { "hard", new GroupB.SOAPStruct { VarString = Astral + "<x/>\t", VarInt = int.MinValue, VarFloat = float.NaN } },
        { "extremes", new GroupB.SOAPStruct { VarString = "", VarInt = int.MaxValue, VarFloat = float.MaxValue } },
        { "null string", new GroupB.SOAPStruct { VarString = null, VarInt = -1, VarFloat = float.NegativeInfinity } },
        {
            "minus zero",
            new GroupB.SOAPStruct { VarString = " \r ", VarInt = 0, VarFloat = -0f },
            new GroupB.SOAPStruct { VarString = " \r ", VarInt = 0, VarFloat = 0f },
            MinusZero
        },
    };

    /// <summary>ArrayOfString2D (wsdl:arrayType="string[,]") is a string[,], sent as arrayType="xsd:string[rows,columns]".</summary>
    public static readonly EchoCases<string[,]?> Echo2DStringArray = new()
    {
        { "2x3 sample", new[,] { { "row0col0", "row0col1", "row0col2" }, { "row1col0", "row1col1", "row1col2" } } },
        { "1x1", new[,] { { "only" } } },
        { "3x1 hard strings", new[,] { { "<&>" }, { "\U0001F600" }, { "tab\tnewline\n" } } },
    };

    public static readonly EchoCases<GroupB.SOAPStructStruct?> EchoNestedStruct = new()
    {
        {
            "sample",
            new GroupB.SOAPStructStruct
            {
                VarString = "arg", VarInt = 34, VarFloat = 123.45f,
                VarStruct = new GroupB.SOAPStruct { VarString = "arg2", VarInt = 342, VarFloat = 123.452f },
            }
        },
        {
            "hard",
            new GroupB.SOAPStructStruct
            {
                VarString = "]]>", VarInt = int.MaxValue, VarFloat = float.NegativeInfinity,
                VarStruct = new GroupB.SOAPStruct { VarString = Astral + "\r\n", VarInt = int.MinValue, VarFloat = float.Epsilon },
            }
        },
        { "nil inner struct", new GroupB.SOAPStructStruct { VarString = "", VarInt = 0, VarFloat = 1f } },
        { "nil everywhere", new GroupB.SOAPStructStruct { VarStruct = new GroupB.SOAPStruct() } },
        { "null", null },
    };

    public static readonly EchoCases<GroupB.SOAPArrayStruct?> EchoNestedArray = new()
    {
        { "sample", new GroupB.SOAPArrayStruct { VarString = "arg", VarInt = 34, VarFloat = 325.325f, VarArray = new[] { "red", "blue", "green" } } },
        { "empty array", new GroupB.SOAPArrayStruct { VarString = "", VarInt = int.MinValue, VarFloat = float.MaxValue, VarArray = Array.Empty<string>() } },
        { "nil array", new GroupB.SOAPArrayStruct { VarString = "x", VarInt = 1, VarFloat = float.NaN } },
        { "hard strings", new GroupB.SOAPArrayStruct { VarString = Astral, VarInt = -1, VarFloat = float.Epsilon, VarArray = HardStrings } },
        {
            "1000",
            new GroupB.SOAPArrayStruct
            {
                VarString = "1000", VarInt = 1000, VarFloat = 1000f,
                VarArray = Enumerable.Range(0, 1000).Select(i => HardStrings[i % HardStrings.Length] + i).ToArray(),
            }
        },
    };
}
#endif
