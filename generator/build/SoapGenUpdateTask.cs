// The SoapGenUpdate target's task (SoapGen.targets). MSBuild compiles this file with RoslynCodeTaskFactory when the
// target runs, so a package user needs no task assembly and a normal build never loads it. It targets what both
// MSBuilds offer (netstandard2.0 / .NET Framework 4.7.2): no newer APIs, no packages.
#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Xml;
using System.Xml.Linq;
using Microsoft.Build.Framework;

/// <summary>
/// Downloads each WSDL from its SoapGenSourceUrl and every document it imports (wsdl:import, xsd:import, include,
/// redefine; relative or absolute, ?wsdl/?xsd=N style, nested, cyclic), saves them beside the WSDL with the imports
/// rewritten to the local file names, and reports which files were added, changed or unchanged.
/// </summary>
public sealed class SoapGenUpdateWsdl : Microsoft.Build.Utilities.Task, ICancelableTask
{
    private readonly CancellationTokenSource _cancel = new CancellationTokenSource();

    /// <summary>The AdditionalFiles items that have SoapGenSourceUrl metadata.</summary>
    [Required]
    public ITaskItem[] Wsdls { get; set; } = new ITaskItem[0];

    /// <summary>The largest document accepted, in bytes.</summary>
    public int MaxDocumentBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>The most documents one WSDL may pull in (itself included).</summary>
    public int MaxDocuments { get; set; } = 200;

    /// <summary>How long one download may take.</summary>
    public int TimeoutSeconds { get; set; } = 100;

    public void Cancel() => _cancel.Cancel();

    public override bool Execute()
    {
        using (var handler = new HttpClientHandler { AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate, MaxAutomaticRedirections = 5 })
        using (var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(TimeoutSeconds) })
        {
            foreach (var item in Wsdls)
            {
                var url = item.GetMetadata("SoapGenSourceUrl").Trim();
                try
                {
                    var documents = new WsdlDownload(http, MaxDocumentBytes, MaxDocuments, _cancel.Token).Run(url, item.GetMetadata("FullPath"));
                    Save(item.ItemSpec, url, documents);
                }
                catch (Exception ex) when (ex is WsdlDownloadException or IOException or UnauthorizedAccessException)
                {
                    Log.LogError(null, "SOAPGENUPDATE", null, item.ItemSpec, 0, 0, 0, 0, "SoapGen: {0} was not updated from {1}: {2}", item.ItemSpec, WsdlDownload.Display(url), ex.Message);
                }
                catch (OperationCanceledException) when (_cancel.IsCancellationRequested)
                {
                    return false;
                }
            }
        }

        return !Log.HasLoggedErrors;
    }

    // Writes only what differs, once every document of this WSDL has been fetched: a failure leaves the old set whole.
    private void Save(string itemSpec, string url, List<DownloadedDocument> documents)
    {
        var folder = Path.GetDirectoryName(itemSpec) ?? string.Empty;
        var counts = new Dictionary<string, int> { ["added"] = 0, ["changed"] = 0, ["unchanged"] = 0 };
        var lines = new List<string>();
        Directory.CreateDirectory(Path.GetDirectoryName(documents[0].LocalPath)!);
        foreach (var document in documents)
        {
            var bytes = document.Serialize();
            var existing = File.Exists(document.LocalPath) ? File.ReadAllBytes(document.LocalPath) : null;
            var state = existing is null ? "added" : existing.SequenceEqual(bytes) ? "unchanged" : "changed";
            if (state != "unchanged")
            {
                File.WriteAllBytes(document.LocalPath, bytes);
            }

            counts[state]++;
            var shown = Path.Combine(folder, Path.GetFileName(document.LocalPath));
            lines.Add(string.Format("SoapGen:   {0,-9} {1}  <- {2}", state, shown, WsdlDownload.Display(document.Source.ToString())));
        }

        Log.LogMessage(MessageImportance.High, "SoapGen: {0} from {1}: {2} added, {3} changed, {4} unchanged", itemSpec, WsdlDownload.Display(url), counts["added"], counts["changed"], counts["unchanged"]);
        foreach (var line in lines)
        {
            Log.LogMessage(MessageImportance.High, line);
        }

        // Files an earlier update saved that nothing imports now: reported, never deleted (they may be the user's own).
        var root = documents[0].LocalPath;
        var directory = Path.GetDirectoryName(root)!;
        var prefix = Path.GetFileNameWithoutExtension(root) + ".";
        var current = new HashSet<string>(documents.Select(d => Path.GetFileName(d.LocalPath)), StringComparer.OrdinalIgnoreCase);
        foreach (var stale in Directory.GetFiles(directory, prefix + "*.*")
                     .Select(Path.GetFileName)
                     .Where(n => n != null && !current.Contains(n) && (n.EndsWith(".xsd", StringComparison.OrdinalIgnoreCase) || n.EndsWith(".wsdl", StringComparison.OrdinalIgnoreCase)))
                     .OrderBy(n => n, StringComparer.Ordinal))
        {
            Log.LogMessage(MessageImportance.High, "SoapGen:   no longer imported: {0} (left in place)", Path.Combine(folder, stale!));
        }
    }
}

