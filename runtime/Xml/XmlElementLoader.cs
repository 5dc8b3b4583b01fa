using System.Collections.Generic;
using System.Xml;
using System.Xml.Linq;

namespace SoapGen.Runtime;

/// <summary>
/// Loads the element under an <see cref="XmlReader"/> as an <see cref="XElement"/> that keeps working on its own:
/// <see cref="XNode.ReadFrom"/> drops the namespace declarations made on ancestors (the Envelope declares most of them),
/// and then QName values such as <c>faultcode</c> = <c>SOAP-ENV:Client</c> or <c>xsi:type="ns1:T"</c> no longer resolve.
/// </summary>
internal static class XmlElementLoader
{
    public static XElement Load(XmlReader reader)
    {
        IDictionary<string, string>? inScope = (reader as IXmlNamespaceResolver)?.GetNamespacesInScope(XmlNamespaceScope.ExcludeXml);
        var element = (XElement)XNode.ReadFrom(reader);
        if (inScope is null)
        {
            return element;
        }

        foreach (KeyValuePair<string, string> binding in inScope)
        {
            // The default namespace is not copied: element names are already resolved, and xmlns="" rules get messy.
            if (binding.Key.Length == 0 || binding.Value.Length == 0)
            {
                continue;
            }

            XName declaration = XNamespace.Xmlns + binding.Key;
            if (element.Attribute(declaration) is null)
            {
                element.SetAttributeValue(declaration, binding.Value);
            }
        }

        return element;
    }
}
