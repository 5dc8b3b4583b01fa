using System.Collections.Generic;

namespace SoapGen.Generator.Wsdl;

/// <summary>
/// The imported schema documents read already on their own (<see cref="SchemaDocumentReader"/>), by path and the
/// namespace they were read in: reading a WSDL takes them as they are instead of reading them again.
/// </summary>
internal sealed class SharedSchemas
{
    public static readonly SharedSchemas None = new(new SchemaDescription[0]);

    private readonly Dictionary<SchemaKey, SchemaDescription> _byKey = new();

    public SharedSchemas(IEnumerable<SchemaDescription> schemas)
    {
        foreach (var schema in schemas)
        {
            if (!_byKey.ContainsKey(schema.Key))
            {
                _byKey.Add(schema.Key, schema);
            }
        }
    }

    /// <summary>The description of the document at <paramref name="path"/> read in <paramref name="ns"/>, if there is one.</summary>
    public SchemaDescription? Find(string path, string ns) =>
        _byKey.Count > 0 && _byKey.TryGetValue(new SchemaKey(ImportResolver.Normalize(path), ns), out var schema) ? schema : null;
}
