using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Xunit;

namespace SoapGen.Generator.Tests;

/// <summary>
/// Mutates small WSDLs of the corpus and the XSDs they import (fixed seed, a bounded number of cases: each case is
/// reproducible by its number) and checks that the generator survives each (see <see cref="HostileInput"/>). CI runs
/// <see cref="DefaultCases"/> cases; SOAPGEN_FUZZ_CASES=5000 (and SOAPGEN_FUZZ_SEED for other inputs) runs more.
/// </summary>
public class CorpusFuzzTests(Xunit.Abstractions.ITestOutputHelper output)
{
    public const int DefaultCases = 60;

    private const int DefaultSeed = 20261201;

    private static readonly string[] Mutations =
    {
        "truncate", "random characters", "delete an element", "duplicate an element", "reorder children", "long name",
        "keyword or generated name", "retarget a reference", "deep nesting", "import itself", "DTD", "remote import",
    };

    private static readonly string[] HostileNames =
    {
        "class", "string", "return", "event", "namespace", "ToString", "Equals", "GetHashCode", "EqualityContract", "IsOk",
        "Value", "reader", "writer", "cancellationToken", "0", "_", "Serializer", "Client", "Async", "Dispose",
    };

    private static readonly Lazy<List<Sample>> Samples = new(LoadSamples);

