using System.Collections.Generic;
using SoapGen.Generator.Wsdl;

namespace SoapGen.Generator.Model;

/// <summary>How XML Schema built-in types (and their SOAP-ENC twins) map to C# types and runtime codecs.</summary>
internal static class XsdScalarTypes
{
    private static readonly Dictionary<string, (string CSharp, bool IsValueType, string Codec)> Map = new()
    {
        ["string"] = ("string", false, "String"),
        ["normalizedString"] = ("string", false, "String"),
        ["token"] = ("string", false, "String"),
        ["anyURI"] = ("string", false, "String"),
        ["QName"] = ("string", false, "String"),
        ["NOTATION"] = ("string", false, "String"),
        ["language"] = ("string", false, "String"),
        ["Name"] = ("string", false, "String"),
        ["NCName"] = ("string", false, "String"),
        ["NMTOKEN"] = ("string", false, "String"),
        ["NMTOKENS"] = ("string", false, "String"),
        ["ID"] = ("string", false, "String"),
        ["IDREF"] = ("string", false, "String"),
        ["IDREFS"] = ("string", false, "String"),
        ["ENTITY"] = ("string", false, "String"),
        ["ENTITIES"] = ("string", false, "String"),
        ["duration"] = ("string", false, "String"),
        ["time"] = ("string", false, "String"),
        ["date"] = ("string", false, "String"),
        ["gYear"] = ("string", false, "String"),
        ["gYearMonth"] = ("string", false, "String"),
        ["gMonth"] = ("string", false, "String"),
        ["gMonthDay"] = ("string", false, "String"),
        ["gDay"] = ("string", false, "String"),
        ["hexBinary"] = ("string", false, "String"),
        ["int"] = ("int", true, "Int32"),
        ["unsignedShort"] = ("int", true, "Int32"),
        ["long"] = ("long", true, "Int64"),
        ["unsignedInt"] = ("long", true, "Int64"),
        ["integer"] = ("long", true, "Int64"),
        ["nonNegativeInteger"] = ("long", true, "Int64"),
        ["positiveInteger"] = ("long", true, "Int64"),
        ["nonPositiveInteger"] = ("long", true, "Int64"),
        ["negativeInteger"] = ("long", true, "Int64"),
        ["unsignedLong"] = ("decimal", true, "Decimal"),
        ["short"] = ("short", true, "Int16"),
        ["byte"] = ("sbyte", true, "Byte"),
        ["unsignedByte"] = ("byte", true, "UnsignedByte"),
        ["boolean"] = ("bool", true, "Boolean"),
        ["float"] = ("float", true, "Single"),
        ["double"] = ("double", true, "Double"),
        ["decimal"] = ("decimal", true, "Decimal"),
        ["dateTime"] = ("global::System.DateTimeOffset", true, "DateTime"),
        ["base64Binary"] = ("byte[]", false, "Base64"),
        ["base64"] = ("byte[]", false, "Base64"),
    };

    public static bool IsBuiltInNamespace(string ns) =>
        ns == XmlNamespaces.Xsd || ns == XmlNamespaces.Xsd1999 || ns == XmlNamespaces.SoapEncoding || ns == XmlNamespaces.Soap12Encoding;

    /// <summary>The scalar for a built-in type name, or null for anyType/Array and names XSD does not define.</summary>
    public static TypeRef? Find(QName name)
    {
        if (!IsBuiltInNamespace(name.Namespace) || !Map.TryGetValue(name.Name, out var entry))
        {
            return null;
        }

        // xsi:type is always written in the XSD namespace, even for soapenc:string parts: that is what servers accept.
        return new TypeRef(TypeRefKind.Scalar, entry.CSharp, entry.IsValueType, entry.Codec, XmlNamespaces.Xsd, name.Name, null);
    }

    public static readonly TypeRef XElement = new(
        TypeRefKind.XElement, "global::System.Xml.Linq.XElement", false, "XElement", XmlNamespaces.Xsd, "anyType", null);
}
