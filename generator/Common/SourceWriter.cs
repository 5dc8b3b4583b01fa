using System;
using System.Text;

namespace SoapGen.Generator.Common;

/// <summary>Builds indented C# text line by line; cheaper and more predictable than SyntaxFactory + NormalizeWhitespace.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _builder = new();
    private int _indent;

    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            _builder.Append(' ', _indent * 4);
            _builder.Append(text);
        }

        _builder.Append('\n');
        return this;
    }

    public SourceWriter OpenBlock(string header)
    {
        Line(header);
        Line("{");
        _indent++;
        return this;
    }

    public SourceWriter CloseBlock(string suffix = "")
    {
        _indent--;
        Line("}" + suffix);
        return this;
    }

    /// <summary>Writes an XML doc summary of plain text (from the WSDL): every line is escaped.</summary>
    public SourceWriter DocSummary(string? text) => DocSummary(text, escape: true);

    /// <summary>Writes an XML doc summary; <paramref name="escape"/> is false for text that already is doc XML.</summary>
    public SourceWriter DocSummary(string? text, bool escape)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return this;
        }

        Line("/// <summary>");
        foreach (var line in text!.Replace("\r\n", "\n").Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.Length > 0)
            {
                Line("/// " + (escape ? EscapeXml(trimmed) : trimmed));
            }
        }

        Line("/// </summary>");
        return this;
    }

    public override string ToString() => _builder.ToString();

    private static string EscapeXml(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
