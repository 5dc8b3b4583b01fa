using System.Collections.Generic;
using SoapGen.Generator.Common;

namespace SoapGen.Generator.Emit;

/// <summary>
/// The per-call header writers of one client's operations, each written once: operations whose parameters fill the same
/// headers the same way (all of a SoftLayer service's getters) share one static method instead of a lambda each, which
/// the compiler would bind once per operation.
/// </summary>
internal sealed class HeaderWriters
{
    private readonly Dictionary<(string RequestType, string Body), string> _names = new();
    private readonly List<(string Name, string RequestType, string Body)> _writers = new();
    private readonly HashSet<string> _taken;

    /// <param name="taken">The names already used in the class the writers go to (the operations' descriptors).</param>
    public HeaderWriters(IEnumerable<string> taken) => _taken = new HashSet<string>(taken, System.StringComparer.Ordinal);

    /// <summary>The method writing <paramref name="body"/> for a request of <paramref name="requestType"/>, named for the headers it writes.</summary>
    public string NameFor(string requestType, IEnumerable<string> headers, string body)
    {
        if (!_names.TryGetValue((requestType, body), out var name))
        {
            var stem = "Write" + string.Concat(headers) + "Headers";
            name = stem;
            for (var i = 2; !_taken.Add(name); i++)
            {
                name = stem + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            _names.Add((requestType, body), name);
            _writers.Add((name, requestType, body));
        }

        return name;
    }

    public void Emit(SourceWriter w)
    {
        foreach (var (name, requestType, body) in _writers)
        {
            w.Line();
            w.OpenBlock("private static void " + name + "(" + EmitNames.Runtime + "SoapHeaderWriter headers, " + requestType + " request)");
            foreach (var line in body.TrimEnd('\n').Split('\n'))
            {
                w.Line(line);
            }

            w.CloseBlock();
        }
    }
}
