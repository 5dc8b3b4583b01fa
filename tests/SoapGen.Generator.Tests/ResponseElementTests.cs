using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using SoapGen.Runtime;
using Xunit;

namespace SoapGen.Generator.Tests;

/// <summary>
/// A generated client checks the element a reply's Body starts with, as the model decides it: document/literal by
/// namespace and local name, rpc by local name only (servers differ in the namespace), and rpc not at all when
/// wsdl:output has a name of its own (PHP ext/soap names the wrapper after it, others after the operation). Each
/// operation descriptor also carries the WSDL's service name.
/// </summary>
public class ResponseElementTests
{
    private const string Env = "http://schemas.xmlsoap.org/soap/envelope/";

    private static string RpcWsdl(string outputName) => $"""
        <definitions name="E" targetNamespace="urn:e" xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:tns="urn:e"
            xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
          <message name="echoRequest"><part name="text" type="xsd:string"/></message>
          <message name="echoResponse"><part name="return" type="xsd:string"/></message>
          <portType name="EPortType"><operation name="echo"><input message="tns:echoRequest"/><output {outputName} message="tns:echoResponse"/></operation></portType>
          <binding name="EBinding" type="tns:EPortType">
            <soap:binding style="rpc" transport="http://schemas.xmlsoap.org/soap/http"/>
            <operation name="echo"><soap:operation soapAction="urn:e#echo"/>
              <input><soap:body use="encoded" namespace="urn:e" encodingStyle="http://schemas.xmlsoap.org/soap/encoding/"/></input>
              <output><soap:body use="encoded" namespace="urn:e" encodingStyle="http://schemas.xmlsoap.org/soap/encoding/"/></output>
            </operation>
          </binding>
          <service name="EchoService"><port name="EPort" binding="tns:EBinding"><soap:address location="http://127.0.0.1/e"/></port></service>
        </definitions>
        """;

    private const string RpcProbe = """
        public static class Probe
        {
            public static async System.Threading.Tasks.Task<string?> Call(System.Net.Http.HttpClient http, System.Collections.Generic.List<string?> services)
            {
                var options = new SoapGen.Runtime.SoapClientOptions { Endpoint = new System.Uri("http://127.0.0.1/e") };
                options.Steps.Add(new Recorder(services));
                return await new E.EchoClient(http, options).EchoAsync("hi");
            }

            private sealed class Recorder(System.Collections.Generic.List<string?> services) : SoapGen.Runtime.SoapPipelineStep
            {
                public override System.Threading.Tasks.ValueTask InvokeAsync(SoapGen.Runtime.SoapCallContext call, SoapGen.Runtime.SoapPipelineNext next, System.Threading.CancellationToken cancellationToken)
                {
                    services.Add(call.Operation.ServiceName);
                    return next(call, cancellationToken);
                }
            }
        }
        """;

    private const string WeatherProbe = """
        public static class Probe
        {
            public static async System.Threading.Tasks.Task<string?> Call(System.Net.Http.HttpClient http, System.Collections.Generic.List<string?> services) =>
                (await new W.WeatherClient(http, new System.Uri("http://127.0.0.1/w")).GetForecastAsync("Bern"))?.ToString();
        }
        """;

    private static string Reply(string body) =>
        "<s:Envelope xmlns:s=\"" + Env + "\"><s:Body>" + body + "</s:Body></s:Envelope>";

    [Theory]
    [InlineData("<ns1:echoResponse xmlns:ns1=\"urn:e\"><return>ok</return></ns1:echoResponse>")]  // PHP ext/soap, NuSOAP
    [InlineData("<echoResponse xmlns=\"urn:other\"><return xmlns=\"\">ok</return></echoResponse>")]
    [InlineData("<echoResponse><return>ok</return></echoResponse>")]
    public async Task RpcReplyIsReadWhateverTheWrappersNamespace(string body)
    {
        var services = new System.Collections.Generic.List<string?>();

        Assert.Equal("ok", await Call(RpcWsdl(""), "e.wsdl", "E", RpcProbe, Reply(body), services));
        Assert.Equal(new[] { "EchoService" }, services);
    }

    [Fact]
    public async Task RpcReplyWithAnotherWrapperIsAProtocolError()
    {
        var ex = await Assert.ThrowsAsync<SoapProtocolException>(() =>
            Call(RpcWsdl(""), "e.wsdl", "E", RpcProbe, Reply("<ns1:loginResponse xmlns:ns1=\"urn:e\"><return>ok</return></ns1:loginResponse>"), new()));

        Assert.Contains("<loginResponse>", ex.Message);
        Assert.Contains("<echoResponse> in any namespace", ex.Message);
        Assert.Contains("Operation 'echo'", ex.Message);
        Assert.Equal(HttpStatusCode.OK, ex.HttpStatusCode);
    }

    [Fact]
    public async Task RpcReplyIsNotCheckedWhenTheOutputHasANameOfItsOwn()
    {
        // PHP ext/soap would answer <ns1:echoOut>, Axis or NuSOAP <ns1:echoResponse>: both must read.
        foreach (var wrapper in new[] { "echoOut", "echoResponse" })
        {
            var body = "<ns1:" + wrapper + " xmlns:ns1=\"urn:e\"><return>ok</return></ns1:" + wrapper + ">";
            Assert.Equal("ok", await Call(RpcWsdl("name=\"echoOut\""), "e.wsdl", "E", RpcProbe, Reply(body), new()));
        }
    }

    [Theory]
    [InlineData("<w:GetForecastResponse xmlns:w=\"urn:other\"/>", "namespace 'urn:other'")]
    [InlineData("<GetForecastResponse/>", "in no namespace")]
    [InlineData("<w:ListStationsResponse xmlns:w=\"urn:soapgen:weather\"/>", "<ListStationsResponse>")]
    public async Task DocumentLiteralReplyMustBeTheResponseElementExactly(string body, string expected)
    {
        var ex = await Assert.ThrowsAsync<SoapProtocolException>(() =>
            Call(GeneratorHarness.WeatherWsdl(), "weather.wsdl", "W", WeatherProbe, Reply(body), new()));

        Assert.Contains(expected, ex.Message);
        Assert.Contains("not the operation's response <GetForecastResponse> in namespace 'urn:soapgen:weather'", ex.Message);
        Assert.Contains("Operation 'GetForecast'", ex.Message);
    }

    [Fact]
    public async Task DocumentLiteralReplyWithTheResponseElementIsRead()
    {
        // An empty wrapper: the forecast part is absent, so the result is null, and no error.
        Assert.Null(await Call(GeneratorHarness.WeatherWsdl(), "weather.wsdl", "W", WeatherProbe,
            Reply("<w:GetForecastResponse xmlns:w=\"urn:soapgen:weather\"/>"), new()));
    }

    private static async Task<string?> Call(string wsdl, string path, string ns, string probe, string reply, System.Collections.Generic.List<string?> services)
    {
        var result = GeneratorHarness.Run(path, wsdl, new System.Collections.Generic.Dictionary<string, string> { ["SoapGenNamespace"] = ns }, probe);
        Assert.Empty(result.CompileErrors);
        var call = result.Load().GetType("Probe")!.GetMethod("Call")!;
        using var http = new HttpClient(new CannedHandler(reply));
        return await (Task<string?>)call.Invoke(null, new object[] { http, services })!;
    }

    private sealed class CannedHandler(string reply) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(reply, Encoding.UTF8, "text/xml") });
    }
}
