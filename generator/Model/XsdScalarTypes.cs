using System.Collections.Generic;
using SoapGen.Generator.Wsdl;

namespace SoapGen.Generator.Model;

/// <summary>How XML Schema built-in types (and their SOAP-ENC twins) map to C# types and runtime codecs.</summary>
internal static class XsdScalarTypes
{
    // Every built-in XSD type (and its SOAP-ENC twin) and the kind of .NET value it becomes.
    private static readonly Dictionary<string, ScalarKind> Map = new()
    {
        ["string"] = ScalarKind.String,
        ["normalizedString"] = ScalarKind.String,
        ["token"] = ScalarKind.String,
        ["anyURI"] = ScalarKind.String,
        ["NOTATION"] = ScalarKind.String,
        ["language"] = ScalarKind.String,
        ["Name"] = ScalarKind.String,
        ["NCName"] = ScalarKind.String,
        ["NMTOKEN"] = ScalarKind.String,
        ["NMTOKENS"] = ScalarKind.String,
        ["ID"] = ScalarKind.String,
        ["IDREF"] = ScalarKind.String,
        ["IDREFS"] = ScalarKind.String,
        ["ENTITY"] = ScalarKind.String,
        ["ENTITIES"] = ScalarKind.String,
        ["gYear"] = ScalarKind.String,
        ["gYearMonth"] = ScalarKind.String,
        ["gMonth"] = ScalarKind.String,
        ["gMonthDay"] = ScalarKind.String,
        ["gDay"] = ScalarKind.String,
        ["QName"] = ScalarKind.QName,
        ["duration"] = ScalarKind.Duration,
        ["time"] = ScalarKind.Time,
        ["date"] = ScalarKind.Date,
        ["dateTime"] = ScalarKind.DateTime,
        ["hexBinary"] = ScalarKind.HexBinary,
        ["base64Binary"] = ScalarKind.Base64Binary,
        ["base64"] = ScalarKind.Base64Binary,
        ["int"] = ScalarKind.Int32,
        ["unsignedShort"] = ScalarKind.UInt16,
        ["long"] = ScalarKind.Int64,
        ["unsignedInt"] = ScalarKind.UInt32,
        ["integer"] = ScalarKind.Integer,
        ["nonNegativeInteger"] = ScalarKind.Integer,
        ["positiveInteger"] = ScalarKind.Integer,
        ["nonPositiveInteger"] = ScalarKind.Integer,
        ["negativeInteger"] = ScalarKind.Integer,
        ["unsignedLong"] = ScalarKind.UInt64,
        ["short"] = ScalarKind.Int16,
        ["byte"] = ScalarKind.SByte,
        ["unsignedByte"] = ScalarKind.Byte,
        ["boolean"] = ScalarKind.Boolean,
        ["float"] = ScalarKind.Single,
        ["double"] = ScalarKind.Double,
        ["decimal"] = ScalarKind.Decimal,
    };

    public static bool IsBuiltInNamespace(string ns) =>
        ns == XmlNamespaces.Xsd || ns == XmlNamespaces.Xsd1999 || ns == XmlNamespaces.SoapEncoding || ns == XmlNamespaces.Soap12Encoding;

    /// <summary>The scalar for a built-in type name, or null for anyType/Array and names XSD does not define.</summary>
    public static TypeRef? Find(QName name)
    {
        if (!IsBuiltInNamespace(name.Namespace) || !Map.TryGetValue(name.Name, out var kind))
        {
            return null;
        }

        // xsi:type is always written in the XSD namespace, even for soapenc:string parts: that is what servers accept.
        // "base64" is SOAP-ENC's own name; XSD's is what servers understand.
        return Scalar(kind, name.Name == "base64" ? "base64Binary" : name.Name);
    }

    /// <summary>A scalar of <paramref name="kind"/> whose XSD type (for xsi:type) is <paramref name="xsdName"/>.</summary>
    public static TypeRef Scalar(ScalarKind kind, string xsdName)
    {
        var info = ScalarInfo.Of(kind);
        return new TypeRef(TypeRefKind.Scalar, info.CSharpName, info.IsValueType, info.ReadMethod, info.WriteMethod, XmlNamespaces.Xsd, xsdName, null, kind);
    }

    /// <summary>The attributes an xsd:anyAttribute keeps (as an array: the member is repeated).</summary>
    public static readonly TypeRef XAttribute = new(
        TypeRefKind.XElement, "global::System.Xml.Linq.XAttribute", false, "ReadOtherAttributes", "WriteOtherAttributes", XmlNamespaces.Xsd, "anySimpleType", null);

    public static readonly TypeRef XElement = new(
        TypeRefKind.XElement, "global::System.Xml.Linq.XElement", false, "ReadXElement", "WriteXElement", XmlNamespaces.Xsd, "anyType", null);
}
