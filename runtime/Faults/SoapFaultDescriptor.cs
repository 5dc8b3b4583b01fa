using System;
using System.ComponentModel;
using System.IO;
using System.Xml;
using System.Xml.Linq;

namespace SoapGen.Runtime;

/// <summary>
/// A fault an operation declares (<c>wsdl:fault</c>): the element its detail carries and how to read it. When a fault's
/// detail holds that element, the call throws a <see cref="SoapFaultException{TDetail}"/> instead of the plain one.
/// </summary>
public abstract class SoapFaultDescriptor
{
    private protected SoapFaultDescriptor(string name, string detailLocalName, string? detailNamespace)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentException.ThrowIfNullOrEmpty(detailLocalName);
        Name = name;
        DetailLocalName = detailLocalName;
        DetailNamespace = string.IsNullOrEmpty(detailNamespace) ? null : detailNamespace;
    }

    /// <summary>The fault's name in the WSDL.</summary>
    public string Name { get; }

    /// <summary>The local name of the detail entry that identifies this fault.</summary>
    public string DetailLocalName { get; }

    /// <summary>The namespace of the detail entry, or <see langword="null"/> when unqualified.</summary>
    public string? DetailNamespace { get; }

    internal bool Matches(XElement entry) =>
        entry.Name.LocalName == DetailLocalName
        && (DetailNamespace is null || entry.Name.NamespaceName.Length == 0 || entry.Name.NamespaceName == DetailNamespace);

    internal abstract SoapFaultException Create(SoapFaultException fault, XElement entry);
}

/// <summary>A declared fault whose detail is a <typeparamref name="TDetail"/>.</summary>
/// <typeparam name="TDetail">The detail's generated type.</typeparam>
public sealed class SoapFaultDescriptor<TDetail> : SoapFaultDescriptor
{
    private static readonly XmlReaderSettings ReaderSettings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };

    private readonly Func<SoapReader, TDetail?> _read;

    /// <summary>Describes a fault; called by generated code.</summary>
    /// <param name="name">The fault's name in the WSDL.</param>
    /// <param name="detailLocalName">The detail entry's local name.</param>
    /// <param name="detailNamespace">The detail entry's namespace, or <see langword="null"/>.</param>
    /// <param name="read">Reads the detail entry.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public SoapFaultDescriptor(string name, string detailLocalName, string? detailNamespace, Func<SoapReader, TDetail?> read)
        : base(name, detailLocalName, detailNamespace)
    {
        ArgumentNullException.ThrowIfNull(read);
        _read = read;
    }

    internal override SoapFaultException Create(SoapFaultException fault, XElement entry)
    {
        TDetail? detail;
        try
        {
            using var reader = XmlReader.Create(new StringReader(XmlText.Of(entry)), ReaderSettings);
            reader.MoveToContent();
            detail = _read(new SoapReader(reader));
        }
        catch (Exception ex) when (ex is XmlException or FormatException or SoapProtocolException)
        {
            // A detail that does not match its declaration: keep the fault as it came, raw detail and all.
            return fault;
        }

        return new SoapFaultException<TDetail>(fault, Name, detail);
    }
}
