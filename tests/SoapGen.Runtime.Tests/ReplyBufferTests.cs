using System;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace SoapGen.Runtime.Tests;

[CollectionDefinition(nameof(AllocationMeasurements), DisableParallelization = true)]
public sealed class AllocationMeasurements
{
}

/// <summary>
/// What the reply buffer is sized from (bytes received, never the server's Content-Length claim), that it is pooled,
/// and that growing it keeps every byte and the size limit exact.
/// </summary>
[Collection(nameof(AllocationMeasurements))]
public class ReplyBufferTests
{
    [Fact]
    public async Task A_Content_Length_header_alone_allocates_nothing_near_its_size()
    {
        const long claimed = 60L * 1024 * 1024;
        string reply = Soap.Envelope11("<ns1:r xmlns:ns1=\"urn:myapi\"><return>ok</return></ns1:r>");
        var handler = FakeHandler.Always(() =>
        {
            HttpResponseMessage message = FakeHandler.Reply(reply);
            message.Content.Headers.ContentLength = claimed;
            return message;
        });
        SoapTransport transport = Soap.Transport(handler);
        await transport.InvokeAsync("echo", "a", Soap.WriteEcho, Soap.ReadReturnString, CancellationToken.None);

        long before = GC.GetTotalAllocatedBytes(precise: true);
        string? result = await transport.InvokeAsync("echo", "a", Soap.WriteEcho, Soap.ReadReturnString, CancellationToken.None);
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal("ok", result);
        Assert.True(allocated < 4 * 1024 * 1024, allocated + " bytes allocated for a " + reply.Length + "-byte reply claiming " + claimed);
    }

    [Fact]
    public async Task A_large_reply_is_read_into_a_pooled_buffer_not_a_new_array_per_call()
    {
        // 1 MB the reader skips (a comment), so what the call allocates is the transport's, not the result's.
        byte[] reply = Encoding.UTF8.GetBytes(
            Soap.Envelope11("<ns1:r xmlns:ns1=\"urn:myapi\"><return>ok</return><!--" + new string('x', 1024 * 1024) + "--></ns1:r>"));
        SoapTransport transport = Soap.Transport(FakeHandler.Always(() => FakeHandler.Reply(reply, "text/xml; charset=utf-8")));
        await transport.InvokeAsync("echo", "a", Soap.WriteEcho, Soap.ReadReturnString, CancellationToken.None);

        long before = GC.GetTotalAllocatedBytes(precise: true);
        string? result = await transport.InvokeAsync("echo", "a", Soap.WriteEcho, Soap.ReadReturnString, CancellationToken.None);
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal("ok", result);
        Assert.True(allocated < 256 * 1024, allocated + " bytes allocated for a " + reply.Length + "-byte reply");
    }

    [Theory]
    [InlineData(100)]
    [InlineData(4096)]
    [InlineData(300_000)]
    public async Task A_reply_of_unknown_length_keeps_every_byte_as_its_buffer_grows(int valueLength)
    {
        // No Content-Length and a stream that returns a few bytes at a time: the buffer starts small and doubles.
        string value = string.Create(valueLength, 0, static (chars, _) =>
        {
            for (int i = 0; i < chars.Length; i++)
            {
                chars[i] = (char)('a' + i % 26);
            }
        });
        byte[] reply = Encoding.UTF8.GetBytes(Soap.Envelope11("<ns1:r xmlns:ns1=\"urn:myapi\"><return>" + value + "</return></ns1:r>"));
        SoapTransport transport = Soap.Transport(FakeHandler.Always(() => Unsized(reply)));

        Assert.Equal(value, await transport.InvokeAsync("echo", "a", Soap.WriteEcho, Soap.ReadReturnString, CancellationToken.None));
    }

    [Theory]
    [InlineData(150_000, 0)]
    [InlineData(131_072, 0)]
    [InlineData(300_000, 0)]
    [InlineData(150_000, 100_000)]
    [InlineData(150_000, -100_000)]
    public async Task A_reply_with_Content_Length_keeps_every_byte_as_its_buffer_grows(int bodyLength, int claimedMore)
    {
        // Sized from Content-Length past the first buffer; true, too high or too low, the body read is the body sent.
        static byte[] Reply(string value) => Encoding.UTF8.GetBytes(Soap.Envelope11("<ns1:r xmlns:ns1=\"urn:myapi\"><return>" + value + "</return></ns1:r>"));
        string value = string.Create(bodyLength - Reply(string.Empty).Length, 0, static (chars, _) =>
        {
            for (int i = 0; i < chars.Length; i++)
            {
                chars[i] = (char)('a' + i % 26);
            }
        });
        byte[] reply = Reply(value);
        Assert.Equal(bodyLength, reply.Length);
        SoapTransport transport = Soap.Transport(FakeHandler.Always(() =>
        {
            HttpResponseMessage message = Unsized(reply);
            message.Content.Headers.ContentLength = reply.Length + claimedMore;
            return message;
        }));

        Assert.Equal(value, await transport.InvokeAsync("echo", "a", Soap.WriteEcho, Soap.ReadReturnString, CancellationToken.None));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    public async Task A_reply_of_unknown_length_is_accepted_up_to_the_limit_exactly(int overLimit, bool accepted)
    {
        byte[] reply = Encoding.UTF8.GetBytes(Soap.Envelope11("<ns1:r xmlns:ns1=\"urn:myapi\"><return>" + new string('a', 20_000) + "</return></ns1:r>"));
        SoapTransport transport = Soap.Transport(FakeHandler.Always(() => Unsized(reply)), maxReplyBytes: reply.Length - overLimit);
        Task<string?> call = transport.InvokeAsync("echo", "a", Soap.WriteEcho, Soap.ReadReturnString, CancellationToken.None);

        if (accepted)
        {
            Assert.Equal(20_000, (await call)?.Length);
        }
        else
        {
            SoapProtocolException ex = await Assert.ThrowsAsync<SoapProtocolException>(() => call);
            Assert.Contains("MaxReplyBytes", ex.Message);
        }
    }

    private static HttpResponseMessage Unsized(byte[] body)
    {
        var content = new StreamContent(new TrickleStream(body));
        content.Headers.TryAddWithoutValidation("Content-Type", "text/xml; charset=utf-8");
        return new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = content };
    }

    /// <summary>A non-seekable body that hands out at most 1,000 bytes per read, like a slow chunked reply.</summary>
    private sealed class TrickleStream(byte[] bytes) : ReadOnlyStream
    {
        private int _position;

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = Math.Min(Math.Min(count, 1000), bytes.Length - _position);
            Array.Copy(bytes, _position, buffer, offset, n);
            _position += n;
            return n;
        }
    }
}
