using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Xml.Linq;

namespace SoapGen.Interop.Tests;

/// <summary>An expected struct: the WSDL type name and its members in schema order.</summary>
public sealed class ExpectedRow
{
    public ExpectedRow(string typeName, List<KeyValuePair<string, object?>> members)
    {
        TypeName = typeName;
        Members = members;
    }

    public string TypeName { get; }

    public List<KeyValuePair<string, object?>> Members { get; }
}

/// <summary>
/// What the PHP test server returns, computed independently of the generated code: a C# transcription of the
/// type-driven row builder in tests/servers/interserver/operations.php (make()/scalar(), shared by server.php and
/// nusoap-server.php: both servers return the same data) and the row overrides in
/// fixtures.php, driven by the WSDL. Plus a field-by-field comparison of a decoded reply against it.
/// </summary>
public static class Oracle
{
    private const string Xsd = "http://www.w3.org/2001/XMLSchema";
    private const string Wsdl = "http://schemas.xmlsoap.org/wsdl/";

    private static readonly Lazy<Model> LazyModel = new(LoadModel);

    public const float FxFloat = 34.95f;
    public const string FxTextUnicode = "Zürich café";
    public const string FxTextXml = "a <b> & \"c\" 'd'";

    /// <summary>The reply operations.php builds generically for <paramref name="op"/> (no per-op fixture).</summary>
    public static object? ExpectedGeneric(string op, string echo)
    {
        Model model = LazyModel.Value;
        if (!model.Ops.TryGetValue(op, out string? outType))
        {
            throw new ArgumentException("No operation " + op + " in the WSDL", nameof(op));
        }

        return Make(model, outType, "return", 0, echo, 0);
    }

    /// <summary>A row of WSDL type <paramref name="typeName"/>; members not given are expected absent/nil (null).</summary>
    public static ExpectedRow Row(string typeName, params (string Member, object? Value)[] values)
    {
        Model model = LazyModel.Value;
        TypeDef def = model.Types[typeName];
        if (def.Members is null)
        {
            throw new ArgumentException(typeName + " is an array type", nameof(typeName));
        }

        foreach ((string member, _) in values)
        {
            if (!def.Members.Any(m => m.Name == member))
            {
                throw new ArgumentException($"{typeName} has no member {member}", nameof(values));
            }
        }

        var members = def.Members
            .Select(m => new KeyValuePair<string, object?>(m.Name, values.FirstOrDefault(v => v.Member == m.Name).Value))
            .ToList();
        return new ExpectedRow(typeName, members);
    }

    public static void AssertMatchesGeneric(string op, string echo, object? actual) => AssertEqual(ExpectedGeneric(op, echo), actual);

    /// <summary>Compares every field (recursively) and fails with the list of all differences.</summary>
    public static void AssertEqual(object? expected, object? actual)
    {
        var errors = new List<string>();
        Compare(expected, actual, "result", errors);
        if (errors.Count > 0)
        {
            Assert.Fail($"{errors.Count} field(s) differ from what the PHP server sent:\n  " + string.Join("\n  ", errors));
        }
    }

    /// <summary>The C# property name the comparison expects for a WSDL member, case and underscores ignored.</summary>
    private static string Normalize(string name) => name.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();

    private static void Compare(object? expected, object? actual, string path, List<string> errors)
    {
        switch (expected)
        {
            case null:
                if (actual is not null)
                {
                    errors.Add($"{path}: expected null (nil/absent) but was {Show(actual)}");
                }

                return;
            case ExpectedRow row:
                CompareRow(row, actual, path, errors);
                return;
            case List<object?> list:
                if (actual is not Array array)
                {
                    errors.Add($"{path}: expected an array of {list.Count} but was {Show(actual)}");
                    return;
                }

                if (array.Length != list.Count)
                {
                    errors.Add($"{path}: expected {list.Count} items but got {array.Length}");
                }

                for (int i = 0; i < Math.Min(array.Length, list.Count); i++)
                {
                    Compare(list[i], array.GetValue(i), $"{path}[{i}]", errors);
                }

                return;
            default:
                if (actual is null || !expected.Equals(actual))
                {
                    errors.Add($"{path}: expected {Show(expected)} but was {Show(actual)}");
                }

                return;
        }
    }

    private static void CompareRow(ExpectedRow row, object? actual, string path, List<string> errors)
    {
        if (actual is null)
        {
            errors.Add($"{path}: expected a {row.TypeName} but was null");
            return;
        }

        PropertyInfo[] props = actual.GetType()
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "IsOk")
            .ToArray();
        var used = new HashSet<PropertyInfo>();
        foreach ((string member, object? value) in row.Members)
        {
            PropertyInfo[] matches = props.Where(p => Normalize(p.Name) == Normalize(member)).ToArray();
            if (matches.Length != 1)
            {
                errors.Add($"{path}: {matches.Length} properties of {actual.GetType().Name} match the schema member {row.TypeName}.{member}");
                continue;
            }

            used.Add(matches[0]);
            Compare(value, matches[0].GetValue(actual), $"{path}.{matches[0].Name}", errors);
        }

