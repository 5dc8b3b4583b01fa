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
            var buffer = new MemoryStream(declared is > 0 && !compressed ? (int)Math.Min(declared.Value, InitialCapacityCap) : 4096);
            // Pooled: a fresh 16 KiB array per call was the largest allocation of a small call.
            byte[] chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
            try
            {
                while (true)
                {
                    int read = await decoded.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    if (buffer.Length + read > maxBytes)
                    {
                        throw new TooLargeException();
                    }

                    buffer.Write(chunk, 0, read);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(chunk);
                if (!ReferenceEquals(decoded, stream))
                {
                    await decoded.DisposeAsync().ConfigureAwait(false);
                }
            }

            buffer.Position = 0;
            return buffer;
        }
    }
}
