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
    /// Writes a record as the element <paramref name="localName"/>: <c>xsi:nil</c> for <see langword="null"/>; a value of
    /// a derived type by <paramref name="writeDerived"/> (which writes its own <c>xsi:type</c>); otherwise, when
    /// <paramref name="encoded"/> and the type has a name, <c>xsi:type</c>, then <paramref name="writeContent"/>.
    /// </summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="localName">The element's local name.</param>
    /// <param name="ns">The element's namespace, or <see langword="null"/> for unqualified.</param>
    /// <param name="value">The value, or <see langword="null"/>.</param>
    /// <param name="encoded">Whether the message is SOAP-encoded.</param>
    /// <param name="typeNs">The namespace of the record's schema type.</param>
    /// <param name="typeName">The schema type's name, or <see langword="null"/> for an anonymous type (no <c>xsi:type</c>).</param>
    /// <param name="writeContent">Writes the record's attributes and child elements.</param>
    /// <param name="writeDerived">Writes a value of a derived type and returns true; false for any other value. <see langword="null"/> when the type has no derived type written.</param>
    public static void WriteRecord<T>(SoapWriter writer, string localName, string? ns, T? value, bool encoded, string typeNs, string? typeName, Action<SoapWriter, T, bool> writeContent, Func<SoapWriter, T, bool, bool>? writeDerived = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(writeContent);
        writer.WriteStartElement(localName, ns);
        if (value is null)
        {
            writer.WriteNil();
        }
        else if (writeDerived is null || !writeDerived(writer, value, encoded))
        {
            if (encoded && typeName is not null)
            {
                writer.WriteXsiType(typeNs, typeName);
            }

            writeContent(writer, value, encoded);
        }

        writer.WriteEndElement();
    }

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
