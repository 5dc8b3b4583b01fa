using System;
using System.ComponentModel;

namespace SoapGen.Runtime;

/// <summary>
/// Writes one value as the element <paramref name="localName"/>: the signature of every generated <c>WriteT</c>
/// method, so a shape helper can take one as a method group (a cached static delegate: no allocation per call).
/// </summary>
/// <typeparam name="T">The value's type.</typeparam>
/// <param name="writer">The writer.</param>
/// <param name="localName">The element's local name.</param>
/// <param name="ns">The element's namespace, or <see langword="null"/> for unqualified.</param>
/// <param name="value">The value; <see langword="null"/> is written as <c>xsi:nil</c>.</param>
/// <param name="encoded">Whether the message is SOAP-encoded (<c>xsi:type</c> is written).</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate void SoapValueWriter<in T>(SoapWriter writer, string localName, string? ns, T value, bool encoded);

/// <summary>
/// The shapes generated serializers write the same way for every type, written once here instead of once per member
/// or per type (what a large WSDL's generated code is mostly made of, and what its build spends time compiling).
/// Used by generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SoapValueWriters
{
    /// <summary>
    /// Writes a one-dimensional SOAP-encoded array: <c>xsi:nil</c> for <see langword="null"/>, otherwise
    /// <see cref="SoapWriter.WriteStartArray(string, string?, string, string, int)"/> and each item as an unqualified
    /// <c>item</c> element.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="localName">The array element's local name.</param>
    /// <param name="ns">The array element's namespace, or <see langword="null"/> for unqualified.</param>
    /// <param name="itemTypeNs">The namespace of the item type named in <c>arrayType</c>.</param>
    /// <param name="itemTypeLocalName">The local name of the item type.</param>
    /// <param name="items">The array, or <see langword="null"/>.</param>
    /// <param name="encoded">Passed to <paramref name="writeItem"/>.</param>
    /// <param name="writeItem">Writes one item (a generated <c>WriteT</c> method).</param>
    public static void WriteEncodedArray<T>(SoapWriter writer, string localName, string? ns, string itemTypeNs, string itemTypeLocalName, T[]? items, bool encoded, SoapValueWriter<T> writeItem)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(writeItem);
        if (items is null)
        {
            writer.WriteStartElement(localName, ns);
            writer.WriteNil();
        }
        else
        {
            writer.WriteStartArray(localName, ns, itemTypeNs, itemTypeLocalName, items.Length);
            foreach (T item in items)
            {
                writeItem(writer, "item", null, item, encoded);
            }
        }

        writer.WriteEndElement();
    }
}
