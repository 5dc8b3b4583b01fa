using System;
using System.Buffers;
using System.IO;
using System.IO.Compression;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace SoapGen.Runtime;

/// <summary>
/// Reads a reply body into memory, decompressing gzip/deflate/br when the HttpClient's handler did not (a handler with
/// AutomaticDecompression removes the Content-Encoding header, so its presence means the bytes are still compressed),
/// and stops at the size limit counted after decompression so a small compressed body cannot expand without bound.
/// </summary>
internal static class ReplyBody
{
    public sealed class TooLargeException : Exception
    {
    }

    public sealed class UnsupportedEncodingException(string encoding) : Exception(encoding)
    {
        public string Encoding { get; } = encoding;
    }

    private const int InitialCapacityCap = 64 * 1024;

    // Twice the size (a read of at most the size limit plus one byte needs no more), from the pool; the old one goes back.
    // When Content-Length says the rest fits in four times what has arrived, that size at once (plus the byte the read
    // that finds the end needs): a 150 KB reply is copied once on its way up, not twice. The claim moves the buffer at
    // most that far ahead of the bytes received, never to the size limit on its word alone.
    private static byte[] Grow(byte[] buffer, int length, long maxBytes, long? declared)
    {
        long wanted = buffer.Length * 2L;
        if (declared + 1 is { } whole && whole > wanted && whole <= buffer.Length * 4L)
        {
            wanted = whole;
        }

        int size = (int)Math.Min(Math.Max(wanted, 4096), Math.Min(maxBytes + 1, Array.MaxLength));
        if (size <= buffer.Length)
        {
            throw new TooLargeException();
        }

        byte[] larger = ArrayPool<byte>.Shared.Rent(size);
        buffer.AsSpan(0, length).CopyTo(larger);
        PooledReply.Return(buffer, length);
        return larger;
    }

    /// <summary>The reply's bytes in a pooled array, which goes back (cleared: it held a reply) when the stream is disposed.</summary>
    private sealed class PooledReply(byte[] buffer, int length) : MemoryStream(buffer, 0, length, writable: false, publiclyVisible: true)
    {
        private readonly int _length = length;
        private byte[]? _buffer = buffer;

        public static void Return(byte[] buffer, int length)
        {
            buffer.AsSpan(0, length).Clear();
            ArrayPool<byte>.Shared.Return(buffer);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && _buffer is { } rented)
            {
                _buffer = null;
                Return(rented, _length);
            }

            base.Dispose(disposing);
        }
    }

    public static async Task<MemoryStream> ReadAsync(HttpContent content, long maxBytes, CancellationToken cancellationToken)
    {
        long? declared = content.Headers.ContentLength;
        bool compressed = content.Headers.ContentEncoding.Count > 0;
        if (!compressed && declared > maxBytes)
        {
            throw new TooLargeException();
        }

        Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            Stream decoded = stream;

            // Content-Encoding lists codings in the order applied; undo them in reverse.
            string[] codings = new string[content.Headers.ContentEncoding.Count];
            content.Headers.ContentEncoding.CopyTo(codings, 0);
            for (int i = codings.Length - 1; i >= 0; i--)
            {
                decoded = codings[i].Trim().ToLowerInvariant() switch
                {
                    "gzip" or "x-gzip" => new GZipStream(decoded, CompressionMode.Decompress),
                    "deflate" => new ZLibOrDeflateStream(decoded),
                    "br" => new BrotliStream(decoded, CompressionMode.Decompress),
                    "identity" or "" => decoded,
                    _ => throw new UnsupportedEncodingException(codings[i]),
                };
            }

            // Content-Length is the server's claim, not bytes received: it sizes the first buffer only up to a small cap,
            // so a header alone (or many concurrent calls with one) cannot reserve the size limit before any byte arrives.
            // The buffers are pooled and read into directly: a reply of a few hundred KB no longer costs large-object-heap
            // arrays (and gen-2 collections) per call, nor a copy through a chunk.
            byte[] buffer = ArrayPool<byte>.Shared.Rent(declared is > 0 && !compressed ? (int)Math.Min(declared.Value, InitialCapacityCap) : 4096);
            int length = 0;
            try
            {
                while (true)
                {
                    if (length == buffer.Length)
                    {
                        buffer = Grow(buffer, length, maxBytes, compressed ? null : declared);
                    }

                    int read = await decoded.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    if (length + (long)read > maxBytes)
                    {
                        throw new TooLargeException();
                    }

                    length += read;
                }
            }
            catch
            {
                // All of it: a read past the size limit left reply bytes beyond length.
                PooledReply.Return(buffer, buffer.Length);
                throw;
            }
            finally
            {
                if (!ReferenceEquals(decoded, stream))
                {
                    await decoded.DisposeAsync().ConfigureAwait(false);
                }
            }

            return new PooledReply(buffer, length);
        }
    }
}
