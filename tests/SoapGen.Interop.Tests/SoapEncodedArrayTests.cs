using System;
using System.Net.Http;
using System.Threading.Tasks;
using Arrays;

namespace SoapGen.Interop.Tests;

/// <summary>
/// A SOAP-encoded array of three dimensions (wsdl/arrays.wsdl, <c>wsdl:arrayType="xsd:string[,,]"</c> → <c>string[,,]</c>)
/// echoed by PHP's SoapServer: PHP decodes it by its arrayType into nested arrays and encodes those back with the same
/// shape, so the array comes back with every item in its place. (Partial and sparse arrays are read by the runtime,
/// SoapArrayShapeTests; PHP cannot carry them back: it reads offset and position but writes the items it got as a
/// complete array of their count, so that round trip tests nothing.)
/// </summary>
public sealed class SoapEncodedArrayTests : IClassFixture<SoapBuildersPhpServer>, IDisposable
{
    private readonly RecordingHandler _wire = new();
    private readonly HttpClient _http;

    public SoapEncodedArrayTests(SoapBuildersPhpServer server)
    {
        _http = new HttpClient(_wire) { Timeout = TimeSpan.FromSeconds(60) };
        Client = new ArraysClient(_http, new Uri(server.BaseUri, "arrays"));
    }

    private ArraysClient Client { get; }

    public void Dispose() => _http.Dispose();

    [Theory]
    [InlineData(2, 3, 4)]
    [InlineData(1, 1, 1)]
    [InlineData(3, 1, 2)]
    public async Task A_three_dimensional_array_goes_with_its_shape_and_comes_back_in_place(int planes, int rows, int columns)
    {
        var sent = new string[planes, rows, columns];
        for (var p = 0; p < planes; p++)
        {
            for (var r = 0; r < rows; r++)
            {
                for (var c = 0; c < columns; c++)
                {
                    sent[p, r, c] = FormattableString.Invariant($"{p}.{r}.{c}") + (c == 0 ? " <&>" : c == 1 ? " \U0001F600" : string.Empty);
                }
            }
        }

        string?[,,]? echoed = await Client.Echo3DStringArrayAsync(sent);

        string shape = FormattableString.Invariant($"xsd:string[{planes},{rows},{columns}]");
        Assert.Contains("arrayType=\"" + shape + "\"", _wire.Last.RequestBody, StringComparison.Ordinal);
        Assert.Contains("arrayType=\"" + shape + "\"", _wire.Last.ResponseBody, StringComparison.Ordinal);
        Assert.Equal(sent, echoed);
    }
}
