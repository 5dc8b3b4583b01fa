using System;
using System.Collections;
using System.Collections.Generic;
using System.Threading;

namespace SoapGen.Runtime;

/// <summary>
/// SOAP headers to send: a client's ambient headers (<c>client.DefaultHeaders</c>, e.g. credentials), the headers of
/// one call (<see cref="SoapCallOptions.Headers"/>), or those a pipeline step adds (<see cref="SoapCallContext.Headers"/>).
/// Safe to change while calls are in flight: a call sends the headers present when it starts.
/// </summary>
public sealed class SoapHeaderCollection : IEnumerable<SoapHeader>
{
    private readonly object _gate = new();
    private SoapHeader[] _items = [];

    /// <summary>The number of headers.</summary>
    public int Count => Volatile.Read(ref _items).Length;

    /// <summary>
    /// Sets the value of a declared header, replacing an earlier value of the same header; <see langword="null"/> removes it.
    /// </summary>
    /// <typeparam name="T">The header's type.</typeparam>
    /// <param name="header">The header, e.g. <c>XxxClient.Headers.Authenticate</c>.</param>
    /// <param name="value">Its content.</param>
    public void Set<T>(SoapHeaderDescriptor<T> header, T? value)
    {
        ArgumentNullException.ThrowIfNull(header);
        lock (_gate)
        {
            var items = new List<SoapHeader>(_items.Length + 1);
            foreach (SoapHeader item in _items)
            {
                if (!Same(item, header.LocalName, header.Namespace))
                {
                    items.Add(item);
                }
            }

            if (value is not null)
            {
                items.Add(header.Create(value));
            }

            Volatile.Write(ref _items, items.ToArray());
        }
    }

    /// <summary>Adds a header (several headers may share a name, as WS-Addressing's do).</summary>
    /// <param name="header">The header.</param>
    public void Add(SoapHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        lock (_gate)
        {
            SoapHeader[] items = new SoapHeader[_items.Length + 1];
            _items.CopyTo(items, 0);
            items[^1] = header;
            Volatile.Write(ref _items, items);
        }
    }

    /// <summary>Removes every header with this name.</summary>
    /// <param name="localName">The header element's local name.</param>
    /// <param name="ns">Its namespace, or <see langword="null"/> for unqualified.</param>
    /// <returns>Whether a header was removed.</returns>
    public bool Remove(string localName, string? ns)
    {
        lock (_gate)
        {
            SoapHeader[] kept = Array.FindAll(_items, item => !Same(item, localName, ns));
            bool removed = kept.Length != _items.Length;
            Volatile.Write(ref _items, kept);
            return removed;
        }
    }

    /// <summary>Removes every header.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            Volatile.Write(ref _items, []);
        }
    }

    /// <inheritdoc/>
    public IEnumerator<SoapHeader> GetEnumerator() => ((IEnumerable<SoapHeader>)Volatile.Read(ref _items)).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal SoapHeader[] Snapshot() => Volatile.Read(ref _items);

    private static bool Same(SoapHeader item, string localName, string? ns) =>
        item.LocalName == localName && string.Equals(item.Namespace ?? string.Empty, ns ?? string.Empty, StringComparison.Ordinal);
}