/// <summary>A problem that stops one WSDL's update; its message is shown to the user.</summary>
public sealed class WsdlDownloadException : Exception
{
    public WsdlDownloadException(string message)
        : base(message)
    {
    }
}

/// <summary>One fetched document: where it came from, where it goes, and its XML with the imports already rewritten.</summary>
public sealed class DownloadedDocument
{
    internal DownloadedDocument(Uri source, string localPath, XDocument xml)
    {
        Source = source;
        LocalPath = localPath;
        Xml = xml;
    }

    public Uri Source { get; }

    public string LocalPath { get; }

    public XDocument Xml { get; }

    /// <summary>UTF-8 without a byte order mark, whitespace as sent: the same server text gives the same bytes.</summary>
    public byte[] Serialize()
    {
        using (var buffer = new MemoryStream())
        {
            using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), NewLineHandling = NewLineHandling.None }))
            {
                Xml.Save(writer);
            }

            return buffer.ToArray();
        }
    }
}

/// <summary>
/// Fetches a WSDL and, breadth-first in document order, everything it imports. Each document is fetched once (a cycle
/// ends at a document already seen) and named after the WSDL and its URL (<c>service.wsdl</c> saves
/// <c>service?xsd=1</c> as <c>service.xsd1.xsd</c>, <c>types/common.xsd</c> as <c>service.common.xsd</c>), so the same
/// server answers give the same files. DTDs are refused; documents and their number are bounded.
/// </summary>
public sealed class WsdlDownload
{
    private const string WsdlNs = "http://schemas.xmlsoap.org/wsdl/";
    private const string XsdNs = "http://www.w3.org/2001/XMLSchema";

    // Schemas SoapGen has built in (or that are never fetched usefully): their imports stay as written.
    private static readonly HashSet<string> BuiltInNamespaces = new HashSet<string>(StringComparer.Ordinal)
    {
        XsdNs,
        "http://schemas.xmlsoap.org/soap/encoding/",
        "http://www.w3.org/2003/05/soap-encoding",
        "http://www.w3.org/XML/1998/namespace",
        WsdlNs,
    };

    private readonly HttpClient _http;
    private readonly int _maxBytes;
    private readonly int _maxDocuments;
    private readonly CancellationToken _cancellationToken;

    public WsdlDownload(HttpClient http, int maxBytes, int maxDocuments, CancellationToken cancellationToken)
    {
        _http = http;
        _maxBytes = maxBytes;
        _maxDocuments = maxDocuments;
        _cancellationToken = cancellationToken;
    }