        foreach (PropertyInfo extra in props.Where(p => !used.Contains(p)))
        {
            errors.Add($"{path}: property {actual.GetType().Name}.{extra.Name} matches no member of {row.TypeName}");
        }
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        string s => "\"" + s.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"",
        float f => f.ToString("R", CultureInfo.InvariantCulture) + "f",
        bool b => b ? "true" : "false",
        Array a => $"{a.GetType().GetElementType()?.Name}[{a.Length}]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture) + " (" + value.GetType().Name + ")",
        _ => value.GetType().Name,
    };

    // ------------------------------------------------------------------ server.php, transcribed

    private static object? Make(Model model, string type, string field, int i, string echo, int depth)
    {
        int colon = type.IndexOf(':', StringComparison.Ordinal);
        string local = colon < 0 ? type : type[(colon + 1)..];
        if (type.StartsWith("xsd:", StringComparison.Ordinal))
        {
            return Scalar(local, field, i, echo);
        }

        if (local == "array")
        {
            return new List<object?> { "item-" + (i + 1), FxTextUnicode };
        }

        if (!model.Types.TryGetValue(local, out TypeDef? ct))
        {
            return null;
        }

        if (ct.Item is not null)
        {
            if (depth > 2)
            {
                return new List<object?>();
            }

            int n = depth == 0 ? 2 : 1;
            var rows = new List<object?>();
            for (int r = 0; r < n; r++)
            {
                rows.Add(Make(model, ct.Item, field, r, echo, depth + 1));
            }

            return rows;
        }

        var members = new List<KeyValuePair<string, object?>>();
        foreach ((string m, string mt) in ct.Members!)
        {
            members.Add(new(m, Make(model, mt, m, i, echo, depth + 1)));
        }

        foreach ((string k, object? v) in RowOverrides(local, i))
        {
            int at = members.FindIndex(p => p.Key == k);
            if (at >= 0)
            {
                members[at] = new(k, v);
            }
            else
            {
                members.Add(new(k, v));
            }
        }

        return new ExpectedRow(local, members);
    }

    // fixtures.php 'rows'
    private static IEnumerable<(string, object?)> RowOverrides(string type, int i)
    {
        if (type == "sql_row_invoices")
        {
            yield return ("invoices_id", 90001 + i);
            yield return ("invoices_description", new[] { "VPS " + FxTextUnicode, "Licence " + FxTextXml, "" }[i % 3]);
            yield return ("invoices_amount", new[] { FxFloat, 0f, 10.5f }[i % 3]);
            yield return ("invoices_paid", 0);
            yield return ("invoices_extra", null);
        }
    }

    private static object? Scalar(string xsd, string field, int i, string echo)
    {
        string f = field.ToLowerInvariant();
        switch (xsd)
        {
            case "int":
                return f.EndsWith("id", StringComparison.Ordinal) ? 1000 + i + 1 : 0;
            case "float":
            case "double":
                return FxFloat;
            case "boolean":
                return true;
        }

        if (f == "status") return "ok";
        if (f == "status_text") return echo;
        if (f == "return") return echo;
        if (f.Contains("date", StringComparison.Ordinal) || f.Contains("time", StringComparison.Ordinal))
        {
            return string.Format(CultureInfo.InvariantCulture, "2024-01-{0:00} 10:30:00", 15 + i);
        }

        if (f.EndsWith("_ip", StringComparison.Ordinal) || f == "ip") return "192.0.2." + (10 + i);
        if (f.Contains("comment", StringComparison.Ordinal) || f.Contains("extra", StringComparison.Ordinal)) return null;
        if (f.Contains("currency", StringComparison.Ordinal)) return "USD";
        if (f.Contains("hostname", StringComparison.Ordinal) || f.Contains("name", StringComparison.Ordinal)
            || f.Contains("subject", StringComparison.Ordinal) || f.Contains("title", StringComparison.Ordinal))
        {
            return new[] { FxTextUnicode + " " + (i + 1), "a <b> & \"c\" " + (i + 1) }[i % 2];
        }

        if (f.Contains("url", StringComparison.Ordinal) || f.Contains("link", StringComparison.Ordinal))
        {
            return "https://my.interserver.example/x?id=" + (i + 1) + "&a=b";
        }

        return i % 2 == 0 ? field + "-" + (i + 1) : "";
    }

    // ------------------------------------------------------------------ WSDL model (server.php load_model)

    private sealed record TypeDef(string? Item, List<(string Name, string Type)>? Members);

    private sealed record Model(Dictionary<string, TypeDef> Types, Dictionary<string, string> Ops);

    private static Model LoadModel()
    {
        XDocument doc = XDocument.Load(RepoPaths.InterServerWsdl);
        XNamespace xsd = Xsd;
        XNamespace wsdl = Wsdl;
        var types = new Dictionary<string, TypeDef>();
        foreach (XElement ct in doc.Descendants(xsd + "schema").Elements(xsd + "complexType"))
        {
            string name = (string)ct.Attribute("name")!;
            XElement? attr = ct.Descendants(xsd + "attribute").FirstOrDefault();
            if (attr is not null)
            {
                string arrayType = (string?)attr.Attribute(wsdl + "arrayType") ?? "";
                types[name] = new TypeDef(arrayType[..^2], null);
            }
            else
            {
                types[name] = new TypeDef(null, ct.Descendants(xsd + "element")
                    .Select(e => ((string)e.Attribute("name")!, (string)e.Attribute("type")!)).ToList());
            }
        }

        var messages = doc.Root!.Elements(wsdl + "message").ToDictionary(
            m => (string)m.Attribute("name")!,
            m => m.Elements(wsdl + "part").Select(p => (string)p.Attribute("type")!).ToList());
        var ops = new Dictionary<string, string>();
        foreach (XElement o in doc.Root.Elements(wsdl + "portType").Elements(wsdl + "operation"))
        {
            string output = ((string)o.Element(wsdl + "output")!.Attribute("message")!)[4..];
            ops[(string)o.Attribute("name")!] = messages[output].FirstOrDefault() ?? "xsd:string";
        }

        return new Model(types, ops);
    }
}
