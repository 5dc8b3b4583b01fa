using System.Globalization;
using System.IO;
using System.Xml;
using System.Xml.Linq;

namespace SoapGen.Runtime;

/// <summary>
/// XML that was loaded into an <see cref="XNode"/> as text again, exactly: carriage returns are written as character
/// references (<c>XNode.ToString</c> writes them raw, and a re-parse turns them into line feeds).
/// </summary>
internal static class XmlText
{
    private static readonly XmlWriterSettings Settings = new()
    {
        OmitXmlDeclaration = true,
        NewLineHandling = NewLineHandling.Entitize,
        ConformanceLevel = ConformanceLevel.Auto,
    };

    public static string Of(XNode node)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        using (XmlWriter writer = XmlWriter.Create(text, Settings))
        {
            node.WriteTo(writer);
        }

        return text.ToString();
    }
}
