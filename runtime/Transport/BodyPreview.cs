using System;
using System.Text;

namespace SoapGen.Runtime;

/// <summary>
/// The start of a reply body, made safe to put in an exception message: control characters replaced so a binary
/// or hostile body cannot break log lines or terminals.
/// </summary>
internal static class BodyPreview
{
    public const int MaxChars = 512;

    public static string? FromBytes(ReadOnlySpan<byte> body, Encoding? encoding)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        // Four bytes per char covers every encoding we decode; the rest of the body is not needed.
        ReadOnlySpan<byte> head = body.Length > MaxChars * 4 ? body.Slice(0, MaxChars * 4) : body;
        string text = (encoding ?? Encoding.UTF8).GetString(head);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text.Substring(1);
        }

        if (text.Length > MaxChars)
        {
            text = text.Substring(0, MaxChars);
        }

        return Sanitize(text);
    }

    /// <summary>
    /// A server-sent value (a name, an id, a fault string) as a message may quote it: sanitised and, past
    /// <paramref name="maxChars"/>, cut with a note of its full length, so a 10 MB value cannot make a 10 MB message.
    /// </summary>
    public static string Excerpt(string text, int maxChars = 64)
    {
        if (text.Length <= maxChars)
        {
            return Sanitize(text);
        }

        return Sanitize(text.Substring(0, maxChars)) + "… (" + text.Length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " characters)";
    }

    public static string Sanitize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (c == '\r' || c == '\n' || c == '\t')
            {
                builder.Append(' ');
            }
            else if (char.IsControl(c) || c == '\uFFFD')
            {
                builder.Append('?');
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
