using System;
using System.Collections.Generic;
using System.Linq;
using SoapGen.Generator.Wsdl;

namespace SoapGen.Generator.Model;

/// <summary>
/// The hint names (generated file names) of a namespace's WSDLs. They must not depend on where the repository is
/// cloned (reproducible builds, equal golden files everywhere), so they are made of the file name, and only when two
/// WSDLs of the namespace share a file name, of the folders that tell them apart: <c>Ns.api</c>, or <c>Ns.v1.api</c>
/// and <c>Ns.v2.api</c>.
/// </summary>
internal static class HintNames
{
    public static Dictionary<string, string> For(string ns, IEnumerable<string> wsdlPaths)
    {
        var paths = wsdlPaths.Distinct(StringComparer.Ordinal).ToList();
        var segmentsOf = paths.ToDictionary(p => p, p => ImportResolver.Normalize(p).Split('/').Where(s => s.Length > 0).ToArray(), StringComparer.Ordinal);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase); // the compiler compares hint names so
        foreach (var sameName in paths.GroupBy(p => Stem(segmentsOf[p]), StringComparer.OrdinalIgnoreCase).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var members = sameName.OrderBy(p => p, StringComparer.Ordinal).ToList();
            var common = members.Count == 1 ? segmentsOf[members[0]].Length - 1 : CommonDirectoryDepth(members.Select(p => segmentsOf[p]).ToList());
            foreach (var path in members)
            {
                var segments = segmentsOf[path];
                var folders = segments.Skip(common).Take(segments.Length - 1 - common);
                var hint = ns + "." + string.Concat(folders.Select(f => f + ".")) + Stem(segments);
                var unique = hint;
                for (var n = 2; !taken.Add(unique); n++)
                {
                    unique = hint + "_" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                result[path] = unique;
            }
        }

        return result;
    }

    private static string Stem(string[] segments)
    {
        var name = segments.Length == 0 ? "wsdl" : segments[segments.Length - 1];
        var dot = name.LastIndexOf('.');
        return dot > 0 ? name.Substring(0, dot) : name;
    }

    private static int CommonDirectoryDepth(List<string[]> all)
    {
        var depth = 0;
        while (all.All(s => depth < s.Length - 1 && string.Equals(s[depth], all[0][depth], StringComparison.OrdinalIgnoreCase)))
        {
            depth++;
        }

        return depth;
    }
}
