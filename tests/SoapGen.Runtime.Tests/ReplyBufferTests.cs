using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace SoapGen.Runtime.Tests;

[CollectionDefinition(nameof(AllocationMeasurements), DisableParallelization = true)]
public sealed class AllocationMeasurements
{
}

/// <summary>What the reply buffer is sized from: bytes received, never the server's Content-Length claim.</summary>
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
}
