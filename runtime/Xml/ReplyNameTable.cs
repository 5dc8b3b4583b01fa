using System.Xml;

namespace SoapGen.Runtime;

/// <summary>
/// The name table of one reply's parser. The parser atomises every element and attribute name (local name and prefix)
/// here as it parses a start tag, before <see cref="XmlReader.Read"/> returns it, so watching what is added tells
/// <see cref="QuotaXmlReader"/> two things without walking the attributes of every element: the longest name part
/// so far (when short enough, no name can exceed <see cref="SoapReaderQuotas.MaxNameLength"/>), and whether a
/// <c>nil</c> went by (only then can the element be <c>xsi:nil</c>).
/// </summary>
internal sealed class ReplyNameTable : NameTable
{
    public ReplyNameTable()
    {
        // Seeded with the literals the reader compares names against, so the parser hands back these very instances and
        // those comparisons end at the reference check. Not counted in Longest: they are not names from the reply.
        base.Add("nil");
        base.Add("type");
        base.Add(SoapNamespaces.Xsi);
    }

    /// <summary>The length of the longest string added since this table was made (names, prefixes, namespace URIs).</summary>
    public int Longest { get; private set; }

    /// <summary>Set when <c>nil</c> is added; the reader clears it once it has looked at the element.</summary>
    public bool SawNil { get; set; }

    public override string Add(char[] key, int start, int len)
    {
        string atom = base.Add(key, start, len);
        Note(atom);
        return atom;
    }

    public override string Add(string key)
    {
        string atom = base.Add(key);
        Note(atom);
        return atom;
    }

    private void Note(string atom)
    {
        if (atom.Length > Longest)
        {
            Longest = atom.Length;
        }

        if (atom == "nil")
        {
            SawNil = true;
        }
    }
}
