using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace SoapGen.Generator.Tests;

/// <summary>
/// The SOAP 1.1 and SOAP 1.2 ports of one service (every ASP.NET .asmx WSDL has both) get a client each, but an
/// operation's response is one model: both clients return the same result record, read by one reader, so code written
/// against one port's result works with the other's.
/// </summary>
public class PortSharingTests
{
    private const string Wsdl = """
        <?xml version="1.0"?>
        <definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
                     xmlns:soap12="http://schemas.xmlsoap.org/wsdl/soap12/" xmlns:s="http://www.w3.org/2001/XMLSchema"
                     xmlns:tns="urn:stock" targetNamespace="urn:stock">
          <types>
            <s:schema elementFormDefault="qualified" targetNamespace="urn:stock">
              <s:element name="GetStock"><s:complexType><s:sequence><s:element name="sku" type="s:string"/></s:sequence></s:complexType></s:element>
              <s:element name="GetStockResponse"><s:complexType><s:sequence>
                <s:element name="quantity" type="s:int"/><s:element name="warehouse" type="s:string" minOccurs="0"/>
              </s:sequence></s:complexType></s:element>
            </s:schema>
          </types>
          <message name="GetStockSoapIn"><part name="parameters" element="tns:GetStock"/></message>
          <message name="GetStockSoapOut"><part name="parameters" element="tns:GetStockResponse"/></message>
          <portType name="StockSoap"><operation name="GetStock"><input message="tns:GetStockSoapIn"/><output message="tns:GetStockSoapOut"/></operation></portType>
          <binding name="StockSoap" type="tns:StockSoap">
            <soap:binding transport="http://schemas.xmlsoap.org/soap/http"/>
            <operation name="GetStock"><soap:operation soapAction="urn:stock/GetStock" style="document"/>
              <input><soap:body use="literal"/></input><output><soap:body use="literal"/></output></operation>
          </binding>
          <binding name="StockSoap12" type="tns:StockSoap">
            <soap12:binding transport="http://schemas.xmlsoap.org/soap/http"/>
            <operation name="GetStock"><soap12:operation soapAction="urn:stock/GetStock" style="document"/>
              <input><soap12:body use="literal"/></input><output><soap12:body use="literal"/></output></operation>
          </binding>
          <service name="Stock">
            <port name="StockSoap" binding="tns:StockSoap"><soap:address location="http://127.0.0.1/stock.asmx"/></port>
            <port name="StockSoap12" binding="tns:StockSoap12"><soap12:address location="http://127.0.0.1/stock.asmx"/></port>
          </service>
        </definitions>
        """;

    // Compiles only when both clients return the one record type.
    private const string Probe = """
        public static class Probe
        {
            public static async System.Threading.Tasks.Task<string> Call(System.Net.Http.HttpClient soap11, System.Net.Http.HttpClient soap12)
            {
                Stock.GetStockResult first = await new Stock.StockSoapClient(soap11).GetStockAsync("A-1");
                Stock.GetStockResult second = await new Stock.StockSoap12Client(soap12).GetStockAsync("A-1");
                return first.Quantity + "@" + first.Warehouse + " " + second.Quantity + "@" + second.Warehouse + " " + (first == second);
            }
        }
        """;

    [Fact]
    public async Task BothPortsReturnTheSameResultRecord()
    {
        var result = GeneratorHarness.Run("stock.wsdl", Wsdl, new System.Collections.Generic.Dictionary<string, string> { ["SoapGenNamespace"] = "Stock" }, Probe);
        Assert.Empty(result.CompileErrors);
        Assert.DoesNotContain(result.Output!.GetSymbolsWithName(name => name.StartsWith("GetStockResult", StringComparison.Ordinal), Microsoft.CodeAnalysis.SymbolFilter.Type), t => t.Name != "GetStockResult");

        var call = result.Load().GetType("Probe")!.GetMethod("Call")!;
        using var soap11 = new HttpClient(new Reply("http://schemas.xmlsoap.org/soap/envelope/", "text/xml"));
        using var soap12 = new HttpClient(new Reply("http://www.w3.org/2003/05/soap-envelope", "application/soap+xml"));

        var text = await (Task<string>)call.Invoke(null, new object[] { soap11, soap12 })!;

        Assert.Equal("7@north 7@north True", text);
    }

    private sealed class Reply(string envelopeNamespace, string mediaType) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = "<e:Envelope xmlns:e=\"" + envelopeNamespace + "\"><e:Body><GetStockResponse xmlns=\"urn:stock\"><quantity>7</quantity><warehouse>north</warehouse></GetStockResponse></e:Body></e:Envelope>";
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, mediaType) });
        }
    }
}
