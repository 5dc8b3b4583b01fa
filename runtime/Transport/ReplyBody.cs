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

    // Double, but never past one byte over the limit (enough to see that the body exceeds it).
    private static byte[] Grow(byte[] buffer, int length, long maxBytes)
    {
        int size = (int)Math.Min(Math.Min((long)buffer.Length * 2, maxBytes + 1), Array.MaxLength);
        if (size <= length)
        {
            throw new TooLargeException();
        }

        byte[] grown = ArrayPool<byte>.Shared.Rent(size);
        buffer.AsSpan(0, length).CopyTo(grown);
        ArrayPool<byte>.Shared.Return(buffer);
        return grown;
    }

    /// <summary>The body in a pooled array; disposing returns the array, so nothing may keep the stream or its buffer.</summary>
    private sealed class PooledBody(byte[] buffer, int length) : MemoryStream(buffer, 0, length, writable: false, publiclyVisible: true)
    {
        private byte[]? _buffer = buffer;

        protected override void Dispose(bool disposing)
        {
            if (disposing && Interlocked.Exchange(ref _buffer, null) is { } rented)
            {
                ArrayPool<byte>.Shared.Return(rented);
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
            // The buffer is pooled (returned when the reply has been read): a new array per call, doubled as the body
            // grew, was most of a large reply's allocations, on the large-object heap past 85 KB.
            int initial = declared is > 0 && !compressed ? (int)Math.Min(declared.Value + 1, InitialCapacityCap) : 4096;
            byte[] buffer = ArrayPool<byte>.Shared.Rent(initial);
            int length = 0;
            try
            {
                while (true)
                {
                    if (length == buffer.Length)
                    {
                        buffer = Grow(buffer, length, maxBytes);
                    }

                    int read = await decoded.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    length += read;
                    if (length > maxBytes)
                    {
                        throw new TooLargeException();
                    }
                }
            }
            catch
            {
                ArrayPool<byte>.Shared.Return(buffer);
                throw;
            }
            finally
            {
                if (!ReferenceEquals(decoded, stream))
                {
                    await decoded.DisposeAsync().ConfigureAwait(false);
                }
            }

            return new PooledBody(buffer, length);
        }
    }
}
