using System;
using System.Collections.Generic;
using System.Linq;
using SoapGen.Generator.Common;

namespace SoapGen.Generator.Wsdl;

/// <summary>
/// Finds the document a wsdl:import, xsd:import or xsd:include names, among the AdditionalFiles only (never the disk
/// or the network): by its location relative to the importing file, then by file name (a downloaded copy of
/// "http://host/svc?xsd=common.xsd"), then, for xsd:import, by the schema's targetNamespace (svcutil-style downloads).
/// </summary>
internal sealed class ImportResolver
{
    private readonly EquatableArray<SourceDocument> _documents;

    public ImportResolver(EquatableArray<SourceDocument> documents) => _documents = documents;

    public SourceDocument? Find(string importerPath, string? location, string? ns) =>
        Pick(Match(importerPath, location, ns)) is { } index ? _documents[index] : null;

    /// <summary>The document at <paramref name="path"/> (as a found document's path is written), if it is among these.</summary>
    public SourceDocument? FindByPath(string path)
    {
        var wanted = Normalize(path);
        foreach (var document in _documents)
        {
            if (Normalize(document.Path) == wanted)
            {
                return document;
            }
        }

        return null;
    }

    /// <summary>
    /// The documents reading <paramref name="root"/> looks at, in their order here: every candidate of every import
    /// reachable from it. A resolver over only these finds what this one finds (each lookup sees the same candidates),
    /// so a WSDL read against them stays cached while other files change.
    /// </summary>
    public EquatableArray<SourceDocument> Reachable(SourceDocument root)
    {
        var needed = new bool[_documents.Count];
        var read = new HashSet<string> { Normalize(root.Path) };
        var pending = new Stack<SourceDocument>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var importer = pending.Pop();
            foreach (var import in importer.Imports)
            {
                var candidates = Match(importer.Path, import.Location, import.Namespace);
                foreach (var index in candidates.ByPath.Concat(candidates.ByName).Concat(candidates.ByNamespace))
                {
                    needed[index] = true;
                }

                if (Pick(candidates) is { } found && read.Add(Normalize(_documents[found].Path)))
                {
                    pending.Push(_documents[found]);
                }
            }
        }

        return _documents.Where((_, index) => needed[index]).ToEquatableArray();
    }

    // By location relative to the importer; else by file name, when only one document has it; else by namespace.
    private static int? Pick(Matches candidates) =>
        candidates.ByPath.Count > 0 ? candidates.ByPath[0]
        : candidates.ByName.Count == 1 ? candidates.ByName[0]
        : candidates.ByNamespace.Count > 0 ? candidates.ByNamespace[0]
        : null;

    private Matches Match(string importerPath, string? location, string? ns)
    {
        var byPath = new List<int>();
        var byName = new List<int>();
        var byNamespace = new List<int>();
        var hasLocation = !string.IsNullOrWhiteSpace(location);
        var wanted = hasLocation && !IsAbsolute(location!) ? Normalize(CombineDirectory(importerPath, location!)) : null;
        var fileName = hasLocation ? FileNameOf(location!) : null;
        for (var i = 0; i < _documents.Count; i++)
        {
            var document = _documents[i];
            if (wanted is not null && Normalize(document.Path) == wanted)
            {
                byPath.Add(i);
            }

            if (fileName is not null && string.Equals(FileNameOf(document.Path), fileName, StringComparison.OrdinalIgnoreCase))
            {
                byName.Add(i);
            }

            if (!string.IsNullOrEmpty(ns) && document.TargetNamespace == ns && !document.Path.EndsWith(".wsdl", StringComparison.OrdinalIgnoreCase))
            {
                byNamespace.Add(i);
            }
        }

        return new Matches(byPath, byName, byNamespace);
    }

    /// <summary>A path with '/' separators and "." and ".." segments resolved, for comparing paths without the file system.</summary>
    public static string Normalize(string path)
    {
        var segments = new List<string>();
        foreach (var segment in path.Replace('\\', '/').Split('/'))
        {
            if (segment == "..")
            {
                if (segments.Count > 0 && segments[segments.Count - 1] is not (".." or ""))
                {
                    segments.RemoveAt(segments.Count - 1);
                    continue;
                }
            }
            else if (segment == "." || (segment.Length == 0 && segments.Count > 0))
            {
                continue;
            }

            segments.Add(segment);
        }

        return string.Join("/", segments);
    }

    private static bool IsAbsolute(string location) => location.Contains("://") || location.StartsWith("/", StringComparison.Ordinal);

    private static string CombineDirectory(string importerPath, string location)
    {
        var slash = importerPath.Replace('\\', '/').LastIndexOf('/');
        return slash < 0 ? location : importerPath.Substring(0, slash + 1) + location;
    }

    private static string FileNameOf(string location)
    {
        var end = location.IndexOfAny(new[] { '?', '#' });
        var path = end < 0 ? location : location.Substring(0, end);
        var name = path.Replace('\\', '/');
        name = name.Substring(name.LastIndexOf('/') + 1);

        // "svc?xsd=common.xsd" names its file in the query.
        if (end >= 0 && location.IndexOf('=', end) is var equals and > 0)
        {
            var value = location.Substring(equals + 1);
            if (value.EndsWith(".xsd", StringComparison.OrdinalIgnoreCase) || value.EndsWith(".wsdl", StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return name;
    }

    /// <summary>The documents one import could mean, as indexes, by each way of finding it.</summary>
    private sealed record Matches(List<int> ByPath, List<int> ByName, List<int> ByNamespace);
}
