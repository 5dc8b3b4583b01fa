using System;
using System.Collections.Generic;
using System.Globalization;
using System.Xml;

namespace SoapGen.Runtime;

// The shapes of SOAP-encoded arrays beyond a complete list of items: several dimensions, and arrays sent in part
// (SOAP 1.1 §5.4.2.1, an offset) or sparse (§5.4.2.2, a position on each item).
public sealed partial class SoapReader
{
    /// <summary>
    /// Reads a SOAP-encoded array of <paramref name="rank"/> dimensions: its shape from
    /// <c>SOAP-ENC:arrayType="t[2,3,4]"</c> (SOAP 1.2: <c>arraySize="2 3 4"</c>), its items in row-major order (or at
    /// their <c>position</c>), into the array <paramref name="create"/> makes for the shape. <c>xsi:nil</c> gives
    /// <see langword="null"/>; a missing shape reads the items as one row (every other dimension 1); more or fewer items
    /// than the shape holds is a <see cref="SoapProtocolException"/>.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <typeparam name="TArray">The array type, <typeparamref name="T"/> with <paramref name="rank"/> dimensions.</typeparam>
    /// <param name="rank">The number of dimensions, 2 or more.</param>
    /// <param name="readItem">Reads one item element.</param>
    /// <param name="create">Makes the empty array of the given lengths (e.g. <c>l =&gt; new int?[l[0], l[1], l[2]]</c>).</param>
    /// <returns>The array.</returns>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public TArray? ReadMultiDimensionalArray<T, TArray>(int rank, Func<SoapReader, T> readItem, Func<int[], TArray> create)
        where TArray : class
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rank, 2);
        ArgumentNullException.ThrowIfNull(readItem);
        ArgumentNullException.ThrowIfNull(create);
        if (_node.NodeType != XmlNodeType.Element)
        {
            return null;
        }

        string elementName = _node.Name;
        int[]? shape = Lengths(DeclaredDimensions(out _), rank);
        T[]? items = ReadArray(readItem);
        if (items is null)
        {
            return null;
        }

        int[] lengths = shape ?? OneRow(rank, items.Length);
        long count = 1;
        foreach (int length in lengths)
        {
            count *= length;
        }

        if (count != items.Length)
        {
            throw new SoapProtocolException(
                "The reply's array <" + BodyPreview.Excerpt(elementName) + "> declares " + string.Join("×", lengths) + " items and holds " +
                items.Length.ToString(CultureInfo.InvariantCulture) + ".");
        }

        TArray made = create(lengths);
        if (made is not Array array || array.Rank != rank || array.Length != items.Length)
        {
            throw new ArgumentException("The array made for the shape " + string.Join("×", lengths) + " is not an array of that shape.", nameof(create));
        }

        // Row-major, as SOAP sends it: the last index turns fastest. SetValue checks the item type (no unchecked copy).
        var index = new int[rank];
        foreach (T item in items)
        {
            try
            {
                array.SetValue(item, index);
            }
            catch (InvalidCastException e)
            {
                throw new ArgumentException("The array made for the shape " + string.Join("×", lengths) + " cannot hold " + typeof(T).Name + " items.", nameof(create), e);
            }

            for (int dimension = rank - 1; dimension >= 0 && ++index[dimension] == lengths[dimension]; dimension--)
            {
                index[dimension] = 0;
            }
        }

        return made;
    }

    private static int[] OneRow(int rank, int count)
    {
        var lengths = new int[rank];
        Array.Fill(lengths, count == 0 ? 0 : 1);
        lengths[rank - 1] = count;
        return lengths;
    }

    // The lengths "[2,3]" declares, when there are rank of them and each is a number; null otherwise.
    private static int[]? Lengths(string[]? dimensions, int rank)
    {
        if (dimensions is null || dimensions.Length != rank)
        {
            return null;
        }

        var lengths = new int[rank];
        for (int i = 0; i < rank; i++)
        {
            if (!int.TryParse(dimensions[i], NumberStyles.None, CultureInfo.InvariantCulture, out lengths[i]))
            {
                return null;
            }
        }

        return lengths;
    }

    // The dimensions of arrayType's last brackets ("xsd:string[2,3]" → 2, 3) or of arraySize ("2 3"), and the offset of
    // an array sent in part ("[2]"); null without them.
    private string[]? DeclaredDimensions(out string? offset)
    {
        offset = null;
        string? dimensions = null;
        if (_node.NodeType == XmlNodeType.Element && _node.MoveToFirstAttribute())
        {
            do
            {
                string value = _node.Value;
                if (_node.LocalName == "arrayType" && value.LastIndexOf('[') is int open and >= 0 && value.EndsWith(']'))
                {
                    dimensions = value.Substring(open + 1, value.Length - open - 2).Replace(',', ' ');
                }
                else if (_node.LocalName == "arraySize")
                {
                    dimensions = value;
                }
                else if (_node.LocalName == "offset")
                {
                    offset = value;
                }
            }
            while (_node.MoveToNextAttribute());
            _node.MoveToElement();
        }

        return dimensions?.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>
    /// The items of an array sent in part or sparse, each at its place in row-major order: at its own <c>position</c>,
    /// else after the item before it (the first after the array's <c>offset</c>). <paramref name="items"/> are those
    /// already read from index 0; <paramref name="onItem"/> says whether the reader is on the next one. The array has the
    /// size its shape declares (without a size, up to its last item); a place outside it is a
    /// <see cref="SoapProtocolException"/>, and no place may reach <see cref="SoapReaderQuotas.MaxArrayLength"/>.
    /// </summary>
    private T[] ReadPlacedItems<T>(Func<SoapReader, T> readItem, string elementName, string[]? dimensions, string? offset, List<T> items, bool onItem)
    {
        // These items are placed in an array of the declared size: it must be bounded even outside a call's quotas.
        int max = ((XmlReader as QuotaXmlReader)?.Quotas ?? SoapReaderQuotas.Default).MaxArrayLength;
        int[]? lengths = dimensions is { Length: > 0 } ? Lengths(dimensions, dimensions.Length) : null;
        long size = -1;
        if (lengths is not null)
        {
            size = 1;
            foreach (int length in lengths)
            {
                size *= length;
            }

            if (size > max)
            {
                throw QuotaXmlReader.Exceeded("holds an array declared with " + size.ToString("N0", CultureInfo.InvariantCulture) + " items", nameof(SoapReaderQuotas.MaxArrayLength));
            }
        }

        long next = offset is null ? items.Count : Place(offset, lengths, elementName, "offset");
        for (bool more = onItem; more; more = ReadNextChild())
        {
            long index = PositionAttribute() is { } position ? Place(position, lengths, elementName, "position") : next;
            if (size >= 0 ? index >= size : index >= max)
            {
                throw new SoapProtocolException(
                    "The reply's array <" + BodyPreview.Excerpt(elementName) + "> places an item at index " + index.ToString(CultureInfo.InvariantCulture) +
                    (size >= 0 ? ", outside its " + size.ToString(CultureInfo.InvariantCulture) + " items." : ", beyond the most items an array may hold."));
            }

            while (items.Count <= index)
            {
                items.Add(default!);
            }

            items[(int)index] = readItem(this);
            next = index + 1;
        }

        while (items.Count < size)
        {
            items.Add(default!);
        }

        return items.ToArray();
    }

    // The position attribute in whichever namespace the server put it (SOAP-ENC's, usually).
    private string? PositionAttribute()
    {
        string? value = null;
        if (_node.MoveToFirstAttribute())
        {
            do
            {
                if (_node.LocalName == "position")
                {
                    value = _node.Value;
                }
            }
            while (value is null && _node.MoveToNextAttribute());
            _node.MoveToElement();
        }

        return value;
    }

    // The row-major index of coordinates "[1,2]" in an array of the given lengths (one coordinate: the index itself when
    // the lengths are not known).
    private static long Place(string coordinates, int[]? lengths, string elementName, string attribute)
    {
        string[] parts = coordinates.Trim().TrimStart('[').TrimEnd(']').Split(',', StringSplitOptions.TrimEntries);
        long index = 0;
        bool valid = lengths is null ? parts.Length == 1 : parts.Length == lengths.Length;
        for (int i = 0; valid && i < parts.Length; i++)
        {
            valid = int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out int coordinate) && (lengths is null || coordinate < lengths[i]);
            index = lengths is null ? coordinate : index * lengths[i] + coordinate;
        }

        if (!valid)
        {
            throw new SoapProtocolException(
                "The reply's array <" + BodyPreview.Excerpt(elementName) + "> has a " + attribute + " \"" + BodyPreview.Excerpt(coordinates) + "\" that is not a place in " +
                (lengths is null ? "it." : "its " + string.Join("×", lengths) + " items."));
        }

        return index;
    }
}
