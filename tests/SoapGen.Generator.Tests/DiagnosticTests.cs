using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace SoapGen.Generator.Tests;

/// <summary>Every bad input gets a diagnostic with a stable ID at the right line and column, and never a crash.</summary>
public class DiagnosticTests
{
    [Fact]
    public void MalformedXmlIsSoapGen001AtTheErrorPosition()
    {
        var result = GeneratorHarness.Run("bad.wsdl", "<definitions>\n  <message name=\"a\">\n</definitions>");

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("SOAPGEN001", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("bad.wsdl", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(2, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Empty(result.Sources);
    }

    [Fact]
    public void DtdIsRefusedNotExpanded()
    {
        var wsdl = "<?xml version=\"1.0\"?>\n<!DOCTYPE d [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n<definitions>&e;</definitions>";

        var result = GeneratorHarness.Run("dtd.wsdl", wsdl);

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("SOAPGEN001", diagnostic.Id);
        Assert.Contains("DTD", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void XmlThatIsNotWsdlIsSoapGen002()
    {
        var result = GeneratorHarness.Run("notwsdl.wsdl", "<?xml version=\"1.0\"?>\n<project/>");

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("SOAPGEN002", diagnostic.Id);
        Assert.Equal(1, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void UnresolvedTypeIsSoapGen003AtThePartAndFallsBackToXElement()
    {
        var wsdl = TestWsdl.Head + """

              <message name="opRequest"><part name="a" type="xsd:string"/></message>
              <message name="opResponse">
                <part name="return" type="tns:array"/>
              </message>
            """ + TestWsdl.RpcBinding();

        var result = GeneratorHarness.Run("unresolved.wsdl", wsdl);

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("SOAPGEN003", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        var position = diagnostic.Location.GetLineSpan().StartLinePosition;
        Assert.Equal((5, 4), (position.Line, position.Character));
        Assert.Contains("{urn:t}array", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(result.CompileErrors);
        Assert.Contains(result.Sources, s => s.Source.Contains("global::System.Threading.Tasks.Task<global::System.Xml.Linq.XElement?> OpAsync(string? a,"));
    }

    [Fact]
    public void InterServerWsdlReportsExactlyItsTwoUndefinedArrayParts()
    {
        var result = GeneratorHarness.Run("wsdl/interserver.wsdl", GeneratorHarness.InterServerWsdl());

        var diagnostics = result.GeneratorDiagnostics.OrderBy(d => d.Location.GetLineSpan().StartLinePosition.Line).ToList();
        Assert.Equal(2, diagnostics.Count);
        Assert.All(diagnostics, d => Assert.Equal("SOAPGEN003", d.Id));
        Assert.Contains("get_locked_ips", diagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("get_modules", diagnostics[1].GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void UnsupportedSchemaConstructIsSoapGen004AtTheType()
    {
        var wsdl = TestWsdl.Head + """

              <types><xsd:schema targetNamespace="urn:t">
                <xsd:complexType name="Money"><xsd:complexContent><xsd:restriction base="soapenc:Array" xmlns:soapenc="http://schemas.xmlsoap.org/soap/encoding/" xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/"><xsd:attribute ref="soapenc:arrayType" wsdl:arrayType="xsd:string[,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,]"/></xsd:restriction></xsd:complexContent></xsd:complexType>
              </xsd:schema></types>
              <message name="opRequest"><part name="a" type="xsd:string"/></message>
              <message name="opResponse"><part name="r" type="tns:Money"/></message>
            """ + TestWsdl.RpcBinding();

        var result = GeneratorHarness.Run("arrayofarrays.wsdl", wsdl);

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("SOAPGEN004", diagnostic.Id);
        Assert.Equal(4, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("array of 33 dimensions", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(result.CompileErrors);
    }

    [Fact]
    public void MissingMessageIsSoapGen005AtTheOperation()
    {
        var wsdl = TestWsdl.Head + """

              <message name="opRequest"><part name="a" type="xsd:string"/></message>
            """ + TestWsdl.RpcBinding();

        var result = GeneratorHarness.Run("missing.wsdl", wsdl);

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("SOAPGEN005", diagnostic.Id);
        Assert.Contains("opResponse", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(result.CompileErrors);
    }

    [Fact]
    public void WsdlWithoutSoapPortIsSoapGen006()
    {
        var wsdl = TestWsdl.Head + "\n</definitions>";

        var result = GeneratorHarness.Run("empty.wsdl", wsdl);

        Assert.Equal("SOAPGEN006", Assert.Single(result.GeneratorDiagnostics).Id);
        Assert.Empty(result.CompileErrors);
    }

    [Theory]
    [InlineData("SoapGenNamespace", "My-Namespace")]
    [InlineData("SoapGenClientName", "class")]
    [InlineData("SoapGenAccessibility", "private")]
    public void InvalidMetadataIsSoapGen007(string key, string value)
    {
        var result = GeneratorHarness.Run("interserver.wsdl", GeneratorHarness.InterServerWsdl(), new Dictionary<string, string> { [key] = value });

        var diagnostic = Assert.Single(result.GeneratorDiagnostics, d => d.Id == "SOAPGEN007");
        Assert.Contains(key, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(result.Sources);
    }

    [Fact]
    public void SessionLoginThatDoesNotExistIsSoapGen008()
    {
        var result = GeneratorHarness.Run("interserver.wsdl", GeneratorHarness.InterServerWsdl(), new Dictionary<string, string> { ["SoapGenSessionLogin"] = "no_such_login" });

        Assert.Contains(result.GeneratorDiagnostics, d => d.Id == "SOAPGEN008");
        Assert.DoesNotContain(result.Sources, s => s.HintName.Contains("Session"));
        Assert.Empty(result.CompileErrors);
    }

    [Fact]
    public void AwkwardNamesBecomeValidIdentifiers()
    {
        var wsdl = TestWsdl.Head + """

              <types><xsd:schema targetNamespace="urn:t">
                <xsd:complexType name="class"><xsd:all>
                  <xsd:element name="0" type="xsd:string"/>
                  <xsd:element name="class" type="xsd:int"/>
                  <xsd:element name="status_text" type="xsd:string"/>
                  <xsd:element name="statusText" type="xsd:string"/>
                </xsd:all></xsd:complexType>
              </xsd:schema></types>
              <message name="opRequest"><part name="string" type="xsd:string"/><part name="from" type="xsd:int"/></message>
              <message name="opResponse"><part name="return" type="tns:class"/></message>
            """ + TestWsdl.RpcBinding();

        var result = GeneratorHarness.Run("names.wsdl", wsdl);

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompileErrors);
        var source = string.Join("\n", result.Sources.Select(s => s.Source));
        Assert.Contains("public sealed partial record Class", source);
        Assert.Contains("public string? _0 { get; init; }", source);
        Assert.Contains("public int? Class2 { get; init; }", source);
        Assert.Contains("public string? StatusText { get; init; }", source);
        Assert.Contains("public string? StatusText2 { get; init; }", source);
        Assert.Contains("OpAsync(string? @string, int from,", source);
    }

    [Fact]
    public void DerivedTypeRepeatingABaseMemberStillCompiles()
    {
        var wsdl = TestWsdl.Head + """

              <types><xsd:schema targetNamespace="urn:t">
                <xsd:complexType name="Base"><xsd:sequence><xsd:element name="id" type="xsd:int"/></xsd:sequence></xsd:complexType>
                <xsd:complexType name="Derived"><xsd:complexContent><xsd:extension base="tns:Base">
                  <xsd:sequence><xsd:element name="id" type="xsd:string"/><xsd:element name="name" type="xsd:string"/></xsd:sequence>
                </xsd:extension></xsd:complexContent></xsd:complexType>
              </xsd:schema></types>
              <message name="opRequest"><part name="a" type="tns:Derived"/></message>
              <message name="opResponse"><part name="return" type="tns:Derived"/></message>
            """ + TestWsdl.RpcBinding();

        var result = GeneratorHarness.Run("derived.wsdl", wsdl);

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompileErrors);
        var source = string.Join("\n", result.Sources.Select(s => s.Source));
        Assert.Contains("public int? Id { get; init; }", source);
        Assert.Contains("public string? Id2 { get; init; }", source);
        Assert.Contains("public string? Name { get; init; }", source);
    }
}
