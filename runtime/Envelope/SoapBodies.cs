using System;
using System.ComponentModel;

namespace SoapGen.Runtime;

/// <summary>
/// The body writers and readers most operations share, made once per operation descriptor. Generated code passes these
/// instead of a lambda per operation: an API with thousands of operations (SoftLayer has 5,000) then compiles far faster,
/// because the compiler binds a method call with a method group much more cheaply than a lambda.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SoapBodies
{
    /// <summary>Writes an rpc operation's wrapper element without parts; called by generated code.</summary>
    /// <typeparam name="TRequest">The operation's request (its per-call headers' parameters, if any).</typeparam>
    /// <param name="localName">The wrapper's local name: the operation's.</param>
    /// <param name="ns">The wrapper's namespace (the binding's <c>soap:body namespace</c>).</param>
    /// <param name="encoded">Whether the binding is <c>use="encoded"</c>.</param>
    public static Action<SoapWriter, TRequest> EmptyRpc<TRequest>(string localName, string ns, bool encoded)
    {
        ArgumentNullException.ThrowIfNull(localName);
        ArgumentNullException.ThrowIfNull(ns);
        return (writer, _) =>
        {
            writer.WriteStartOperation(localName, ns, encoded);
            writer.WriteEndElement();
        };
    }

    /// <summary>Writes a document/literal wrapper element without children; called by generated code.</summary>
    /// <typeparam name="TRequest">The operation's request (its per-call headers' parameters, if any).</typeparam>
    /// <param name="localName">The wrapper element's local name.</param>
    /// <param name="ns">The wrapper element's namespace.</param>
    public static Action<SoapWriter, TRequest> EmptyWrapper<TRequest>(string localName, string? ns)
    {
        ArgumentNullException.ThrowIfNull(localName);
        return (writer, _) =>
        {
            writer.WriteStartElement(localName, ns);
            writer.WriteEndElement();
        };
    }

    /// <summary>Reads a reply whose one part is read by <paramref name="readPart"/>; called by generated code.</summary>
    /// <typeparam name="T">The part's type.</typeparam>
    /// <param name="readPart">Reads the part from a reader on its element.</param>
    public static Func<SoapReader, T?> SinglePart<T>(Func<SoapReader, T> readPart)
    {
        ArgumentNullException.ThrowIfNull(readPart);
        return reader => reader.ReadSinglePart(readPart);
    }

    /// <summary>Reads a reply whose one part is an array of items read by <paramref name="readItem"/>; called by generated code.</summary>
    /// <typeparam name="T">The items' type.</typeparam>
    /// <param name="readItem">Reads one item from a reader on its element.</param>
    public static Func<SoapReader, T[]?> SingleArrayPart<T>(Func<SoapReader, T> readItem)
    {
        ArgumentNullException.ThrowIfNull(readItem);
        Func<SoapReader, T[]?> readArray = reader => reader.ReadArray(readItem);
        return reader => reader.ReadSinglePart(readArray);
    }
}
