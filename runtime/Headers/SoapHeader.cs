using System;
using System.Xml.Linq;

namespace SoapGen.Runtime;

/// <summary>
/// One SOAP header entry to send. Create typed ones with <see cref="SoapHeaderDescriptor{T}.Create"/>, raw ones with
/// <see cref="FromXml"/>, or derive to write one yourself (a WS-Security token, say).
/// </summary>
public abstract class SoapHeader
{
    /// <summary>The header element's local name.</summary>
    public abstract string LocalName { get; }

    /// <summary>The header element's namespace; <see langword="null"/> when unqualified.</summary>
    public abstract string? Namespace { get; }

    /// <summary>
    /// The WSDL header this entry is a value of, if any. A typed ambient header is sent only with operations that declare
    /// it; any other header is sent with every call.
    /// </summary>
    internal virtual SoapHeaderDescriptor? Descriptor => null;

    /// <summary>A header that sends <paramref name="element"/> as it is.</summary>
    /// <param name="element">The whole header element.</param>
    /// <returns>The header.</returns>
    public static SoapHeader FromXml(XElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        return new XmlSoapHeader(new XElement(element));
    }

    /// <summary>Writes the whole header element, inside the envelope's <c>Header</c>.</summary>
    /// <param name="writer">The envelope's writer.</param>
    public abstract void Write(SoapWriter writer);

    /// <summary>The header's name; never its content, which may be a credential.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Namespace is null ? LocalName : "{" + Namespace + "}" + LocalName;

    private sealed class XmlSoapHeader(XElement element) : SoapHeader
    {
        public override string LocalName => element.Name.LocalName;

        public override string? Namespace => element.Name.NamespaceName.Length == 0 ? null : element.Name.NamespaceName;

        public override void Write(SoapWriter writer) => element.WriteTo(writer.XmlWriter);
    }
}

/// <summary>A value of a declared header.</summary>
internal sealed class TypedSoapHeader<T>(SoapHeaderDescriptor<T> descriptor, T value) : SoapHeader
{
    public override string LocalName => descriptor.LocalName;

    public override string? Namespace => descriptor.Namespace;

    internal override SoapHeaderDescriptor Descriptor => descriptor;

    public override void Write(SoapWriter writer) => descriptor.Write(writer, value);
}
