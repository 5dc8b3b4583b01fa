using System;
using System.ComponentModel;
using System.IO;
using System.Xml;
using System.Xml.Linq;

namespace SoapGen.Runtime;

/// <summary>
/// A SOAP header the WSDL declares (<c>soap:header</c>): its element name and how it is written and read.
/// Generated clients expose one per header as <c>XxxClient.Headers.Name</c>; use it to set an ambient header
/// (<see cref="SoapHeaderCollection.Set{T}"/>) or to read a reply header (<see cref="SoapReply.GetHeader{T}"/>).
/// </summary>
public abstract class SoapHeaderDescriptor
{
    private protected SoapHeaderDescriptor(string localName, string? ns, bool mustUnderstand, string? actor)
    {
        ArgumentException.ThrowIfNullOrEmpty(localName);
        LocalName = localName;
        Namespace = string.IsNullOrEmpty(ns) ? null : ns;
        MustUnderstand = mustUnderstand;
        Actor = actor;
    }

    /// <summary>The header element's local name.</summary>
    public string LocalName { get; }

    /// <summary>The header element's namespace; <see langword="null"/> when unqualified.</summary>
    public string? Namespace { get; }

    /// <summary>Whether the header is sent with <c>mustUnderstand</c>.</summary>
    public bool MustUnderstand { get; }

    /// <summary>The <c>actor</c> (SOAP 1.1) or <c>role</c> (SOAP 1.2) the header is sent to, if the WSDL names one.</summary>
    public string? Actor { get; }

    internal bool Matches(string localName, string? ns) =>
        LocalName == localName && string.Equals(Namespace ?? string.Empty, ns ?? string.Empty, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override string ToString() => Namespace is null ? LocalName : "{" + Namespace + "}" + LocalName;
}

/// <summary>A SOAP header whose content is a <typeparamref name="T"/>.</summary>
/// <typeparam name="T">The header's generated type.</typeparam>
public sealed class SoapHeaderDescriptor<T> : SoapHeaderDescriptor
{
    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
    };

    private readonly Action<SoapWriter, string, string?, T>? _write;
    private readonly Func<SoapReader, T?>? _read;

    /// <summary>Describes a header; called by generated code.</summary>
    /// <param name="localName">The header element's local name.</param>
    /// <param name="ns">The header element's namespace, or <see langword="null"/>.</param>
    /// <param name="write">Writes the whole element (name, namespace, value); <see langword="null"/> for a reply-only header.</param>
    /// <param name="read">Reads the value at the header element, for reply headers.</param>
    /// <param name="mustUnderstand">Whether to send <c>mustUnderstand</c>.</param>
    /// <param name="actor">The actor/role, if any.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public SoapHeaderDescriptor(string localName, string? ns, Action<SoapWriter, string, string?, T>? write, Func<SoapReader, T?>? read = null, bool mustUnderstand = false, string? actor = null)
        : base(localName, ns, mustUnderstand, actor)
    {
        _write = write;
        _read = read;
    }

    /// <summary>
    /// Describes a header written by a serializer method that takes whether the message is SOAP-encoded; called by
    /// generated code, which passes the method itself (a method group binds far faster than a lambda around it).
    /// </summary>
    /// <param name="localName">The header element's local name.</param>
    /// <param name="ns">The header element's namespace, or <see langword="null"/>.</param>
    /// <param name="write">Writes the whole element (name, namespace, value, encoded).</param>
    /// <param name="encoded">What <paramref name="write"/> is told: whether the header is SOAP-encoded (<c>use="encoded"</c>).</param>
    /// <param name="read">Reads the value at the header element, for reply headers.</param>
    /// <param name="mustUnderstand">Whether to send <c>mustUnderstand</c>.</param>
    /// <param name="actor">The actor/role, if any.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public SoapHeaderDescriptor(string localName, string? ns, Action<SoapWriter, string, string?, T, bool> write, bool encoded, Func<SoapReader, T?>? read = null, bool mustUnderstand = false, string? actor = null)
        : base(localName, ns, mustUnderstand, actor)
    {
        ArgumentNullException.ThrowIfNull(write);
        _write = (writer, name, headerNs, value) => write(writer, name, headerNs, value, encoded);
        _read = read;
    }

    /// <summary>A header with this name and <paramref name="value"/>, for <see cref="SoapHeaderCollection.Add"/>.</summary>
    /// <param name="value">The header's content.</param>
    /// <returns>The header.</returns>
    public SoapHeader Create(T value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (_write is null)
        {
            throw new InvalidOperationException("The header " + this + " is declared for replies only; it cannot be sent.");
        }

        return new TypedSoapHeader<T>(this, value);
    }

    internal void Write(SoapWriter writer, T value)
    {
        if (_write is null)
        {
            throw new InvalidOperationException("The header " + this + " is declared for replies only; it cannot be sent.");
        }

        writer.SetHeaderAttributes(MustUnderstand, Actor);
        _write(writer, LocalName, Namespace, value);
    }

    internal T? Read(XElement element)
    {
        if (_read is null)
        {
            throw new InvalidOperationException("The header " + this + " is not declared as a reply header, so it has no reader.");
        }

        // The element carries the namespace declarations it needs (see XmlElementLoader); read it like a fresh document.
        using var reader = XmlReader.Create(new StringReader(element.ToString(SaveOptions.DisableFormatting)), ReaderSettings);
        reader.MoveToContent();
        return _read(new SoapReader(reader));
    }
}
