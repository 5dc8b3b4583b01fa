using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using System.Xml;
using System.Xml.Linq;

namespace SoapGen.Benchmarks.Serialization;

/// <summary>
/// <c>--smoke-serializers</c>: for every payload, each contender must read exactly the values the reply was built from,
/// and the three request envelopes must be the same XML (names and namespaces, values; not prefixes, and multi-refs resolved).
/// </summary>
internal static class SerializerSmoke
{
    private static readonly XNamespace Xsi = SafeXml.Xsi;
    private static readonly XNamespace Enc = SafeXml.Encoding;

    public static async Task<int> RunAsync()
    {
        int failures = 0;
        foreach (SerializationPayload payload in new SerializationPayload[] { new VpsServicesPayload(), new EchoStructArrayPayload(), new CatalogPayload() })
        {
            string name = payload.GetType().Name.Replace("Payload", "", StringComparison.Ordinal);
            try
            {
                var handler = new CannedHttpHandler(payload.Reply) { CaptureRequests = true };
                using var http = new HttpClient(handler);
                payload.UseGeneratedClient(http);
                IReadOnlyList<string> expected = payload.Expected();

                IReadOnlyList<string> generated = payload.DescribeGenerated(await payload.GeneratedAsync());
                var xsRequest = new MemoryStream();
                IReadOnlyList<string> xmlSerializer = payload.DescribeSvcutil(payload.XmlSerializer(xsRequest));
                var hwRequest = new MemoryStream();
                IReadOnlyList<string> handWritten = payload.DescribeSvcutil(payload.HandWritten(hwRequest));
                SameValues("generated", expected, generated);
                SameValues("XmlSerializer", expected, xmlSerializer);
                SameValues("hand-written", expected, handWritten);

                if (Environment.GetEnvironmentVariable("SOAPGEN_SMOKE_DUMP") is { Length: > 0 } dump)
                {
                    File.WriteAllBytes(Path.Combine(dump, name + ".generated.xml"), handler.LastRequest!);
                    File.WriteAllBytes(Path.Combine(dump, name + ".xmlserializer.xml"), xsRequest.ToArray());
                    File.WriteAllBytes(Path.Combine(dump, name + ".handwritten.xml"), hwRequest.ToArray());
                }

                XElement generatedRequest = Body(handler.LastRequest ?? throw new InvalidOperationException("the generated client sent no request"));
                SameXml("XmlSerializer", generatedRequest, Body(xsRequest.ToArray()));
                SameXml("hand-written", generatedRequest, Body(hwRequest.ToArray()));
                Console.WriteLine($"smoke-serializers: {name}: generated, XmlSerializer and hand-written read the same {expected.Count} lines of values " +
                    $"from {payload.Reply.Length:N0} bytes and write equivalent requests ({handler.LastRequest.Length:N0} bytes)");
            }
            catch (Exception e)
            {
                failures++;
                Console.WriteLine($"smoke-serializers FAILED: {name}: {e.Message}");
            }
        }

        Console.WriteLine(failures == 0 ? "smoke-serializers OK" : $"smoke-serializers: {failures} payload(s) FAILED");
        return failures == 0 ? 0 : 1;
    }

    private static void SameValues(string contender, IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        if (expected.Count != actual.Count)
        {
            throw new InvalidOperationException($"{contender} read {actual.Count} lines of values, expected {expected.Count}");
        }

        for (int i = 0; i < expected.Count; i++)
        {
            if (expected[i] != actual[i])
            {
                throw new InvalidOperationException($"{contender} line {i}: read [{actual[i]}], expected [{expected[i]}]");
            }
        }
    }

    // The Body of a request envelope, multi-refs inlined.
    private static XElement Body(byte[] envelope)
    {
        using XmlReader reader = SafeXml.CreateReader(envelope);
        XElement root = XElement.Load(reader);
        XElement body = root.Element(XName.Get("Body", SafeXml.Envelope)) ?? throw new InvalidOperationException("a request has no Body");
        var byId = body.Elements().Where(e => e.Attribute("id") is not null).ToDictionary(e => "#" + (string)e.Attribute("id")!);
        foreach (XElement shared in byId.Values)
        {
            shared.Remove();
        }

        foreach (XElement element in body.Descendants().ToList())
        {
            Inline(element, byId, depth: 0);
        }

        return body;
    }

