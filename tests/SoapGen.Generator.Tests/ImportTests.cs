using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace SoapGen.Generator.Tests;

/// <summary>wsdl:import, xsd:import and xsd:include resolve among the AdditionalFiles, never the disk or the network.</summary>
public class ImportTests
{
    internal const string Types = """
        <?xml version="1.0"?>
        <xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:types" xmlns:t="urn:types">
          <xsd:complexType name="Order">
            <xsd:sequence><xsd:element name="id" type="xsd:int"/><xsd:element name="note" type="t:Note"/></xsd:sequence>
          </xsd:complexType>
          <xsd:include schemaLocation="note.xsd"/>
        </xsd:schema>
        """;

    // No targetNamespace: an included schema takes its includer's ("chameleon").
    internal const string Note = """
        <?xml version="1.0"?>
        <xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">
          <xsd:complexType name="Note"><xsd:sequence><xsd:element name="text" type="xsd:string"/></xsd:sequence></xsd:complexType>
        </xsd:schema>
        """;

    internal const string Abstract = """
        <?xml version="1.0"?>
        <definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:t="urn:types" xmlns:tns="urn:shop" targetNamespace="urn:shop">
          <types>
            <xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:shop">
              <xsd:import namespace="urn:types" schemaLocation="{0}"/>
            </xsd:schema>
          </types>
          <message name="GetOrderIn"><part name="id" type="xsd:int" xmlns:xsd="http://www.w3.org/2001/XMLSchema"/></message>
          <message name="GetOrderOut"><part name="order" type="t:Order"/></message>
          <portType name="Shop"><operation name="GetOrder"><input message="tns:GetOrderIn"/><output message="tns:GetOrderOut"/></operation></portType>
        </definitions>
        """;

    internal const string Concrete = """
        <?xml version="1.0"?>
        <definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:tns="urn:shop" targetNamespace="urn:shop">
          <import namespace="urn:shop" location="{0}"/>
          <binding name="ShopBinding" type="tns:Shop">
            <soap:binding style="rpc" transport="http://schemas.xmlsoap.org/soap/http"/>
            <operation name="GetOrder"><soap:operation soapAction="urn:shop#GetOrder"/>
              <input><soap:body use="literal" namespace="urn:shop"/></input><output><soap:body use="literal" namespace="urn:shop"/></output></operation>
          </binding>
          <service name="Shop"><port name="ShopPort" binding="tns:ShopBinding"><soap:address location="http://localhost/shop"/></port></service>
        </definitions>
        """;

    [Fact]
    public void WsdlImportXsdImportAndChameleonIncludeResolveByRelativePath()
    {
        var result = GeneratorHarness.Run(
            "svc/shop.wsdl",
            Concrete.Replace("{0}", "abstract/shop-abstract.wsdl"),
            otherFiles: new[]
            {
                ("svc/abstract/shop-abstract.wsdl", Abstract.Replace("{0}", "../schemas/types.xsd")),
                ("svc/schemas/types.xsd", Types),
                ("svc/schemas/note.xsd", Note),
            });

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompileErrors);
        var source = string.Join("\n", result.Sources.Select(s => s.Source));
        Assert.Contains("GetOrderAsync(int id,", source);
        Assert.Contains("public sealed partial record Order", source);
        Assert.Contains("public global::Shop.Note? Note { get; init; }", source);
    }

    [Fact]
    public void XsdImportFallsBackToTheFileNameInTheLocationAndThenToTheNamespace()
    {
        var byName = GeneratorHarness.Run(
            "shop.wsdl",
            Concrete.Replace("{0}", "shop-abstract.wsdl"),
            otherFiles: new[]
            {
                ("shop-abstract.wsdl", Abstract.Replace("{0}", "http://example.com/Shop.svc?xsd=types.xsd")),
                ("downloaded/types.xsd", Types),
                ("downloaded/note.xsd", Note),
            });
        var byNamespace = GeneratorHarness.Run(
            "shop.wsdl",
            Concrete.Replace("{0}", "shop-abstract.wsdl"),
            otherFiles: new[]
            {
                ("shop-abstract.wsdl", Abstract.Replace("{0}", "http://example.com/Shop.svc?xsd=xsd0")),
                ("urn.types.xsd", Types),
                ("note.xsd", Note),
            });

        foreach (var result in new[] { byName, byNamespace })
        {
            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Empty(result.CompileErrors);
            Assert.Contains(result.Sources, s => s.Source.Contains("public sealed partial record Order"));
        }
    }

    [Fact]
    public void MissingImportIsSoapGen011AtTheImportAndItsTypesAreUnresolved()
    {
        var result = GeneratorHarness.Run(
            "shop.wsdl",
            Concrete.Replace("{0}", "shop-abstract.wsdl"),
            otherFiles: new[] { ("shop-abstract.wsdl", Abstract.Replace("{0}", "types.xsd")) });

        var missing = Assert.Single(result.GeneratorDiagnostics, d => d.Id == "SOAPGEN011");
        var span = missing.Location.GetLineSpan();
        Assert.Equal("shop-abstract.wsdl", span.Path);
        Assert.Equal(4, span.StartLinePosition.Line);
        Assert.Contains("types.xsd", missing.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(result.GeneratorDiagnostics, d => d.Id == "SOAPGEN003");
        Assert.Empty(result.CompileErrors);
    }

    [Fact]
    public void ProblemsInsideAnImportedSchemaAreReportedInThatFile()
    {
        var result = GeneratorHarness.Run(
            "shop.wsdl",
            Concrete.Replace("{0}", "shop-abstract.wsdl"),
            otherFiles: new[]
            {
                ("shop-abstract.wsdl", Abstract.Replace("{0}", "types.xsd")),
                ("types.xsd", Types),
                ("note.xsd", Note.Replace("<xsd:sequence><xsd:element name=\"text\" type=\"xsd:string\"/></xsd:sequence>", "<xsd:sequence><xsd:element name=\"text\" type=\"xsd:string\"/><xsd:group ref=\"missing\"/></xsd:sequence>")),
            });

        var unsupported = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("SOAPGEN004", unsupported.Id);
        Assert.Equal("note.xsd", unsupported.Location.GetLineSpan().Path);
        Assert.Equal(2, unsupported.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("xsd:group", unsupported.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(result.CompileErrors);
    }

    [Fact]
    public void TwoWsdlsWithTheSameFileNameInDifferentFoldersBothGenerate()
    {
        var wsdl = GeneratorHarness.InterServerWsdl();
        var result = GeneratorHarness.Run(
            "a/api.wsdl",
            wsdl,
            new Dictionary<string, string> { ["SoapGenNamespace"] = "A" },
            otherFiles: new[] { ("b/api.wsdl", wsdl) },
            otherFilesGenerate: true);

        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == "CS8785" || d.Id == "SOAPGEN009");
        Assert.Equal(2, result.Sources.Count(s => s.HintName.EndsWith(".MyapiClient.g.cs", System.StringComparison.Ordinal)));
    }
}
