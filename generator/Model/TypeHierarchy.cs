using System.Collections.Generic;
using SoapGen.Generator.Wsdl;

namespace SoapGen.Generator.Model;

/// <summary>
/// Which complex types derive from which (complexContent extension or restriction of another complex type): the
/// ancestors a record inherits from and the descendants an xsi:type can choose. A base chain that loops back on itself
/// (hostile or broken schemas) is cut where it loops, so every walk ends.
/// </summary>
internal sealed class TypeHierarchy
{
    private readonly Dictionary<QName, SchemaType> _bases = new();
    private readonly Dictionary<QName, List<SchemaType>> _children = new();

    public TypeHierarchy(IReadOnlyDictionary<QName, SchemaType> types)
    {
        foreach (var type in types.Values)
        {
            if (type.Kind == SchemaTypeKind.Struct && type.BaseType is { } baseName && types.TryGetValue(baseName, out var baseType)
                && baseType.Kind == SchemaTypeKind.Struct && !baseName.Equals(type.Name))
            {
                _bases[type.Name] = baseType;
            }
        }

        // Cut loops: walk each chain, dropping the link that returns to a type already on it.
        foreach (var start in new List<QName>(_bases.Keys))
        {
            var seen = new HashSet<QName> { start };
            var current = start;
            while (_bases.TryGetValue(current, out var next))
            {
                if (!seen.Add(next.Name))
                {
                    _bases.Remove(current);
                    break;
                }

                current = next.Name;
            }
        }

        foreach (var pair in _bases)
        {
            if (!_children.TryGetValue(pair.Value.Name, out var list))
            {
                _children[pair.Value.Name] = list = new List<SchemaType>();
            }

            list.Add(types[pair.Key]);
        }
    }

    /// <summary>The complex type <paramref name="type"/> derives from, if any.</summary>
    public SchemaType? BaseOf(SchemaType type) => _bases.TryGetValue(type.Name, out var baseType) ? baseType : null;

    /// <summary>The ancestors of <paramref name="type"/>, nearest first.</summary>
    public IEnumerable<SchemaType> Ancestors(SchemaType type)
    {
        for (var current = BaseOf(type); current is not null; current = BaseOf(current))
        {
            yield return current;
        }
    }

    /// <summary>Every type derived from <paramref name="type"/>, directly or not, each before its own ancestors.</summary>
    public List<SchemaType> Descendants(SchemaType type)
    {
        var result = new List<SchemaType>();
        var stack = new Stack<(SchemaType Type, bool ChildrenDone)>();
        stack.Push((type, false));
        while (stack.Count > 0)
        {
            var (current, childrenDone) = stack.Pop();
            if (childrenDone)
            {
                if (!ReferenceEquals(current, type))
                {
                    result.Add(current);
                }

                continue;
            }

            // Post-order without recursion: a type is added after all of its own descendants.
            stack.Push((current, true));
            if (_children.TryGetValue(current.Name, out var children))
            {
                for (var i = children.Count - 1; i >= 0; i--)
                {
                    stack.Push((children[i], false));
                }
            }
        }

        return result;
    }

    public bool HasDescendants(SchemaType type) => _children.ContainsKey(type.Name);

    /// <summary>The types derived directly from <paramref name="type"/>, in schema order.</summary>
    public IReadOnlyList<SchemaType> Children(SchemaType type) =>
        _children.TryGetValue(type.Name, out var children) ? children : (IReadOnlyList<SchemaType>)System.Array.Empty<SchemaType>();
}
