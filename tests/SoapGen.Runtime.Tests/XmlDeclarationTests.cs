using System.Linq;
using System.Text;

namespace SoapGen.Runtime.Tests;

/// <summary>
/// When the reply declares the HTTP charset itself, the XmlReader decodes the bytes without a StreamReader: only then.
/// A wrong "yes" would decode a reply with other characters than the HTTP charset gives.
/// </summary>
public class XmlDeclarationTests
{
    [Theory]
    [InlineData("<e/>", "utf-8", true)]                                                    // no declaration: UTF-8
    [InlineData("<?xml version=\"1.0\"?><e/>", "utf-8", true)]                              // no encoding: UTF-8
    [InlineData("<?xml version=\"1.0\" encoding=\"UTF-8\"?><e/>", "utf-8", true)]
    [InlineData("<?xml version='1.0' encoding = 'utf8' ?><e/>", "utf-8", true)]
    [InlineData("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><e/>", "utf-8", false)]    // the HTTP charset wins: StreamReader
    [InlineData("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><e/>", "iso-8859-1", true)]
    [InlineData("<?xml version=\"1.0\" encoding=\"UTF-8\"?><e/>", "iso-8859-1", false)]
    [InlineData("<e/>", "iso-8859-1", false)]                                               // no declaration means UTF-8, not Latin-1
    [InlineData("<?xml version=\"1.0\" encoding=\"UTF-8\"<e/>", "utf-8", false)]            // unreadable declaration
    [InlineData("<?xml version=\"1.0\" encoding=UTF-8?><e/>", "utf-8", false)]
    public void Names_the_charset_only_when_the_document_declares_it(string document, string charset, bool expected)
    {
        Encoding encoding = charset == "utf-8" ? new UTF8Encoding(false) : Encoding.Latin1;
        Assert.Equal(expected, XmlDeclaration.Names(Encoding.Latin1.GetBytes(document), encoding));
    }

    [Fact]
    public void Byte_order_marks()
    {
        Assert.True(XmlDeclaration.Names([0xEF, 0xBB, 0xBF, .. "<e/>"u8], new UTF8Encoding(false)));
        Assert.False(XmlDeclaration.Names([0xEF, 0xBB, 0xBF, .. "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><e/>"u8], Encoding.Latin1));
        Assert.False(XmlDeclaration.Names(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("<e/>")).ToArray(), new UTF8Encoding(false)));
        Assert.False(XmlDeclaration.Names(Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes("<e/>")).ToArray(), new UTF8Encoding(false)));
    }
}
