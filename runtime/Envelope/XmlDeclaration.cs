using System;
using System.Text;

namespace SoapGen.Runtime;

/// <summary>
/// What a document says its own encoding is: a UTF-8 BOM, the <c>encoding</c> of its XML declaration, or, with neither,
/// UTF-8 (XML 1.0 §4.3.3). Looked at only in the first bytes, without decoding anything.
/// </summary>
internal static class XmlDeclaration
{
    // An XML declaration with every optional part and generous spacing fits well within this.
    private const int MaxDeclarationBytes = 256;

    /// <summary>
    /// Whether the document declares <paramref name="encoding"/> itself (UTF-8 or ISO-8859-1, which every XmlReader
    /// decodes), so reading its bytes as the XML rules say gives the same characters as decoding them with the HTTP charset.
    /// False for anything else (other encodings, UTF-16/32 byte order marks, a declaration that names another charset).
    /// </summary>
    public static bool Names(ReadOnlySpan<byte> document, Encoding encoding)
    {
        if (document.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || document.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || document.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00]))
        {
            // UTF-16 or UTF-32: the StreamReader path honours the byte order mark, as it always did.
            return false;
        }

        bool utf8Bom = document.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
        if (utf8Bom)
        {
            document = document.Slice(3);
        }

        ReadOnlySpan<byte> declared = DeclaredName(document);
        if (encoding.CodePage == Encoding.UTF8.CodePage)
        {
            return declared.IsEmpty || IsAny(declared, "utf-8"u8, "utf8"u8);
        }

        return encoding.CodePage == Encoding.Latin1.CodePage && !utf8Bom && IsAny(declared, "iso-8859-1"u8, "latin1"u8);
    }

    // The value of the declaration's encoding pseudo-attribute; empty without a declaration or without the attribute.
    private static ReadOnlySpan<byte> DeclaredName(ReadOnlySpan<byte> document)
    {
        if (!document.StartsWith("<?xml"u8) || document.Length < 6 || !IsSpace(document[5]))
        {
            return default;
        }

        ReadOnlySpan<byte> head = document.Slice(0, Math.Min(document.Length, MaxDeclarationBytes));
        int end = head.IndexOf("?>"u8);
        if (end < 0)
        {
            // Not a declaration we can read: let the StreamReader path (and the XmlReader's errors) decide.
            return "?"u8;
        }

        ReadOnlySpan<byte> declaration = head.Slice(0, end);
        int at = declaration.IndexOf("encoding"u8);
        if (at < 0)
        {
            return default;
        }

        ReadOnlySpan<byte> rest = declaration.Slice(at + "encoding".Length).TrimStart(" \t\r\n"u8);
        if (rest.IsEmpty || rest[0] != (byte)'=')
        {
            return "?"u8;
        }

        rest = rest.Slice(1).TrimStart(" \t\r\n"u8);
        if (rest.IsEmpty || (rest[0] != (byte)'"' && rest[0] != (byte)'\''))
        {
            return "?"u8;
        }

        int close = rest.Slice(1).IndexOf(rest[0]);
        return close <= 0 ? "?"u8 : rest.Slice(1, close);
    }

    private static bool IsAny(ReadOnlySpan<byte> name, ReadOnlySpan<byte> a, ReadOnlySpan<byte> b) =>
        Ascii.EqualsIgnoreCase(name, a) || Ascii.EqualsIgnoreCase(name, b);

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';
}