    /// <summary>The documents of the WSDL at <paramref name="url"/>, the WSDL first, to be saved as <paramref name="wsdlPath"/> and beside it.</summary>
    public List<DownloadedDocument> Run(string url, string wsdlPath)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var source))
        {
            throw new WsdlDownloadException("SoapGenSourceUrl '" + Display(url) + "' is not an absolute URL");
        }

        var directory = Path.GetDirectoryName(wsdlPath)!;
        var baseName = Path.GetFileNameWithoutExtension(wsdlPath);
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { Path.GetFileName(wsdlPath) };
        var root = Fetch(source);
        if (root.Document.Root?.Name != XName.Get("definitions", WsdlNs))
        {
            throw new WsdlDownloadException(Display(source.ToString()) + " is not a WSDL 1.1 document (its root is " + root.Document.Root?.Name + ")");
        }

        var documents = new List<DownloadedDocument> { new DownloadedDocument(source, wsdlPath, root.Document) };
        var byUrl = new Dictionary<string, DownloadedDocument>(StringComparer.Ordinal) { [Key(source)] = documents[0], [Key(root.FinalUri)] = documents[0] };
        var bases = new Dictionary<DownloadedDocument, Uri> { [documents[0]] = root.FinalUri };
        for (var i = 0; i < documents.Count; i++)
        {
            var document = documents[i];
            foreach (var reference in References(document.Xml).ToList())
            {
                if (!Uri.TryCreate(bases[document], reference.Value.Trim(), out var target))
                {
                    throw new WsdlDownloadException(Display(document.Source.ToString()) + " imports '" + reference.Value + "', which is not a URL");
                }

                if (!byUrl.TryGetValue(Key(target), out var imported))
                {
                    if (documents.Count >= _maxDocuments)
                    {
                        throw new WsdlDownloadException("it imports more than " + _maxDocuments + " documents (MaxDocuments)");
                    }

                    var fetched = Fetch(target);
                    var extension = fetched.Document.Root?.Name == XName.Get("definitions", WsdlNs) ? ".wsdl" : ".xsd";
                    imported = new DownloadedDocument(target, Path.Combine(directory, LocalName(baseName, target, extension, taken)), fetched.Document);
                    documents.Add(imported);
                    bases[imported] = fetched.FinalUri;
                    byUrl[Key(target)] = imported;
                    byUrl[Key(fetched.FinalUri)] = imported;
                }

                // All documents go into one folder, so a file name is the whole relative location.
                reference.Value = Path.GetFileName(imported.LocalPath);
            }
        }

        return documents;
    }

    /// <summary>A URL as it may be shown: without user name and password.</summary>
    public static string Display(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0
            ? uri.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.UserInfo, UriFormat.UriEscaped)
            : url;

    // The attributes that name another document to fetch: WSDL imports, and schema imports/includes of non-built-in namespaces.
    private static IEnumerable<XAttribute> References(XDocument document)
    {
        foreach (var element in document.Descendants())
        {
            XAttribute? location = null;
            if (element.Name == XName.Get("import", WsdlNs))
            {
                location = element.Attribute("location");
            }
            else if (element.Name.NamespaceName == XsdNs && element.Name.LocalName is "import" or "include" or "redefine" or "override")
            {
                var ns = (string?)element.Attribute("namespace");
                location = ns is not null && BuiltInNamespaces.Contains(ns) ? null : element.Attribute("schemaLocation");
            }

            if (location is not null && location.Value.Trim().Length > 0)
            {
                yield return location;
            }
        }
    }

    // A readable, stable name: the WSDL's name, then the query (?xsd=1 → xsd1, ?xsd=xsd0 → xsd0, ?wsdl=messages →
    // messages) or the URL's file name (types/common.xsd → common).
    private static string LocalName(string baseName, Uri uri, string extension, HashSet<string> taken)
    {
        string part;
        var query = uri.Query.TrimStart('?');
        if (query.Length > 0)
        {
            var equals = query.IndexOf('=');
            var key = equals < 0 ? query : query.Substring(0, equals);
            var value = equals < 0 ? string.Empty : Uri.UnescapeDataString(query.Substring(equals + 1));
            part = value.Length > 0 && char.IsLetter(value[0]) ? value : key + value;
        }
        else
        {
            part = Path.GetFileNameWithoutExtension(Uri.UnescapeDataString(uri.Segments.LastOrDefault() ?? string.Empty));
        }

        part = new string(part.Where(c => char.IsLetterOrDigit(c) || c == '-' || c == '_').Take(60).ToArray());
        if (part.Length == 0)
        {
            part = "import";
        }

        var name = baseName + "." + part + extension;
        for (var n = 2; !taken.Add(name); n++)
        {
            name = baseName + "." + part + "-" + n + extension;
        }

        return name;
    }

    // A document's identity: the URL without its fragment.
    private static string Key(Uri uri) => uri.GetComponents(UriComponents.HttpRequestUrl, UriFormat.UriEscaped);

    private (XDocument Document, Uri FinalUri) Fetch(Uri uri)
    {
        var shown = Display(uri.ToString());
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new WsdlDownloadException(shown + ": only http and https URLs are downloaded");
        }

        byte[] bytes;
        Uri finalUri;
        try
        {
            using (var response = _http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, _cancellationToken).GetAwaiter().GetResult())
            {
                if (!response.IsSuccessStatusCode)
                {
                    throw new WsdlDownloadException(shown + " answered HTTP " + (int)response.StatusCode + " " + response.ReasonPhrase);
                }

                if (response.Content.Headers.ContentLength > _maxBytes)
                {
                    throw new WsdlDownloadException(shown + " is larger than " + _maxBytes + " bytes (MaxDocumentBytes)");
                }

                finalUri = response.RequestMessage?.RequestUri ?? uri;
                bytes = ReadBounded(response.Content.ReadAsStreamAsync().GetAwaiter().GetResult(), shown);
            }
        }
        catch (HttpRequestException ex)
        {
            throw new WsdlDownloadException(shown + " could not be downloaded: " + ex.Message);
        }
        catch (OperationCanceledException) when (!_cancellationToken.IsCancellationRequested)
        {
            throw new WsdlDownloadException(shown + " did not answer in time");
        }

        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = _maxBytes,
            MaxCharactersFromEntities = 0,
        };
        try
        {
            using (var reader = XmlReader.Create(new MemoryStream(bytes), settings))
            {
                return (XDocument.Load(reader, LoadOptions.PreserveWhitespace), finalUri);
            }
        }
        catch (XmlException ex)
        {
            throw new WsdlDownloadException(shown + " is not well-formed XML (DTDs are refused): " + ex.Message);
        }
    }

    private byte[] ReadBounded(Stream stream, string shown)
    {
        using (stream)
        using (var buffer = new MemoryStream())
        {
            var chunk = new byte[81920];
            int read;
            while ((read = stream.ReadAsync(chunk, 0, chunk.Length, _cancellationToken).GetAwaiter().GetResult()) > 0)
            {
                if (buffer.Length + read > _maxBytes)
                {
                    throw new WsdlDownloadException(shown + " is larger than " + _maxBytes + " bytes (MaxDocumentBytes)");
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
    }
}
