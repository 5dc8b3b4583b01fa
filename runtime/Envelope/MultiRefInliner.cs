using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace SoapGen.Runtime;

/// <summary>
/// Resolves SOAP-encoding multi-reference values (Axis, SOAP::Lite and .NET remoting write them):
/// <c>&lt;item href="#id1"/&gt;</c> … <c>&lt;multiRef id="id1"&gt;…&lt;/multiRef&gt;</c> (1.1), or <c>enc:ref="id1"</c> / <c>enc:id</c> (1.2).
/// Each referring element is replaced by one that keeps its own name and takes the referenced element's attributes
/// (except <c>id</c>) and children, so generated code reads the tree as if the value had been written inline.
/// Only the slow path: the transport calls this only when the reply bytes contain <c>ref=</c>.
/// </summary>
internal sealed class MultiRefInliner
{

    private static readonly XName Href = "href";
    private static readonly XName Id = "id";
    private static readonly XName Ref12 = XNamespace.Get(SoapNamespaces.Encoding12) + "ref";
    private static readonly XName Id12 = XNamespace.Get(SoapNamespaces.Encoding12) + "id";

    private readonly Dictionary<string, XElement> _targets = new();
    private readonly List<string> _path = new();

    // A reply that expands exponentially through shared references, or nests deep through them, must not exhaust
    // memory or the stack: the result obeys the reader quotas the reply itself was read with.
    private readonly SoapReaderQuotas _quotas;
    private int _created;

    private MultiRefInliner(SoapReaderQuotas quotas) => _quotas = quotas;

    public static void Inline(XElement body, SoapReaderQuotas quotas)
    {
        var inliner = new MultiRefInliner(quotas);
        foreach (XElement element in body.Descendants())
        {
            string? id = (string?)element.Attribute(Id) ?? (string?)element.Attribute(Id12);
            if (id is not null)
            {
                inliner._targets.TryAdd(id, element);
            }
        }

        if (inliner._targets.Count == 0)
        {
            // "ref=" may be text ("?ref=42" in a URL); a reference with nothing to refer to is an error, not "".
            foreach (XElement element in body.Descendants())
            {
                if (ReferenceOf(element) is { } missing)
                {
                    throw Missing(element, missing);
                }
            }

            return;
        }

        // Only the values the reader visits are rebuilt; the multiRef elements themselves (which carry an id) stay as
        // they are and are never read by generated code, which reads Body's first child.
        foreach (XElement child in body.Elements().Where(e => e.Attribute(Id) is null && e.Attribute(Id12) is null).ToList())
        {
            child.ReplaceWith(inliner.Resolve(child, 0));
        }
    }

    // Builds a copy of element with every reference inside it replaced by the referenced content.
    private XElement Resolve(XElement element, int depth)
    {
        if (depth > _quotas.MaxDepth)
        {
            throw QuotaXmlReader.Exceeded("nests multi-reference values (href/id) more than " + _quotas.MaxDepth + " levels deep", nameof(SoapReaderQuotas.MaxDepth));
        }

        if (++_created > _quotas.MaxElementCount)
        {
            throw QuotaXmlReader.Exceeded("expands multi-reference values (href/id) to more than " + _quotas.MaxElementCount + " elements", nameof(SoapReaderQuotas.MaxElementCount));
        }

        string? reference = ReferenceOf(element);
        var result = new XElement(element.Name);
        foreach (XAttribute attribute in element.Attributes())
        {
            if (reference is null || (attribute.Name != Href && attribute.Name != Ref12))
            {
                result.Add(new XAttribute(attribute));
            }
        }

        XElement source = element;
        if (reference is not null)
        {
            if (!_targets.TryGetValue(reference, out XElement? target))
            {
                throw Missing(element, reference);
            }

            if (_path.Contains(reference))
            {
                throw new SoapProtocolException("The reply's multi-reference values (href/id) form a cycle through the id '" + BodyPreview.Excerpt(reference) + "'.");
            }

            foreach (XAttribute attribute in target.Attributes())
            {
                // The referring element's own attributes win; the target's id has no meaning at the new place.
                if (attribute.Name != Id && attribute.Name != Id12 && result.Attribute(attribute.Name) is null)
                {
                    result.Add(new XAttribute(attribute));
                }
            }

            source = target;
            _path.Add(reference);
        }

        foreach (XNode node in source.Nodes())
        {
            result.Add(node is XElement child ? Resolve(child, depth + 1) : CloneLeaf(node));
        }

        if (reference is not null)
        {
            _path.RemoveAt(_path.Count - 1);
        }

        return result;
    }

    private static SoapProtocolException Missing(XElement element, string reference) =>
        new("The reply's element <" + BodyPreview.Excerpt(element.Name.LocalName) + "> refers to the id '" + BodyPreview.Excerpt(reference) +
            "', which the reply does not contain.");

    private static XNode CloneLeaf(XNode node) => node switch
    {
        XCData cdata => new XCData(cdata),
        XText text => new XText(text),
        XComment comment => new XComment(comment),
        XProcessingInstruction pi => new XProcessingInstruction(pi),
        _ => new XText(string.Empty),
    };

    private static string? ReferenceOf(XElement element)
    {
        string? href = (string?)element.Attribute(Href);
        if (href is not null && href.StartsWith('#'))
        {
            return href.Substring(1);
        }

        return (string?)element.Attribute(Ref12);
    }
}
