using System.Collections.Generic;
using System.ComponentModel;

namespace SoapGen.Runtime;

/// <summary>
/// Writes the request's SOAP headers, opening the envelope's <c>Header</c> element only when there is one to write,
/// and remembers which were written, so an ambient header does not repeat a per-call one. Used by generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SoapHeaderWriter
{
    private readonly SoapWriter _writer;
    private readonly string _envelopeNs;
    private List<(string LocalName, string? Namespace)>? _written;

    internal SoapHeaderWriter(SoapWriter writer)
    {
        _writer = writer;
        _envelopeNs = SoapNamespaces.EnvelopeFor(writer.Version);
    }

    internal bool Started { get; private set; }

    /// <summary>Writes <paramref name="header"/> with <paramref name="value"/>; a <see langword="null"/> value writes nothing.</summary>
    /// <typeparam name="T">The header's type.</typeparam>
    /// <param name="header">The declared header.</param>
    /// <param name="value">Its content.</param>
    public void Write<T>(SoapHeaderDescriptor<T> header, T? value)
    {
        if (value is null)
        {
            return;
        }

        Start();
        header.Write(_writer, value);
        (_written ??= new()).Add((header.LocalName, header.Namespace));
    }

    internal void Write(SoapHeader header)
    {
        Start();
        header.Write(_writer);
        (_written ??= new()).Add((header.LocalName, header.Namespace));
    }

    internal bool WasWritten(SoapHeader header)
    {
        if (_written is null)
        {
            return false;
        }

        foreach ((string localName, string? ns) in _written)
        {
            if (localName == header.LocalName && (ns ?? string.Empty) == (header.Namespace ?? string.Empty))
            {
                return true;
            }
        }

        return false;
    }

    internal void End()
    {
        if (Started)
        {
            _writer.XmlWriter.WriteEndElement();
        }
    }

    private void Start()
    {
        if (!Started)
        {
            Started = true;
            _writer.XmlWriter.WriteStartElement(SoapNamespaces.EnvelopePrefix, "Header", _envelopeNs);
        }
    }
}
