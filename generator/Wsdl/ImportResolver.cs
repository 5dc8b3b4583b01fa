using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
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
    private Dictionary<SourceDocument, string?>? _targetNamespaces;

    public ImportResolver(EquatableArray<SourceDocument> documents) => _documents = documents;

    public SourceDocument? Find(string importerPath, string? location, string? ns)
    {
        if (!string.IsNullOrWhiteSpace(location))
        {
            if (!IsAbsolute(location!))
            {
                var wanted = Normalize(CombineDirectory(importerPath, location!));
                var byPath = _documents.FirstOrDefault(d => Normalize(d.Path) == wanted);
                if (byPath is not null)
                {
                    return byPath;
                }
            }

            var fileName = FileNameOf(location!);
            var byName = _documents.Where(d => string.Equals(FileNameOf(d.Path), fileName, StringComparison.OrdinalIgnoreCase)).ToList();
            if (byName.Count == 1)
            {
                return byName[0];
            }
        }

        if (!string.IsNullOrEmpty(ns))
        {
            _targetNamespaces ??= _documents.ToDictionary(d => d, d => RootTargetNamespace(d.Text));
            return _documents.FirstOrDefault(d => _targetNamespaces[d] == ns && !d.Path.EndsWith(".wsdl", StringComparison.OrdinalIgnoreCase));
        }

        return null;
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

    private static string? RootTargetNamespace(string text)
    {
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            using var reader = XmlReader.Create(new StringReader(text), settings);
            return reader.MoveToContent() == XmlNodeType.Element ? reader.GetAttribute("targetNamespace") : null;
        }
        catch (XmlException)
        {
            return null;
        }
    }
}
