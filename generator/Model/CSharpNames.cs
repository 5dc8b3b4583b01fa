using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace SoapGen.Generator.Model;

/// <summary>Turns XML names (snake_case, camelCase, "0", "string") into valid, idiomatic C# identifiers.</summary>
internal static class CSharpNames
{
    /// <summary>
    /// The longest identifier a name becomes. C# allows 512 characters (CS7013); generated names add prefixes and
    /// suffixes ("Read…Response", "I…Session", a number for uniqueness), so a name stays well below that.
    /// </summary>
    public const int MaxIdentifierLength = 256;

    private const int HashLength = 8;

    /// <summary>
    /// The members every generated record has (from object, from the compiler's record members, IsOk of a status
    /// result): a schema member with one of these names gets another, or it would hide or clash with it.
    /// </summary>
    public static readonly IReadOnlyList<string> RecordMemberNames = new[]
    {
        "EqualityContract", "IsOk", "ToString", "Equals", "GetHashCode", "GetType", "MemberwiseClone", "Finalize",
        "ReferenceEquals", "PrintMembers", "Deconstruct", "Clone",
    };

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

        if (builder.Length > MaxIdentifierLength)
        {
            // The same XML name always gives the same C# name, and two long names that share their start still differ.
            builder.Length = MaxIdentifierLength - HashLength - 1;
            builder.Append('_').Append(Fnv1a(xmlName).ToString("X8", System.Globalization.CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    private static uint Fnv1a(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return hash;
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
            if (!IsValidTypeName(part))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsValidTypeName(string value) =>
        value.Length <= MaxIdentifierLength && SyntaxFacts.IsValidIdentifier(value) && SyntaxFacts.GetKeywordKind(value) == SyntaxKind.None;

    /// <summary>A C# string literal for <paramref name="value"/>.</summary>
    public static string Literal(string? value) =>
        value is null ? "null" : SymbolDisplay.FormatLiteral(value, quote: true);

    private static bool IsIdentifierStart(char c) => SyntaxFacts.IsIdentifierStartCharacter(c);

    private static bool IsIdentifierPart(char c) => SyntaxFacts.IsIdentifierPartCharacter(c) && c != '_';
}
