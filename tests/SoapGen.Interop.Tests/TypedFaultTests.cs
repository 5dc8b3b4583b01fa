using System;
using System.Net.Http;
using System.Threading.Tasks;
using Faults;
using SoapGen.Runtime;

namespace SoapGen.Interop.Tests;

/// <summary>
/// Declared faults (wsdl/faults.wsdl) against PHP SoapServer throwing SoapFault with a detail, over SOAP 1.1 and 1.2:
/// a declared detail arrives read into its generated type; an undeclared one stays raw XML; none stays none.
/// </summary>
public sealed class TypedFaultTests(FaultsPhpServer server) : IClassFixture<FaultsPhpServer>
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };

    public static TheoryData<string> Versions => new() { "1.1", "1.2" };

    private Func<int, int, Task<int?>> Divide(string version) => version == "1.1"
        ? (a, b) => new FaultsSoap11Client(_http, server.Soap11Endpoint).DivideAsync(a, b)
        : (a, b) => new FaultsSoap12Client(_http, server.Soap12Endpoint).DivideAsync(a, b);

    private Func<string, Task<string?>> Check(string version) => version == "1.1"
        ? value => new FaultsSoap11Client(_http, server.Soap11Endpoint).CheckAsync(value)
        : value => new FaultsSoap12Client(_http, server.Soap12Endpoint).CheckAsync(value);

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task ADeclaredDetailIsReadIntoItsType(string version)
    {
        Assert.Equal(3, await Divide(version)(7, 2));

        var fault = await Assert.ThrowsAsync<SoapFaultException<DivideByZeroFault>>(() => Divide(version)(7, 0));

        Assert.Equal("DivideByZero", fault.FaultName);
        Assert.Equal(7, fault.TypedDetail?.Dividend);
        Assert.Equal("cannot divide 7 by zero", fault.TypedDetail?.Message);
        Assert.Equal(version == "1.1" ? "Client" : "Sender", fault.Code);
        Assert.Equal(version == "1.1" ? SoapVersion.Soap11 : SoapVersion.Soap12, fault.SoapVersion);
        Assert.Contains("DivideByZeroFault", fault.RawDetail, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task EachDeclaredFaultGetsItsOwnType(string version)
    {
        var fault = await Assert.ThrowsAsync<SoapFaultException<OverflowFault>>(() => Divide(version)(2_000_000_000, 1));

        Assert.Equal(1_000_000L, fault.TypedDetail?.Limit);
        Assert.Equal(version == "1.1" ? "Server" : "Receiver", fault.Code);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task AnUndeclaredDetailStaysRawXmlAndNoDetailStaysNone(string version)
    {
        var undeclared = await Assert.ThrowsAsync<SoapFaultException>(() => Check(version)("undeclared"));
        var plain = await Assert.ThrowsAsync<SoapFaultException>(() => Check(version)("plain"));

        Assert.Equal(typeof(SoapFaultException), undeclared.GetType());
        Assert.Contains("the value was \"undeclared\"", undeclared.Detail?.Value, StringComparison.Ordinal);
        Assert.Equal(typeof(SoapFaultException), plain.GetType());
        Assert.Null(plain.Detail);
        Assert.Equal("ok", await Check(version)("ok"));
    }
}
