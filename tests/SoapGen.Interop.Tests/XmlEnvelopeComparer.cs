using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;

namespace SoapGen.Interop.Tests;

/// <summary>Differences between two SOAP 1.1 encoded envelopes that <see cref="XmlEnvelopeComparer"/> may be told to accept.</summary>
[Flags]
public enum EnvelopeTolerance
{
    None = 0,

    /// <summary>
    /// <c>SOAP-ENV:encodingStyle</c> on the Envelope or on the body entry: it is inherited, so only the style in effect on
    /// each element inside the Body is compared, not where the attribute is written.
    /// </summary>
    EncodingStylePlacement = 1,

    /// <summary>
    /// An encoded array typed <c>xsi:type="SOAP-ENC:Array"</c> on one side and as a named array type (the WSDL's
    /// <c>ArrayOfstring</c>, a restriction of SOAP-ENC:Array) on the other; both must carry the same <c>SOAP-ENC:arrayType</c>.
    /// </summary>
    GenericArrayType = 2,

    /// <summary>An <c>xsi:type</c> on an element with <c>xsi:nil="true"</c>: a nil has no value to type.</summary>
    TypeOfNil = 4,

    /// <summary>
    /// <c>xsd:dateTime</c> values compared as values (the same instant and the same offset), not as text:
    /// <c>2001-05-24T17:31:41Z</c> equals <c>2001-05-24T17:31:41.0000000+00:00</c>.
    /// </summary>
    DateTimeLexicalForm = 8,
}

/// <summary>
/// Compares two SOAP envelopes as XML, namespace-aware: elements and attributes by namespace and local name, prefixes
/// and namespace declarations ignored, the QName values of <c>xsi:type</c> and <c>SOAP-ENC:arrayType</c> resolved
/// against their element's namespaces, whitespace-only text between elements ignored. A leaf's text is compared
/// exactly (a whitespace-only string value is a value). Children are compared in order.
/// </summary>
public static class XmlEnvelopeComparer
{
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";
    private static readonly XNamespace Xsd = "http://www.w3.org/2001/XMLSchema";
    private static readonly XNamespace Env = "http://schemas.xmlsoap.org/soap/envelope/";
    private static readonly XNamespace Enc = "http://schemas.xmlsoap.org/soap/encoding/";

    /// <summary>Every difference, one line each with its element path; empty when the envelopes are equivalent.</summary>
    public static IReadOnlyList<string> Differences(string expectedXml, string actualXml, EnvelopeTolerance tolerance)
    {
        var differences = new List<string>();
        Node expected = Normalize(XDocument.Parse(expectedXml).Root!, null, false, tolerance);
        Node actual = Normalize(XDocument.Parse(actualXml).Root!, null, false, tolerance);
        Compare(expected, actual, "/" + Show(expected.Name), tolerance, differences);
        return differences;
    }

    private sealed record Node(XName Name, SortedDictionary<string, string> Attributes, string? Text, IReadOnlyList<Node> Children);

    private static Node Normalize(XElement element, string? inheritedStyle, bool insideBody, EnvelopeTolerance tolerance)
    {
        string? style = element.Attribute(Env + "encodingStyle")?.Value ?? inheritedStyle;
        bool nil = element.Attribute(Xsi + "nil")?.Value is "true" or "1";
        var attributes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (XAttribute attribute in element.Attributes().Where(a => !a.IsNamespaceDeclaration))
        {
            if (attribute.Name == Env + "encodingStyle" && tolerance.HasFlag(EnvelopeTolerance.EncodingStylePlacement))
            {
                continue;
            }

            if (attribute.Name == Xsi + "type" && nil && tolerance.HasFlag(EnvelopeTolerance.TypeOfNil))
            {
                continue;
            }

            attributes[attribute.Name.ToString()] = attribute.Name == Xsi + "type" || attribute.Name == Enc + "arrayType"
                ? ResolveQName(element, attribute.Value)
                : attribute.Value;
        }

        if (insideBody && tolerance.HasFlag(EnvelopeTolerance.EncodingStylePlacement) && style is not null)
        {
            attributes["(encodingStyle in effect)"] = style;
        }

        bool bodyBelow = insideBody || element.Name == Env + "Body";
        var children = element.Elements().Select(e => Normalize(e, style, bodyBelow, tolerance)).ToArray();
        string text = string.Concat(element.Nodes().OfType<XText>().Select(t => t.Value));

        // Text beside child elements is layout when it is only whitespace; a leaf's text is its value.
        string? significant = children.Length > 0 && string.IsNullOrWhiteSpace(text) ? null : text;
        return new Node(element.Name, attributes, significant, children);
    }

