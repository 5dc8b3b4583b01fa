using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace SoapGen.Runtime.Tests;

/// <summary>The connection breaks while the body is read: the documented HttpRequestException, with operation and status.</summary>
public class NetworkFailureTests(RawHttpServer server) : IClassFixture<RawHttpServer>
{
    [Theory]
    [InlineData("/reset")]
    [InlineData("/short")]
    [InlineData("/badchunk")]
    public async Task Body_cut_off_is_an_HttpRequestException_naming_the_operation_and_the_client_stays_usable(string path)
    {
        using var http = new HttpClient();
        var broken = new SoapTransport(http, server.Url(path));

        HttpRequestException ex = await Assert.ThrowsAsync<HttpRequestException>(() =>
            broken.InvokeAsync("echo", "a", Soap.WriteEcho, Soap.ReadReturnString, CancellationToken.None));

        Assert.Contains("'echo'", ex.Message);
        Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
        Assert.Equal(HttpRequestError.ResponseEnded, ex.HttpRequestError);
        Assert.IsAssignableFrom<IOException>(ex.InnerException);

        var good = new SoapTransport(http, server.Url("/ok"));
        Assert.Equal("ok", await good.InvokeAsync("echo", "a", Soap.WriteEcho, Soap.ReadReturnString, CancellationToken.None));
    }

    [Fact]
    public async Task A_stream_that_throws_IOException_mid_body_is_an_HttpRequestException()
    {
        var handler = FakeHandler.Always(() => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new FailingStream()) });
        HttpRequestException ex = await Assert.ThrowsAsync<HttpRequestException>(() =>
            Soap.Transport(handler).InvokeAsync("echo", "a", Soap.WriteEcho, Soap.ReadReturnString, CancellationToken.None));
        Assert.Contains("'echo'", ex.Message);
        Assert.DoesNotContain("SECRETKEY", ex.Message);
    }

    private sealed class FailingStream : ReadOnlyStream
    {
        private int _reads;

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_reads++ > 0)
            {
                throw new IOException("Connection reset by peer");
            }

            buffer[offset] = (byte)'<';
            return 1;
        }
    }
}