    private static void Inline(XElement element, Dictionary<string, XElement> byId, int depth)
    {
        if (element.Attribute("href") is not { } href)
        {
            return;
        }

        if (depth > 64 || !byId.TryGetValue(href.Value, out XElement? target))
        {
            throw new InvalidOperationException($"unresolved href {href.Value}");
        }

        href.Remove();
        foreach (XAttribute attribute in target.Attributes().Where(a => a.Name != "id" && !a.IsNamespaceDeclaration))
        {
            // QName-valued attributes keep their meaning: rewrite the value with a prefix declared where it now is.
            element.SetAttributeValue(attribute.Name, attribute.Value);
            if (IsQNameValued(attribute.Name) && Resolve(target, attribute.Value) is { } name)
            {
                string prefix = element.GetPrefixOfNamespace(name.Namespace) ?? AddPrefix(element, name.Namespace);
                element.SetAttributeValue(attribute.Name, prefix + ":" + name.LocalName + Suffix(attribute.Value));
            }
        }

        // A multi-ref element named for its type (XmlSerializer writes <SOAP-ENC:Array id="id1">) says its type by name.
        if (target.Attribute(Xsi + "type") is null && element.Attribute(Xsi + "type") is null)
        {
            string prefix = element.GetPrefixOfNamespace(target.Name.Namespace) ?? AddPrefix(element, target.Name.Namespace);
            element.SetAttributeValue(Xsi + "type", prefix + ":" + target.Name.LocalName);
        }

        element.Add(target.Nodes().Select(n => n is XElement e ? new XElement(e) : n));
        foreach (XElement child in element.Descendants().ToList())
        {
            Inline(child, byId, depth + 1);
        }
    }

    private static string AddPrefix(XElement element, XNamespace ns)
    {
        string prefix = "inl" + element.Ancestors().Count().ToString(CultureInfo.InvariantCulture);
        element.SetAttributeValue(XNamespace.Xmlns + prefix, ns.NamespaceName);
        return prefix;
    }

    private static bool IsQNameValued(XName name) => name == Xsi + "type" || name == Enc + "arrayType";

    private static string Suffix(string qname) => qname.IndexOf('[') is int open and >= 0 ? qname[open..] : "";

    private static XName? Resolve(XElement scope, string qname)
    {
        string value = qname.IndexOf('[') is int open and >= 0 ? qname[..open] : qname;
        int colon = value.IndexOf(':');
        XNamespace? ns = colon < 0 ? scope.GetDefaultNamespace() : scope.GetNamespaceOfPrefix(value[..colon]);
        return ns is null ? null : ns + value[(colon + 1)..];
    }

    private static void SameXml(string contender, XElement expected, XElement actual, string path = "")
    {
        path += "/" + expected.Name.LocalName;
        if (expected.Name != actual.Name && !IsArrayItem(expected))
        {
            throw new InvalidOperationException($"{contender} request: {path}: element {actual.Name}, the generated client wrote {expected.Name}");
        }

        foreach (XName attribute in new[] { Xsi + "type", Xsi + "nil", Enc + "arrayType" })
        {
            string? e = Qualified(expected, attribute);
            string? a = Qualified(actual, attribute);
            if (e != a)
            {
                throw new InvalidOperationException($"{contender} request: {path}: {attribute.LocalName}=\"{a}\", the generated client wrote \"{e}\"");
            }
        }

        XElement[] expectedChildren = expected.Elements().ToArray();
        XElement[] actualChildren = actual.Elements().ToArray();
        if (expectedChildren.Length != actualChildren.Length)
        {
            throw new InvalidOperationException($"{contender} request: {path}: {actualChildren.Length} child elements, the generated client wrote {expectedChildren.Length}");
        }

        if (expectedChildren.Length == 0 && !SameText(expected.Value, actual.Value))
        {
            throw new InvalidOperationException($"{contender} request: {path}: text \"{actual.Value}\", the generated client wrote \"{expected.Value}\"");
        }

        for (int i = 0; i < expectedChildren.Length; i++)
        {
            SameXml(contender, expectedChildren[i], actualChildren[i], path);
        }
    }

    // The items of a SOAP-ENC array may have any name (SOAP 1.1 section 5.4.2).
    private static bool IsArrayItem(XElement element) => element.Parent?.Attribute(Enc + "arrayType") is not null;

    // An attribute's value with QNames resolved to {namespace}local, so prefixes do not matter.
    private static string? Qualified(XElement element, XName attribute)
    {
        string? value = (string?)element.Attribute(attribute);
        if (value is null || !IsQNameValued(attribute))
        {
            return value;
        }

        return Resolve(element, value) is { } name ? name + Suffix(value) : value;
    }

    // The same text, or the same number or instant written another way (12.5 and 1.25E1; Z and +00:00).
    private static bool SameText(string expected, string actual) =>
        expected == actual
        || (double.TryParse(expected, NumberStyles.Float, CultureInfo.InvariantCulture, out double e) && double.TryParse(actual, NumberStyles.Float, CultureInfo.InvariantCulture, out double a) && e.Equals(a))
        || (DateTimeOffset.TryParse(expected, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTimeOffset te) && DateTimeOffset.TryParse(actual, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTimeOffset ta) && te == ta);
}
