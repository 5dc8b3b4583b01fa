using System;
using System.IO;
using System.IO.Compression;
using System.Threading;
using System.Threading.Tasks;

namespace SoapGen.Runtime;

/// <summary>
/// HTTP "deflate" is meant to be zlib-wrapped (RFC 9110), but some servers send raw deflate. Peek at the first byte:
/// a zlib header starts with 0x78 (deflate, 32K window) in practice; anything else is taken as raw deflate.
/// </summary>
internal sealed class ZLibOrDeflateStream : Stream
{
    private readonly Stream _inner;
    private Stream? _decoder;

    public ZLibOrDeflateStream(Stream inner) => _inner = inner;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_decoder is null)
        {
            byte[] first = new byte[1];
            int n = await _inner.ReadAsync(first, cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                return 0;
            }

            var prefixed = new PrefixedStream(first[0], _inner);
            _decoder = first[0] == 0x78
                ? new ZLibStream(prefixed, CompressionMode.Decompress)
                : new DeflateStream(prefixed, CompressionMode.Decompress);
        }

        return await _decoder.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _decoder?.Dispose();
        }

        base.Dispose(disposing);
    }

    // Gives back the byte we peeked, then reads on from the inner stream.
    private sealed class PrefixedStream(byte first, Stream inner) : Stream
    {
        private bool _firstPending = true;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (buffer.IsEmpty)
            {
                return 0;
            }

            if (_firstPending)
            {
                _firstPending = false;
                buffer[0] = first;
                return 1;
            }

            return inner.Read(buffer);
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (buffer.IsEmpty)
            {
                return ValueTask.FromResult(0);
            }

            if (_firstPending)
            {
                _firstPending = false;
                buffer.Span[0] = first;
                return ValueTask.FromResult(1);
            }

            return inner.ReadAsync(buffer, cancellationToken);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
