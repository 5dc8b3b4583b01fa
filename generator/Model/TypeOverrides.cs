using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml;
using SoapGen.Generator.Diagnostics;
using SoapGen.Generator.Wsdl;

namespace SoapGen.Generator.Model;

/// <summary>
/// One SoapGenTypeMap entry: values of <see cref="Type"/> (undefined, or foreign to the WSDL's schemas) are read and
/// written as <see cref="Target"/>, or as a SOAP-ENC array of it when <see cref="IsArray"/>.
/// </summary>
internal readonly record struct TypeOverride(QName Type, QName Target, bool IsArray);

/// <summary>
/// Parses the SoapGenTypeMap metadata: <c>;</c>-separated entries <c>type=target</c>, e.g.
/// <c>tns:array=string[]; ns2:Map=tns:KeyValue[]</c>. A type is a prefixed name (prefixes as the WSDL's definitions
/// element declares them) or <c>{namespace}name</c>; a target is that too, or an unprefixed XSD built-in
/// (<c>string</c>, <c>int</c>, <c>dateTime</c>), with <c>[]</c> for an array of it. A bad entry is reported and ignored.
/// </summary>
internal static class TypeOverrides
{
    public const string MetadataName = "SoapGenTypeMap";

    public static List<TypeOverride> Parse(string? text, WsdlDescription description, DiagnosticBag diagnostics)
    {
        var result = new List<TypeOverride>();
        if (text is null)
        {
            return result;
        }

        foreach (var raw in text.Split(';'))
        {
            var entry = raw.Trim();
            if (entry.Length == 0)
            {
                continue;
            }

            if (ParseEntry(entry, description, out var parsed) is { } problem)
            {
                Report(diagnostics, entry, problem);
            }
            else if (result.Any(o => o.Type == parsed.Type))
            {
                Report(diagnostics, entry, "'" + parsed.Type + "' is mapped twice; the first entry is used");
            }
            else
            {
                result.Add(parsed);
            }
        }

        // A target is resolved as the schema (or the XSD built-ins) defines it, never through another entry: no chains, no cycles.
        foreach (var chained in result.Where(o => result.Any(other => other.Type == o.Target)).ToList())
        {
            Report(diagnostics, Show(chained), "its target '" + chained.Target + "' is itself mapped; map it to the final shape directly");
            result.Remove(chained);
        }

        return result;
    }

    // The problem with an entry, or null when it parsed.
    private static string? ParseEntry(string entry, WsdlDescription description, out TypeOverride parsed)
    {
        parsed = default;
        var equals = entry.IndexOf('=');
        if (equals <= 0 || equals == entry.Length - 1)
        {
            return "write type=target, e.g. tns:array=string[]";
        }

        var typeText = entry.Substring(0, equals).Trim();
        var targetText = entry.Substring(equals + 1).Trim();
        var isArray = targetText.EndsWith("[]", StringComparison.Ordinal);
        if (isArray)
        {
            targetText = targetText.Substring(0, targetText.Length - 2).TrimEnd();
        }

        if (targetText.EndsWith("]", StringComparison.Ordinal))
        {
            return "only one-dimensional arrays ('[]') of a type can be a target";
        }

        if (typeText.IndexOf(':') < 0 && !typeText.StartsWith("{", StringComparison.Ordinal))
        {
            return "the type '" + typeText + "' needs its prefix (tns:" + typeText + ") or {namespace}" + typeText;
        }

        if (ParseName(typeText, description, out var type) is { } typeProblem)
        {
            return typeProblem;
        }

        if (XsdScalarTypes.Find(type) is not null)
        {
            return "'" + typeText + "' is a built-in XSD type; it keeps its own mapping";
        }

        if (ParseName(targetText, description, out var target) is { } targetProblem)
        {
            return targetProblem;
        }

        if (type == target)
        {
            return "a type cannot be mapped to itself";
        }

        parsed = new TypeOverride(type, target, isArray);
        return null;
    }

    // A prefixed name, {namespace}name, or an unprefixed XSD built-in.
    private static string? ParseName(string text, WsdlDescription description, out QName name)
    {
        name = default;
        string ns;
        string local;
        if (text.StartsWith("{", StringComparison.Ordinal))
        {
            var close = text.IndexOf('}');
            if (close < 0)
            {
                return "'" + text + "' has no closing '}'";
            }

            ns = text.Substring(1, close - 1);
            local = text.Substring(close + 1);
        }
        else if (text.IndexOf(':') is var colon and >= 0)
        {
            var prefix = text.Substring(0, colon);
            local = text.Substring(colon + 1);
            var declaration = description.Prefixes.FirstOrDefault(d => d.Prefix == prefix);
            if (declaration is null)
            {
                return "the prefix '" + prefix + "' is not declared on the WSDL's definitions element; write {namespace}" + local + " instead";
            }

            ns = declaration.Namespace;
        }
        else
        {
            ns = XmlNamespaces.Xsd;
            local = text;
            if (XsdScalarTypes.Find(new QName(ns, local)) is null && local != "anyType")
            {
                return "'" + text + "' is not an XSD built-in type; name a type of the WSDL with its prefix (tns:" + text + ")";
            }
        }

        if (!IsNCName(local))
        {
            return "'" + local + "' is not a valid XML name";
        }

        name = new QName(ns, local);
        return null;
    }

    private static bool IsNCName(string value)
    {
        if (value.Length == 0)
        {
            return false;
        }

        try
        {
            XmlConvert.VerifyNCName(value);
            return true;
        }
        catch (XmlException)
        {
            return false;
        }
    }

    private static string Show(TypeOverride entry) => entry.Type + "=" + entry.Target + (entry.IsArray ? "[]" : string.Empty);

    // Configuration has no position of its own: like the other metadata problems, it is reported at the start of the WSDL.
    private static void Report(DiagnosticBag diagnostics, string entry, string problem) =>
        diagnostics.Report(DiagnosticDescriptors.InvalidConfiguration, SourcePosition.Unknown, MetadataName, entry, problem);
}
