namespace SoapGen.Generator.Model;

/// <summary>The .NET value kinds XML Schema's built-in types map to; each has its reader, writer and lexical form in the runtime.</summary>
internal enum ScalarKind
{
    None,
    String,
    Boolean,
    SByte,
    Byte,
    Int16,
    UInt16,
    Int32,
    UInt32,
    Int64,
    UInt64,
    Integer,
    Decimal,
    Single,
    Double,
    DateTime,
    Date,
    Time,
    Duration,
    Base64Binary,
    HexBinary,
    QName,
}

/// <summary>
/// How generated code handles a <see cref="ScalarKind"/>: its C# type, the runtime's SoapReader/SoapWriter methods for an
/// element, the <c>XsdConvert</c> methods for an attribute or simple content, and the XSD type the writer names by default
/// (a value of another built-in type of the same kind passes its own name).
/// </summary>
internal sealed record ScalarInfo(string CSharpName, bool IsValueType, string ReadMethod, string WriteMethod, string ParseMethod, string FormatMethod, string DefaultXsdName)
{
    public static ScalarInfo Of(ScalarKind kind) => kind switch
    {
        ScalarKind.String => new("string", false, "ReadString", "WriteString", "", "", "string"),
        ScalarKind.Boolean => Value("bool", "Boolean", "ToBoolean", "boolean"),
        ScalarKind.SByte => Value("sbyte", "Byte", "ToSByte", "byte"),
        ScalarKind.Byte => Value("byte", "UnsignedByte", "ToByte", "unsignedByte"),
        ScalarKind.Int16 => Value("short", "Int16", "ToInt16", "short"),
        ScalarKind.UInt16 => Value("ushort", "UInt16", "ToUInt16", "unsignedShort"),
        ScalarKind.Int32 => Value("int", "Int32", "ToInt32", "int"),
        ScalarKind.UInt32 => Value("uint", "UInt32", "ToUInt32", "unsignedInt"),
        ScalarKind.Int64 => Value("long", "Int64", "ToInt64", "long"),
        ScalarKind.UInt64 => Value("ulong", "UInt64", "ToUInt64", "unsignedLong"),
        ScalarKind.Integer => Value("global::System.Numerics.BigInteger", "Integer", "ToInteger", "integer"),
        ScalarKind.Decimal => Value("decimal", "Decimal", "ToDecimal", "decimal"),
        ScalarKind.Single => Value("float", "Single", "ToSingle", "float"),
        ScalarKind.Double => Value("double", "Double", "ToDouble", "double"),
        ScalarKind.DateTime => Value("global::System.DateTimeOffset", "DateTime", "ToDateTime", "dateTime"),
        ScalarKind.Date => Value("global::System.DateOnly", "Date", "ToDate", "date"),
        ScalarKind.Time => Value("global::System.TimeOnly", "Time", "ToTime", "time"),
        ScalarKind.Duration => Value("global::System.TimeSpan", "Duration", "ToDuration", "duration"),
        ScalarKind.Base64Binary => new("byte[]", false, "ReadBase64", "WriteBase64", "ToBase64Binary", "ToBase64Binary", "base64Binary"),
        ScalarKind.HexBinary => new("byte[]", false, "ReadHexBinary", "WriteHexBinary", "ToHexBinary", "ToHexBinary", "hexBinary"),
        ScalarKind.QName => new("global::System.Xml.XmlQualifiedName", false, "ReadQName", "WriteQName", "", "", "QName"),
        _ => new("global::System.Xml.Linq.XElement", false, "ReadXElement", "WriteXElement", "", "", "anyType"),
    };

    private static ScalarInfo Value(string cs, string suffix, string parse, string xsd) =>
        new(cs, true, "Read" + suffix, "Write" + suffix, parse, "ToString", xsd);

    /// <summary>Whether the writer takes the XSD type's name (kinds that several built-in types share).</summary>
    public bool TakesXsdName => ReadMethod is "ReadString" or "ReadInteger";
}