    private static int Seed => int.TryParse(Environment.GetEnvironmentVariable("SOAPGEN_FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : DefaultSeed;

    public static IEnumerable<object[]> Cases()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("SOAPGEN_FUZZ_CASES"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : DefaultCases;
        return Enumerable.Range(0, count).Select(i => new object[] { i });
    }

    [CorpusTheory]
    [MemberData(nameof(Cases))]
    public void AMutatedCorpusWsdlOrXsdEndsCrashesNothingAndExplainsEachRefusal(int number)
    {
        var random = new Random(unchecked(Seed * 7919 + number));
        var sample = Samples.Value[random.Next(Samples.Value.Count)];
        var files = sample.Files.ToList();
        var target = random.Next(files.Count);
        var mutation = random.Next(Mutations.Length);
        files[target] = (files[target].Path, Mutate(files[target].Text, Path.GetFileName(files[target].Path), mutation, random));
        output.WriteLine("case " + number + ": " + Mutations[mutation] + " in " + files[target].Path + (target > 0 ? " (imported by " + files[0].Path + ")" : string.Empty));

        HostileInput.Run(files[0].Path, files[0].Text, files.Skip(1));
    }

    /// <summary>A corpus WSDL under 16 KB and the documents it imports by relative path (all present).</summary>
    private sealed record Sample(IReadOnlyList<(string Path, string Text)> Files);

    private static List<Sample> LoadSamples()
    {
        var corpus = CorpusTests.CorpusDirectory;
        var rows = File.ReadLines(Path.Combine(corpus, "INDEX.tsv")).Skip(1).Select(l => l.Split('\t')).Where(c => c.Length > 10).ToDictionary(c => c[0], c => c);
        var samples = new List<Sample>();
        foreach (var row in rows.Values.Where(c => c[2] == "wsdl11" && int.Parse(c[1], CultureInfo.InvariantCulture) < 16_000).OrderBy(c => c[0], StringComparer.Ordinal))
        {
            var files = new List<(string Path, string Text)>();
            var pending = new Queue<string>(new[] { row[0] });
            var complete = true;
            while (pending.Count > 0 && complete)
            {
                var path = pending.Dequeue();
                if (files.Any(f => f.Path == path))
                {
                    continue;
                }

                var full = Path.Combine(corpus, path);
                complete = File.Exists(full);
                if (!complete)
                {
                    break;
                }

                files.Add((path, File.ReadAllText(full)));
                var imports = rows.TryGetValue(path, out var r) ? r[10].Split(' ', StringSplitOptions.RemoveEmptyEntries) : Array.Empty<string>();
                foreach (var location in imports.Select(i => i.Substring(i.IndexOf(':') + 1)).Where(l => !l.Contains("://", StringComparison.Ordinal)))
                {
                    pending.Enqueue(Path.GetRelativePath(corpus, Path.GetFullPath(Path.Combine(Path.GetDirectoryName(full)!, location))));
                }
            }

            if (complete)
            {
                samples.Add(new Sample(files));
            }
        }

        return samples;
    }

    private static string Mutate(string text, string fileName, int mutation, Random random)
    {
        XDocument? document = null;
        if (mutation > 1)
        {
            try
            {
                using var reader = XmlReader.Create(new StringReader(text), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
                document = XDocument.Load(reader);
            }
            catch (XmlException)
            {
                mutation = 1; // not XML to begin with: mutate its characters
            }
        }

        switch (mutation)
        {
            case 0:
                return text.Substring(0, random.Next(text.Length));
            case 1:
                var chars = text.ToCharArray();
                const string pool = "<>&\"'/:=;#[]x \0\uFFFE\uD800\u00E9";
                for (var i = random.Next(1, 9); i > 0; i--)
                {
                    chars[random.Next(chars.Length)] = random.Next(3) == 0 ? (char)random.Next(0x3000) : pool[random.Next(pool.Length)];
                }

                return new string(chars);
        }

        var root = document!.Root!;
        var elements = root.Descendants().ToList();
        var any = elements.Count > 0 ? elements[random.Next(elements.Count)] : root;
        var names = root.DescendantsAndSelf().Attributes("name").ToList();
        var xsd = XNamespace.Get("http://www.w3.org/2001/XMLSchema");
        switch (mutation)
        {
            case 2:
                if (any != root)
                {
                    any.Remove();
                }

                break;
            case 3:
                any.AddAfterSelf(new XElement(any));
                break;
            case 4:
                var parent = elements.Where(e => e.Elements().Count() > 1).OrderBy(_ => random.Next()).FirstOrDefault() ?? root;
                var children = parent.Elements().ToList();
                children.ForEach(c => c.Remove());
                parent.Add(children.OrderBy(_ => random.Next()));
                break;
            case 5:
                if (names.Count > 0)
                {
                    var attribute = names[random.Next(names.Count)];
                    attribute.Value = attribute.Value + new string((char)('a' + random.Next(26)), random.Next(513, 20_000));
                }

                break;
            case 6:
                if (names.Count > 0)
                {
                    names[random.Next(names.Count)].Value = HostileNames[random.Next(HostileNames.Length)];
                }

                break;
            case 7:
                // Point a reference at another name of the document: recursion, cycles, wrong kinds of things.
                var references = root.DescendantsAndSelf().Attributes().Where(a => a.Name.LocalName is "type" or "base" or "element" or "ref" or "message" or "binding" or "itemType").ToList();
                if (references.Count > 0 && names.Count > 0)
                {
                    var reference = references[random.Next(references.Count)];
                    var value = names[random.Next(names.Count)].Value;
                    var prefix = reference.Value.IndexOf(':') is var colon and > 0 ? reference.Value.Substring(0, colon + 1) : string.Empty;
                    reference.Value = prefix + value;
                }

                break;
            case 8:
                var inner = any;
                for (var depth = random.Next(1, 120); depth > 0; depth--)
                {
                    var wrapper = new XElement(inner.Parent?.Name ?? inner.Name);
                    inner.AddBeforeSelf(wrapper);
                    inner.Remove();
                    wrapper.Add(inner);
                    inner = wrapper;
                }

                break;
            case 9:
                if (root.Name.NamespaceName == xsd.NamespaceName)
                {
                    root.AddFirst(new XElement(xsd + (random.Next(2) == 0 ? "include" : "import"), new XAttribute("schemaLocation", fileName)));
                }
                else
                {
                    root.AddFirst(new XElement(root.Name.Namespace + "import", new XAttribute("namespace", (string?)root.Attribute("targetNamespace") ?? string.Empty), new XAttribute("location", fileName)));
                }

                break;
            case 10:
                var doctype = random.Next(2) == 0
                    ? "<!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
                    : "<!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>";
                var body = document.ToString(SaveOptions.DisableFormatting);
                return "<?xml version=\"1.0\"?>\n" + doctype + "\n" + body.Insert(body.IndexOf('>') + 1, random.Next(2) == 0 ? "&c;" : "&x;");
            case 11:
                var location = random.Next(2) == 0 ? "http://127.0.0.1:9/evil.xsd" : "file:///etc/passwd";
                var schema = root.DescendantsAndSelf(xsd + "schema").FirstOrDefault();
                if (schema is not null)
                {
                    schema.AddFirst(new XElement(xsd + "import", new XAttribute("namespace", "urn:evil"), new XAttribute("schemaLocation", location)));
                }
                else
                {
                    root.AddFirst(new XElement(root.Name.Namespace + "import", new XAttribute("namespace", "urn:evil"), new XAttribute("location", location)));
                }

                break;
        }

        return (document.Declaration is { } declaration ? declaration + "\n" : string.Empty) + document.ToString();
    }
}