    // "p:local" or "p:local[2,3]" -> "{ns}local" / "{ns}local[2,3]"; an unknown prefix stays visible as written.
    private static string ResolveQName(XElement element, string value)
    {
        int colon = value.IndexOf(':', StringComparison.Ordinal);
        string prefix = colon < 0 ? string.Empty : value[..colon];
        XNamespace? ns = colon < 0 ? element.GetDefaultNamespace() : element.GetNamespaceOfPrefix(prefix);
        return ns is null ? "{?" + prefix + "}" + value[(colon + 1)..] : "{" + ns.NamespaceName + "}" + value[(colon + 1)..];
    }

    private static void Compare(Node expected, Node actual, string path, EnvelopeTolerance tolerance, List<string> differences)
    {
        if (expected.Name != actual.Name)
        {
            differences.Add($"{path}: element {Show(expected.Name)} expected, {Show(actual.Name)} found");
            return;
        }

        CompareAttributes(expected, actual, path, tolerance, differences);
        if (!SameText(expected, actual, tolerance))
        {
            differences.Add($"{path}: text {Quote(expected.Text)} expected, {Quote(actual.Text)} found");
        }

        int common = Math.Min(expected.Children.Count, actual.Children.Count);
        for (int i = 0; i < common; i++)
        {
            Node e = expected.Children[i];
            Compare(e, actual.Children[i], $"{path}/{Show(e.Name)}[{(i + 1).ToString(CultureInfo.InvariantCulture)}]", tolerance, differences);
        }

        foreach (Node missing in expected.Children.Skip(common))
        {
            differences.Add($"{path}: child {Show(missing.Name)} expected, missing");
        }

        foreach (Node extra in actual.Children.Skip(common))
        {
            differences.Add($"{path}: child {Show(extra.Name)} not expected");
        }
    }

    private static void CompareAttributes(Node expected, Node actual, string path, EnvelopeTolerance tolerance, List<string> differences)
    {
        string typeKey = (Xsi + "type").ToString();
        string arrayTypeKey = (Enc + "arrayType").ToString();
        string genericArray = "{" + Enc.NamespaceName + "}Array";
        foreach (string key in expected.Attributes.Keys.Union(actual.Attributes.Keys).Order(StringComparer.Ordinal))
        {
            expected.Attributes.TryGetValue(key, out string? e);
            actual.Attributes.TryGetValue(key, out string? a);
            if (e == a)
            {
                continue;
            }

            if (key == typeKey && e is not null && a is not null && (e == genericArray || a == genericArray)
                && tolerance.HasFlag(EnvelopeTolerance.GenericArrayType)
                && expected.Attributes.ContainsKey(arrayTypeKey) && actual.Attributes.ContainsKey(arrayTypeKey))
            {
                continue;
            }

            differences.Add($"{path}: attribute {key} {Quote(e)} expected, {Quote(a)} found");
        }
    }

    private static bool SameText(Node expected, Node actual, EnvelopeTolerance tolerance)
    {
        if (expected.Text == actual.Text)
        {
            return true;
        }

        string dateTime = "{" + Xsd.NamespaceName + "}dateTime";
        string typeKey = (Xsi + "type").ToString();
        return tolerance.HasFlag(EnvelopeTolerance.DateTimeLexicalForm)
            && expected.Attributes.GetValueOrDefault(typeKey) == dateTime && actual.Attributes.GetValueOrDefault(typeKey) == dateTime
            && DateTimeOffset.TryParse(expected.Text, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTimeOffset e)
            && DateTimeOffset.TryParse(actual.Text, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTimeOffset a)
            && e.EqualsExact(a);
    }

    private static string Show(XName name) => name.NamespaceName.Length == 0 ? name.LocalName : "{" + name.NamespaceName + "}" + name.LocalName;

    private static string Quote(string? value) => value is null ? "(none)" : "\"" + value.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
}
