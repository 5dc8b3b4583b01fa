using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace SoapGen.Generator.Model;

/// <summary>Turns XML names (snake_case, camelCase, "0", "string") into valid, idiomatic C# identifiers.</summary>
internal static class CSharpNames
{
    /// <summary>"api_api_buy_vps" → "ApiApiBuyVps", "getTicketList" → "GetTicketList", "0" → "_0".</summary>
    public static string ToPascalCase(string xmlName)
    {
        var builder = new StringBuilder(xmlName.Length);
        var upperNext = true;
        foreach (var c in xmlName)
        {
            if (!IsIdentifierPart(c))
            {
                upperNext = true;
                continue;
            }

            builder.Append(upperNext ? char.ToUpperInvariant(c) : c);
            upperNext = false;
        }

        if (builder.Length == 0 || !IsIdentifierStart(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }

    /// <summary>"status_text" → "statusText", "string" → "@string".</summary>
    public static string ToCamelCase(string xmlName)
    {
        var pascal = ToPascalCase(xmlName);
        var camel = pascal[0] == '_' ? pascal : char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
        return SyntaxFacts.GetKeywordKind(camel) != SyntaxKind.None
            ? "@" + camel
            : camel;
    }

    /// <summary>Returns <paramref name="candidate"/>, or it with a number appended, so it differs from every name already taken.</summary>
    public static string Unique(string candidate, ISet<string> taken)
    {
        var name = candidate;
        for (var i = 2; !taken.Add(name); i++)
        {
            name = candidate + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return name;
    }

    public static bool IsValidNamespace(string value)
    {
        foreach (var part in value.Split('.'))
        {
            if (!SyntaxFacts.IsValidIdentifier(part) || SyntaxFacts.GetKeywordKind(part) != SyntaxKind.None)
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsValidTypeName(string value) =>
        SyntaxFacts.IsValidIdentifier(value) && SyntaxFacts.GetKeywordKind(value) == SyntaxKind.None;

    /// <summary>A C# string literal for <paramref name="value"/>.</summary>
    public static string Literal(string? value) =>
        value is null ? "null" : SymbolDisplay.FormatLiteral(value, quote: true);

    private static bool IsIdentifierStart(char c) => SyntaxFacts.IsIdentifierStartCharacter(c);

    private static bool IsIdentifierPart(char c) => SyntaxFacts.IsIdentifierPartCharacter(c) && c != '_';
}
