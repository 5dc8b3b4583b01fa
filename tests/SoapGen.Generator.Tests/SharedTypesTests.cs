using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace SoapGen.Generator.Tests;

/// <summary>
/// Schema types are generated once per C# namespace, whichever WSDLs use them: a value one client returns is the very
/// type another client takes (SoftLayer's eight services share one schema).
/// </summary>
public class SharedTypesTests
{
    private static readonly Dictionary<string, string> Shop = new() { ["SoapGenNamespace"] = "Shop" };

    private const string Types = """
        <?xml version="1.0"?>
        <xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:types">
          <xsd:complexType name="Order"><xsd:sequence><xsd:element name="id" type="xsd:int"/><xsd:element name="item" type="xsd:string"/></xsd:sequence></xsd:complexType>
        </xsd:schema>
        """;

    // {0}: the service, {1}: the operation, {2}: its input part, {3}: its output part, {4}: inline schema types.
    private const string Service = """
        <?xml version="1.0"?>
        <definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
                     xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:types" xmlns:tns="urn:{0}" targetNamespace="urn:{0}">
          <types>
            <xsd:schema targetNamespace="urn:{0}"><xsd:import namespace="urn:types" schemaLocation="types.xsd"/></xsd:schema>
            {4}
          </types>
          <message name="In">{2}</message>
          <message name="Out">{3}</message>
          <portType name="{0}PortType"><operation name="{1}"><input message="tns:In"/><output message="tns:Out"/></operation></portType>
          <binding name="{0}Binding" type="tns:{0}PortType">
            <soap:binding style="rpc" transport="http://schemas.xmlsoap.org/soap/http"/>
            <operation name="{1}"><soap:operation soapAction="urn:{0}#{1}"/>
              <input><soap:body use="encoded" namespace="urn:{0}" encodingStyle="http://schemas.xmlsoap.org/soap/encoding/"/></input>
              <output><soap:body use="encoded" namespace="urn:{0}" encodingStyle="http://schemas.xmlsoap.org/soap/encoding/"/></output></operation>
          </binding>
          <service name="{0}"><port name="{0}Port" binding="tns:{0}Binding"><soap:address location="http://localhost/{0}"/></port></service>
        </definitions>
        """;

    private static string Wsdl(string service, string operation, string input, string output, string inlineTypes = "") =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, Service, service, operation, input, output, inlineTypes);

    [Fact]
    public void ATypeTwoWsdlsImportIsGeneratedOnceAndPassesFromOneClientToTheOther()
    {
        const string user = """
            using System.Threading.Tasks;
            public static class Flow
            {
                public static async Task<string?> CopyAsync(System.Net.Http.HttpClient http)
                {
                    Shop.Order? order = await new Shop.OrdersClient(http).GetOrderAsync(1);
                    return await new Shop.ShippingClient(http).ShipAsync(order);
                }
            }
            """;
        var result = GeneratorHarness.Run(
            "orders.wsdl",
            Wsdl("Orders", "GetOrder", "<part name=\"id\" type=\"xsd:int\"/>", "<part name=\"order\" type=\"t:Order\"/>"),
            Shop,
            user,
            otherFiles: new[]
            {
                ("types.xsd", Types),
                ("shipping.wsdl", Wsdl("Shipping", "Ship", "<part name=\"order\" type=\"t:Order\"/>", "<part name=\"receipt\" type=\"xsd:string\"/>")),
            },
            otherFilesGenerate: true,
            otherFilesMetadata: Shop);

        Assert.Empty(result.CompileErrors);
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.Single(result.Sources, s => s.Source.Contains("partial record Order"));
    }

    [Fact]
    public void TwoDifferentDefinitionsOfOneNameAreReportedWhereTheSecondIs()
    {
        static string Inline(string type) =>
            "<xsd:schema targetNamespace=\"urn:types\"><xsd:complexType name=\"Order\"><xsd:sequence><xsd:element name=\"id\" type=\"xsd:" + type + "\"/></xsd:sequence></xsd:complexType></xsd:schema>";
        var result = GeneratorHarness.Run(
            "a.wsdl",
            Wsdl("A", "Get", "<part name=\"id\" type=\"xsd:int\"/>", "<part name=\"order\" type=\"t:Order\"/>", Inline("int")).Replace("<xsd:import namespace=\"urn:types\" schemaLocation=\"types.xsd\"/>", string.Empty),
            Shop,
            otherFiles: new[]
            {
                ("b.wsdl", Wsdl("B", "Get", "<part name=\"id\" type=\"xsd:int\"/>", "<part name=\"order\" type=\"t:Order\"/>", Inline("string")).Replace("<xsd:import namespace=\"urn:types\" schemaLocation=\"types.xsd\"/>", string.Empty)),
            },
            otherFilesGenerate: true,
            otherFilesMetadata: Shop);

        var conflict = Assert.Single(result.GeneratorDiagnostics, d => d.Id == "SOAPGEN012");
        Assert.Equal("b.wsdl", conflict.Location.GetLineSpan().Path);
        Assert.Contains("a.wsdl", conflict.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(result.CompileErrors);
    }
}
